import type { Report } from '../report/types.js';
import { cellString, distributionGrid, ibashoGrid, intakeGrid, isNumericColumn, targetGrid, type Grid } from './grid.js';
import { reportNotes, reportTitle, targetTexts } from './text.js';

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
  parts.push(...reportNotes(report));
  if (report.kind === 'annual' && report.targets.length > 0) {
    parts.push(targetTexts(report).join('\n'), gridTable(Table, targetGrid(report)));
  }
  parts.push(gridTable(Table, intakeGrid(report)));
  // Under the table, as the seed prints them, in the month-end report too (SPEC §8).
  parts.push(report.summary.join('\n'));
  parts.push(gridTable(Table, ibashoGrid(report)), gridTable(Table, distributionGrid(report)));
  return `${parts.join('\n\n')}\n`;
}
