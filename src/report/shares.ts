import type { LabelCounts, Report, Shares } from './types.js';

/** A fraction to three places, as SPEC §15 prints it (0.807). */
const fraction = (part: number, whole: number): number => Math.round((part / whole) * 1000) / 1000;

/**
 * 構成比 (SPEC §15): each channel's, category's and outcome's share of the period, beside the
 * totals. Taken after suppression: the share of a hidden count is hidden, and every share is
 * hidden with a hidden total (a share and a shown count would give the total away). Categories
 * counted as mentions (主訴（複数回答）) are shares of the mentions.
 */
export function sharesOf(report: Report): Shares {
  const { total, channel, category, outcome } = report.intake.total;
  const of = (counts: LabelCounts, whole: number | null): Record<string, number | null> =>
    Object.fromEntries(
      Object.entries(counts).map(([label, n]) => [label, n === null || whole === null ? null : whole === 0 ? 0 : fraction(n, whole)]),
    );
  const mentions = (): number | null => {
    const counts = Object.values(category);
    return counts.includes(null) ? null : counts.reduce<number>((sum, n) => sum + n!, 0);
  };
  return {
    channel: of(channel, total),
    category: of(category, report.intake.categoryMode === 'multiple' ? mentions() : total),
    outcome: of(outcome, total),
  };
}

/** The report with its shares beside the period's totals. */
export function withShares(report: Report): Report {
  return { ...report, intake: { ...report.intake, total: { ...report.intake.total, share: sharesOf(report) } } };
}
