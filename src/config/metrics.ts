import type { CodedList, Config } from './schema.js';

/** Metrics that take no label. */
export const PLAIN_METRICS = [
  'intake.total',
  'ibasho.sessions',
  'ibasho.participants',
  'distribution.count',
  // 支援記録 (SPEC §14)
  'support.total',
] as const;

/** Metrics of the form `<prefix>.<label>`, and the config list the label must come from. */
export const LABELLED_METRICS: Record<string, CodedList> = {
  'intake.channel': 'channels',
  'intake.category': 'categories',
  'intake.outcome': 'outcomes',
  // 支援記録 (SPEC §14)
  'support.type': 'supportTypes',
  'support.agency': 'agencies',
};

export type MetricRef =
  { kind: 'plain'; metric: (typeof PLAIN_METRICS)[number] } | { kind: 'labelled'; prefix: string; list: CodedList; label: string };

/** Splits a metric name; `undefined` when it names no metric at all. Labels are checked by the caller. */
export function parseMetric(metric: string): MetricRef | undefined {
  if ((PLAIN_METRICS as readonly string[]).includes(metric)) {
    return { kind: 'plain', metric: metric as (typeof PLAIN_METRICS)[number] };
  }
  for (const [prefix, list] of Object.entries(LABELLED_METRICS)) {
    if (metric.startsWith(`${prefix}.`) && metric.length > prefix.length + 1) {
      return { kind: 'labelled', prefix, list, label: metric.slice(prefix.length + 1) };
    }
  }
  return undefined;
}

export function knownMetricPatterns(): string[] {
  return [...PLAIN_METRICS, ...Object.keys(LABELLED_METRICS).map((p) => `${p}.<label>`)];
}

export function labelsOf(config: Config, list: CodedList): string[] {
  return config[list].map((item) => item.label);
}
