import { NOT_WRITTEN_LABEL } from '../../config/columns.js';
import { knownMetricPatterns, labelsOf, parseMetric } from '../../config/metrics.js';
import type { Config } from '../../config/schema.js';
import { metricValue } from '../../report/targets.js';
import type { Report } from '../../report/types.js';

/** Why a map entry has no figure to write. */
export type FigureProblem =
  | { code: 'unknown-metric'; metric: string; known: string[] }
  | { code: 'unknown-label'; metric: string; label: string; labels: string[] }
  | { code: 'month-outside'; month: string; startMonth: string; asOf: string }
  | { code: 'no-monthly-figures'; metric: string }
  /** A metric of a column or log the inputs do not have (相談者ID, an attribute's column, 支援記録): not 0. */
  | { code: 'not-in-logs'; metric: string }
  /** Hidden by --suppress-below: a number written here would publish it. */
  | { code: 'hidden' };

export type FigureResult = { ok: true; value: number } | { ok: false; problem: FigureProblem };

/**
 * Metrics the report holds for the period only (SPEC §14: support by agency is a table of the
 * period): a month of them cannot be read from the report's monthly rows.
 */
const PERIOD_ONLY_PREFIXES = ['support.agency.'];

/** The figures a metric is read from, for the period or one month. */
type Figures = Pick<Report, 'intake' | 'ibasho' | 'distribution' | 'support'>;

/**
 * A metric's figure, for the report's period or (with `month`) that month alone. It is read the
 * way a target's actual is (report/targets.ts metricValue), from the report's totals or from a
 * month's rows laid out as totals, so that every metric a target may name can be written, now
 * and as metrics are added.
 */
export function figureOf(metric: string, month: string | undefined, report: Report, config: Config): FigureResult {
  const problem = metricProblem(metric, config) ?? availability(metric, report);
  if (problem) return { ok: false, problem };
  let figures: Figures = report;
  if (month !== undefined) {
    const monthly = monthFigures(report, month);
    if (!monthly) return { ok: false, problem: { code: 'month-outside', month, startMonth: report.startMonth, asOf: report.asOf } };
    if (PERIOD_ONLY_PREFIXES.some((prefix) => metric.startsWith(prefix)))
      return { ok: false, problem: { code: 'no-monthly-figures', metric } };
    figures = monthly;
  }
  const value = metricValue(metric, figures);
  return value === null ? { ok: false, problem: { code: 'hidden' } } : { ok: true, value };
}

/** The config's check of a target's metric (config/parse.ts), for a map entry. */
function metricProblem(metric: string, config: Config): FigureProblem | undefined {
  const ref = parseMetric(metric);
  if (!ref) return { code: 'unknown-metric', metric, known: knownMetricPatterns() };
  switch (ref.kind) {
    case 'plain':
      return undefined;
    case 'labelled': {
      const labels = labelsOf(config, ref.list);
      return labels.includes(ref.label) ? undefined : { code: 'unknown-label', metric, label: ref.label, labels };
    }
    case 'people':
      return undefined;
    case 'attribute': {
      const attribute = config.attributes.find((a) => a.id === ref.id);
      if (!attribute) return { code: 'unknown-metric', metric, known: knownMetricPatterns() };
      const labels = [
        ...attribute.labels.map((l) => l.label),
        ...(attribute.unknownLabel === undefined ? [] : [attribute.unknownLabel]),
        NOT_WRITTEN_LABEL,
      ];
      return labels.includes(ref.label) ? undefined : { code: 'unknown-label', metric, label: ref.label, labels };
    }
  }
}

/** SPEC §14's figures exist only when the inputs have their columns or log: a form must not be filled with 0 for "not read". */
function availability(metric: string, report: Report): FigureProblem | undefined {
  const ref = parseMetric(metric)!;
  const missing =
    ref.kind === 'people'
      ? !report.intake.people
      : ref.kind === 'attribute'
        ? !report.intake.attributes?.some((a) => a.id === ref.id)
        : (ref.kind === 'plain' ? ref.metric : ref.prefix).startsWith('support.') && !report.support;
  return missing ? { code: 'not-in-logs', metric } : undefined;
}

/** One month of the report laid out as the report's totals, or undefined when the month is not one of the report's. */
function monthFigures(report: Report, month: string): Figures | undefined {
  const intake = report.intake.months.find((row) => row.month === month);
  const ibasho = report.ibasho.months.find((row) => row.month === month);
  const distribution = report.distribution.months.find((row) => row.month === month);
  if (!intake || !ibasho || !distribution) return undefined;
  const people = report.intake.people?.months.find((row) => row.month === month);
  const support = report.support?.months.find((row) => row.month === month);
  const { month: _month, label: _label, ...intakeTotal } = intake;
  return {
    intake: {
      months: [intake],
      total: intakeTotal,
      ...(people ? { people: { months: [people], total: people } } : {}),
      ...(report.intake.attributes
        ? {
            attributes: report.intake.attributes.map((attribute) => ({
              ...attribute,
              total: attribute.months.find((row) => row.month === month)?.counts ?? {},
              months: attribute.months.filter((row) => row.month === month),
            })),
          }
        : {}),
      ...(report.intake.categoryMode ? { categoryMode: report.intake.categoryMode } : {}),
    },
    ibasho: {
      sessions: ibasho.sessionsTotal,
      participants: ibasho.participantsTotal,
      venues: Object.keys(ibasho.sessions).map((venue) => ({
        venue,
        sessions: ibasho.sessions[venue] ?? null,
        participants: ibasho.participants[venue] ?? null,
      })),
      months: [ibasho],
    },
    distribution: {
      count: distribution.total,
      locations: Object.entries(distribution.count).map(([location, count]) => ({ location, count })),
      months: [distribution],
    },
    ...(report.support && support ? { support: { total: support.total, type: support.type, months: [support], byAgency: [] } } : {}),
  };
}
