import type { CellValue, RawRow } from '../read/types.js';
import { isoDate } from './dates.js';

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

/** The first cell of the greyed example row of `tsup-report template`. */
export const EXAMPLE_MARK = '記入例';

/**
 * The template's example row (first filled cell 記入例…): left in by staff, it is not a record
 * and nothing to warn about, so it is passed over like a blank row.
 */
export function isExampleRow(row: RawRow): boolean {
  const first = row.cells.find((cell) => !isEmptyCell(cell));
  return typeof first === 'string' && first.normalize('NFKC').trim().startsWith(EXAMPLE_MARK);
}

export function isErrorCell(cell: CellValue | undefined): cell is { error: string } {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}
