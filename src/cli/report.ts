import { reportFrom, type Analysis, type Findings, type ReportResult } from '../pipeline.js';
import type { Messages } from '../messages/index.js';
import { severityOf, type ProblemCode } from '../problems.js';
import { renderReport } from '../render/formats.js';
import { compareRefusal, periodRefusal, renderValidationText } from '../render/validation.js';
import { readReportFile } from './compare-file.js';
import type { PeriodRequest } from '../report/period.js';
import type { Report } from '../report/types.js';
import { UserError } from './errors.js';
import { terminalColumns, type Io } from './io.js';
import { parsePositiveInt, pickReportFormat } from './options.js';
import { assertNotAFolder, assertNotAnInput, writeAtomically } from './output.js';
import { useColour } from './progress.js';
import { messagesOf, readAndCheck, type CommonOptions } from './run.js';
import { closingSummary } from './summary.js';
import { configsNotInUse, type LoadedConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { InputEntry } from '../read/inputs.js';

export interface ReportOptions extends CommonOptions {
  out?: string;
  format?: string;
  skipInvalid?: boolean;
  suppressBelow?: string;
  /** One of SUPPRESSION_SYMBOLS (commander checked it). */
  suppressSymbol?: string;
  /** The report's last month; --month and --as-of are the same option under two names. */
  month?: string;
  asOf?: string;
  /** The tool's JSON report of the previous year to compare with (SPEC §15). */
  compare?: string;
  /** monthly only: the last release's JSON, to list the months whose figures changed since. */
  since?: string;
  /** annual only: a table of the last N fiscal years' totals. */
  years?: string;
}

/** How many errors a refused report lists before pointing to `validate`. */
const REFUSAL_LIST_LIMIT = 20;

/**
 * What `monthly` and `annual` share: read and check the logs, choose the period, refuse when
 * rows of the period were rejected (unless --skip-invalid) or a file could not be read, build the
 * one Report, render it, write it whole, and say what was read.
 */
export async function reportCommand(
  kind: Report['kind'],
  args: string[],
  options: ReportOptions,
  request: (m: Messages) => PeriodRequest,
  io: Io,
): Promise<number> {
  const m0 = messagesOf(options, io);
  if (options.out !== undefined) assertNotAFolder(options.out, m0);
  const format = pickReportFormat(options.format, options.out, io, m0);
  const periodRequest = request(m0);
  const suppressBelow = options.suppressBelow === undefined ? undefined : parsePositiveInt('--suppress-below', options.suppressBelow, m0);
  const years = options.years === undefined ? undefined : parsePositiveInt('--years', options.years, m0);
  const compareWith = options.compare === undefined ? undefined : await readReportFile('compare', options.compare, m0);
  const since = options.since === undefined ? undefined : await readReportFile('since', options.since, m0);
  const { m, loaded, analysis } = await readAndCheck(args, options, io, (sources, m) => {
    if (options.out !== undefined) assertNotAnInput(options.out, sources, m);
  });
  assertSymbolHasUse(options.suppressSymbol, suppressBelow, analysis.config, m);
  const summary = (found: Findings): void => {
    if (!options.quiet) io.stderr.write(closingSummary(analysis.inputs, found, loaded, m, true));
  };

  const result = reportFrom(analysis, periodRequest, {
    kind,
    skipInvalid: options.skipInvalid === true,
    ...(suppressBelow === undefined ? {} : { suppressBelow }),
    ...(options.suppressSymbol === undefined ? {} : { suppressSymbol: options.suppressSymbol }),
    ...(compareWith === undefined ? {} : { compareWith }),
    ...(years === undefined ? {} : { years }),
    ...(since === undefined ? {} : { since }),
  });
  if (!result.ok) refuseReport(result, analysis, loaded, options, io, m);
  const report = result.report;
  const output = await renderReport(report, format, { width: terminalColumns(io) });
  if (options.out !== undefined) {
    await writeAtomically(options.out, output, m);
    if (!options.quiet) io.stderr.write(`${m.report.written(options.out)}\n`);
  } else {
    io.stdout.write(output);
  }
  if (!options.quiet && report.revisions?.length) io.stderr.write(`${m.compare.revised(report.revisions.map((r) => r.month))}\n`);
  if (!options.quiet && report.excluded) io.stderr.write(`${m.report.excluded(report.excluded.rows, report.excluded.tables)}\n`);
  summary(result.findings);
  return 0;
}

/**
 * Why no report: the errors in the period's rows (exit 1) or the unreadable inputs (exit 2),
 * listed, with the advice that fits and the summary of what was read; or the period asked for
 * does not fit the records (SPEC §5).
 */
export function refuseReport(
  result: Exclude<ReportResult, { ok: true }>,
  analysis: Analysis,
  loaded: LoadedConfig,
  options: Pick<ReportOptions, 'quiet' | 'compare' | 'since'>,
  io: Io,
  m: Messages,
): never {
  switch (result.problem) {
    case 'errors': {
      const found = result.findings;
      const errorCounts: Partial<Record<ProblemCode, number>> = Object.fromEntries(
        Object.entries(found.counts).filter(([code]) => severityOf(code as ProblemCode) === 'error'),
      );
      const errorsOnly = { ...found, warnings: [], counts: errorCounts, unlisted: { ...found.unlisted, warnings: 0 }, tables: [] };
      const listed = renderValidationText(errorsOnly, m, REFUSAL_LIST_LIMIT, useColour(io.stderr, io.env));
      const hint = result.unreadable
        ? m.report.refusedUnreadableHint
        : (configHint(errorCounts, loaded, analysis.inputs, m) ?? m.report.refusedHint);
      // The summary of what was read ends the run, after the reason for the refusal.
      const closing = options.quiet ? [] : ['', closingSummary(analysis.inputs, found, loaded, m, true).trimEnd()];
      throw new UserError(result.unreadable ? 2 : 1, [m.report.refused(found.errors.length), '', listed.trimEnd(), '', hint, ...closing]);
    }
    case 'compare':
    case 'since': {
      const file = (result.problem === 'compare' ? options.compare : options.since)!;
      throw new UserError(2, [compareRefusal(result.problem, file, result, analysis.config.fiscalYearStartMonth, m)]);
    }
    default:
      throw new UserError(result.problem === 'no-records' ? 1 : 2, [periodRefusal(result, analysis.config.fiscalYearStartMonth, m)]);
  }
}

/**
 * --suppress-symbol with no count to hide (neither --suppress-below nor the config's
 * `suppression.below`) would be ignored without a word: said instead, with what to add.
 */
export function assertSymbolHasUse(
  symbol: string | undefined,
  below: number | undefined,
  config: Pick<Config, 'suppression'>,
  m: Messages,
): void {
  if (symbol !== undefined && below === undefined && config.suppression?.below === undefined) {
    throw new UserError(2, [m.suppression.symbolWithoutBelow]);
  }
}

/**
 * When most errors are values the config does not list and a config beside the logs is not the
 * one in use, that config is the likely fix: --skip-invalid would leave nearly every row out.
 */
function configHint(
  errorCounts: Partial<Record<ProblemCode, number>>,
  loaded: LoadedConfig,
  inputs: readonly InputEntry[],
  m: Messages,
): string | undefined {
  const unused = configsNotInUse(loaded, inputs)[0];
  if (unused === undefined) return undefined;
  const errors = Object.values(errorCounts).reduce((n, count) => n + (count ?? 0), 0);
  return (errorCounts['unknown-value'] ?? 0) * 2 > errors ? m.report.refusedConfigHint(unused) : undefined;
}
