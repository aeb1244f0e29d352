import { CONFIG_FILE_NAME } from '../config/lists.js';
import type { Messages } from '../messages/index.js';
import { baseName, CSV_EXTENSIONS, extensionOf, XLSX_EXTENSIONS } from '../read/sniff.js';
import { combinedWarnings, combineRefusalText } from '../render/combine-words.js';
import { combineReports } from '../report/combine.js';
import type { Report } from '../report/types.js';
import { page, showLines, type suppressBelow } from './controls.js';
import { h } from './dom.js';
import type { ReportFile } from './reports.js';
import type { ConfigChoice } from './session.js';
import type { PickedFile } from './sources.js';
import { configLines, inputsTable, showReport } from './view.js';

/**
 * Whether the page is given reports to combine (`tsup-report combine`) rather than logs: JSON
 * reports, and no spreadsheet or CSV among the other files (a config, a memo or a PDF beside them
 * change nothing). With logs among them, the reports are last year's, to compare with.
 */
export function isCombining(logs: readonly PickedFile[], reports: readonly ReportFile[]): boolean {
  const spreadsheets = [...CSV_EXTENSIONS, ...XLSX_EXTENSIONS];
  return (
    reports.length > 0 &&
    logs.every((p) => {
      const name = p.path || p.file.name;
      return baseName(name) === CONFIG_FILE_NAME || !spreadsheets.includes(extensionOf(name));
    })
  );
}

/** The combined report, with what the sources did not share; or every reason the files cannot be combined. */
export type CombinedView = { ok: true; report: Report; notes: string[] } | { ok: false; lines: string[]; refused: Map<string, string> };

/**
 * The reports combined as `tsup-report combine` does: the config (when one was chosen or found
 * among the files) gives the sentences, the municipality and its suppression; the page's
 * "hide small counts" stands for --suppress-below, applied after combining.
 */
export function combinePicked(reports: readonly ReportFile[], choice: ConfigChoice, below: number | undefined, m: Messages): CombinedView {
  if (reports.length < 2) return { ok: false, lines: [m.app.combineNeedsTwo(reports.length)], refused: new Map() };
  const result = combineReports(
    reports.map((r) => ({ file: r.name, json: r.json })),
    {
      ...(choice.from === 'default' ? {} : { config: choice.config }),
      ...(below === undefined ? {} : { suppressBelow: below }),
    },
  );
  if (result.ok) return { ok: true, report: result.report, notes: combinedWarnings(result.report.combined, m) };
  const refused = new Map(result.refusals.map((r) => [r.file, combineRefusalText(r, m)]));
  return {
    ok: false,
    lines: [m.app.combineRefused(refused.size), ...[...refused].map(([file, why]) => m.combine.line(file, why))],
    refused,
  };
}

/** The reports chosen for combining, each read or refused with why: the page's list of what was read. */
export function reportsView(reports: readonly ReportFile[], combined: CombinedView | null, m: Messages): HTMLElement {
  const refused = combined?.ok === false ? combined.refused : new Map<string, string>();
  return inputsTable(
    reports.map((file) => {
      const why = refused.get(file.name);
      return { file: file.name, status: why === undefined ? 'read' : 'refused', note: why ?? m.app.combinedSource };
    }),
    m,
  );
}

/** Reports alone were chosen: the combined report, or why the files cannot be combined; the page's state to show. */
export function showCombined(
  reports: readonly ReportFile[],
  combined: CombinedView | null,
  choice: ConfigChoice,
  suppress: ReturnType<typeof suppressBelow>,
  m: Messages,
): 'ready' | 'error' {
  showLines(page.configInUse, configLines(choice, m));
  page.inputs.append(reportsView(reports, combined, m));
  page.problems.append(h('p', {}, m.app.problemsNone));
  if (!suppress.ok || !combined) {
    showLines(page.message, [suppress.ok ? m.app.status.error : suppress.problem]);
    return 'error';
  }
  if (!combined.ok) {
    showLines(page.message, combined.lines);
    return 'error';
  }
  page.report.hidden = false;
  showReport(page.report, combined.report);
  showLines(page.message, combined.notes);
  return 'ready';
}
