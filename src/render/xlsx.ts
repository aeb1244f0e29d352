import { columnLetters } from '../problems.js';
import { OUTPUT_MARKER } from '../read/marker.js';
import type { Report } from '../report/types.js';
import { cellString, distributionGrid, ibashoGrid, intakeGrid, isNumericColumn, targetGrid, type Grid } from './grid.js';
import { reportNotes, targetTexts } from './text.js';
import { JAPANESE_FONT } from './font.js';
import { displayWidth } from '../text.js';
import { loadWorkbookClass } from '../workbook.js';

type Worksheet = import('exceljs').Worksheet;
type Cell = import('exceljs').Cell;
type Font = Partial<import('exceljs').Font>;

export const XLSX_FONT_NAME = JAPANESE_FONT.name;
const font = (extra: Font = {}): Font => ({ ...JAPANESE_FONT, ...extra });
const BODY = font();
const BOLD = font({ bold: true });
const TITLE = font({ bold: true, size: 14 });

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE8EEF7' } };
const TOTAL_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF3F3F3' } };
/** Points per line of 11-point ＭＳ Ｐゴシック, with room for LibreOffice's slightly taller substitutes. */
const LINE_HEIGHT = 15;

interface SheetText {
  /** Under the title: the fiscal year, as the seed writes it (令和3年度). */
  subtitle: string;
  /** Lines between the title and the table (the seed's target lines). */
  before?: string[];
  /** Lines under the table (notes, the seed's summary sentences). */
  after?: string[];
  /** Totals as =SUM formulas; false when --suppress-below hid cells that a sum would give away. */
  formulas: boolean;
}

/** Excel's letters of a 1-based column number. */
const columnLetter = (column: number): string => columnLetters(column - 1);

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

/**
 * Writes one grid the way the seed lays its table out: the title, the fiscal year, merged group
 * headers, column headers, numbers as numbers, totals as =SUM with their values, a bold 合計 row,
 * and the lines under it. Every cell written names the font.
 */
function writeGrid(sheet: Worksheet, grid: Grid, text: SheetText): void {
  const columns = grid.headers.length;
  const widths = grid.headers.map((header, i) => {
    const widest = Math.max(...[header, ...grid.rows.map((r) => cellString(r.cells[i] ?? ''))].map(displayWidth));
    // Room for the one-character indent of the body cells beside the text itself.
    return Math.max(i === 0 ? 8 : 7, Math.min(40, widest + 3));
  });
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));

  const title = sheet.getCell(1, 1);
  title.value = grid.title;
  title.font = TITLE;
  sheet.getRow(1).height = 21;
  const subtitle = sheet.getCell(2, 1);
  subtitle.value = text.subtitle;
  subtitle.font = BODY;

  let row = 3;
  for (const line of text.before ?? []) writeLine(sheet, row++, line, columns, widths);
  if (text.before?.length) row++;

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
      if (value !== null && typeof value === 'object') {
        cell.value = value.percent;
        cell.numFmt = '0%';
      } else if (typeof value === 'number') {
        const rowSum = grid.rowSums.find((sum) => sum.column === i);
        let formula: string | null = null;
        if (text.formulas && gridRow.total && i > 0 && lastDataRow >= firstDataRow) {
          formula = `SUM(${letter}${firstDataRow}:${letter}${lastDataRow})`;
        } else if (text.formulas && rowSum) {
          formula = `SUM(${columnLetter(rowSum.from + 1)}${row}:${columnLetter(rowSum.to + 1)}${row})`;
        }
        setCount(cell, value, formula);
      } else {
        cell.value = value === null ? 'x' : value;
      }
      cell.border = BORDER;
      // One character's indent keeps figures and month labels off the cell borders, as staff would set it.
      cell.alignment = { horizontal: numeric[i] ? 'right' : 'left', vertical: 'middle', indent: 1 };
      cell.font = gridRow.total ? BOLD : BODY;
      if (gridRow.total) cell.fill = TOTAL_FILL;
    });
    row++;
  }
  const after = (text.after ?? []).filter((line) => line !== '');
  if (after.length > 0) row++;
  for (const line of after) writeLine(sheet, row++, line, columns, widths);

  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: headerRow }];
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.pageSetup.printTitlesRow = `1:${headerRow}`;
}

/**
 * One sheet per table (目標と実績, 累計表, 居場所, 生理用品配布), styled for printing on A4 landscape:
 * the cumulative table under the seed's title with the summary sentences under it, the targets
 * in the seed's words above their table.
 */
export async function renderXlsx(report: Report): Promise<Uint8Array> {
  const Workbook = await loadWorkbookClass();
  const workbook = new Workbook();
  workbook.creator = 'tsup-report';
  workbook.company = report.organization;
  // Marked as the tool's own output, so that it is passed over when saved among the logs.
  workbook.keywords = OUTPUT_MARKER;
  const notes = reportNotes(report);
  const base = { subtitle: report.fiscalYearLabel, formulas: report.suppression === undefined };

  if (report.kind === 'annual') {
    const grid = targetGrid(report);
    writeGrid(workbook.addWorksheet('目標と実績'), grid, { ...base, before: targetTexts(report), after: [grid.note ?? '', ...notes] });
  }
  // The sentences end with the period note, so the table needs no note of its own (as in the seed).
  writeGrid(workbook.addWorksheet('累計表'), intakeGrid(report), { ...base, after: [...notes, ...report.summary] });
  const ibasho = ibashoGrid(report);
  writeGrid(workbook.addWorksheet('居場所'), ibasho, { ...base, after: [ibasho.note ?? '', ...notes] });
  const distribution = distributionGrid(report);
  writeGrid(workbook.addWorksheet('生理用品配布'), distribution, { ...base, after: [distribution.note ?? '', ...notes] });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
