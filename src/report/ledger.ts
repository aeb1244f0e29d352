import type { Collected } from '../records/collect.js';
import { KINDS, type Kind } from '../records/kinds.js';
import type { TallyView } from '../records/tally.js';
import type { PerKind } from '../problems.js';
import type { Ledger } from './types.js';

/**
 * The kinds a run's ledger names: the seed's three always, 支援記録 only when a support table was
 * read — logs without one keep the ledger (and JSON) they had before the kind existed (SPEC §14).
 */
export function ledgerKinds(collected: Pick<Collected, 'units'>): Kind[] {
  return KINDS.filter((kind) => kind !== 'support' || collected.units.some((unit) => unit.kind === 'support'));
}

/**
 * Where every row went, per kind: read = blank + totalLine + duplicate + rejected + outOfPeriod
 * + counted. `months` is the report period; rows kept in other months are out of period.
 */
export function buildLedger(collected: Collected, tally: TallyView, months: ReadonlySet<string>): PerKind<Ledger> {
  return Object.fromEntries(
    ledgerKinds(collected).map((kind) => {
      const rows = collected.rows[kind];
      let counted = 0;
      for (const [month, n] of tally.rows[kind]) if (months.has(month)) counted += n;
      const ledger: Ledger = {
        read: rows.read,
        blank: rows.blank,
        totalLine: rows.totalLine,
        duplicate: rows.duplicate,
        rejected: rows.rejected,
        outOfPeriod: rows.accepted - counted,
        counted,
      };
      return [kind, ledger];
    }),
  ) as PerKind<Ledger>;
}

/** Rejected rows that belong to the period (or whose date could not be read, so might). */
export function rejectedInPeriod(collected: Collected, months: ReadonlySet<string>): number {
  let rejected = 0;
  for (const kind of KINDS) {
    for (const [month, n] of collected.rows[kind].rejectedByMonth) if (month === '?' || months.has(month)) rejected += n;
  }
  return rejected;
}
