import type { Config } from './config/schema.js';
import type { Messages } from './messages/index.js';
import type { TableOrFailure } from './read/types.js';
import { collectRecords, type Collected } from './records/collect.js';
import type { IsoDate } from './records/dates.js';
import { buildReport, type BuildOptions } from './report/build.js';
import { resolvePeriod, type PeriodRequest, type PeriodResult } from './report/period.js';
import { suppressReport } from './report/suppress.js';
import { Tally } from './report/tally.js';
import type { Report } from './report/types.js';

export interface Analysis {
  collected: Collected;
  tally: Tally;
}

/**
 * read → normalise/validate → aggregate, without touching the outside: tables come in as an
 * async iterable (from `read/`, or built in memory by a test), problems and totals come out.
 */
export async function analyse(
  tables: AsyncIterable<TableOrFailure>,
  config: Config,
  options: { today: IsoDate; messages: Messages; onProgress?: (file: string, rowsRead: number) => void },
): Promise<Analysis> {
  const tally = new Tally(config);
  const collected = await collectRecords(tables, config, options, tally);
  return { collected, tally };
}

export type ReportResult = { ok: true; report: Report } | Exclude<PeriodResult, { ok: true }>;

/** Chooses the period and builds the report from an analysis; with `suppressBelow`, hides small counts. */
export function reportFrom(
  analysis: Analysis,
  config: Config,
  request: PeriodRequest,
  options: BuildOptions & { suppressBelow?: number },
): ReportResult {
  const period = resolvePeriod(request, analysis.tally.months(), config);
  if (!period.ok) return period;
  const report = buildReport(analysis.tally, analysis.collected, config, period.period, options);
  return { ok: true, report: options.suppressBelow === undefined ? report : suppressReport(report, options.suppressBelow, config) };
}
