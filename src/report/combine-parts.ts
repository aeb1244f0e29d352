import { NOT_WRITTEN_LABEL } from '../config/columns.js';
import { NO_AGENCY_LABEL } from '../config/lists.js';
import type { SourceReport } from './source-json.js';
import type { AttributeTable, CombinedFacts, CombinedTable, PeopleFigures, Report, SupportFigures } from './types.js';

export type Counts = Record<string, number>;

/** What the people of a combined report carry under their table in every format (SPEC §15). */
export const PEOPLE_OVERLAP_NOTE = '団体間の重複を含む';

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Labels of several lists: the first list's order, then each new label in the order met; `last` (未記入) kept at the end. */
export function unionLabels(lists: readonly (readonly string[])[], last?: string): string[] {
  const seen = new Set<string>();
  for (const list of lists) for (const label of list) seen.add(label);
  const labels = [...seen];
  return last !== undefined && seen.has(last) ? [...labels.filter((label) => label !== last), last] : labels;
}

/** Each label's count summed over the rows; a label a row does not have counts 0 there. */
export function sumCounts(labels: readonly string[], rows: readonly Counts[]): Counts {
  return Object.fromEntries(labels.map((label) => [label, sum(rows.map((row) => row[label] ?? 0))]));
}

/** The union of a table's labels over the sources, noting each source's missing ones. */
export type LabelsOf = (table: CombinedTable, lists: readonly (readonly string[] | null)[], last?: string, attribute?: string) => string[];

/**
 * 相談者数, only when every source has it: 新規 summed, and 実人数 and ID未記入 when every source
 * counts 相談者ID. Each source counted its own people, so one person may be in two sources' counts.
 */
export function combinePeople(sources: readonly SourceReport[], facts: CombinedFacts): PeopleFigures | null {
  const withPeople = sources.filter((s) => s.intake.people);
  if (withPeople.length < sources.length) {
    if (withPeople.length > 0) facts.withoutPeople.push(...sources.filter((s) => !s.intake.people).map((s) => s.organization));
    return null;
  }
  const withIds = sources.filter((s) => s.intake.people!.total.clients !== null);
  const ids = withIds.length === sources.length;
  if (!ids && withIds.length > 0)
    facts.withoutClients.push(...sources.filter((s) => s.intake.people!.total.clients === null).map((s) => s.organization));
  type Row = Omit<PeopleFigures['total'], never>;
  const rowOf = (rows: readonly Row[]): Row => ({
    clients: ids ? sum(rows.map((r) => r.clients!)) : null,
    new: sum(rows.map((r) => r.new!)),
    withoutId: ids ? sum(rows.map((r) => r.withoutId!)) : null,
  });
  return {
    months: sources[0]!.intake.people!.months.map((m, i) => ({
      month: m.month,
      ...rowOf(sources.map((s) => s.intake.people!.months[i]!)),
    })),
    total: rowOf(sources.map((s) => s.intake.people!.total)),
    note: PEOPLE_OVERLAP_NOTE,
  };
}

/**
 * Each attribute any source has, by id: labels unioned with 未記入 last; a source without the
 * attribute puts its consultations under 未記入, so every row still sums to the consultations.
 */
export function combineAttributes(sources: readonly SourceReport[], facts: CombinedFacts, labelsOf: LabelsOf): AttributeTable[] | null {
  const ids = unionLabels(sources.map((s) => (s.intake.attributes ?? []).map((a) => a.id)));
  if (ids.length === 0) return null;
  const lacking = new Map<string, string[]>();
  const tables = ids.map((id) => {
    const own = sources.map((s) => s.intake.attributes?.find((a) => a.id === id) ?? null);
    const name = own.find((table) => table !== null)!.label;
    own.forEach((table, i) => {
      if (table === null) lacking.set(sources[i]!.organization, [...(lacking.get(sources[i]!.organization) ?? []), name]);
    });
    const labels = labelsOf(
      'attribute',
      own.map((table) => (table ? Object.keys(table.total) : null)),
      NOT_WRITTEN_LABEL,
      name,
    );
    const withNotWritten = labels.includes(NOT_WRITTEN_LABEL) ? labels : [...labels, NOT_WRITTEN_LABEL];
    const countsOf = (s: SourceReport, table: (typeof own)[number], month: number): Counts =>
      table ? table.months[month]!.counts : { [NOT_WRITTEN_LABEL]: s.intake.months[month]!.total };
    const months = sources[0]!.intake.months.map((m, i) => ({
      month: m.month,
      label: m.label,
      counts: sumCounts(
        withNotWritten,
        sources.map((s, k) => countsOf(s, own[k]!, i)),
      ),
    }));
    return {
      id,
      label: name,
      total: sumCounts(
        withNotWritten,
        months.map((m) => m.counts),
      ),
      months,
    };
  });
  for (const [organization, attributes] of lacking) facts.missingAttributes.push({ organization, attributes });
  return tables;
}

/** 支援記録, only when every source has it: types unioned, agencies unioned with 未記入 last. */
export function combineSupport(sources: readonly SourceReport[], facts: CombinedFacts, labelsOf: LabelsOf): SupportFigures | null {
  const withSupport = sources.filter((s) => s.support);
  if (withSupport.length < sources.length) {
    if (withSupport.length > 0) facts.withoutSupport.push(...sources.filter((s) => !s.support).map((s) => s.organization));
    return null;
  }
  const all = sources.map((s) => s.support!);
  const types = labelsOf(
    'supportType',
    all.map((s) => Object.keys(s.type)),
  );
  // 未記入 is a row only where some action had no 連携先: its absence elsewhere is no missing label.
  const agencies = labelsOf(
    'agency',
    all.map((s) => s.byAgency.map((a) => a.agency)),
    NO_AGENCY_LABEL,
  );
  const months = all[0]!.months.map((m, i) => {
    const rows = all.map((s) => s.months[i]!);
    return {
      month: m.month,
      label: m.label,
      total: sum(rows.map((r) => r.total)),
      type: sumCounts(
        types,
        rows.map((r) => r.type),
      ),
    };
  });
  const byAgency = agencies.map((agency) => {
    const rows = all.flatMap((s) => s.byAgency.filter((a) => a.agency === agency));
    return {
      agency,
      total: sum(rows.map((r) => r.total)),
      type: sumCounts(
        types,
        rows.map((r) => r.type),
      ),
    };
  });
  return {
    total: sum(months.map((m) => m.total)),
    type: sumCounts(
      types,
      months.map((m) => m.type),
    ),
    months,
    byAgency,
  };
}

/** The rows read, kind by kind, summed (the invariant of each ledger holds for the sum). */
export function combineLedgers(sources: readonly SourceReport[]): Report['ledger'] {
  type Ledger = Report['ledger']['intake'];
  const add = (ledgers: readonly Ledger[]): Ledger => {
    const keys = ['read', 'blank', 'totalLine', 'duplicate', 'rejected', 'outOfPeriod', 'counted'] as const;
    return Object.fromEntries(keys.map((key) => [key, sum(ledgers.map((l) => l[key]))])) as unknown as Ledger;
  };
  const supports = sources.flatMap((s) => (s.ledger.support ? [s.ledger.support] : []));
  return {
    intake: add(sources.map((s) => s.ledger.intake)),
    ibasho: add(sources.map((s) => s.ledger.ibasho)),
    distribution: add(sources.map((s) => s.ledger.distribution)),
    ...(supports.length > 0 ? { support: add(supports) } : {}),
  };
}
