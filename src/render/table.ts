import type { Report } from '../report/types.js';
import type { RenderOptions } from './formats.js';
import { cellString, gridNotes, hiddenSymbol, intakeGrid, isNumericColumn, partWords, targetGrid, type Grid } from './grid.js';
import { tablesAfterSummary } from './parts.js';
import { reportNotes, reportTitle, summaryLines, targetTexts } from './text.js';
import { terminalWidth, wrapToWidth } from './width.js';

type CliTableConstructor = typeof import('cli-table3');

/** Windows' console is 120 columns wide by default: what a table fits when the width is not known. */
export const DEFAULT_TERMINAL_WIDTH = 120;

function drawn(Table: CliTableConstructor, grid: Grid, symbol: string): string {
  const table = new Table({
    style: { head: [], border: [] },
    colAligns: grid.headers.map((_, i) => (isNumericColumn(grid, i) ? 'right' : 'left')),
  });
  if (grid.groups) table.push(grid.groups.map((g) => ({ content: g.title, colSpan: g.span, hAlign: 'center' as const })));
  table.push(grid.headers);
  for (const row of grid.rows) table.push(row.cells.map((cell) => cellString(cell, symbol)));
  return table.toString();
}

const widest = (text: string): number => Math.max(...text.split('\n').map(terminalWidth));

/**
 * A grid as one table when it fits the width; else stacked tables, each with the row labels
 * and as many whole column groups (相談受付方法, 主訴, 対応結果) as fit — a wrapped line of a
 * table cannot be read.
 */
function gridTable(Table: CliTableConstructor, grid: Grid, width: number, symbol: string): string {
  let tables = [drawn(Table, grid, symbol)];
  if (widest(tables[0]!) > width) tables = stacked(Table, grid, width, symbol);
  const notes = gridNotes(grid).flatMap((note) => wrapToWidth(note, width - 2));
  return [grid.title, ...tables, ...notes].filter((s) => s !== '').join('\n');
}

function stacked(Table: CliTableConstructor, grid: Grid, width: number, symbol: string): string[] {
  // Column groups after the row label; without group headers, every column is its own group.
  let units = grid.groups
    ? grid.groups.slice(1).map((g) => ({ title: g.title, span: g.span }))
    : grid.headers.slice(1).map(() => ({ title: '', span: 1 }));
  const part = (from: number, to: number): Grid => {
    const start = 1 + units.slice(0, from).reduce((n, u) => n + u.span, 0);
    const end = start + units.slice(from, to).reduce((n, u) => n + u.span, 0);
    return {
      ...grid,
      groups: grid.groups && [{ title: '', span: 1 }, ...mergedTitles(units.slice(from, to))],
      headers: [grid.headers[0]!, ...grid.headers.slice(start, end)],
      rows: grid.rows.map((row) => ({ ...row, cells: [row.cells[0]!, ...row.cells.slice(start, end)] })),
    };
  };
  // A group too wide on its own is split column by column (its title over each part).
  units = units.flatMap((unit, i) =>
    unit.span > 1 && widest(drawn(Table, part(i, i + 1), symbol)) > width
      ? Array.from({ length: unit.span }, () => ({ ...unit, span: 1 }))
      : [unit],
  );
  const tables: string[] = [];
  let from = 0;
  while (from < units.length) {
    // As many as fit; at least one column, even when it alone is wider than the terminal.
    let to = from + 1;
    let table = drawn(Table, part(from, to), symbol);
    while (to < units.length) {
      const wider = drawn(Table, part(from, to + 1), symbol);
      if (widest(wider) > width) break;
      table = wider;
      to++;
    }
    tables.push(table);
    from = to;
  }
  return tables;
}

/** Neighbouring parts of one group under one header cell. */
function mergedTitles(units: { title: string; span: number }[]): { title: string; span: number }[] {
  const merged: { title: string; span: number }[] = [];
  for (const unit of units) {
    const last = merged[merged.length - 1];
    if (last && last.title === unit.title) last.span += unit.span;
    else merged.push({ ...unit });
  }
  return merged;
}

/** Tables for the terminal, drawn by cli-table3 (which measures full-width characters correctly), fitted to its width. */
export async function renderTable(report: Report, options: RenderOptions = {}): Promise<string> {
  const width = options.width ?? DEFAULT_TERMINAL_WIDTH;
  const words = partWords(options.lang);
  const { default: Table } = await import('cli-table3');
  // Lines of text broken short of the width: a closing mark may hang one (wide) character over.
  const wrapped = (lines: string[]): string => lines.flatMap((line) => wrapToWidth(line, width - 2)).join('\n');
  const parts = [wrapped([reportTitle(report)])];
  const symbol = hiddenSymbol(report);
  parts.push(...reportNotes(report).map((note) => wrapped([note])));
  if (report.kind === 'annual' && report.targets.length > 0) {
    parts.push(wrapped(targetTexts(report)), gridTable(Table, targetGrid(report), width, symbol));
  }
  parts.push(gridTable(Table, intakeGrid(report, words), width, symbol));
  // Under the table, as the seed prints them, in the month-end report too (SPEC §8).
  parts.push(wrapped(summaryLines(report)));
  const table = (grid: Grid): string => gridTable(Table, grid, width, symbol);
  parts.push(...tablesAfterSummary(report, words).map(table));
  return `${parts.join('\n\n')}\n`;
}
