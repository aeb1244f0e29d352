import type { Config } from '../config/schema.js';
import type { RecordSink } from '../records/collect.js';
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
 * Accepted records, summed by month (`YYYY-MM`) and config index. This is all the report needs,
 * so memory does not grow with the number of rows; the period is chosen afterwards.
 */
export class Tally implements RecordSink {
  readonly intake = new Map<string, IntakeCounts>();
  readonly ibasho = new Map<string, IbashoCounts>();
  readonly distribution = new Map<string, DistributionCounts>();
  /** Accepted rows by kind and month, so the ledger can tell counted rows from those out of period. */
  readonly rows: Record<Kind, Map<string, number>> = { intake: new Map(), ibasho: new Map(), distribution: new Map() };

  /** The month of each date seen, kept so that the month keys are the same strings every time. */
  private readonly monthOfDate = new Map<string, string>();

  constructor(private readonly config: Config) {}

  add(record: LogRecord): void {
    this.apply(record, 1);
  }

  remove(record: LogRecord): void {
    this.apply(record, -1);
  }

  /** Every month holding at least one accepted record of any kind, sorted. */
  months(): string[] {
    const months = new Set<string>();
    for (const byMonth of Object.values(this.rows)) {
      for (const [month, n] of byMonth) if (n > 0) months.add(month);
    }
    return [...months].sort();
  }

  private apply(record: LogRecord, sign: 1 | -1): void {
    let month = this.monthOfDate.get(record.date);
    if (month === undefined) {
      month = monthOf(record.date);
      this.monthOfDate.set(record.date, month);
    }
    const rows = this.rows[record.kind];
    rows.set(month, (rows.get(month) ?? 0) + sign);
    switch (record.kind) {
      case 'intake': {
        const c = getOrCreate(this.intake, month, () => ({
          total: 0,
          channel: zeros(this.config.channels.length),
          category: zeros(this.config.categories.length),
          outcome: zeros(this.config.outcomes.length),
        }));
        c.total += sign;
        c.channel[record.channel]! += sign;
        c.category[record.category]! += sign;
        c.outcome[record.outcome]! += sign;
        break;
      }
      case 'ibasho': {
        const n = this.config.ibashoVenues.length;
        const c = getOrCreate(this.ibasho, month, () => ({ sessions: zeros(n), participants: zeros(n) }));
        c.sessions[record.venue]! += sign;
        c.participants[record.venue]! += sign * record.participants;
        break;
      }
      case 'distribution': {
        const c = getOrCreate(this.distribution, month, () => ({ count: zeros(this.config.distributionLocations.length) }));
        c.count[record.location]! += sign * record.count;
        break;
      }
    }
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
