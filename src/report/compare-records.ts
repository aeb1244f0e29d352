import type { Config } from '../config/schema.js';
import type { ProblemReport } from '../problems.js';
import type { Collected } from '../records/collect.js';
import type { TallyView } from '../records/tally.js';
import { previousPeriod } from './compare.js';
import { rejectedInPeriod } from './ledger.js';
import type { Period } from './period.js';

/** The previous year's same months, when the records read can stand for them; else why not, or null when they hold nothing of that year. */
export type PreviousFromRecords = { ok: true; period: Period } | { ok: false; problem: ProblemReport } | null;

/**
 * Whether the records read hold the previous fiscal year's same months (SPEC §15) well enough to
 * compare with: every one of those months has records, none lies before the programme began, and
 * none of their rows was rejected. A comparison with half a year, or with rows left out, would
 * print a wrong change; it is left out with a warning that says why instead. Records of none of
 * those months: nothing to compare, nothing to say.
 */
export function previousFromRecords(collected: Collected, tally: TallyView, period: Period, config: Config): PreviousFromRecords {
  const previous = previousPeriod(period);
  const withRecords = new Set(tally.months());
  if (!previous.months.some((month) => withRecords.has(month))) return null;
  const omitted = (comparison: 'partial' | 'before-start' | 'errors', months: string[]): PreviousFromRecords => ({
    ok: false,
    problem: { code: 'comparison-omitted', file: null, sheet: null, row: null, column: null, cell: null, detail: { comparison, months } },
  });
  const programStart = config.programStart;
  const beforeStart = programStart == null ? [] : previous.months.filter((month) => month < programStart);
  if (beforeStart.length > 0) return omitted('before-start', beforeStart);
  const missing = previous.months.filter((month) => !withRecords.has(month));
  if (missing.length > 0) return omitted('partial', missing);
  if (rejectedInPeriod(collected, new Set(previous.months)) > 0) return omitted('errors', previous.months);
  return { ok: true, period: previous };
}
