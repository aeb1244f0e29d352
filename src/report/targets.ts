import type { Config, EvaluationLevel, Target } from '../config/schema.js';
import { parseMetric } from '../config/metrics.js';
import type { Report, SupportFigures, TargetResult } from './types.js';

/**
 * The year-end figure at the run rate (SPEC §7): actual + actual × R / E, rounded half up,
 * computed in integers so that a .5 is never lost to floating point.
 * E = months from start to as-of inclusive, R = months after as-of to the year's end.
 */
export function projectYearEnd(actual: number, elapsedMonths: number, remainingMonths: number): number {
  if (remainingMonths === 0 || elapsedMonths === 0) return actual;
  if (Number.isInteger(actual)) {
    const numerator = 2 * actual * (elapsedMonths + remainingMonths) + elapsedMonths;
    return Math.floor(numerator / (2 * elapsedMonths));
  }
  return Math.floor(actual + (actual * remainingMonths) / elapsedMonths + 0.5);
}

/**
 * An achievement as the whole percent a report shows, rounded half up (SPEC §7). The product is
 * first cut to 12 significant digits, so that 0.285 (28.499999999999996 % in binary) shows as 29%.
 */
export function wholePercent(achievement: number): number {
  return Math.floor(Number((achievement * 100).toPrecision(12)) + 0.5);
}

/** The first level whose min the shown percent reaches (so a reader can check it from the page); levels run from the highest min down. */
export function evaluationLevel(achievement: number | null, levels: readonly EvaluationLevel[]): EvaluationLevel | null {
  if (achievement === null) return null;
  // Compare in whole hundredths of a percent, so a min of 0.6 is 60% and not 59.999…%.
  const reached = wholePercent(achievement) * 100;
  return levels.find((level) => reached >= Math.round(level.min * 10000)) ?? null;
}

export function evaluate(achievement: number | null, levels: readonly EvaluationLevel[]): string | null {
  return evaluationLevel(achievement, levels)?.label ?? null;
}

/** The value of a metric over the report's months, read from the totals the report holds; null when hidden. */
export function metricValue(metric: string, report: Pick<Report, 'intake' | 'ibasho' | 'distribution' | 'support'>): number | null {
  const ref = parseMetric(metric);
  if (!ref) throw new Error(`unknown metric ${metric} passed config validation`);
  if (ref.kind === 'plain') {
    switch (ref.metric) {
      case 'intake.total':
        return report.intake.total.total;
      case 'ibasho.sessions':
        return report.ibasho.sessions;
      case 'ibasho.participants':
        return report.ibasho.participants;
      case 'distribution.count':
        return report.distribution.count;
      case 'support.total':
        return report.support?.total ?? 0;
    }
  }
  if (ref.prefix === 'support.type' || ref.prefix === 'support.agency') return supportMetric(ref.prefix, ref.label, report.support);
  const group = ref.prefix === 'intake.channel' ? 'channel' : ref.prefix === 'intake.category' ? 'category' : 'outcome';
  const value = report.intake.total[group][ref.label];
  return value === undefined ? 0 : value;
}

/** A support metric (SPEC §14): no support log read means no support action, 0. */
function supportMetric(prefix: 'support.type' | 'support.agency', label: string, support: SupportFigures | undefined): number | null {
  if (support === undefined) return 0;
  if (prefix === 'support.type') return support.type[label] ?? 0;
  return support.byAgency.find((row) => row.agency === label)?.total ?? 0;
}

/** The targets that apply to a fiscal year: those set for that year and those set for every year. */
export function targetsOfYear(targets: readonly Target[], fiscalYear: number): Target[] {
  return targets.filter((target) => target.fiscalYear === undefined || target.fiscalYear === fiscalYear);
}

export function targetResult(
  target: Target,
  actual: number | null,
  elapsedMonths: number,
  remainingMonths: number,
  config: Config,
): TargetResult {
  const projected = remainingMonths > 0;
  const result = actual === null ? null : projected ? projectYearEnd(actual, elapsedMonths, remainingMonths) : actual;
  const achievement = result !== null && target.target > 0 ? result / target.target : null;
  return {
    id: target.id,
    label: target.label,
    metric: target.metric,
    unit: target.unit,
    target: target.target,
    actual,
    result,
    projected,
    achievement,
    evaluation: evaluate(achievement, config.evaluation),
  };
}
