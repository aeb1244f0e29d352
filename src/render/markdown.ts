import type { Report } from '../report/types.js';
import type { RenderOptions } from './formats.js';
import { cellString, gridNotes, hiddenSymbol, intakeGrid, isNumericColumn, partWords, targetGrid, type Grid } from './grid.js';
import { tablesAfterSummary } from './parts.js';
import { reportNotes, reportTitle, summaryLines, targetTexts } from './text.js';

/** Escapes what Markdown would read as syntax, and keeps every cell on one line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n|\r/gu, ' ').replace(/([\\`*_{}[\]<>|#!~])/gu, '\\$1');
}

function gridMarkdown(grid: Grid, symbol: string): string {
  const lines: string[] = [];
  if (grid.groups) {
    const described = grid.groups.filter((g) => g.title !== '');
    let column = 0;
    const parts = grid.groups.map((g) => {
      const from = grid.headers[column]!;
      const to = grid.headers[column + g.span - 1]!;
      column += g.span;
      return g.title === '' ? null : `${g.title}: ${from === to ? from : `${from}〜${to}`}`;
    });
    if (described.length > 0)
      lines.push(
        `列の区分 — ${parts
          .filter((p) => p !== null)
          .map((p) => escapeMarkdown(p!))
          .join(' ／ ')}`,
        '',
      );
  }
  lines.push(`| ${grid.headers.map(escapeMarkdown).join(' | ')} |`);
  lines.push(`|${grid.headers.map((_, i) => (isNumericColumn(grid, i) ? ' ---: ' : ' --- ')).join('|')}|`);
  for (const row of grid.rows) {
    const cells = row.cells.map((c) => escapeMarkdown(cellString(c, symbol)));
    lines.push(`| ${row.total ? cells.map((c) => `**${c}**`).join(' | ') : cells.join(' | ')} |`);
  }
  for (const note of gridNotes(grid)) lines.push('', escapeMarkdown(note));
  return lines.join('\n');
}

/** GitHub-flavoured Markdown in the order of the seed report. */
export function renderMarkdown(report: Report, options: RenderOptions = {}): string {
  const words = partWords(options.lang);
  const symbol = hiddenSymbol(report);
  const section = (grid: Grid): string => `## ${escapeMarkdown(grid.title)}\n\n${gridMarkdown(grid, symbol)}`;
  const sections: string[] = [`# ${escapeMarkdown(reportTitle(report))}`];
  for (const note of reportNotes(report)) sections.push(`> ${escapeMarkdown(note)}`);

  if (report.kind === 'annual' && report.targets.length > 0) {
    const lines = targetTexts(report).map(escapeMarkdown);
    sections.push(`## 目的・目標\n\n${lines.join('\n\n')}\n\n${gridMarkdown(targetGrid(report), symbol)}`);
  }
  const intake = intakeGrid(report, words);
  sections.push(`## ${escapeMarkdown(intake.title)}\n\n${escapeMarkdown(report.fiscalYearLabel)}\n\n${gridMarkdown(intake, symbol)}`);
  // Under the table, as the seed prints them, in the month-end report too (SPEC §8).
  sections.push(`## まとめ\n\n${summaryLines(report).map(escapeMarkdown).join('\n\n')}`);
  sections.push(...tablesAfterSummary(report, words).map(section));
  return `${sections.join('\n\n')}\n`;
}
