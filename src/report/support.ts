import { NO_AGENCY_LABEL } from '../config/lists.js';
import type { Config } from '../config/schema.js';
import type { TallyView } from '../records/tally.js';
import type { LabelCounts, SupportFigures } from './types.js';
import { monthLabel } from './wareki.js';

/**
 * 支援記録 over the report's months (SPEC §14): actions by month × type, the period's count per
 * type, and by agency × type — one row per config agency, then 「未記入」 when some action has no
 * 連携先. Null when no support record was read at all (in any month), so that logs without a
 * support log give exactly the report they gave before; a support log with no action in the
 * period gives a table of zeros, which is news too.
 */
export function supportFigures(tally: TallyView, months: readonly string[], config: Config): SupportFigures | null {
  if (tally.total('support') === 0) return null;
  const types = config.supportTypes.map((item) => item.label);
  const agencies = config.agencies.map((item) => item.label);
  const byLabel = (counts: readonly number[]): LabelCounts => Object.fromEntries(types.map((label, i) => [label, counts[i] ?? 0]));

  // The period's agency × type (the blank 連携先 as the last agency), summed month by month.
  const period = Array.from({ length: agencies.length + 1 }, () => new Array<number>(types.length).fill(0));
  const monthRows = months.map((month) => {
    const byAgency = tally.support.get(month)?.byAgency ?? [];
    const type = new Array<number>(types.length).fill(0);
    byAgency.forEach((counts, agency) =>
      counts.forEach((n, t) => {
        type[t]! += n;
        period[agency]![t]! += n;
      }),
    );
    return { month, label: monthLabel(month), total: sum(type), type: byLabel(type) };
  });

  const agencyRow = (agency: string, counts: readonly number[]): SupportFigures['byAgency'][number] => ({
    agency,
    total: sum(counts),
    type: byLabel(counts),
  });
  const withoutAgency = period[agencies.length]!;
  const byAgency = [
    ...agencies.map((agency, i) => agencyRow(agency, period[i]!)),
    ...(sum(withoutAgency) > 0 ? [agencyRow(NO_AGENCY_LABEL, withoutAgency)] : []),
  ];
  const typeTotals = types.map((_, t) => sum(period.map((counts) => counts[t]!)));
  return { total: sum(typeTotals), type: byLabel(typeTotals), months: monthRows, byAgency };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
