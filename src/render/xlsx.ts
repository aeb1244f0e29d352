import { OUTPUT_MARKER } from '../read/marker.js';
import type { Report } from '../report/types.js';
import { cellString, distributionGrid, ibashoGrid, intakeGrid, isNumericColumn, targetGrid, type Grid } from './grid.js';
import { reportNotes, reportTitle } from './text.js';
import { displayWidth } from './width.js';
import { loadWorkbookClass } from '../workbook.js';

type Worksheet = import('exceljs').Worksheet;

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE8EEF7' } };
const TOTAL_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF3F3F3' } };

/**
 * Writes one grid the way the seed lays its table out: a title, the fiscal year, merged group
 * headers, column headers, numbers as numbers, a bold 合計 row, and the period note below.
 * Returns the next free row.
 */
function writeGrid(sheet: Worksheet, grid: Grid, subtitle: string, extraLines: string[] = []): number {
  const columns = grid.headers.length;
  sheet.getCell(1, 1).value = grid.title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = subtitle;

  let row = 3;
  if (grid.groups) {
    let column = 1;
    for (const group of grid.groups) {
      if (group.span > 1) sheet.mergeCells(row, column, row, column + group.span - 1);
      const cell = sheet.getCell(row, column);
      cell.value = group.title;
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      for (let c = column; c < column + group.span; c++) {
        sheet.getCell(row, c).border = BORDER;
        sheet.getCell(row, c).fill = HEADER_FILL;
      }
      column += group.span;
    }
    row++;
  }
  grid.headers.forEach((header, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
  });
  const headerRow = row;
  const numeric = grid.headers.map((_, i) => isNumericColumn(grid, i));
  row++;
  for (const gridRow of grid.rows) {
    gridRow.cells.forEach((value, i) => {
      const cell = sheet.getCell(row, i + 1);
      // Strings are stored as text cells, never as formulas, whatever a config label begins with.
      if (value !== null && typeof value === 'object') {
        cell.value = value.percent;
        cell.numFmt = '0%';
      } else {
        cell.value = value === null ? 'x' : value;
        if (typeof value === 'number') cell.numFmt = '#,##0';
      }
      cell.border = BORDER;
      cell.alignment = { horizontal: numeric[i] ? 'right' : 'left' };
      if (gridRow.total) {
        cell.font = { bold: true };
        cell.fill = TOTAL_FILL;
      }
    });
    row++;
  }
  for (const line of [grid.note, ...extraLines]) {
    if (!line) continue;
    row++;
    sheet.getCell(row, 1).value = line;
  }

  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: headerRow }];
  for (let c = 1; c <= columns; c++) {
    const widest = Math.max(...[grid.headers[c - 1]!, ...grid.rows.map((r) => cellString(r.cells[c - 1] ?? ''))].map(displayWidth));
    sheet.getColumn(c).width = Math.max(c === 1 ? 8 : 6, Math.min(40, widest + 2));
  }
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
  return row + 1;
}

/** One sheet per table (目標と実績, 累計表, 居場所, 生理用品配布), styled for printing on A4 landscape. */
export async function renderXlsx(report: Report): Promise<Uint8Array> {
  const Workbook = await loadWorkbookClass();
  const workbook = new Workbook();
  workbook.creator = 'tsup-report';
  // Marked as the tool's own output, so that it is passed over when saved among the logs.
  workbook.keywords = OUTPUT_MARKER;
  const subtitle = `${report.organization} ${report.fiscalYearLabel}`.trim();
  const notes = reportNotes(report);

  if (report.kind === 'annual') {
    const targets = workbook.addWorksheet('目標と実績');
    writeGrid(targets, targetGrid(report), reportTitle(report), [...notes, '', ...report.summary]);
  }
  writeGrid(workbook.addWorksheet('累計表'), intakeGrid(report), subtitle, notes);
  writeGrid(workbook.addWorksheet('居場所'), ibashoGrid(report), subtitle, notes);
  writeGrid(workbook.addWorksheet('生理用品配布'), distributionGrid(report), subtitle, notes);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
