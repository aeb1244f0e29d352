import type { Report } from '../report/types.js';
import { cellString, distributionGrid, ibashoGrid, intakeGrid, isNumericColumn, targetGrid, type Grid } from './grid.js';
import { reportNotes, reportTitle, targetTexts } from './text.js';
import { wrapToWidth } from './width.js';

/** Sentences are wrapped to this many columns, the width of a default Windows terminal (SPEC §10). */
const SENTENCE_WIDTH = 118;
const wrapped = (lines: string[]): string => lines.flatMap((line) => wrapToWidth(line, SENTENCE_WIDTH)).join('\n');

type CliTableConstructor = typeof import('cli-table3');

function gridTable(Table: CliTableConstructor, grid: Grid): string {
  const table = new Table({
    style: { head: [], border: [] },
    colAligns: grid.headers.map((_, i) => (isNumericColumn(grid, i) ? 'right' : 'left')),
  });
  if (grid.groups) table.push(grid.groups.map((g) => ({ content: g.title, colSpan: g.span, hAlign: 'center' as const })));
  table.push(grid.headers);
  for (const row of grid.rows) table.push(row.cells.map(cellString));
  return [grid.title, table.toString(), grid.note ?? ''].filter((s) => s !== '').join('\n');
}

/** Tables for the terminal, drawn by cli-table3 (which measures full-width characters correctly). */
export async function renderTable(report: Report): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const parts = [reportTitle(report)];
  parts.push(...reportNotes(report).map((note) => wrapped([note])));
  if (report.kind === 'annual' && report.targets.length > 0) {
    parts.push(wrapped(targetTexts(report)), gridTable(Table, targetGrid(report)));
  }
  parts.push(gridTable(Table, intakeGrid(report)));
  // Under the table, as the seed prints them, in the month-end report too (SPEC §8).
  parts.push(wrapped(report.summary));
  parts.push(gridTable(Table, ibashoGrid(report)), gridTable(Table, distributionGrid(report)));
  return `${parts.join('\n\n')}\n`;
}
