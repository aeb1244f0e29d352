import type { CellValue, RawRow } from '../read/types.js';
import { normalizeKey } from '../text.js';
import { isoDate } from './dates.js';
import type { TableLayout } from './header.js';
import type { CellProblem } from './types.js';

/** A cell as text, the way a person would read it in Excel. */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  return cell.error === '' ? '(=…)' : cell.error;
}

export function isEmptyCell(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function isBlankRow(row: RawRow): boolean {
  return row.cells.every(isEmptyCell);
}

export function isErrorCell(cell: CellValue | undefined): cell is { error: string } {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

/** First cells of total and footer lines (SPEC §2). */
const TOTAL_LABEL = /^(合計|計|小計|総計|累計)$|^(件数|合計)/u;

/** A row whose first filled cell is a total or footer label. */
export function isTotalLine(row: RawRow): boolean {
  const first = row.cells.find((cell) => !isEmptyCell(cell));
  return typeof first === 'string' && TOTAL_LABEL.test(normalizeKey(first));
}

/**
 * Cells of any named column holding U+FFFD — bytes the CSV's encoding could not decode — each an
 * encoding-error; their values are not read. Null when there is none (the usual case).
 */
export function garbledCells(layout: TableLayout, row: RawRow, problems: CellProblem[]): Set<number> | null {
  let garbled: Set<number> | null = null;
  for (const { index, header } of layout.named) {
    const cell = row.cells[index];
    if (typeof cell !== 'string' || !cell.includes('\uFFFD')) continue;
    (garbled ??= new Set()).add(index);
    problems.push({ code: 'encoding-error', index, header, detail: { column: header } });
  }
  return garbled;
}
