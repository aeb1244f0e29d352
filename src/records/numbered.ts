import type { IsoDate } from './dates.js';
import { NO_LABELS } from './attribute-cells.js';
import type { IntakeRecord } from './row.js';

/**
 * Entries per chunk of a column. Columns grow a chunk at a time rather than by doubling one array,
 * which allocated and copied into twice the memory at each step: on a million rows, 24 MB of fresh
 * pages (6,000 page faults, each costly in a virtual machine) fewer.
 */
const CHUNK_SHIFT = 12;
const CHUNK = 1 << CHUNK_SHIFT;
const IN_CHUNK = CHUNK - 1;

/** A column of row hashes (53-bit numbers), appended to a chunk at a time; sorted() is a sorted copy. */
export class HashColumn {
  length = 0;
  private readonly chunks: Float64Array[] = [];

  push(hash: number): void {
    const at = this.length & IN_CHUNK;
    if (at === 0) this.chunks.push(new Float64Array(CHUNK));
    this.chunks[this.length >>> CHUNK_SHIFT]![at] = hash;
    this.length++;
  }

  sorted(): Float64Array {
    const all = new Float64Array(this.length);
    this.chunks.forEach((chunk, i) => all.set(chunk.subarray(0, Math.min(CHUNK, this.length - i * CHUNK)), i * CHUNK));
    return all.sort();
  }
}

/** Dates by a small number: a year of logs has a few hundred distinct dates, repeated thousands of times. */
export class DateDictionary {
  private readonly numbers = new Map<IsoDate, number>();
  private readonly dates: IsoDate[] = [];
  private readonly years: number[] = [];
  private lastDate = '';
  private lastNumber = -1;

  /** The fiscal year of a numbered date, worked out once per date. */
  fiscalYear(n: number, startMonth: number): number {
    let year = this.years[n];
    if (year === undefined) {
      const date = this.dates[n]!;
      const calendarYear = Number(date.slice(0, 4));
      year = Number(date.slice(5, 7)) >= startMonth ? calendarYear : calendarYear - 1;
      this.years[n] = year;
    }
    return year;
  }

  numberOf(date: IsoDate): number {
    // Rows come in date order: most are the date of the row before.
    if (date === this.lastDate) return this.lastNumber;
    let n = this.numbers.get(date);
    if (n === undefined) {
      n = this.dates.push(date) - 1;
      this.numbers.set(date, n);
    }
    this.lastDate = date;
    this.lastNumber = n;
    return n;
  }

  date(n: number): IsoDate {
    return this.dates[n]!;
  }
}

/** Positions of a numbered record's fields in NumberedRecords' array. */
const [DATE, CHANNEL, CATEGORY, OUTCOME, ROW, KEY, ID_CHUNK, ID_AT, ID_LENGTH, FIELDS] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
/** Code units per chunk of 受付番号 text (a longer number gets a chunk of its own). */
const TEXT_CHUNK = 1 << 16;

/**
 * A table's consultations that carry a 受付番号, kept until every table is read, for the check
 * that each number is counted once (ids.ts). The others are only counted, never kept. Everything
 * is kept in typed arrays, ~36 bytes a record plus two a character of its number: no string or
 * object per record for the garbage collector to move (a string per number was a third of the
 * cost of a 受付番号 column on a large file), and no array of a million to grow.
 */
export class NumberedRecords {
  /** How many records. */
  size = 0;
  /** FIELDS numbers a record, one after another, in chunks of CHUNK records: one store per field. */
  private readonly fields: Uint32Array[] = [];
  /** The 受付番号 as UTF-16 code units, one after another; a record's fields say where its own are. */
  private readonly text: Uint16Array[] = [];
  private textUsed = TEXT_CHUNK;
  /**
   * SPEC §14, kept only when the config has them (so for every record or none): each record's 主訴
   * with categoriesMultiple, and its attributes' labels, to take a repeated record back from the
   * tally whole. Both are arrays shared between records, so equal 主訴 are the same array.
   */
  private readonly categorySets: (readonly number[])[] = [];
  private readonly attributeLabels: (readonly number[])[] = [];

  constructor(
    private readonly unit: number,
    private readonly dictionary: DateDictionary,
    /** The config's first month of the fiscal year, which a number is unique within. */
    private readonly startMonth: number,
  ) {}

  /** The 受付番号 of a record. */
  id(index: number): string {
    const chunk = this.text[this.field(index, ID_CHUNK)]!;
    const from = this.field(index, ID_AT);
    const to = from + this.field(index, ID_LENGTH);
    // A few thousand code units a call: a call takes only so many arguments.
    let id = '';
    for (let at = from; at < to; at += 4096) id += String.fromCharCode(...chunk.subarray(at, Math.min(to, at + 4096)));
    return id;
  }

  /**
   * A 32-bit FNV-style hash of the record's fiscal year (mixed in whole) and 受付番号 (character by
   * character), worked out as it was added: the key ids.ts sorts to find numbers given twice.
   */
  key(index: number): number {
    return this.field(index, KEY);
  }

  add(record: IntakeRecord & { id: string }): void {
    const index = this.size++;
    if ((index & IN_CHUNK) === 0) this.fields.push(new Uint32Array(CHUNK * FIELDS));
    const fields = this.fields[index >>> CHUNK_SHIFT]!;
    const at = (index & IN_CHUNK) * FIELDS;
    const { id } = record;
    if (this.textUsed + id.length > TEXT_CHUNK) {
      this.text.push(new Uint16Array(Math.max(TEXT_CHUNK, id.length)));
      this.textUsed = 0;
    }
    const text = this.text[this.text.length - 1]!;
    const date = this.dictionary.numberOf(record.date);
    let key = Math.imul(0x811c9dc5 ^ this.dictionary.fiscalYear(date, this.startMonth), 0x01000193);
    for (let c = 0; c < id.length; c++) {
      const unit = id.charCodeAt(c);
      text[this.textUsed + c] = unit;
      key = Math.imul(key ^ unit, 0x01000193);
    }
    fields[at + DATE] = date;
    fields[at + CHANNEL] = record.channel;
    fields[at + CATEGORY] = record.category;
    fields[at + OUTCOME] = record.outcome;
    fields[at + ROW] = record.row;
    fields[at + KEY] = key >>> 0;
    fields[at + ID_CHUNK] = this.text.length - 1;
    fields[at + ID_AT] = this.textUsed;
    fields[at + ID_LENGTH] = id.length;
    this.textUsed += id.length;
    if (record.categories !== null) this.categorySets.push(record.categories);
    if (record.attributes.length > 0) this.attributeLabels.push(record.attributes);
  }

  private field(index: number, field: number): number {
    return this.fields[index >>> CHUNK_SHIFT]![(index & IN_CHUNK) * FIELDS + field]!;
  }

  date(index: number): IsoDate {
    return this.dictionary.date(this.field(index, DATE));
  }

  fiscalYear(index: number, startMonth: number): number {
    return this.dictionary.fiscalYear(this.field(index, DATE), startMonth);
  }

  /** Whether two records say the same (a re-export) or not (a conflict): date, channel, category, outcome. */
  sameContent(index: number, other: NumberedRecords, otherIndex: number): boolean {
    for (const field of [DATE, CHANNEL, CATEGORY, OUTCOME]) if (this.field(index, field) !== other.field(otherIndex, field)) return false;
    return this.categorySets[index] === other.categorySets[otherIndex];
  }

  /** The record again, as far as a tally and a message need it (its person is taken back by row: PeopleRecords.remove). */
  record(index: number): IntakeRecord & { id: string } {
    return {
      kind: 'intake',
      unit: this.unit,
      row: this.field(index, ROW),
      id: this.id(index),
      date: this.date(index),
      channel: this.field(index, CHANNEL),
      category: this.field(index, CATEGORY),
      outcome: this.field(index, OUTCOME),
      clientId: null,
      visit: null,
      categories: this.categorySets[index] ?? null,
      attributes: this.attributeLabels[index] ?? NO_LABELS,
    };
  }
}
