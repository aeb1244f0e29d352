import type { CompareRefusal } from './compare-file.js';
import type { ReportJson } from './report-json.js';
import type { LabelCounts, Report, Revision } from './types.js';

/**
 * `monthly --since LAST.json` (SPEC §15): every month the last release reported whose counts
 * have changed since — a late entry, a correction — figure by figure, before and after. The last
 * release must be the tool's own unsuppressed JSON of the same fiscal year.
 */
export function revisionsSince(last: ReportJson, report: Report): { ok: true; revisions: Revision[] } | ({ ok: false } & CompareRefusal) {
  if (last.fiscalYear !== report.fiscalYear)
    return { ok: false, reason: 'other-year', fiscalYear: last.fiscalYear, expected: report.fiscalYear };

  const revisions: Revision[] = [];
  for (const before of last.intake.months) {
    const now = report.intake.months.find((row) => row.month === before.month);
    if (!now) continue;
    const changes: Revision['changes'] = [];
    const figure = (name: string, was: number, is: number | null | undefined): void => {
      if (is !== null && (is ?? 0) !== was) changes.push({ figure: name, before: was, after: is ?? 0 });
    };
    const labels = (group: string, was: Record<string, number>, is: LabelCounts): void => {
      for (const label of new Set([...Object.keys(was), ...Object.keys(is)])) figure(`${group}.${label}`, was[label] ?? 0, is[label]);
    };
    figure('intake.total', before.total, now.total);
    labels('intake.channel', before.channel, now.channel);
    labels('intake.category', before.category, now.category);
    labels('intake.outcome', before.outcome, now.outcome);
    const ibasho = last.ibasho.months.find((row) => row.month === before.month);
    const ibashoNow = report.ibasho.months.find((row) => row.month === before.month);
    if (ibasho && ibashoNow) {
      figure('ibasho.sessions', ibasho.sessionsTotal, ibashoNow.sessionsTotal);
      figure('ibasho.participants', ibasho.participantsTotal, ibashoNow.participantsTotal);
    }
    const handouts = last.distribution.months.find((row) => row.month === before.month);
    const handoutsNow = report.distribution.months.find((row) => row.month === before.month);
    if (handouts && handoutsNow) figure('distribution.count', handouts.total, handoutsNow.total);
    const support = last.support?.months.find((row) => row.month === before.month);
    const supportNow = report.support?.months.find((row) => row.month === before.month);
    if (support || supportNow) figure('support.total', support?.total ?? 0, supportNow?.total ?? 0);
    if (changes.length > 0) revisions.push({ month: before.month, label: now.label, changes });
  }
  return { ok: true, revisions };
}
