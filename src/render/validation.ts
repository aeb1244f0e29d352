import type { Messages } from '../messages/index.js';
import type { Findings, ShownProblem, ValidationResult } from '../pipeline.js';
import { severityOf, type ProblemCode, type Severity } from '../problems.js';
import type { InputEntry } from '../read/inputs.js';
import type { TableSummary } from '../records/collect.js';
import type { CompareRefusal } from '../report/compare-file.js';
import type { PeriodResult } from '../report/period.js';
import { fiscalYearLabel, monthsByFiscalYear } from '../report/wareki.js';

/** ANSI colours for the severity word; the caller decides whether the terminal wants them. */
const COLOURS = { error: ['\x1b[31m', '\x1b[39m'], warning: ['\x1b[33m', '\x1b[39m'], info: ['\x1b[36m', '\x1b[39m'] } as const;

/** A problem in words: what the text output prints and the JSON's `message`. */
export function problemMessage(problem: ShownProblem, m: Messages): string {
  return `${m.issue[problem.code](problem.detail)}${problem.outsidePeriod ? m.validate.outsidePeriod : ''}`;
}

function problemJson(problem: ShownProblem, m: Messages): Record<string, unknown> {
  const { file, sheet, row, column, cell, code, severity, value, count, rows } = problem;
  return {
    file,
    sheet,
    row,
    column,
    cell,
    code,
    severity,
    message: problemMessage(problem, m),
    ...(value !== undefined ? { value } : {}),
    ...(count > 1 ? { count, rows } : {}),
  };
}

/** Occurrences (rows) per severity, from the counts of every code. */
function occurrences(counts: Findings['counts'], problems: readonly ShownProblem[]): Record<Severity, number> {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const [code, n] of Object.entries(counts) as [ProblemCode, number][]) bySeverity[severityOf(code)] += n;
  // Errors shown as warnings (outside a report's period) move with them.
  for (const p of problems) {
    if (p.outsidePeriod) {
      bySeverity.error -= p.count;
      bySeverity.warning += p.count;
    }
  }
  return bySeverity;
}

/**
 * SPEC §10's validate JSON: problems up to `maxListed` of each severity (the same problem on many
 * rows is one entry with its count and first rows), `counts` per code and what was `truncated`.
 */
export function renderValidationJson(result: ValidationResult, m: Messages, maxListed: number): string {
  const truncated = {
    errors: Math.max(0, result.errors.length - maxListed) + result.unlisted.errors,
    warnings: Math.max(0, result.warnings.length - maxListed) + result.unlisted.warnings,
  };
  return `${JSON.stringify(
    {
      ok: result.ok,
      tables: result.tables.map(({ file, sheet, kind, headerRow, rows }) => ({ file, sheet, kind, headerRow, rows })),
      errors: result.errors.slice(0, maxListed).map((p) => problemJson(p, m)),
      warnings: result.warnings.slice(0, maxListed).map((p) => problemJson(p, m)),
      counts: result.counts,
      truncated,
      ledger: result.ledger,
      inputs: result.inputs,
    },
    null,
    2,
  )}\n`;
}

/** The problems of one file, or of one sheet of it (`sheet` null: the file's own, or the run's when `file` is null too). */
export interface ProblemGroup {
  file: string | null;
  sheet: string | null;
  table?: TableSummary;
  problems: ShownProblem[];
}

/**
 * Problems grouped by file and sheet, in the order of the inputs (tables in reading order, then
 * problems), each file's own problems before its sheets', the run's last; within a group by row,
 * errors first. The text output and the browser app both list them this way.
 */
export function groupProblems(result: Findings & { tables: readonly TableSummary[] }): ProblemGroup[] {
  const keyOf = (file: string | null, sheet: string | null): string => `${file ?? ''}\u0000${sheet ?? ''}`;
  const groups = new Map<string, ProblemGroup>();
  const fileOrder = new Map<string | null, number>();
  const group = (file: string | null, sheet: string | null): ProblemGroup => {
    if (!fileOrder.has(file)) fileOrder.set(file, file === null ? Number.MAX_SAFE_INTEGER : fileOrder.size);
    const key = keyOf(file, sheet);
    if (!groups.has(key)) groups.set(key, { file, sheet, problems: [] });
    return groups.get(key)!;
  };
  for (const t of result.tables) group(t.file, t.sheet).table = t;
  for (const p of [...result.errors, ...result.warnings]) group(p.file, p.sheet).problems.push(p);
  const rank = { error: 0, warning: 1, info: 2 };
  for (const g of groups.values()) g.problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || rank[a.severity] - rank[b.severity]);
  const met = new Map([...groups.keys()].map((key, i) => [key, i]));
  return [...groups.entries()]
    .sort(
      ([keyA, a], [keyB, b]) =>
        fileOrder.get(a.file)! - fileOrder.get(b.file)! ||
        Number(a.sheet !== null) - Number(b.sheet !== null) ||
        met.get(keyA)! - met.get(keyB)!,
    )
    .map(([, g]) => g);
}

/** Where a problem is (row, cell, column) and, for one repeated on many rows, which rows: the text around its message. */
export function problemPlace(problem: ShownProblem, m: Messages): { at: string; repeated: string } {
  return {
    at: m.place.at(problem.row, problem.cell, problem.column),
    repeated: problem.count > 1 ? m.validate.repeated(m.place.rows(problem.rows, problem.count)) : '',
  };
}

/**
 * Problems grouped by file and sheet (groupProblems), each with its row, Excel cell and column,
 * at most `maxShown` of them; then plainly how many more there are.
 */
export function renderValidationText(
  result: Findings & { tables: readonly TableSummary[] },
  m: Messages,
  maxShown: number,
  colour = false,
): string {
  const paint = (severity: Severity, text: string): string => (colour ? `${COLOURS[severity][0]}${text}${COLOURS[severity][1]}` : text);
  const all = [...result.errors, ...result.warnings];
  const lines: string[] = [];
  let shown = 0;
  let lastFile: string | null | undefined;
  for (const g of groupProblems(result)) {
    if (g.file !== lastFile) {
      if (lines.length > 0) lines.push('');
      lines.push(g.file === null ? m.place.run : g.file === '-' ? m.place.stdin : g.file);
      lastFile = g.file;
    }
    const indent = g.sheet === null ? '  ' : '    ';
    if (g.sheet !== null) lines.push(`  ${m.place.sheet(g.sheet)}`);
    const table = g.table;
    if (table?.kind && table.headerRow !== null) {
      lines.push(`${indent}${m.validate.tableLine(m.kindName[table.kind], table.headerRow, table.rows)}`);
    }
    for (const problem of g.problems) {
      if (shown >= maxShown) break;
      shown++;
      const { at, repeated } = problemPlace(problem, m);
      lines.push(
        `${indent}${paint(problem.severity, m.severity[problem.severity])}${at === '' ? '' : ` ${at}`}: ${problemMessage(problem, m)}${repeated === '' ? '' : ` ${repeated}`}`,
      );
    }
  }
  lines.push('');
  const counted = occurrences(result.counts, all);
  if (all.length === 0) lines.push(m.validate.ok);
  lines.push(m.validate.summary(counted.error, counted.warning, counted.info));
  const rejected = Object.values(result.ledger).reduce((n, l) => n + l.rejected, 0);
  if (rejected > 0) lines.push(m.validate.rejectedRows(rejected));
  const unshown = all.length - shown + result.unlisted.errors + result.unlisted.warnings;
  if (unshown > 0) lines.push(m.validate.more(unshown));
  return `${lines.join('\n')}\n`;
}

/** Why a file was skipped, in words (empty for a reason without its own message). */
export function skipReasonText(input: InputEntry, m: Messages): string {
  const reason = input.reason as keyof Messages['skipReason'] | undefined;
  return reason && reason in m.skipReason ? m.skipReason[reason] : '';
}

/** Why no period could be reported: the CLI's message and the page's, the same words. */
/** Why a --compare (or --since) file was refused, in words. */
export function compareRefusal(which: 'compare' | 'since', file: string, refusal: CompareRefusal, startMonth: number, m: Messages): string {
  const c = m.compare;
  const refused = which === 'compare' ? c.refused : c.sinceRefused;
  switch (refusal.reason) {
    case 'not-a-report':
      return refused(file, c.notAReport);
    case 'suppressed':
      return refused(file, c.suppressed);
    case 'other-year':
      return refused(file, c.otherYear(fiscalYearLabel(refusal.fiscalYear, startMonth), fiscalYearLabel(refusal.expected, startMonth)));
    case 'months-missing':
      return refused(file, c.monthsMissing(refusal.months.join(', ')));
  }
}

export function periodRefusal(result: Exclude<PeriodResult, { ok: true }>, startMonth: number, m: Messages): string {
  switch (result.problem) {
    case 'no-records':
      return m.report.noRecords;
    case 'as-of-before-start':
      return m.report.asOfBeforeStart(result.asOf, result.startMonth);
    case 'as-of-outside-year':
      return m.report.asOfOutsideYear(result.asOf, fiscalYearLabel(result.fiscalYear, startMonth));
    case 'empty-period':
      return m.report.emptyPeriod(
        fiscalYearLabel(result.fiscalYear, startMonth),
        result.startMonth,
        result.asOf,
        monthsByFiscalYear(result.available, startMonth),
      );
  }
}
