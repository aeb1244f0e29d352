import type { CellValue } from '../read/types.js';
import type { NumberProblem } from '../problems.js';

export type CountResult = { ok: true; count: number } | { ok: false; problem: NumberProblem };

const MAX_COUNT = 1_000_000;

/**
 * A whole number from a cell: number cells, numbers typed as text (`'3`), full-width digits
 * and thousands separators (`１,２３４` → 1234).
 */
export function parseCount(value: CellValue, min: number): CountResult {
  let n: number;
  if (typeof value === 'number') {
    n = value;
  } else if (typeof value === 'string') {
    const text = value.normalize('NFKC').trim().replace(/^'/u, '');
    if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/u.test(text)) return { ok: false, problem: 'not-a-number' };
    n = Number(text.replace(/,/gu, ''));
  } else {
    return { ok: false, problem: 'not-a-number' };
  }
  if (!Number.isFinite(n)) return { ok: false, problem: 'not-a-number' };
  if (!Number.isInteger(n)) return { ok: false, problem: 'not-whole' };
  if (n < 0) return { ok: false, problem: 'negative' };
  if (n < min) return { ok: false, problem: 'zero' };
  if (n > MAX_COUNT) return { ok: false, problem: 'too-large' };
  return { ok: true, count: n };
}
