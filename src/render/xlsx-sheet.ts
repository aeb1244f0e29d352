import { columnLetters } from '../problems.js';
import { displayWidth } from '../text.js';
import { JAPANESE_FONT } from './font.js';
import { cellString, isNumericColumn, type Grid } from './grid.js';

type Worksheet = import('exceljs').Worksheet;
type Cell = import('exceljs').Cell;
type Font = Partial<import('exceljs').Font>;

const font = (extra: Font = {}): Font => ({ ...JAPANESE_FONT, ...extra });
const BODY = font();
const BOLD = font({ bold: true });
const TITLE = font({ bold: true, size: 14 });
const SUBTITLE = font({ bold: true, size: 12 });

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE8EEF7' } };
const TOTAL_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF3F3F3' } };
/** Points per line of 11-point ＭＳ Ｐゴシック, with room for LibreOffice's slightly taller substitutes. */
const LINE_HEIGHT = 15;

export interface SheetText {
  /** Under the title: the fiscal year, as the seed writes it (令和3年度). */
  subtitle: string;
  /** Lines between the title and the table (the seed's target lines). */
  before?: string[];
  /** Lines under the table (notes, the seed's summary sentences). */
  after?: string[];
  /** Totals as =SUM formulas; false when --suppress-below hid cells that a sum would give away. */
  formulas: boolean;
  /** What a hidden count is written as (the suppression symbol). */
  symbol: string;
}

/** Excel's letters of a 1-based column number. */
const columnLetter = (column: number): string => columnLetters(column - 1);
/** The address of a grid's 0-based column on a sheet row: B12. */
const cellAt = (column: number, row: number): string => `${columnLetter(column + 1)}${row}`;

/** A line of text across the table's width, wrapped, in a row tall enough for it (Excel does not size merged rows). */
function writeLine(sheet: Worksheet, row: number, text: string, columns: number, widths: number[]): void {
  if (columns > 1) sheet.mergeCells(row, 1, row, columns);
  for (let c = 1; c <= columns; c++) sheet.getCell(row, c).font = BODY;
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
  // Column widths count the default font's digits (7 px); a full-width character of 11-point
  // ＭＳ Ｐゴシック takes about 15 px, so one display column about 1.08 of a width unit.
  const available = widths.reduce((a, b) => a + b, 0);
  const lines = Math.max(1, Math.ceil((displayWidth(text) * 1.08) / available));
  sheet.getRow(row).height = lines * LINE_HEIGHT + 3;
}

function setCount(cell: Cell, value: number, formula: string | null): void {
  cell.value = formula === null ? value : { formula, result: value };
  cell.numFmt = '#,##0';
}

/** Column widths that fit every grid of a sheet: the widest text of each column, with room for the indent. */
function columnWidths(grids: readonly Grid[], symbol: string): number[] {
  const columns = Math.max(...grids.map((g) => g.headers.length));
  return Array.from({ length: columns }, (_, i) => {
    const texts = grids.flatMap((grid) =>
      i < grid.headers.length ? [grid.headers[i]!, ...grid.rows.map((r) => cellString(r.cells[i] ?? '', symbol))] : [],
    );
    const widest = Math.max(...texts.map(displayWidth));
    // 構成比 (100.0%) in bold ran into the border: its % is wider than a digit.
    const tenths = grids.some((grid) =>
      grid.rows.some((r) => {
        const cell = r.cells[i];
        return typeof cell === 'object' && cell !== null && cell.decimals === 1;
      }),
    );
    // Room for the one-character indent of the body cells beside the text itself.
    return Math.max(i === 0 ? 8 : 7, Math.min(40, widest + (tenths ? 4 : 3)));
  });
}

/** Writes a grid's group headers, column headers and rows from `row`; returns its header row and the row after it. */
function writeTable(sheet: Worksheet, grid: Grid, start: number, text: SheetText): { headerRow: number; next: number } {
  const { formulas, symbol } = text;
  let row = start;
  if (grid.groups) {
    let column = 1;
    for (const group of grid.groups) {
      if (group.span > 1) sheet.mergeCells(row, column, row, column + group.span - 1);
      for (let c = column; c < column + group.span; c++) {
        const cell = sheet.getCell(row, c);
        cell.font = BOLD;
        cell.border = BORDER;
        cell.fill = HEADER_FILL;
      }
      const cell = sheet.getCell(row, column);
      cell.value = group.title;
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      column += group.span;
    }
    row++;
  }
  grid.headers.forEach((header, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = header;
    cell.font = BOLD;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
  });
  const headerRow = row;
  const firstDataRow = headerRow + 1;
  const lastDataRow = headerRow + grid.rows.filter((r) => !r.total).length;
  const numeric = grid.headers.map((_, i) => isNumericColumn(grid, i));
  row++;

  for (const gridRow of grid.rows) {
    gridRow.cells.forEach((value, i) => {
      const cell = sheet.getCell(row, i + 1);
      const letter = columnLetter(i + 1);
      // Strings are stored as text cells, never as formulas, whatever a config label begins with.
      const share = gridRow.shares?.[i];
      if (value !== null && typeof value === 'object') {
        // A 構成比 follows a hand correction of the 合計 row above it, as the totals do.
        const whole =
          share &&
          (share.from === share.to ? cellAt(share.from, row - 1) : `SUM(${cellAt(share.from, row - 1)}:${cellAt(share.to, row - 1)})`);
        cell.value = formulas && whole ? { formula: `${cellAt(i, row - 1)}/${whole}`, result: value.percent } : value.percent;
        cell.numFmt = value.decimals === 1 ? '0.0%' : '0%';
      } else if (typeof value === 'number') {
        const rowSum = grid.rowSums.find((sum) => sum.column === i);
        const summed = !(grid.unsummed ?? []).includes(i);
        let formula: string | null = null;
        if (formulas && gridRow.total && i > 0 && summed && lastDataRow >= firstDataRow) {
          formula = `SUM(${letter}${firstDataRow}:${letter}${lastDataRow})`;
        } else if (formulas && rowSum) {
          formula = `SUM(${columnLetter(rowSum.from + 1)}${row}:${columnLetter(rowSum.to + 1)}${row})`;
        }
        setCount(cell, value, formula);
      } else {
        cell.value = value === null ? symbol : value;
      }
      cell.border = BORDER;
      // One character's indent keeps figures and month labels off the cell borders, as staff would set it.
      cell.alignment = { horizontal: numeric[i] ? 'right' : 'left', vertical: 'middle', indent: 1 };
      cell.font = gridRow.total ? BOLD : BODY;
      if (gridRow.total) cell.fill = TOTAL_FILL;
    });
    row++;
  }
  return { headerRow, next: row };
}

/**
 * Writes a sheet the way the seed lays its table out: the first grid's title, the fiscal year,
 * merged group headers, column headers, numbers as numbers, totals as =SUM with their values, a
 * bold 合計 row, and the lines under it. Further grids follow under their own titles (an
 * attribute's period and months, support by month and by agency). Every cell written names the font.
 */
export function writeSheet(sheet: Worksheet, grids: readonly Grid[], text: SheetText): void {
  const widths = columnWidths(grids, text.symbol);
  const columns = widths.length;
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));

  const title = sheet.getCell(1, 1);
  title.value = grids[0]!.title;
  title.font = TITLE;
  sheet.getRow(1).height = 21;
  const subtitle = sheet.getCell(2, 1);
  subtitle.value = text.subtitle;
  subtitle.font = BODY;

  let row = 3;
  for (const line of text.before ?? []) writeLine(sheet, row++, line, columns, widths);
  if (text.before?.length) row++;

  let firstHeaderRow = 0;
  grids.forEach((grid, k) => {
    if (k > 0) {
      row++;
      const heading = sheet.getCell(row, 1);
      heading.value = grid.title;
      heading.font = SUBTITLE;
      sheet.getRow(row).height = 18;
      row++;
    }
    const written = writeTable(sheet, grid, row, text);
    if (k === 0) firstHeaderRow = written.headerRow;
    row = written.next;
  });
  const after = (text.after ?? []).filter((line) => line !== '');
  if (after.length > 0) row++;
  for (const line of after) writeLine(sheet, row++, line, columns, widths);

  // One table keeps its header in view; under stacked tables only the labels stay.
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: grids.length === 1 ? firstHeaderRow : 0 }];
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  if (grids.length === 1) sheet.pageSetup.printTitlesRow = `1:${firstHeaderRow}`;
}
