import { CSV_MARKER } from '../read/marker.js';
import type { Report } from '../report/types.js';
import type { RenderOptions } from './formats.js';
import { cellString, gridNotes, hiddenSymbol, intakeGrid, partWords, targetGrid, type Grid } from './grid.js';
import { tablesAfterSummary } from './parts.js';
import { reportNotes, reportTitle, summaryLines, targetTexts } from './text.js';

/** A CSV field: quoted when it holds a delimiter, a quote or a line break. */
/**
 * A CSV field as Excel reads it back: quoted when it holds a quote, comma or line break, and a
 * text that Excel would take for a formula (=, +, -, @ first: a config label such as 「=合計」)
 * kept as text with a leading apostrophe (SPEC §11). Numbers are written by callers as digits.
 */
function field(text: string): string {
  const safe = /^[=+\-@\t\r]/u.test(text) && !/^-?\d+(\.\d+)?$/u.test(text) ? `'${text}` : text;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

function gridCsv(grid: Grid, symbol: string): string[] {
  const lines = [field(grid.title)];
  if (grid.groups)
    lines.push(
      grid.groups
        .flatMap((g) => [g.title, ...Array<string>(g.span - 1).fill('')])
        .map(field)
        .join(','),
    );
  lines.push(grid.headers.map(field).join(','));
  for (const row of grid.rows) lines.push(row.cells.map((c) => field(cellString(c, symbol))).join(','));
  lines.push(...gridNotes(grid).map(field));
  return lines;
}

/**
 * Every table of the report as CSV that Excel opens with Japanese intact: UTF-8 with a BOM, CRLF
 * line ends, tables separated by a blank line. The first line names the report and the tool, so
 * that the file is passed over when it is later found among the logs.
 */
export function renderCsv(report: Report, options: RenderOptions = {}): string {
  const words = partWords(options.lang);
  const symbol = hiddenSymbol(report);
  const table = (grid: Grid): string[] => gridCsv(grid, symbol);
  const blocks: string[][] = [[`${field(reportTitle(report))},${field(CSV_MARKER)}`, ...reportNotes(report).map(field)]];
  if (report.kind === 'annual' && report.targets.length > 0) {
    blocks.push([...targetTexts(report).map(field), ...table(targetGrid(report))]);
  }
  blocks.push(table(intakeGrid(report, words)));
  blocks.push(summaryLines(report).map(field));
  blocks.push(...tablesAfterSummary(report, words).map(table));
  return `\uFEFF${blocks.map((lines) => lines.join('\r\n')).join('\r\n\r\n')}\r\n`;
}
