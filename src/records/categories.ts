import type { CellValue } from '../read/types.js';
import { quoteValue } from '../text.js';
import { cellText, isErrorCell } from './cells.js';
import type { CodedMatcher } from './coded.js';
import type { MappedColumn } from './header.js';
import type { CellProblem } from './types.js';

/** What separates several 主訴 in one cell (SPEC §14), half- and full-width: 、 ・ , ／ / and line breaks. */
const SEPARATORS = /([、､・･,，／/\r\n]+)/u;

type CellMatch = { ok: true; labels: readonly number[] } | { ok: false; unknown: { part: string; suggestion?: string }[] };

/**
 * The 主訴 of a cell when several may be given (`categoriesMultiple`): each part matched against
 * the categories, a label repeated in the cell counted once. A label that itself holds a separator
 * (「DV・性暴力」) is still one label: the longest run of parts that matches is taken first. The
 * answer is cached by the cell's text, and equal sets of labels are one shared array, so that two
 * records with the same 主訴 compare by reference and no row allocates.
 */
export class CategoryCells {
  /** The labels of the cell read last (valid until the next read). */
  current: readonly number[] = [];
  private readonly cache = new Map<string, CellMatch>();
  private readonly sets = new Map<string, readonly number[]>();

  constructor(private readonly matcher: CodedMatcher) {}

  /** The cell's first label (the record's `category`), with every label in `current`; null with an unknown-value problem per part no label matches. */
  read(column: MappedColumn, cell: CellValue | undefined, problems: CellProblem[]): number | null {
    const { index, header } = column;
    if (isErrorCell(cell)) {
      const value = cellText(cell);
      problems.push({ code: 'unknown-value', index, header, detail: { column: header, value, allowed: this.matcher.labels }, value });
      return null;
    }
    const match = this.match(cellText(cell));
    if (!match.ok) {
      if (match.unknown.length === 0) problems.push({ code: 'missing-value', index, header, detail: { column: header } });
      for (const { part, suggestion } of match.unknown) {
        const value = quoteValue(part);
        problems.push({
          code: 'unknown-value',
          index,
          header,
          detail: { column: header, value, suggestion, allowed: this.matcher.labels },
          value,
        });
      }
      return null;
    }
    this.current = match.labels;
    return match.labels[0]!;
  }

  private match(text: string): CellMatch {
    let result = this.cache.get(text);
    if (result === undefined) {
      result = this.split(text);
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(text, result);
    }
    return result;
  }

  private split(text: string): CellMatch {
    const whole = this.matcher.match(text);
    if (whole.ok) return { ok: true, labels: this.shared([whole.index]) };
    // Parts at even positions, the separators between them at odd ones.
    const pieces = text.split(SEPARATORS);
    const parts = pieces.length === 1 ? 1 : (pieces.length + 1) / 2;
    const labels: number[] = [];
    const unknown: { part: string; suggestion?: string }[] = [];
    for (let i = 0; i < parts; i++) {
      if (pieces[2 * i]!.trim() === '') continue;
      // The longest run of parts from here, separators included, that is one label.
      let end = -1;
      for (let j = parts - 1; j >= i && end === -1; j--) {
        const run = this.matcher.match(pieces.slice(2 * i, 2 * j + 1).join(''));
        if (run.ok) {
          labels.push(run.index);
          end = j;
        }
      }
      if (end !== -1) {
        i = end;
        continue;
      }
      const alone = this.matcher.match(pieces[2 * i]!);
      unknown.push({ part: pieces[2 * i]!.trim(), suggestion: alone.ok ? undefined : alone.suggestion });
    }
    if (unknown.length > 0 || labels.length === 0) return { ok: false, unknown };
    return { ok: true, labels: this.shared(labels) };
  }

  /** The one array for a set of labels: sorted, each once. */
  private shared(labels: number[]): readonly number[] {
    const set = [...new Set(labels)].sort((a, b) => a - b);
    const key = set.join(',');
    let found = this.sets.get(key);
    if (found === undefined) {
      found = Object.freeze(set);
      this.sets.set(key, found);
    }
    return found;
  }
}
