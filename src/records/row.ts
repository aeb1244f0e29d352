import { CODED_LISTS, type CodedList } from '../config/lists.js';
import type { Config } from '../config/schema.js';
import type { CellValue, RawRow } from '../read/types.js';
import { normalizeKey, quoteValue } from '../text.js';
import { cellText, garbledCells, isEmptyCell, isErrorCell, isTotalLine } from './cells.js';
import { CodedMatcher } from './coded.js';
import { parseDate, type DateResult, type IsoDate } from './dates.js';
import type { MappedColumn, TableLayout } from './header.js';
import { recordInto, scratchRecords } from './record.js';
import { ASCII, KnownCells } from './known-cells.js';
import type { CellProblem, IntakeRecord, LogRecord } from './types.js';
import { KIND_FIELDS, type Kind } from './kinds.js';
import { parseCount } from './numbers.js';
import { visitOf, VISIT_LABELS } from './people.js';
import { RowHash } from './tables.js';
import { ServiceCalendar, type HolidayTable } from './service-days.js';
import { AttributeCells, NO_LABELS } from './attribute-cells.js';
import { CategoryCells } from './categories.js';

export type { CellProblem, DistributionRecord, IbashoRecord, IntakeRecord, LogRecord } from './types.js';

/** A cell's value as a message echoes it (only ever called for a problem): shortened, error cells as shown. */
function shownValue(cell: CellValue | undefined): string {
  return isErrorCell(cell) ? cellText(cell) : quoteValue(cellText(cell).trim());
}

/** The answer for one row: the validator's own, overwritten by the next row (read it, do not keep it). */
export interface RowResult {
  /** The row's record, likewise overwritten by the next row's. */
  record?: LogRecord;
  problems: readonly CellProblem[];
  /** The row's date when it could be read, even when another cell is wrong. */
  date: IsoDate | null;
  /**
   * A hash of the row's content in comparison form — the same for the same record whether it
   * came from a CSV or a workbook (a date cell and `2021/12/3`, `TEL` and `電話`) — to find a
   * table read twice.
   */
  hash: number;
  /** A total or footer line (合計, 件数：25件 …) that is not a record: not counted, never four cell errors. */
  totalLine: boolean;
}

const NO_PROBLEMS: readonly CellProblem[] = [];

/**
 * Checks one data row against its table's layout and the config, and builds the record when the
 * row is sound. Pure: the date of "today" comes in, nothing goes out but the result.
 */
export class RowValidator {
  private readonly matchers: Record<CodedList, CodedMatcher>;
  private readonly dateCache = new Map<string, DateResult>();

  private readonly calendar: ServiceCalendar;
  /** Reused from row to row: a million rows allocate no scratch space (what was left was a tenth of the time, in collection). */
  private readonly hash = new RowHash();
  private readonly scratch: CellProblem[] = [];
  /** The layout whose columns `values` was last emptied for. */
  private layout: TableLayout | null = null;
  private readonly values: Record<Kind, (string | number | null)[]> = {
    intake: new Array<string | number | null>(KIND_FIELDS.intake.length),
    ibasho: new Array<string | number | null>(KIND_FIELDS.ibasho.length),
    distribution: new Array<string | number | null>(KIND_FIELDS.distribution.length),
    support: new Array<string | number | null>(KIND_FIELDS.support.length),
  };
  /** SPEC §14: the configured attributes' cells, and several 主訴 per cell with categoriesMultiple. */
  private readonly attributeCells: AttributeCells;
  private readonly categoryCells: CategoryCells | null;
  /** The fast path: the values of the texts met before (not with categoriesMultiple, whose cells it does not read). */
  private readonly known = new KnownCells();
  private readonly records = scratchRecords();
  private readonly result: RowResult = { problems: NO_PROBLEMS, date: null, hash: 0, totalLine: false };

  constructor(
    private readonly config: Config,
    private readonly today: IsoDate,
    holidays: HolidayTable,
  ) {
    this.calendar = new ServiceCalendar(holidays);
    this.matchers = Object.fromEntries(CODED_LISTS.map((list) => [list, new CodedMatcher(config[list])])) as Record<
      CodedList,
      CodedMatcher
    >;
    this.attributeCells = new AttributeCells(config.attributes);
    this.categoryCells = config.categoriesMultiple ? new CategoryCells(this.matchers.categories) : null;
  }

  validate(layout: TableLayout, row: RawRow, unit: number): RowResult {
    const problems = this.scratch;
    // Setting an array's length is a call into the runtime: only when there is something to drop.
    if (problems.length > 0) problems.length = 0;
    // Values by the field's position in KIND_FIELDS, so that building the record reads fixed slots.
    // Every column of the layout writes its slot below; the others stay empty while the layout does.
    const values = this.values[layout.kind];
    if (layout !== this.layout) {
      values.fill(null);
      this.layout = layout;
    }
    if (this.categoryCells === null) {
      const hash = this.hash.reset();
      const date = this.known.read(layout, row.cells, values, hash);
      if (date !== false) {
        const attributes = layout.kind === 'intake' ? this.attributeCells.read(layout, row.cells, null, problems) : NO_LABELS;
        if (problems.length === 0) return this.sound(layout, values, unit, row.row, attributes, date, hash.value());
        problems.length = 0;
      }
    }
    return this.check(layout, row, unit, values);
  }

  /** The full check of a row: every cell read and checked, every problem said. */
  private check(layout: TableLayout, row: RawRow, unit: number, values: (string | number | null)[]): RowResult {
    const problems = this.scratch;
    const hash = this.hash.reset();
    let date: IsoDate | null = null;

    const garbled = garbledCells(layout, row, problems);
    for (const column of layout.columns) {
      const cell = row.cells[column.index];
      if (garbled?.has(column.index)) {
        values[column.slot] = null;
        hash.add('\u0001?');
        continue;
      }
      const before = problems.length;
      const value = this.readCell(column, cell, problems);
      values[column.slot] = value;
      if (column.spec.role === 'date' && value !== null) date = value as IsoDate;
      if (column.spec.role === 'date' && value === null && problems.length > before) date = this.dateOf(cell);
      if (value !== null && problems.length === before && typeof cell === 'string' && this.categoryCells === null)
        this.known.remember(column, cell, value);
      // A 相談者ID is not content: two exports of a month are the same table with or without it.
      if (column.spec.role !== 'private' && column.spec.role !== 'client') {
        if (problems.length > before || value === null) hash.add(`\u0001?${normalizeKey(cellText(cell))}`);
        else if (this.categoryCells !== null && column.spec.list === 'categories')
          for (const i of this.categoryCells.current) hash.addNumber(i);
        else if (typeof value === 'number') hash.addNumber(value);
        else hash.add(value);
      }
    }
    // Attributes, like a 相談者ID, are not content: they stay out of the row's hash. A month exported
    // again after 年代 was filled in (or without the column) is still the same table, counted once;
    // letting them in would count its consultations twice (SPEC §3: other columns are not compared).
    const attributes = layout.kind === 'intake' ? this.attributeCells.read(layout, row.cells, garbled, problems) : NO_LABELS;
    if (problems.length > 0) {
      if (isTotalLine(row)) return this.answer(undefined, NO_PROBLEMS, null, 0, true);
      return this.answer(undefined, [...problems], date, hash.value(), false);
    }
    return this.sound(layout, values, unit, row.row, attributes, date, hash.value());
  }

  /** The answer for a sound row: its record, with the warnings a sound consultation may still have. */
  private sound(
    layout: TableLayout,
    values: readonly (string | number | null)[],
    unit: number,
    row: number,
    attributes: readonly number[],
    date: IsoDate | null,
    hash: number,
  ): RowResult {
    const problems = this.scratch;
    const categories = this.categoryCells?.current ?? null;
    const record = recordInto(this.records, layout.kind, values, unit, row, categories, attributes);
    if (record.kind === 'intake') {
      this.checkServiceDay(layout, record, problems);
      this.attributeCells.notes(problems);
    }
    return this.answer(record, problems.length > 0 ? [...problems] : NO_PROBLEMS, date, hash, false);
  }

  private answer(
    record: LogRecord | undefined,
    problems: readonly CellProblem[],
    date: IsoDate | null,
    hash: number,
    totalLine: boolean,
  ): RowResult {
    const result = this.result;
    result.record = record;
    result.problems = problems;
    result.date = date;
    result.hash = hash;
    result.totalLine = totalLine;
    return result;
  }

  /** The date of a cell whose date was refused for being in the future: still a month to place the row in. */
  private dateOf(cell: CellValue | undefined): IsoDate | null {
    if (cell === undefined || isEmptyCell(cell)) return null;
    const parsed = this.parseDateCached(cell);
    return parsed.ok ? parsed.date : null;
  }

  private readCell(column: MappedColumn, cell: CellValue | undefined, problems: CellProblem[]): string | number | null {
    const { spec, index, header } = column;
    if (spec.role === 'private') return null;
    if (spec.role === 'id' || spec.role === 'client') {
      if (isEmptyCell(cell)) return null;
      const text = cellText(cell);
      // Most numbers are plain ASCII; only others need NFKC (full-width Ｒ３－０１ is R3-01).
      return (ASCII.test(text) ? text : text.normalize('NFKC')).trim();
    }
    if (isEmptyCell(cell)) {
      // A count column that is there must be filled: an empty cell is more likely forgotten than "1".
      if (spec.required || spec.role === 'count') problems.push({ code: 'missing-value', index, header, detail: { column: header } });
      return null;
    }
    switch (spec.role) {
      case 'date': {
        const parsed: DateResult = isUnsavedFormula(cell) ? { ok: false, problem: 'unsaved-formula' } : this.parseDateCached(cell!);
        if (!parsed.ok) {
          const value = shownValue(cell);
          problems.push({ code: 'invalid-date', index, header, detail: { column: header, value, dateProblem: parsed.problem }, value });
          return null;
        }
        if (parsed.date > this.today) {
          const value = shownValue(cell);
          problems.push({ code: 'future-date', index, header, detail: { column: header, value, today: this.today }, value });
          return null;
        }
        return parsed.date;
      }
      case 'coded': {
        const list = spec.list!;
        if (list === 'categories' && this.categoryCells !== null) return this.categoryCells.read(column, cell, problems);
        const match = isErrorCell(cell) ? { ok: false as const } : this.matchers[list].match(cellText(cell));
        if (!match.ok) {
          const value = shownValue(cell);
          problems.push({
            code: 'unknown-value',
            index,
            header,
            detail: { column: header, value, suggestion: match.suggestion, allowed: this.matchers[list].labels },
            value,
          });
          return null;
        }
        return match.index;
      }
      case 'count': {
        const parsed = isErrorCell(cell)
          ? { ok: false as const, problem: isUnsavedFormula(cell) ? ('unsaved-formula' as const) : ('not-a-number' as const) }
          : parseCount(cell!, spec.min ?? 0);
        if (!parsed.ok) {
          const value = shownValue(cell);
          problems.push({ code: 'invalid-number', index, header, detail: { column: header, value, numberProblem: parsed.problem }, value });
          return null;
        }
        return parsed.count;
      }
      case 'visit': {
        const visit = isErrorCell(cell) ? undefined : visitOf(normalizeKey(cellText(cell)));
        if (visit === undefined) {
          const value = shownValue(cell);
          const detail = { column: header, value, allowed: [...VISIT_LABELS] };
          problems.push({ code: 'unknown-value', index, header, detail, value });
          return null;
        }
        return visit;
      }
    }
  }

  private parseDateCached(cell: CellValue): DateResult {
    if (typeof cell !== 'string') return parseDate(cell);
    let result = this.dateCache.get(cell);
    if (result === undefined) {
      result = parseDate(cell);
      if (this.dateCache.size > 10_000) this.dateCache.clear();
      this.dateCache.set(cell, result);
    }
    return result;
  }

  private checkServiceDay(layout: TableLayout, record: IntakeRecord, problems: CellProblem[]): void {
    const channel = this.config.channels[record.channel]!;
    if (!channel.serviceDaysOnly) return;
    const closed = this.calendar.closedDay(record.date);
    if (!closed) return;
    const dateColumn = layout.columns.find((c) => c.spec.field === 'date')!;
    problems.push({
      code: 'outside-service-days',
      index: dateColumn.index,
      header: dateColumn.header,
      detail: { column: dateColumn.header, value: record.date, channel: channel.label, ...closed },
      value: record.date,
    });
  }
}

/** A formula cell written without its result (by a program that does not calculate): its value is unknown, not wrong. */
function isUnsavedFormula(cell: CellValue | undefined): boolean {
  return isErrorCell(cell) && cell.error === '';
}
