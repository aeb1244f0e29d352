import type { Config } from './config/schema.js';
import { severityOf, type PerKind, type Problem, type ProblemCode, type ProblemReport, type Severity } from './problems.js';
import { ProblemLog, type ProblemsView } from './problem-log.js';
import { readSources, type InputEntry, type SourceTable } from './read/inputs.js';
import type { ReadOptions, SourceFile } from './read/types.js';
import { collectRecords, type Collected, type CollectOptions, type TableSummary } from './records/collect.js';
import type { IsoDate } from './records/dates.js';
import type { HolidayTable } from './records/service-days.js';
import type { TallyView } from './records/tally.js';
import { buildReport, type BuildOptions } from './report/build.js';
import { periodProblems } from './report/checks.js';
import { buildLedger } from './report/ledger.js';
import { withComparison } from './report/comparison.js';
import { previousFromRecords } from './report/compare-records.js';
import { pastYears, yearFigures } from './report/years.js';
import { withShares } from './report/shares.js';
import { revisionsSince } from './report/revisions.js';
import { resolvePeriod, type Period, type PeriodRequest, type PeriodResult } from './report/period.js';
import { suppressReport } from './report/suppress.js';
import { suppressionFor } from './report/suppression.js';
import { unavailableTargetProblems } from './report/targets.js';
import type { Ledger, Report } from './report/types.js';
import { previousPeriod } from './report/compare.js';
import { previousFromFile, type CompareRefusal } from './report/compare-file.js';
import type { ReportJson } from './report/report-json.js';

/** What the inputs held: read, checked and counted, before a period is chosen. */
export interface Analysis {
  readonly config: Config;
  readonly inputs: readonly InputEntry[];
  readonly collected: Collected;
  readonly tally: TallyView;
  readonly log: ProblemsView;
}

export interface AnalyseOptions extends ReadOptions, CollectOptions {
  today: IsoDate;
  /** The national holidays, a year at a time (cli/holidays.ts in Node, app/holidays.ts in the page). */
  holidays: HolidayTable;
}

/**
 * read → records → tally, without touching the outside: the files come in as `{name, size,
 * read()}` (from disk in the CLI, from dropped `File`s in the browser), problems and totals come out.
 */
export async function analyse(files: readonly SourceFile[], config: Config, options: AnalyseOptions): Promise<Analysis> {
  const log = new ProblemLog();
  const inputs: InputEntry[] = [];
  const readOptions: ReadOptions = options.encoding ? { encoding: options.encoding } : {};
  return analyseSources(readSources(files, readOptions, log, inputs), config, options, log, inputs);
}

/** The same from tables already read (tests build them in memory). */
export async function analyseSources(
  sources: AsyncIterable<SourceTable>,
  config: Config,
  options: AnalyseOptions,
  log = new ProblemLog(),
  inputs: InputEntry[] = [],
): Promise<Analysis> {
  const collected = await collectRecords(sources, config, options, log);
  return { config, inputs, collected, tally: collected.tally, log };
}

/** A problem as shown for one run: its severity there, and whether it lies outside the report's months. */
export interface ShownProblem extends Problem {
  severity: Severity;
  /** An error in rows outside the report's period: shown as a warning, it does not stop the report. */
  outsidePeriod?: true;
}

export interface Findings {
  /** The period chosen (the report's, or for validate the latest fiscal year's), if any. */
  period: Period | null;
  errors: ShownProblem[];
  /** Warnings and info, in input order. */
  warnings: ShownProblem[];
  /** Occurrences per code, including those past the log's limit. */
  counts: Partial<Record<ProblemCode, number>>;
  /** Problems that were counted but not kept (beyond the log's limit), per severity. */
  unlisted: { errors: number; warnings: number };
  ledger: PerKind<Ledger>;
}

/**
 * The problems of a run for a period: those only the period can tell are added (an empty month,
 * a far date), and, for a report (`reportScope`), errors whose rows all lie outside the period
 * become warnings (SPEC §3). The analysis itself is left as it was.
 */
export function findings(analysis: Analysis, period: Period | null, reportScope: boolean, extra: readonly ProblemReport[] = []): Findings {
  const { collected, tally } = analysis;
  // A month with no record is news for a report of the period, not for a check of one file.
  const periodOnes = period ? periodProblems(collected, tally, period).filter((p) => p.code !== 'empty-month' || reportScope) : [];
  // SPEC §14: a report's target on a column the logs lack (相談者ID …) is said, not counted as 0.
  if (period && reportScope) periodOnes.push(...unavailableTargetProblems(collected, tally, analysis.config, period));
  const log = analysis.log.with([...periodOnes, ...extra]);
  const months = new Set(period?.months ?? []);
  const errors: ShownProblem[] = [];
  const warnings: ShownProblem[] = [];
  for (const problem of log.list()) {
    const severity = severityOf(problem.code);
    const outside = reportScope && severity === 'error' && problem.months !== null && !problem.months.some((m) => months.has(m));
    if (outside) warnings.push({ ...problem, severity: 'warning', outsidePeriod: true });
    else (severity === 'error' ? errors : warnings).push({ ...problem, severity });
  }
  let droppedErrors = 0;
  let droppedWarnings = 0;
  for (const [code, n] of Object.entries(log.dropped) as [ProblemCode, number][]) {
    if (severityOf(code) === 'error') droppedErrors += n;
    else droppedWarnings += n;
  }
  return {
    period,
    errors,
    warnings,
    counts: { ...log.counts },
    unlisted: { errors: droppedErrors, warnings: droppedWarnings },
    ledger: buildLedger(collected, tally, months),
  };
}

export interface ValidationResult extends Findings {
  ok: boolean;
  tables: TableSummary[];
  inputs: readonly InputEntry[];
}

/** `validate`'s answer: every problem; ok when there is no error (and, with `strict`, no warning). */
export function validationFrom(analysis: Analysis, strict: boolean): ValidationResult {
  const period = resolvePeriod({}, analysis.tally.months(), analysis.config);
  const found = findings(analysis, period.ok ? period.period : null, false);
  const failsStrict = strict && found.warnings.some((w) => w.severity === 'warning');
  const ok = found.errors.length === 0 && found.unlisted.errors === 0 && !failsStrict;
  return { ...found, ok, tables: analysis.collected.tables, inputs: analysis.inputs.map((entry) => ({ ...entry })) };
}

export type ReportResult =
  | { ok: true; report: Report; findings: Findings }
  /** Errors in the period's rows stop the report (unless skipInvalid); unreadable inputs always do. */
  | { ok: false; problem: 'errors'; unreadable: boolean; findings: Findings }
  /** A --compare file that cannot stand for the previous year's same months. */
  | ({ ok: false; problem: 'compare' } & CompareRefusal)
  /** A --since file that cannot stand for the last release. */
  | ({ ok: false; problem: 'since' } & CompareRefusal)
  | Exclude<PeriodResult, { ok: true }>;

const isUnreadable = (problem: Problem): boolean => problem.code === 'unreadable-file' || problem.code === 'unsupported-format';

export interface ReportOptions extends BuildOptions {
  /** Overrides the config's `suppression.below`; 1 hides nothing (suppression off for the run). */
  suppressBelow?: number;
  /** --suppress-symbol: what a hidden count is printed as, over the config's `suppression.symbol`. */
  suppressSymbol?: string;
  /** `monthly --since`: the last release (checked by report-json.ts), to list the months whose figures changed since. */
  since?: ReportJson;
  /** `annual --years N`: a table of the last N fiscal years' totals. */
  years?: number;
  /** A --compare file (checked by report-json.ts): the tool's JSON report of the previous year to compare with. */
  compareWith?: ReportJson;
}

/**
 * Chooses the period, checks that nothing in it is wrong, and builds the report; with
 * `suppressBelow` or the config's `suppression.below`, hides small counts. The previous year's same months are compared with (SPEC
 * §15) when a --compare file gives them, or when the records read hold them whole and sound.
 */
export function reportFrom(analysis: Analysis, request: PeriodRequest, options: ReportOptions): ReportResult {
  const { config, collected, tally } = analysis;
  const period = resolvePeriod(request, tally.months(), config);
  if (!period.ok) {
    // A missing or empty folder leaves no records: say that, not that there is nothing to count.
    const found = findings(analysis, null, true);
    return found.errors.some(isUnreadable) ? { ok: false, problem: 'errors', unreadable: true, findings: found } : period;
  }
  const fromFile = options.compareWith === undefined ? null : previousFromFile(options.compareWith, previousPeriod(period.period));
  if (fromFile?.ok === false) return { ...fromFile, problem: 'compare' };
  const fromRecords = fromFile ? null : previousFromRecords(collected, tally, period.period, config);
  const years = options.years === undefined ? null : pastYears(options.years, period.period, { collected, tally, config });
  const extra = [...(fromRecords?.ok === false ? [fromRecords.problem] : []), ...(years?.problems ?? [])];
  const found = findings(analysis, period.period, true, extra);
  const unreadable = found.errors.some(isUnreadable);
  if (unreadable || ((found.errors.length > 0 || found.unlisted.errors > 0) && !options.skipInvalid)) {
    return { ok: false, problem: 'errors', unreadable, findings: found };
  }
  const build = (chosen: Period): Report => buildReport(tally, collected, analysis.inputs, config, chosen, options);
  const report = build(period.period);
  // SPEC §15: the config's suppression applies unless the command line sets its own threshold.
  const suppression = suppressionFor(config, options.suppressBelow, options.suppressSymbol);
  const shown = withShares(suppression === null ? report : suppressReport(report, suppression, config));
  const previous = fromRecords?.ok ? build(fromRecords.period) : fromFile?.figures;
  const compared = previous ? withComparison(shown, previous, config, suppression?.below) : shown;
  const withYears = years
    ? { ...compared, years: yearFigures(years.periods.map(build), shown, config.fiscalYearStartMonth, suppression?.below) }
    : compared;
  if (options.since === undefined) return { ok: true, report: withYears, findings: found };
  const since = revisionsSince(options.since, withYears);
  if (!since.ok) return { ...since, problem: 'since' };
  return { ok: true, report: { ...withYears, revisions: since.revisions }, findings: found };
}
