import { z } from 'zod';
import { hasHiddenCount } from './report-json.js';

const count = z.number().int().min(0);
const counts = z.record(z.string(), count);
const month = z.string().regex(/^\d{4}-\d{2}$/u);
const label = z.string();
const ledger = z.object({
  read: count,
  blank: count,
  totalLine: count,
  duplicate: count,
  rejected: count,
  outOfPeriod: count,
  counted: count,
});
const peopleRow = { clients: count.nullable(), new: count, withoutId: count.nullable() };

/**
 * The whole of one of the tool's JSON reports (SPEC §10, §14) as `combine` reads it: every
 * table's months and totals, unsuppressed (a count is never null there, except 実人数 and ID未記入
 * of logs without 相談者ID). Keys the combined report leaves out (targets, inputs, previous …) may
 * be there and are not read.
 */
const sourceSchema = z.object({
  kind: z.enum(['monthly', 'annual']),
  fiscalYear: z.number().int(),
  fiscalYearLabel: z.string(),
  startMonth: month,
  asOf: month,
  program: z.string(),
  organization: z.string(),
  intake: z.object({
    months: z.array(z.object({ month, label, total: count, channel: counts, category: counts, outcome: counts })),
    total: z.object({ total: count, channel: counts, category: counts, outcome: counts }),
    people: z.object({ months: z.array(z.object({ month, ...peopleRow })), total: z.object(peopleRow) }).optional(),
    attributes: z.array(z.object({ id: z.string(), label, total: counts, months: z.array(z.object({ month, label, counts })) })).optional(),
    categoryMode: z.literal('multiple').optional(),
  }),
  ibasho: z.object({
    sessions: count,
    participants: count,
    venues: z.array(z.object({ venue: label, sessions: count, participants: count })),
    months: z.array(z.object({ month, label, sessions: counts, sessionsTotal: count, participants: counts, participantsTotal: count })),
  }),
  distribution: z.object({
    count,
    locations: z.array(z.object({ location: label, count })),
    months: z.array(z.object({ month, label, count: counts, total: count })),
  }),
  support: z
    .object({
      total: count,
      type: counts,
      months: z.array(z.object({ month, label, total: count, type: counts })),
      byAgency: z.array(z.object({ agency: label, total: count, type: counts })),
    })
    .optional(),
  ledger: z.object({ intake: ledger, ibasho: ledger, distribution: ledger, support: ledger.optional() }),
  excluded: z.object({ rows: count, tables: count }).optional(),
  /** A combined report's own sources: the organisations it holds already. */
  sources: z.array(z.object({ organization: z.string() })).optional(),
});

/** One report to combine, as read. */
export type SourceReport = z.infer<typeof sourceSchema>;

/** Why a file cannot be combined on its own (before it is set beside the others). */
export type SourceProblem = 'not-a-report' | 'suppressed' | 'inconsistent';

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Whether every label's count in `total` is the sum of the rows', with the same labels. */
function columnsAddUp(rows: readonly Record<string, number>[], total: Record<string, number>): boolean {
  const labels = Object.keys(total);
  return (
    rows.every((row) => Object.keys(row).length === labels.length && labels.every((l) => l in row)) &&
    labels.every((l) => total[l] === sum(rows.map((row) => row[l]!)))
  );
}

/**
 * Whether the report's figures hold together as the tool writes them: every table over the same
 * months, from startMonth to asOf, and every period figure the sum of its months. A file edited by
 * hand (or cut short) is refused rather than summed into figures that no longer add up.
 */
function holdsTogether(report: SourceReport): boolean {
  const { intake, ibasho, distribution, support } = report;
  const months = intake.months.map((m) => m.month);
  const sameMonths = (rows: readonly { month: string }[]): boolean =>
    rows.length === months.length && rows.every((row, i) => row.month === months[i]);
  const byPlace = <R>(rows: readonly R[], key: (row: R) => string, value: (row: R) => number): Record<string, number> =>
    Object.fromEntries(rows.map((row) => [key(row), value(row)]));
  return (
    months[0] === report.startMonth &&
    months.at(-1) === report.asOf &&
    [ibasho.months, distribution.months, intake.people?.months ?? intake.months, support?.months ?? intake.months].every(sameMonths) &&
    (intake.attributes ?? []).every(
      (a) =>
        sameMonths(a.months) &&
        columnsAddUp(
          a.months.map((m) => m.counts),
          a.total,
        ),
    ) &&
    intake.total.total === sum(intake.months.map((m) => m.total)) &&
    (['channel', 'category', 'outcome'] as const).every((key) =>
      columnsAddUp(
        intake.months.map((m) => m[key]),
        intake.total[key],
      ),
    ) &&
    columnsAddUp(
      ibasho.months.map((m) => m.sessions),
      byPlace(
        ibasho.venues,
        (v) => v.venue,
        (v) => v.sessions,
      ),
    ) &&
    columnsAddUp(
      ibasho.months.map((m) => m.participants),
      byPlace(
        ibasho.venues,
        (v) => v.venue,
        (v) => v.participants,
      ),
    ) &&
    ibasho.sessions === sum(ibasho.months.map((m) => m.sessionsTotal)) &&
    ibasho.participants === sum(ibasho.months.map((m) => m.participantsTotal)) &&
    columnsAddUp(
      distribution.months.map((m) => m.count),
      byPlace(
        distribution.locations,
        (l) => l.location,
        (l) => l.count,
      ),
    ) &&
    distribution.count === sum(distribution.months.map((m) => m.total)) &&
    (!intake.people || intake.people.total.new === sum(intake.people.months.map((m) => m.new))) &&
    (!support ||
      (support.total === sum(support.months.map((m) => m.total)) &&
        columnsAddUp(
          support.months.map((m) => m.type),
          support.type,
        ) &&
        columnsAddUp(
          support.byAgency.map((a) => a.type),
          support.type,
        )))
  );
}

/**
 * One file's JSON as the tool's own unsuppressed report, whole and consistent, or why not. Loaded
 * only by `combine` (and the app's combine): zod stays out of the start of every other run.
 */
export function parseSourceReport(json: unknown): { ok: true; report: SourceReport } | { ok: false; reason: SourceProblem } {
  if (typeof json === 'object' && json !== null && 'suppression' in json) return { ok: false, reason: 'suppressed' };
  const parsed = sourceSchema.safeParse(json);
  if (!parsed.success) {
    const figures = json as Partial<Record<'intake' | 'ibasho' | 'distribution' | 'support', unknown>> | null;
    const hidden =
      figures !== null &&
      typeof figures === 'object' &&
      [(figures.intake as { months?: unknown } | undefined)?.months, figures.ibasho, figures.distribution, figures.support].some(
        (part) => part !== undefined && hasHiddenCount(part),
      );
    return { ok: false, reason: hidden ? 'suppressed' : 'not-a-report' };
  }
  return holdsTogether(parsed.data) ? { ok: true, report: parsed.data } : { ok: false, reason: 'inconsistent' };
}
