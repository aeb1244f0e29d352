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
const [DATE, CHANNEL, CATEGORY, OUTCOME, ROW, FIELDS] = [0, 1, 2, 3, 4, 5] as const;

/**
 * A table's consultations that carry a 受付番号, kept (in columns, ~20 bytes each besides the
 * number itself) until every table is read, for the check that each number is counted once. The
 * others are only counted, never kept.
 */
export class NumberedRecords {
  /** How many records. */
  size = 0;
  /** The 受付番号, in row order, in chunks of CHUNK (growing one array of a million was a tenth of collecting them). */
  private readonly idChunks: string[][] = [];
  /** The other fields, FIELDS numbers a record, one after another, in chunks of CHUNK records: one store per field. */
  private readonly fields: Uint32Array[] = [];
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
  ) {}

  /** The 受付番号 of a record. */
  id(index: number): string {
    return this.idChunks[index >>> CHUNK_SHIFT]![index & IN_CHUNK]!;
  }

  add(record: IntakeRecord & { id: string }): void {
    const index = this.size++;
    if ((index & IN_CHUNK) === 0) {
      this.fields.push(new Uint32Array(CHUNK * FIELDS));
      this.idChunks.push([]);
    }
    const fields = this.fields[index >>> CHUNK_SHIFT]!;
    let at = (index & IN_CHUNK) * FIELDS;
    this.idChunks[index >>> CHUNK_SHIFT]!.push(record.id);
    fields[at++] = this.dictionary.numberOf(record.date);
    fields[at++] = record.channel;
    fields[at++] = record.category;
    fields[at++] = record.outcome;
    fields[at] = record.row;
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
