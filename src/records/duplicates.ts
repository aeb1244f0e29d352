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
/** Shards chosen by the hash's top bits: each grows on its own, so no step doubles the whole index at once. */
const SHARD_BITS = 8;
/** Per-number arrays come in blocks of this many: they grow without copying. */
const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;

/**
 * One open-addressing table of 64-bit hashes (linear probing). Per position: hash high word, hash
 * low word, number + 1 (0 = empty), together, so that a probe touches one cache line.
 */
class Shard {
  private capacity = 64;
  private entries = new Uint32Array(this.capacity * 3);
  private size = 0;

  /** The number stored at a position found by `find`, or -1 where the position is empty. */
  numberAt(position: number): number {
    return this.entries[position * 3 + 2]! - 1;
  }

  /** The position holding this hash, or the empty position where it would go. */
  find(high: number, low: number): number {
    const mask = this.capacity - 1;
    const entries = this.entries;
    for (let position = low & mask; ; position = (position + 1) & mask) {
      const at = position * 3;
      if (entries[at + 2] === 0 || (entries[at] === high && entries[at + 1] === low)) return position;
    }
  }

  insert(position: number, high: number, low: number, number: number): void {
    this.entries[position * 3] = high;
    this.entries[position * 3 + 1] = low;
    this.entries[position * 3 + 2] = number + 1;
    if (++this.size * 4 > this.capacity * 3) this.rehash();
  }

  /** Doubles the table once it is three-quarters full. */
  private rehash(): void {
    const old = this.entries;
    this.capacity *= 2;
    this.entries = new Uint32Array(this.capacity * 3);
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] === 0) continue;
      const position = this.find(old[at]!, old[at + 1]!) * 3;
      this.entries[position] = old[at]!;
      this.entries[position + 1] = old[at + 1]!;
      this.entries[position + 2] = old[at + 2]!;
    }
  }
}

/**
 * Remembers every 受付番号 seen, in about 40 bytes each however long the numbers are, so that a
 * prefecture's millions of rows fit: 256 small hash tables of 64-bit hashes of the numbers (typed
 * arrays, no string kept), pointing into blocks of packed content (date, channel, category,
 * outcome) and first place. Only numbers seen more than once get an object.
 *
 * Two different numbers with the same 64-bit hash would be taken for one: for a million distinct
 * numbers the chance is about 1 in 37 million, and even then it is not silent — it shows as a
 * duplicate-row warning or a duplicate-id-conflict error naming both rows.
 */
export class DuplicateIndex {
  private readonly shards = Array.from({ length: 1 << SHARD_BITS }, () => new Shard());
  private count = 0;
  private readonly content: Float64Array[] = [];
  private readonly table: Uint32Array[] = [];
  private readonly row: Uint32Array[] = [];
  private readonly repeats = new Map<number, Repeats>();
  private readonly dayNumbers = new Map<IsoDate, number>();

  /** Looks the row's 受付番号 up and remembers it. The common case, a new number, allocates nothing. */
  check(record: IntakeRecord & { id: string }, table: number, row: number): DuplicateCheck {
    const packed = this.pack(record);
    const high = hashHigh(record.id);
    const low = hashLow(record.id, high);
    const shard = this.shards[high >>> (32 - SHARD_BITS)]!;
    const position = shard.find(high, low);
    const number = shard.numberAt(position);
    if (number === -1) {
      shard.insert(position, high, low, this.remember(packed, table, row));
      return FIRST;
    }
    const block = number >>> BLOCK_BITS;
    const at = number & (BLOCK - 1);
    const place = { table, row };
    const first = { table: this.table[block]![at]!, row: this.row[block]![at]! };
    let repeats = this.repeats.get(number);
    if (!repeats) {
      repeats = { places: [], conflicted: false };
      this.repeats.set(number, repeats);
    }
    if (repeats.conflicted) {
      const others = [first, ...repeats.places];
      repeats.places.push(place);
      return { status: 'conflict', others, retract: [] };
    }
    const firstContent = this.content[block]![at]!;
    if (firstContent === packed) {
      repeats.places.push(place);
      return { status: 'duplicate', first };
    }
    repeats.conflicted = true;
    const firstRecord = unpack(firstContent, record.id);
    const retract = [
      { place: first, record: firstRecord, wasCounted: true },
      ...repeats.places.map((p) => ({ place: p, record: firstRecord, wasCounted: false })),
    ];
    const others = [first, ...repeats.places];
    repeats.places.push(place);
    return { status: 'conflict', others, retract };
  }

  /** Stores a new number's content and first place; returns its number in order of first sight. */
  private remember(packed: number, table: number, row: number): number {
    const number = this.count++;
    const at = number & (BLOCK - 1);
    if (at === 0) {
      this.content.push(new Float64Array(BLOCK));
      this.table.push(new Uint32Array(BLOCK));
      this.row.push(new Uint32Array(BLOCK));
    }
    const block = number >>> BLOCK_BITS;
    this.content[block]![at] = packed;
    this.table[block]![at] = table;
    this.row[block]![at] = row;
    return number;
  }

  /** Date, channel, category and outcome in one exact float: days × 2³⁰ + three 10-bit indexes. */
  private pack(record: IntakeRecord): number {
    let days = this.dayNumbers.get(record.date);
    if (days === undefined) {
      days = Date.parse(`${record.date}T00:00:00Z`) / DAY_MS;
      this.dayNumbers.set(record.date, days);
    }
    return ((days * SHIFT + record.channel) * SHIFT + record.category) * SHIFT + record.outcome;
  }
}

const FIRST: DuplicateCheck = { status: 'first' };

/**
 * A 64-bit key for a 受付番号 as two 32-bit words, without allocating: two independent
 * multiplicative hashes (FNV-style primes), the second seeded with the first.
 */
function hashHigh(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h ^ (h >>> 15)) >>> 0;
}

function hashLow(text: string, seed: number): number {
  let h = 0xdeadbeef ^ seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 2654435761);
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

function unpack(packed: number, id: string): IntakeRecord {
  const outcome = packed % SHIFT;
  const category = Math.floor(packed / SHIFT) % SHIFT;
  const channel = Math.floor(packed / SHIFT ** 2) % SHIFT;
  const days = Math.floor(packed / SHIFT ** 3);
  const date: IsoDate = new Date(days * DAY_MS).toISOString().slice(0, 10);
  return { kind: 'intake', id, date, channel, category, outcome };
}
