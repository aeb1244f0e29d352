import type { Messages } from '../messages/index.js';
import type { Findings, ReportResult } from '../pipeline.js';
import type { InputEntry } from '../read/inputs.js';
import type { TableSummary } from '../records/collect.js';
import { renderHtml } from '../render/html.js';
import { compareRefusal, groupProblems, periodRefusal, problemMessage, problemPlace, skipReasonText } from '../render/validation.js';
import type { Report } from '../report/types.js';
import { fiscalYearLabel } from '../report/wareki.js';
import { h } from './dom.js';
import type { CompareChoice } from './reports.js';
import type { ConfigChoice } from './session.js';

/** Problems listed on the page at most; the rest are counted (the annotated copy holds them all). */
const PROBLEMS_SHOWN = 500;

/** Every input with its status and, for one not read, why — the CLI's closing summary as a table. */
export function inputsView(inputs: readonly InputEntry[], findings: Findings, choice: ConfigChoice, m: Messages): HTMLElement {
  const note = (input: InputEntry): string => {
    switch (input.status) {
      case 'read':
        return '';
      case 'duplicate':
        return m.app.duplicateOf(input.duplicateOf ?? '');
      case 'skipped':
        return skipReasonText(input, m);
      case 'refused': {
        const problem = findings.errors.find(
          (p) => p.file === input.file && (p.code === 'unreadable-file' || p.code === 'unsupported-format'),
        );
        return problem ? problemMessage(problem, m) : '';
      }
      case 'config':
        return input.file === choice.file ? m.app.configFromFiles(input.file) : m.app.configUnused(input.file);
    }
  };
  return inputsTable(
    inputs.map((input) => ({ file: input.file, status: input.status, note: note(input) })),
    m,
  );
}

/** The page's list of what was read: each file, its status and a note. */
export function inputsTable(rows: readonly { file: string; status: InputEntry['status']; note: string }[], m: Messages): HTMLElement {
  const columns = m.app.inputColumns;
  return h(
    'table',
    { class: 'inputs' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, columns.file),
        h('th', { scope: 'col' }, columns.status),
        h('th', { scope: 'col' }, columns.note),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h('tr', { 'data-status': row.status }, h('td', {}, row.file), h('td', {}, m.app.inputStatus[row.status]), h('td', {}, row.note)),
      ),
    ),
  );
}

/** The problems as `validate` words them, grouped by file and sheet, each with its row, cell and column. */
export function problemsView(findings: Findings, tables: readonly TableSummary[], m: Messages): HTMLElement {
  const groups = groupProblems({ ...findings, tables }).filter((g) => g.problems.length > 0);
  const box = h('div', { class: 'problems' });
  if (groups.length === 0) {
    box.append(h('p', {}, m.app.problemsNone));
    return box;
  }
  let shown = 0;
  let lastFile: string | null | undefined;
  let fileBox: HTMLElement = box;
  for (const group of groups) {
    if (group.file !== lastFile) {
      lastFile = group.file;
      fileBox = h('section', { class: 'problem-file' }, h('h3', {}, group.file ?? m.place.run));
      box.append(fileBox);
    }
    const list = h('ul', {});
    for (const problem of group.problems) {
      if (shown >= PROBLEMS_SHOWN) break;
      shown++;
      const { at, repeated } = problemPlace(problem, m);
      list.append(
        h(
          'li',
          { class: problem.severity, 'data-code': problem.code },
          h('span', { class: 'severity' }, m.severity[problem.severity]),
          at === '' ? ' ' : ` ${at}: `,
          problemMessage(problem, m),
          repeated === '' ? '' : ` ${repeated}`,
        ),
      );
    }
    if (list.childElementCount === 0) continue;
    fileBox.append(group.sheet === null ? list : h('div', { class: 'problem-sheet' }, h('h4', {}, m.place.sheet(group.sheet)), list));
  }
  const more = findings.errors.length + findings.warnings.length - shown + findings.unlisted.errors + findings.unlisted.warnings;
  if (more > 0) box.append(h('p', { class: 'more' }, m.app.problemsMore(more)));
  return box;
}

/** The report exactly as the HTML renderer makes it, inside a shadow root so that its styles and the page's stay apart. */
export function showReport(host: HTMLElement, report: Report): void {
  const parsed = new DOMParser().parseFromString(renderHtml(report), 'text/html');
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  shadow.replaceChildren(...parsed.head.querySelectorAll('style'), ...parsed.body.childNodes);
}

/** Why no report was made, in the CLI's words but for its option names (the page's controls stand for them). */
export function refusalLines(
  result: Exclude<ReportResult, { ok: true }>,
  startMonth: number,
  m: Messages,
  compareFile: string = m.compare.fileInApp,
): string[] {
  if (result.problem === 'compare' || result.problem === 'since')
    return [compareRefusal(result.problem, compareFile, result, startMonth, m)];
  if (result.problem !== 'errors') return [periodRefusal(result, startMonth, m)];
  return [m.report.refused(result.findings.errors.length), result.unreadable ? m.report.refusedUnreadableHint : m.app.refusedHint];
}

/** Which of the chosen JSON reports the report is compared with, and which are not used. */
export function compareLines(compare: CompareChoice, startMonth: number, m: Messages): string[] {
  const yearOf = (fiscalYear: number | null): string | null => (fiscalYear === null ? null : fiscalYearLabel(fiscalYear, startMonth));
  return [
    ...('report' in compare ? [m.app.compareUsed(compare.use.name, yearOf(compare.use.fiscalYear)!)] : []),
    ...compare.unused.map((file) => m.app.reportUnused(file.name, yearOf(file.fiscalYear))),
  ];
}

/** Which config is in use, and the config files among the chosen ones that are not. */
export function configLines(choice: ConfigChoice, m: Messages): string[] {
  return [
    choice.from === 'chosen'
      ? m.app.configChosen(choice.file!)
      : choice.from === 'files'
        ? m.app.configFromFiles(choice.file!)
        : m.summary.config(null),
    ...choice.unused.map((file) => m.app.configUnused(file)),
  ];
}
