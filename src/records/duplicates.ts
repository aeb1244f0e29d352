import type { IsoDate } from './dates.js';
import type { IntakeRecord } from './row.js';

/** Where a row is: the index of its table in the run, and its spreadsheet row. */
export interface RowPlace {
  table: number;
  row: number;
}

export type DuplicateCheck =
  | { status: 'first' }
  | { status: 'duplicate'; first: RowPlace }
  /**
   * The row's 受付番号 is also on rows with other content. `retract` lists the earlier rows that
   * were accepted until now and must be taken back (the first one counted, the others as duplicates).
   */
  | { status: 'conflict'; others: RowPlace[]; retract: { place: RowPlace; record: IntakeRecord; wasCounted: boolean }[] };

interface Repeats {
  places: RowPlace[];
  conflicted: boolean;
}

const DAY_MS = 86_400_000;
const SHIFT = 1024;

/**
 * Remembers every 受付番号 seen, compactly: one map entry per number pointing into typed arrays
 * of packed content (date, channel, category, outcome) and first place. Only numbers seen more
 * than once get an object of their own. Memory grows with distinct numbers, not with columns.
 */
export class DuplicateIndex {
  private readonly slots = new Map<string, number>();
  private content = new Float64Array(1024);
  private table = new Uint32Array(1024);
  private row = new Uint32Array(1024);
  private readonly repeats = new Map<number, Repeats>();

  check(record: IntakeRecord & { id: string }, place: RowPlace): DuplicateCheck {
    const packed = pack(record);
    const slot = this.slots.get(record.id);
    if (slot === undefined) {
      this.store(record.id, packed, place);
      return { status: 'first' };
    }
    const first = { table: this.table[slot]!, row: this.row[slot]! };
    let repeats = this.repeats.get(slot);
    if (!repeats) {
      repeats = { places: [], conflicted: false };
      this.repeats.set(slot, repeats);
    }
    if (repeats.conflicted) {
      const others = [first, ...repeats.places];
      repeats.places.push(place);
      return { status: 'conflict', others, retract: [] };
    }
    if (this.content[slot] === packed) {
      repeats.places.push(place);
      return { status: 'duplicate', first };
    }
    repeats.conflicted = true;
    const firstRecord = unpack(this.content[slot]!, record.id);
    const retract = [
      { place: first, record: firstRecord, wasCounted: true },
      ...repeats.places.map((p) => ({ place: p, record: firstRecord, wasCounted: false })),
    ];
    const others = [first, ...repeats.places];
    repeats.places.push(place);
    return { status: 'conflict', others, retract };
  }

  private store(id: string, packed: number, place: RowPlace): void {
    const slot = this.slots.size;
    if (slot === this.content.length) {
      this.content = grow(this.content, new Float64Array(slot * 2));
      this.table = grow(this.table, new Uint32Array(slot * 2));
      this.row = grow(this.row, new Uint32Array(slot * 2));
    }
    this.slots.set(id, slot);
    this.content[slot] = packed;
    this.table[slot] = place.table;
    this.row[slot] = place.row;
  }
}

function grow<T extends Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Date, channel, category and outcome in one exact float: days × 2³⁰ + three 10-bit indexes. */
function pack(record: IntakeRecord): number {
  const days = Date.parse(`${record.date}T00:00:00Z`) / DAY_MS;
  return ((days * SHIFT + record.channel) * SHIFT + record.category) * SHIFT + record.outcome;
}

function unpack(packed: number, id: string): IntakeRecord {
  const outcome = packed % SHIFT;
  const category = Math.floor(packed / SHIFT) % SHIFT;
  const channel = Math.floor(packed / SHIFT ** 2) % SHIFT;
  const days = Math.floor(packed / SHIFT ** 3);
  const date: IsoDate = new Date(days * DAY_MS).toISOString().slice(0, 10);
  return { kind: 'intake', id, date, channel, category, outcome };
}
