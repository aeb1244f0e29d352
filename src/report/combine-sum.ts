import { combineAttributes, combineLedgers, combinePeople, combineSupport, sumCounts, unionLabels, type Counts } from './combine-parts.js';
import type { SourceReport } from './source-json.js';
import type { CombinedFacts, CombinedTable, Report, SourceRow, SupportFigures } from './types.js';

export { PEOPLE_OVERLAP_NOTE, sumCounts, unionLabels } from './combine-parts.js';

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** The figures of a combined report, summed from its sources (already checked to share their year and months). */
export interface CombinedFigures {
  intake: Report['intake'];
  ibasho: Report['ibasho'];
  distribution: Report['distribution'];
  support?: SupportFigures;
  ledger: Report['ledger'];
  excluded?: { rows: number; tables: number };
  sources: SourceRow[];
  combined: CombinedFacts;
}

/**
 * Sums the sources' tables month by month (SPEC §15): labels unioned, a label a source's config
 * lacks counted 0 for it (and said once), an attribute a source lacks counted under 未記入 for its
 * consultations, people and support only when every source has them (a partial sum would pass for
 * the whole), people marked as counted by each source on its own.
 */
export function combineFigures(sources: readonly SourceReport[]): CombinedFigures {
  const facts: CombinedFacts = { missingLabels: [], missingAttributes: [], withoutPeople: [], withoutClients: [], withoutSupport: [] };
  /** The union of a table's labels; each source's missing ones noted. */
  const labelsOf = (table: CombinedTable, lists: readonly (readonly string[] | null)[], last?: string, attribute?: string): string[] => {
    const labels = unionLabels(
      lists.map((list) => list ?? []),
      last,
    );
    lists.forEach((list, i) => {
      const missing = list === null ? [] : labels.filter((label) => !list.includes(label) && label !== last);
      if (missing.length > 0)
        facts.missingLabels.push({ organization: sources[i]!.organization, table, ...(attribute ? { attribute } : {}), labels: missing });
    });
    return labels;
  };
  const first = sources[0]!;
  const monthly = <R>(rowOf: (source: SourceReport, i: number) => R): R[][] =>
    first.intake.months.map((_, i) => sources.map((s) => rowOf(s, i)));

  const channels = labelsOf(
    'channel',
    sources.map((s) => Object.keys(s.intake.total.channel)),
  );
  const categories = labelsOf(
    'category',
    sources.map((s) => Object.keys(s.intake.total.category)),
  );
  const outcomes = labelsOf(
    'outcome',
    sources.map((s) => Object.keys(s.intake.total.outcome)),
  );
  /** Intake rows (a month's of each source, or the combined months) summed over the union of labels. */
  const sumIntake = (rows: readonly { total: number; channel: Counts; category: Counts; outcome: Counts }[]) => ({
    total: sum(rows.map((r) => r.total)),
    channel: sumCounts(
      channels,
      rows.map((r) => r.channel),
    ),
    category: sumCounts(
      categories,
      rows.map((r) => r.category),
    ),
    outcome: sumCounts(
      outcomes,
      rows.map((r) => r.outcome),
    ),
  });
  const intakeMonths = monthly((s, i) => s.intake.months[i]!).map((rows, i) => ({
    month: first.intake.months[i]!.month,
    label: first.intake.months[i]!.label,
    ...sumIntake(rows),
  }));
  const intakeTotal = sumIntake(intakeMonths);

  const people = combinePeople(sources, facts);
  const attributes = combineAttributes(sources, facts, labelsOf);

  const venues = labelsOf(
    'venue',
    sources.map((s) => s.ibasho.venues.map((v) => v.venue)),
  );
  const ibashoMonths = monthly((s, i) => s.ibasho.months[i]!).map((rows, i) => ({
    month: first.intake.months[i]!.month,
    label: first.intake.months[i]!.label,
    sessions: sumCounts(
      venues,
      rows.map((r) => r.sessions),
    ),
    sessionsTotal: sum(rows.map((r) => r.sessionsTotal)),
    participants: sumCounts(
      venues,
      rows.map((r) => r.participants),
    ),
    participantsTotal: sum(rows.map((r) => r.participantsTotal)),
  }));
  const venueRows = venues.map((venue) => ({
    venue,
    sessions: sum(ibashoMonths.map((m) => m.sessions[venue]!)),
    participants: sum(ibashoMonths.map((m) => m.participants[venue]!)),
  }));

  const locations = labelsOf(
    'location',
    sources.map((s) => s.distribution.locations.map((l) => l.location)),
  );
  const distributionMonths = monthly((s, i) => s.distribution.months[i]!).map((rows, i) => ({
    month: first.intake.months[i]!.month,
    label: first.intake.months[i]!.label,
    count: sumCounts(
      locations,
      rows.map((r) => r.count),
    ),
    total: sum(rows.map((r) => r.total)),
  }));
  const locationRows = locations.map((location) => ({ location, count: sum(distributionMonths.map((m) => m.count[location]!)) }));

  const support = combineSupport(sources, facts, labelsOf);
  const rowOf = (s: SourceReport): SourceRow => ({
    organization: s.organization,
    total: s.intake.total.total,
    channel: sumCounts(channels, [s.intake.total.channel]),
    category: sumCounts(categories, [s.intake.total.category]),
    outcome: sumCounts(outcomes, [s.intake.total.outcome]),
    ibasho: { sessions: s.ibasho.sessions, participants: s.ibasho.participants },
    distribution: { count: s.distribution.count },
    ...(people
      ? {
          people: {
            ...(people.total.clients === null ? {} : { clients: s.intake.people!.total.clients }),
            new: s.intake.people!.total.new,
          },
        }
      : {}),
    ...(support ? { support: { total: s.support!.total } } : {}),
  });
  const excluded = sources.filter((s) => s.excluded);
  return {
    intake: {
      months: intakeMonths,
      total: intakeTotal,
      ...(people ? { people } : {}),
      ...(attributes ? { attributes } : {}),
      ...(first.intake.categoryMode ? { categoryMode: first.intake.categoryMode } : {}),
    },
    ibasho: {
      sessions: sum(venueRows.map((v) => v.sessions)),
      participants: sum(venueRows.map((v) => v.participants)),
      venues: venueRows,
      months: ibashoMonths,
    },
    distribution: { count: sum(locationRows.map((l) => l.count)), locations: locationRows, months: distributionMonths },
    ...(support ? { support } : {}),
    ledger: combineLedgers(sources),
    ...(excluded.length > 0
      ? { excluded: { rows: sum(excluded.map((s) => s.excluded!.rows)), tables: sum(excluded.map((s) => s.excluded!.tables)) } }
      : {}),
    sources: sources.map(rowOf),
    combined: facts,
  };
}
