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

// ── SPEC §14: people and client attributes ──

/** Metrics of people (相談者ID, 新規/継続): only the logs that have those columns give them. */
export const PEOPLE_METRICS = ['intake.clients', 'intake.new'] as const;

/** `intake.attribute.<id>.<label>`: the consultations of one label of a configured attribute. */
export const ATTRIBUTE_METRIC_PREFIX = 'intake.attribute';

export type MetricRef =
  | { kind: 'plain'; metric: (typeof PLAIN_METRICS)[number] }
  | { kind: 'labelled'; prefix: string; list: CodedList; label: string }
  | { kind: 'people'; metric: (typeof PEOPLE_METRICS)[number] }
  | { kind: 'attribute'; id: string; label: string };

/** Splits a metric name; `undefined` when it names no metric at all. Labels are checked by the caller. */
export function parseMetric(metric: string): MetricRef | undefined {
  if ((PLAIN_METRICS as readonly string[]).includes(metric)) {
    return { kind: 'plain', metric: metric as (typeof PLAIN_METRICS)[number] };
  }
  if ((PEOPLE_METRICS as readonly string[]).includes(metric)) {
    return { kind: 'people', metric: metric as (typeof PEOPLE_METRICS)[number] };
  }
  if (metric.startsWith(`${ATTRIBUTE_METRIC_PREFIX}.`)) {
    // Ids hold no dot, so the first dot after the id starts the label (which may hold dots).
    const rest = metric.slice(ATTRIBUTE_METRIC_PREFIX.length + 1);
    const dot = rest.indexOf('.');
    return dot > 0 && dot < rest.length - 1 ? { kind: 'attribute', id: rest.slice(0, dot), label: rest.slice(dot + 1) } : undefined;
  }
  for (const [prefix, list] of Object.entries(LABELLED_METRICS)) {
    if (metric.startsWith(`${prefix}.`) && metric.length > prefix.length + 1) {
      return { kind: 'labelled', prefix, list, label: metric.slice(prefix.length + 1) };
    }
  }
  return undefined;
}

export function knownMetricPatterns(): string[] {
  return [
    ...PLAIN_METRICS,
    ...Object.keys(LABELLED_METRICS).map((p) => `${p}.<label>`),
    ...PEOPLE_METRICS,
    `${ATTRIBUTE_METRIC_PREFIX}.<id>.<label>`,
  ];
}

export function labelsOf(config: Config, list: CodedList): string[] {
  return config[list].map((item) => item.label);
}
