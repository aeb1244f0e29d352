import type { Config } from '../config/schema.js';
import { monthOf } from '../records/dates.js';
import type { Kind } from '../records/kinds.js';
import type { LogRecord } from '../records/row.js';

export interface IntakeCounts {
  total: number;
  channel: number[];
  category: number[];
  outcome: number[];
}

export interface IbashoCounts {
  sessions: number[];
  participants: number[];
}

export interface DistributionCounts {
  count: number[];
}

/**
 * Counted records, summed by month (`YYYY-MM`) and config index: all the report needs. The
 * period is chosen afterwards, so every month of every kind is kept.
 */
export class Tally {
  readonly intake = new Map<string, IntakeCounts>();
  readonly ibasho = new Map<string, IbashoCounts>();
  readonly distribution = new Map<string, DistributionCounts>();
  /** Accepted rows by kind and month, so the ledger can tell counted rows from those out of period. */
  readonly rows: Record<Kind, Map<string, number>> = { intake: new Map(), ibasho: new Map(), distribution: new Map() };

  /** The month of each date seen, kept so that the month keys are the same strings every time. */
  private readonly monthOfDate = new Map<string, string>();

  constructor(
    private readonly config: Config,
    records: Iterable<LogRecord> = [],
  ) {
    for (const record of records) this.add(record);
  }

  add(record: LogRecord): void {
    let month = this.monthOfDate.get(record.date);
    if (month === undefined) {
      month = monthOf(record.date);
      this.monthOfDate.set(record.date, month);
    }
    const rows = this.rows[record.kind];
    rows.set(month, (rows.get(month) ?? 0) + 1);
    switch (record.kind) {
      case 'intake': {
        const c = getOrCreate(this.intake, month, () => ({
          total: 0,
          channel: zeros(this.config.channels.length),
          category: zeros(this.config.categories.length),
          outcome: zeros(this.config.outcomes.length),
        }));
        c.total++;
        c.channel[record.channel]!++;
        c.category[record.category]!++;
        c.outcome[record.outcome]!++;
        break;
      }
      case 'ibasho': {
        const n = this.config.ibashoVenues.length;
        const c = getOrCreate(this.ibasho, month, () => ({ sessions: zeros(n), participants: zeros(n) }));
        c.sessions[record.venue]!++;
        c.participants[record.venue]! += record.participants;
        break;
      }
      case 'distribution': {
        const c = getOrCreate(this.distribution, month, () => ({ count: zeros(this.config.distributionLocations.length) }));
        c.count[record.location]! += record.count;
        break;
      }
    }
  }

  /** Every month holding at least one accepted record of any kind, sorted. */
  months(): string[] {
    const months = new Set<string>();
    for (const byMonth of Object.values(this.rows)) {
      for (const [month, n] of byMonth) if (n > 0) months.add(month);
    }
    return [...months].sort();
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
