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

export function isErrorCell(cell: CellValue | undefined): cell is { error: string } {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}
