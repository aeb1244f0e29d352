import type { IsoDate } from './dates.js';
import type { IntakeRecord, Visit } from './types.js';

/** A counted consultation as people are counted: who (a pseudonym, never output), when, and whether it was a first visit. */
export interface PersonVisit {
  client: string | null;
  date: IsoDate;
  visit: Visit | null;
}

/**
 * A table's consultations with their 相談者ID and 新規/継続, kept until every table is read: a
 * person is counted once however many tables or months they appear in, so the counting waits
 * for the records that count. Only tables with either column keep anything.
 */
export class PeopleRecords {
  private readonly visits: (PersonVisit & { row: number })[] = [];
  /** Rows taken back after they were added (their 受付番号 was repeated). */
  private readonly removed = new Set<number>();

  add(record: IntakeRecord): void {
    this.visits.push({ client: record.clientId, date: record.date, visit: record.visit, row: record.row });
  }

  remove(row: number): void {
    this.removed.add(row);
  }

  /** The consultations that still count. */
  counted(): PersonVisit[] {
    return this.visits.filter((v) => !this.removed.has(v.row)).map(({ client, date, visit }) => ({ client, date, visit }));
  }
}

/** What a 新規/継続 cell says: 新規 (初回, 新) or 継続 (再, 再来, 継続相談); anything else is not a visit. */
export function visitOf(normalized: string): Visit | undefined {
  if (['新規', '初回', '新', '初', '新規相談'].includes(normalized)) return 'new';
  if (['継続', '再', '再来', '継続相談', '再相談'].includes(normalized)) return 'continuing';
  return undefined;
}

/** The labels a 新規/継続 column accepts, for the message when it holds something else. */
export const VISIT_LABELS = ['新規', '継続'] as const;
