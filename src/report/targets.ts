import type { Config, EvaluationLevel, Target } from '../config/schema.js';
import { parseMetric } from '../config/metrics.js';
import type { ProblemReport } from '../problems.js';
import type { Collected } from '../records/collect.js';
import { monthOf } from '../records/dates.js';
import { KIND_FIELDS } from '../records/kinds.js';
import type { TallyView } from '../records/tally.js';
import type { Period } from './period.js';
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

/** The value of a metric over the report's months, read from the totals the report holds; null when hidden (or not given, SPEC §14). */
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
  // SPEC §14: a target on people or an attribute is left out when the logs lack its column (missingColumns).
  if (ref.kind === 'people') {
    const people = report.intake.people?.total;
    return (ref.metric === 'intake.clients' ? people?.clients : people?.new) ?? null;
  }
  if (ref.kind === 'attribute') return report.intake.attributes?.find((table) => table.id === ref.id)?.total[ref.label] ?? null;
  if (ref.prefix === 'support.type' || ref.prefix === 'support.agency') return supportMetric(ref.prefix, ref.label, report.support);
  const group = ref.prefix === 'intake.channel' ? 'channel' : ref.prefix === 'intake.category' ? 'category' : 'outcome';
  const value = report.intake.total[group][ref.label];
  return value === undefined ? 0 : value;
}

/** A support metric (SPEC §14); a target on it without any support log read is left out (missingColumns), never 0. */
function supportMetric(prefix: 'support.type' | 'support.agency', label: string, support: SupportFigures | undefined): number | null {
  if (support === undefined) return 0;
  if (prefix === 'support.type') return support.type[label] ?? 0;
  return support.byAgency.find((row) => row.agency === label)?.total ?? 0;
}

// ── SPEC §14: targets that only some logs can give ──

/** How a missing support log is named in the target-unavailable warning. */
const SUPPORT_LOG = '支援記録';

const headerOf = (field: string): string => KIND_FIELDS.intake.find((spec) => spec.field === field)!.header;

/**
 * The columns a target's metric needs that no consultation of the period has filled in: 相談者ID
 * for `intake.clients`, 相談者ID or 新規/継続 for `intake.new`, the attribute's column for
 * `intake.attribute.…` (every consultation 未記入). Empty when the metric can be counted — always
 * for the seed's metrics. Such a target is left out of the report with a `target-unavailable`
 * warning: counting it as 0 would be a wrong number.
 */
export function missingColumns(
  metric: string,
  collected: Pick<Collected, 'people'>,
  tally: TallyView,
  config: Config,
  months: readonly string[],
): string[] {
  const ref = parseMetric(metric);
  if (ref?.kind === 'people') {
    const inPeriod = new Set(months);
    const visits = (collected.people ?? []).filter((v) => inPeriod.has(monthOf(v.date)));
    if (ref.metric === 'intake.clients') return visits.some((v) => v.client !== null) ? [] : [headerOf('clientId')];
    return visits.some((v) => v.client !== null || v.visit !== null) ? [] : [headerOf('clientId'), headerOf('visit')];
  }
  if (ref?.kind === 'attribute') {
    const a = config.attributes.findIndex((attribute) => attribute.id === ref.id);
    let total = 0;
    let notWritten = 0;
    for (const month of months) {
      const counts = tally.intake.get(month);
      if (!counts) continue;
      total += counts.total;
      notWritten += counts.attributes[a]!.at(-1)!;
    }
    return total > 0 && notWritten === total ? [config.attributes[a]!.header] : [];
  }
  // No 支援記録 read at all: a support target would read 0 of a log that was left out.
  const onSupport = ref?.kind === 'plain' ? ref.metric === 'support.total' : ref?.kind === 'labelled' && ref.prefix.startsWith('support.');
  if (onSupport && tally.support.size === 0) return [SUPPORT_LOG];
  return [];
}

/** A `target-unavailable` warning for each target of the period whose metric the logs cannot give. */
export function unavailableTargetProblems(
  collected: Pick<Collected, 'people'>,
  tally: TallyView,
  config: Config,
  period: Pick<Period, 'fiscalYear' | 'months'>,
): ProblemReport[] {
  return targetsOfYear(config.targets, period.fiscalYear).flatMap((target) => {
    const missing = missingColumns(target.metric, collected, tally, config, period.months);
    if (missing.length === 0) return [];
    const place = { file: null, sheet: null, row: null, column: null, cell: null };
    return [
      {
        code: 'target-unavailable' as const,
        ...place,
        // kind support: no 支援記録 was read at all (rather than a column left empty).
        detail: {
          target: target.label,
          metric: target.metric,
          missing,
          ...(missing[0] === SUPPORT_LOG ? { kind: 'support' as const } : {}),
        },
        value: target.id,
      },
    ];
  });
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
