import type { Config } from '../config/schema.js';
import { attributeColumns } from './attributes.js';
import { monthOf } from './dates.js';
import type { Kind } from './kinds.js';
import type { LogRecord } from './row.js';

export interface IntakeCounts {
  total: number;
  channel: number[];
  /** Consultations by 主訴; mentions with categoriesMultiple (a month's sum may then exceed its total). */
  category: number[];
  outcome: number[];
  /** SPEC §14: per configured attribute, consultations by label (attributeColumns order); each sums to `total`. */
  attributes: number[][];
}

export interface IbashoCounts {
  sessions: number[];
  participants: number[];
}

export interface DistributionCounts {
  count: number[];
}

/**
 * Support actions (支援記録) of a month: `byAgency[agency][type]`, indexes into the config's
 * agencies and supportTypes; the row after the last agency holds actions without a 連携先.
 */
export interface SupportCounts {
  byAgency: number[][];
}

/** A tally as the report stage reads it: counts only, nothing to change them with. */
export interface TallyView {
  readonly intake: ReadonlyMap<string, Readonly<IntakeCounts>>;
  readonly ibasho: ReadonlyMap<string, Readonly<IbashoCounts>>;
  readonly distribution: ReadonlyMap<string, Readonly<DistributionCounts>>;
  readonly support: ReadonlyMap<string, Readonly<SupportCounts>>;
  readonly rows: Readonly<Record<Kind, ReadonlyMap<string, number>>>;
  total(kind: Kind): number;
  months(): string[];
}

/**
 * Counted records, summed by month (`YYYY-MM`) and config index: all a report needs, so a row
 * is counted as it is read and not kept. Each table has its own (so that a table found to be
 * read twice is simply left out); the run's is their sum. The period is chosen afterwards, so
 * every month of every kind is kept.
 */
export class Tally implements TallyView {
  private readonly intakeCounts = new Map<string, IntakeCounts>();
  private readonly ibashoCounts = new Map<string, IbashoCounts>();
  private readonly distributionCounts = new Map<string, DistributionCounts>();
  private readonly supportCounts = new Map<string, SupportCounts>();
  /** Counted rows by kind and month, so the ledger can tell counted rows from those out of period. */
  private readonly counted: Record<Kind, Map<string, number>> = {
    intake: new Map(),
    ibasho: new Map(),
    distribution: new Map(),
    support: new Map(),
  };

  /**
   * The month of the last date seen, and the intake counts of the last month added to: rows come
   * in date order, so a million rows look up a few hundred months (and the same month string,
   * whose hash is kept, is the key every time).
   */
  /**
   * Rows counted into the last kind and month since they were added to `counted`: rows come in
   * date order, so a million rows update the map a few hundred times, not a million.
   */
  private pendingRows: Map<string, number> | null = null;
  private pendingMonth = '';
  private pending = 0;
  private lastDate = '';
  private lastMonth = '';
  private lastIntake: { month: string; counts: IntakeCounts } | null = null;

  constructor(private readonly config: Config) {}

  private monthOf(date: string): string {
    if (this.lastDate !== date) {
      this.lastDate = date;
      this.lastMonth = monthOf(date);
    }
    return this.lastMonth;
  }

  get intake(): ReadonlyMap<string, Readonly<IntakeCounts>> {
    return this.intakeCounts;
  }

  get ibasho(): ReadonlyMap<string, Readonly<IbashoCounts>> {
    return this.ibashoCounts;
  }

  get distribution(): ReadonlyMap<string, Readonly<DistributionCounts>> {
    return this.distributionCounts;
  }

  get support(): ReadonlyMap<string, Readonly<SupportCounts>> {
    return this.supportCounts;
  }

  get rows(): Readonly<Record<Kind, ReadonlyMap<string, number>>> {
    return this.rowCounts();
  }

  add(record: LogRecord): void {
    this.apply(record, 1);
  }

  /** Takes back a record counted before (its 受付番号 turned out to be repeated). */
  remove(record: LogRecord): void {
    this.apply(record, -1);
  }

  /** Adds every count of another tally (a table's) to this one. */
  addAll(other: Tally): void {
    const addArrays = (into: number[], from: readonly number[]): void => from.forEach((n, i) => (into[i]! += n));
    for (const [month, c] of other.intakeCounts) {
      const mine = this.intakeOf(month);
      mine.total += c.total;
      addArrays(mine.channel, c.channel);
      addArrays(mine.category, c.category);
      addArrays(mine.outcome, c.outcome);
      c.attributes.forEach((counts, a) => addArrays(mine.attributes[a]!, counts));
    }
    for (const [month, c] of other.ibashoCounts) {
      const mine = this.ibashoOf(month);
      addArrays(mine.sessions, c.sessions);
      addArrays(mine.participants, c.participants);
    }
    for (const [month, c] of other.distributionCounts) addArrays(this.distributionOf(month).count, c.count);
    for (const [month, c] of other.supportCounts) {
      const mine = this.supportOf(month).byAgency;
      c.byAgency.forEach((types, agency) => addArrays(mine[agency]!, types));
    }
    const mine = this.rowCounts();
    const theirs = other.rowCounts();
    for (const kind of Object.keys(theirs) as Kind[]) {
      for (const [month, n] of theirs[kind]) mine[kind].set(month, (mine[kind].get(month) ?? 0) + n);
    }
  }

  /** Counted rows of one kind, every month. */
  total(kind: Kind): number {
    let total = 0;
    for (const n of this.rowCounts()[kind].values()) total += n;
    return total;
  }

  /** Every month holding at least one counted record of any kind, sorted. */
  months(): string[] {
    const months = new Set<string>();
    for (const byMonth of Object.values(this.rowCounts())) {
      for (const [month, n] of byMonth) if (n > 0) months.add(month);
    }
    return [...months].sort();
  }

  /** Counted rows by kind and month, the pending ones included. */
  private rowCounts(): Record<Kind, Map<string, number>> {
    this.flushRows();
    return this.counted;
  }

  private flushRows(): void {
    const rows = this.pendingRows;
    if (rows === null) return;
    rows.set(this.pendingMonth, (rows.get(this.pendingMonth) ?? 0) + this.pending);
    this.pendingRows = null;
    this.pending = 0;
  }

  private apply(record: LogRecord, sign: 1 | -1): void {
    const month = this.monthOf(record.date);
    const rows = this.counted[record.kind];
    if (rows !== this.pendingRows || month !== this.pendingMonth) {
      this.flushRows();
      this.pendingRows = rows;
      this.pendingMonth = month;
    }
    this.pending += sign;
    switch (record.kind) {
      case 'intake': {
        let c = this.lastIntake;
        if (c?.month !== month) c = this.lastIntake = { month, counts: this.intakeOf(month) };
        const { counts } = c;
        counts.total += sign;
        counts.channel[record.channel]! += sign;
        if (record.categories === null) counts.category[record.category]! += sign;
        else for (const category of record.categories) counts.category[category]! += sign;
        counts.outcome[record.outcome]! += sign;
        const { attributes } = record;
        for (let a = 0; a < attributes.length; a++) counts.attributes[a]![attributes[a]!]! += sign;
        break;
      }
      case 'ibasho': {
        const c = this.ibashoOf(month);
        c.sessions[record.venue]! += sign;
        c.participants[record.venue]! += sign * record.participants;
        break;
      }
      case 'distribution':
        this.distributionOf(month).count[record.location]! += sign * record.count;
        break;
      case 'support': {
        const byAgency = this.supportOf(month).byAgency;
        byAgency[record.agency ?? byAgency.length - 1]![record.type]! += sign;
        break;
      }
    }
  }

  private intakeOf(month: string): IntakeCounts {
    return getOrCreate(this.intakeCounts, month, () => ({
      total: 0,
      channel: zeros(this.config.channels.length),
      category: zeros(this.config.categories.length),
      outcome: zeros(this.config.outcomes.length),
      attributes: this.config.attributes.map((attribute) => zeros(attributeColumns(attribute).length)),
    }));
  }

  private ibashoOf(month: string): IbashoCounts {
    const n = this.config.ibashoVenues.length;
    return getOrCreate(this.ibashoCounts, month, () => ({ sessions: zeros(n), participants: zeros(n) }));
  }

  private distributionOf(month: string): DistributionCounts {
    return getOrCreate(this.distributionCounts, month, () => ({ count: zeros(this.config.distributionLocations.length) }));
  }

  private supportOf(month: string): SupportCounts {
    const types = this.config.supportTypes.length;
    // One row per agency, and one more for actions without a 連携先.
    const rows = this.config.agencies.length + 1;
    return getOrCreate(this.supportCounts, month, () => ({ byAgency: Array.from({ length: rows }, () => zeros(types)) }));
  }
}

function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

function getOrCreate<V>(map: Map<string, V>, key: string, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
