import type { IsoDate } from './dates.js';
import type { IntakeRecord } from './row.js';

/** Numbers appended to a typed array that is doubled when full. */
class Growing<A extends Uint32Array | Float64Array> {
  length = 0;

  constructor(
    protected data: A,
    private readonly allocate: (size: number) => A,
  ) {}

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = this.allocate(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/** A column of small whole numbers. */
class Column extends Growing<Uint32Array> {
  constructor() {
    super(new Uint32Array(256), (size) => new Uint32Array(size));
  }

  at(index: number): number {
    return this.data[index]!;
  }
}

/** A column of row hashes (53-bit numbers); sorted() is a sorted copy. */
export class HashColumn extends Growing<Float64Array> {
  constructor() {
    super(new Float64Array(256), (size) => new Float64Array(size));
  }

  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort();
  }
}

/** Dates by a small number: a year of logs has a few hundred distinct dates, repeated thousands of times. */
export class DateDictionary {
  private readonly numbers = new Map<IsoDate, number>();
  private readonly dates: IsoDate[] = [];
  private readonly years: number[] = [];

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
    let n = this.numbers.get(date);
    if (n === undefined) {
      n = this.dates.push(date) - 1;
      this.numbers.set(date, n);
    }
    return n;
  }

  date(n: number): IsoDate {
    return this.dates[n]!;
  }
}

/**
 * A table's consultations that carry a 受付番号, kept (in columns, ~20 bytes each besides the
 * number itself) until every table is read, for the check that each number is counted once. The
 * others are only counted, never kept.
 */
export class NumberedRecords {
  /** The 受付番号, in row order. */
  readonly ids: string[] = [];
  private readonly dates = new Column();
  private readonly channels = new Column();
  private readonly categories = new Column();
  private readonly outcomes = new Column();
  private readonly rows = new Column();

  constructor(
    private readonly unit: number,
    private readonly dictionary: DateDictionary,
  ) {}

  get size(): number {
    return this.ids.length;
  }

  add(record: IntakeRecord & { id: string }): void {
    this.ids.push(record.id);
    this.dates.push(this.dictionary.numberOf(record.date));
    this.channels.push(record.channel);
    this.categories.push(record.category);
    this.outcomes.push(record.outcome);
    this.rows.push(record.row);
  }

  date(index: number): IsoDate {
    return this.dictionary.date(this.dates.at(index));
  }

  fiscalYear(index: number, startMonth: number): number {
    return this.dictionary.fiscalYear(this.dates.at(index), startMonth);
  }

  /** Whether two records say the same (a re-export) or not (a conflict): date, channel, category, outcome. */
  sameContent(index: number, other: NumberedRecords, otherIndex: number): boolean {
    return (
      this.dates.at(index) === other.dates.at(otherIndex) &&
      this.channels.at(index) === other.channels.at(otherIndex) &&
      this.categories.at(index) === other.categories.at(otherIndex) &&
      this.outcomes.at(index) === other.outcomes.at(otherIndex)
    );
  }

  /** The record again, whole (to take it back from a tally). */
  record(index: number): IntakeRecord & { id: string } {
    return {
      kind: 'intake',
      unit: this.unit,
      row: this.rows.at(index),
      id: this.ids[index]!,
      date: this.date(index),
      channel: this.channels.at(index),
      category: this.categories.at(index),
      outcome: this.outcomes.at(index),
    };
  }
}
