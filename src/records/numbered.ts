import type { IsoDate } from './dates.js';
import { NO_LABELS } from './attribute-cells.js';
import type { IntakeRecord } from './row.js';

/** A column of row hashes (53-bit numbers), appended to and doubled when full; sorted() is a sorted copy. */
export class HashColumn {
  length = 0;
  private data = new Float64Array(256);

  push(hash: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, new Float64Array(this.data.length * 2));
    this.data[this.length++] = hash;
  }

  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort();
  }
}

function grown<A extends Float64Array | Uint32Array>(data: A, into: A): A {
  into.set(data);
  return into;
}

/** Dates by a small number: a year of logs has a few hundred distinct dates, repeated thousands of times. */
export class DateDictionary {
  private readonly numbers = new Map<IsoDate, number>();
  private readonly dates: IsoDate[] = [];
  private readonly years: number[] = [];
  private last = { date: '', n: -1 };

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
    if (date === this.last.date) return this.last.n;
    let n = this.numbers.get(date);
    if (n === undefined) {
      n = this.dates.push(date) - 1;
      this.numbers.set(date, n);
    }
    this.last = { date, n };
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
  /** The 受付番号, in row order. */
  readonly ids: string[] = [];
  /** The other fields, FIELDS numbers a record, one after another: one typed array to grow, one store per field. */
  private fields = new Uint32Array(256 * FIELDS);
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

  get size(): number {
    return this.ids.length;
  }

  add(record: IntakeRecord & { id: string }): void {
    let at = this.ids.length * FIELDS;
    if (at === this.fields.length) this.fields = grown(this.fields, new Uint32Array(this.fields.length * 2));
    this.ids.push(record.id);
    const fields = this.fields;
    fields[at++] = this.dictionary.numberOf(record.date);
    fields[at++] = record.channel;
    fields[at++] = record.category;
    fields[at++] = record.outcome;
    fields[at] = record.row;
    if (record.categories !== null) this.categorySets.push(record.categories);
    if (record.attributes.length > 0) this.attributeLabels.push(record.attributes);
  }

  private field(index: number, field: number): number {
    return this.fields[index * FIELDS + field]!;
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
      id: this.ids[index]!,
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
