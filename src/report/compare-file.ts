import type { ReportJson } from './report-json.js';
import type { Period } from './period.js';
import type { ComparedFigures, LabelCounts } from './types.js';

/** Why a --compare file cannot stand for the previous year (each worded where it is shown). */
export type CompareRefusal =
  | { reason: 'not-a-report' }
  | { reason: 'other-year'; fiscalYear: number; expected: number }
  | { reason: 'suppressed' }
  | { reason: 'months-missing'; months: string[] };

/**
 * The previous year's figures from the tool's own JSON report of that year (SPEC §15): the
 * months of `previous` summed from the file's monthly rows, every kind alike. 実人数 is compared
 * only when the file covers exactly those months — people are distinct over a period, so months
 * cannot be added up. The file was checked to be such a report, unsuppressed (report-json.ts).
 */
export function previousFromFile(
  file: ReportJson,
  previous: Period,
): { ok: true; figures: ComparedFigures } | ({ ok: false } & CompareRefusal) {
  if (file.fiscalYear !== previous.fiscalYear)
    return { ok: false, reason: 'other-year', fiscalYear: file.fiscalYear, expected: previous.fiscalYear };
  const rowsOf = <R extends { month: string }>(rows: readonly R[]): R[] => rows.filter((row) => previous.months.includes(row.month));
  const intakeRows = rowsOf(file.intake.months);
  const missing = previous.months.filter((m) => !intakeRows.some((row) => row.month === m));
  if (missing.length > 0) return { ok: false, reason: 'months-missing', months: missing };

  const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  const sumCounts = (rows: readonly LabelCounts[]): LabelCounts => {
    const total: Record<string, number> = {};
    for (const row of rows) for (const [label, n] of Object.entries(row)) total[label] = (total[label] ?? 0) + (n ?? 0);
    return total;
  };
  const sameMonths = file.startMonth === previous.startMonth && file.asOf === previous.asOf;
  const ibasho = rowsOf(file.ibasho.months);
  return {
    ok: true,
    figures: {
      fiscalYear: file.fiscalYear,
      startMonth: previous.startMonth,
      asOf: previous.asOf,
      intake: {
        total: sum(intakeRows.map((r) => r.total)),
        channel: sumCounts(intakeRows.map((r) => r.channel)),
        category: sumCounts(intakeRows.map((r) => r.category)),
        outcome: sumCounts(intakeRows.map((r) => r.outcome)),
      },
      people: sameMonths && file.intake.people ? { ...file.intake.people.total } : null,
      ibasho: { sessions: sum(ibasho.map((r) => r.sessionsTotal)), participants: sum(ibasho.map((r) => r.participantsTotal)) },
      distribution: { count: sum(rowsOf(file.distribution.months).map((r) => r.total)) },
      support: file.support ? { total: sum(rowsOf(file.support.months).map((r) => r.total)) } : null,
    },
  };
}
