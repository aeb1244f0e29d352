import { z } from 'zod';

const count = z.number().int().min(0);
const counts = z.record(z.string(), count);
const month = z.string().regex(/^\d{4}-\d{2}$/u);

/** The parts of the tool's JSON report (SPEC §10) a comparison reads; anything else may be there too. */
const reportJsonSchema = z.object({
  kind: z.enum(['monthly', 'annual']),
  fiscalYear: z.number().int(),
  startMonth: month,
  asOf: month,
  intake: z.object({
    months: z.array(z.object({ month, total: count, channel: counts, category: counts, outcome: counts })),
    people: z.object({ total: z.object({ clients: count.nullable(), new: count }) }).optional(),
  }),
  ibasho: z.object({ months: z.array(z.object({ month, sessionsTotal: count, participantsTotal: count })) }),
  distribution: z.object({ months: z.array(z.object({ month, total: count })) }),
  support: z.object({ months: z.array(z.object({ month, total: count })) }).optional(),
});

/** A number hidden by --suppress-below anywhere in the file: `null` where the shape has a count. */
export const hasHiddenCount = (value: unknown): boolean =>
  value === null || (typeof value === 'object' && Object.values(value as object).some(hasHiddenCount));

/** The parts of one of the tool's JSON reports that a comparison or a revision check reads. */
export type ReportJson = z.infer<typeof reportJsonSchema>;

/**
 * A --compare or --since file's JSON as the tool's own unsuppressed report, or why not. Loaded
 * only by the commands given such a file: zod stays out of the start of every other run.
 */
export function parseReportJson(json: unknown): { ok: true; report: ReportJson } | { ok: false; reason: 'not-a-report' | 'suppressed' } {
  if (typeof json === 'object' && json !== null && 'suppression' in json) return { ok: false, reason: 'suppressed' };
  const parsed = reportJsonSchema.safeParse(json);
  if (parsed.success) return { ok: true, report: parsed.data };
  const intake = (json as { intake?: unknown } | null)?.intake;
  return { ok: false, reason: hasHiddenCount(intake) ? 'suppressed' : 'not-a-report' };
}
