import type { Config } from '../config/schema.js';
import type { ProblemReport } from '../problems.js';
import type { Collected } from '../records/collect.js';
import type { TallyView } from '../records/tally.js';
import { figuresOf, pastYearFigures, suppressFigures } from './compare.js';
import { rejectedInPeriod } from './ledger.js';
import { addMonths, resolvePeriod, type Period } from './period.js';
import type { Report, YearFigures } from './types.js';
import { fiscalYearLabel } from './wareki.js';

/**
 * The past years of `annual --years N` (SPEC §15): each of the N−1 fiscal years before the
 * report's that the records read hold, oldest first, over its months from the programme's start
 * to its last month with records. A year with a rejected row is left out with a warning rather
 * than printed short.
 */
export function pastYears(
  count: number,
  period: Period,
  { collected, tally, config }: { collected: Collected; tally: TallyView; config: Config },
): { periods: Period[]; problems: ProblemReport[] } {
  const periods: Period[] = [];
  const problems: ProblemReport[] = [];
  for (let fiscalYear = period.fiscalYear - count + 1; fiscalYear < period.fiscalYear; fiscalYear++) {
    const year = resolvePeriod({ fiscalYear }, tally.months(), config);
    if (!year.ok) continue;
    // Over the whole fiscal year: a rejected row after the last accepted month must not shorten the year unseen.
    const wholeYear = new Set(Array.from({ length: 12 }, (_, i) => addMonths(year.period.yearStart, i)));
    if (rejectedInPeriod(collected, wholeYear) > 0) {
      problems.push({ code: 'year-omitted', file: null, sheet: null, row: null, column: null, cell: null, detail: { fiscalYear } });
    } else {
      periods.push(year.period);
    }
  }
  return { periods, problems };
}

/** The years table: each past year's report's totals (small counts hidden under suppression), then the report's own. */
export function yearFigures(
  pastReports: readonly Report[],
  report: Report,
  startMonth: number,
  suppressBelow: number | undefined,
): YearFigures[] {
  const multiple = report.intake.categoryMode === 'multiple';
  const past = pastReports.map(pastYearFigures).map((f) => (suppressBelow === undefined ? f : suppressFigures(f, suppressBelow, multiple)));
  return [...past, figuresOf(report)].map((figures) => ({ ...figures, fiscalYearLabel: fiscalYearLabel(figures.fiscalYear, startMonth) }));
}
