import type { Config } from '../config/schema.js';
import { columnLetters, ROWS_KEPT, type Kind, type ProblemReport } from '../problems.js';
import { type ProblemLog } from '../problem-log.js';
import type { SourceTable } from '../read/inputs.js';
import { ReadError, type RawRow } from '../read/types.js';
import { cellText, isBlankRow } from './cells.js';
import { isExampleRow } from './example.js';
import { monthOf } from './dates.js';
import {
  detectHeader,
  HEADER_SEARCH_ROWS,
  isTemplateHelperSheet,
  withAttributeColumns,
  type HeaderResult,
  type TableLayout,
} from './header.js';
import { resolveIds } from './ids.js';
import { KINDS } from './kinds.js';
import { DateDictionary, HashColumn, NumberedRecords } from './numbered.js';
import { PeopleRecords } from './people.js';
import type { CheckedTable, Collected, CollectOptions, RowCounts, TableSummary, Unit } from './types.js';

export type { CheckedTable, Collected, CollectOptions, RowCounts, TableSummary, Unit } from './types.js';
import { RowValidator, type IntakeRecord } from './row.js';
import { Tally } from './tally.js';
import { resolveDuplicateTables } from './tables.js';
import { refuse } from '../read/inputs.js';

/**
 * Rows checked between two pauses (betweenBatches): the browser app's pause is a macrotask, a few
 * milliseconds each, so it comes after a few thousand rows, not after each of the reader's batches.
 */
const PAUSE_ROWS = 4096;

/** Workbooks met, by their input, with how many of their sheets were logs. */
interface Workbook {
  file: string;
  explicit: boolean;
  logs: number;
}

/**
 * The records stage: finds each table's header and kind, checks every row, then decides what
 * counts once — a table read twice (the same month as CSV and XLSX, a cumulative export beside
 * the monthly ones), row counters taken for 受付番号, the same 受付番号 in two places — and
 * returns the records with every problem in `log`, located to file, sheet, row and cell.
 */
export async function collectRecords(
  sources: AsyncIterable<SourceTable>,
  config: Config,
  options: CollectOptions,
  log: ProblemLog,
): Promise<Collected> {
  const run = new RecordsRun(config, options, log);
  for await (const source of sources) await run.checkTable(source);
  run.settleWorkbooks();
  return run.countOnce();
}

/** One run of the records stage: the tables checked so far and what their rows came to. */
class RecordsRun {
  private readonly validator: RowValidator;
  private readonly units: Unit[] = [];
  private readonly tables: TableSummary[] = [];
  private readonly checked: CheckedTable[] = [];
  private readonly rows = Object.fromEntries(KINDS.map((k) => [k, emptyCounts()])) as Record<Kind, RowCounts>;
  private readonly workbooks = new Map<SourceTable['input'], Workbook>();
  private readonly dates = new DateDictionary();
  private failedTables = 0;
  private rowsRead = 0;

  constructor(
    private readonly config: Config,
    private readonly options: CollectOptions,
    private readonly log: ProblemLog,
  ) {
    this.validator = new RowValidator(config, options.today, options.holidays);
  }

  /** Step 1, per table: find its header and check its rows. A CSV breaking down part way is refused whole. */
  async checkTable(source: SourceTable): Promise<void> {
    try {
      await this.check(source);
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      this.failedTables++;
      refuse(source.input, this.log, error, source.table.sheet);
    }
  }

  private async check(source: SourceTable): Promise<void> {
    const { table } = source;
    const iterator = table.rows[Symbol.asyncIterator]();
    // The first rows, up to where a header may be: the header search needs them together.
    const head: RawRow[] = [];
    while (head.length === 0 || head[head.length - 1]!.row < HEADER_SEARCH_ROWS) {
      const next = await iterator.next();
      if (next.done) break;
      head.push(...next.value);
    }
    this.log.register(table.file, table.sheet);
    if (table.format === 'xlsx') {
      if (!this.workbooks.has(source.input)) this.workbooks.set(source.input, { explicit: source.explicit, logs: 0, file: table.file });
      // The instructions and dropdown lists of the tool's own template are not tables.
      if (isTemplateHelperSheet(head)) return drain(iterator);
    }
    const header = detectHeader(head);
    if (!header.ok) {
      await drain(iterator);
      this.headerMissing(source, header, head.length > 0);
      return;
    }
    if (table.format === 'xlsx') this.workbooks.get(source.input)!.logs++;
    await this.checkRows(source, withAttributeColumns(header.layout, this.config.attributes), head, iterator);
  }

  /** A table without a usable header: a sheet that is not a log, a memo in a folder, or an error. */
  private headerMissing(source: SourceTable, header: Extract<HeaderResult, { ok: false }>, hasRows: boolean): void {
    const { table } = source;
    const say = (code: ProblemReport['code'], row: number | null = null): void =>
      this.log.add({ code, file: table.file, sheet: table.sheet, row, column: null, cell: null, detail: header.detail });
    if (table.format === 'xlsx' && !header.hasDateColumn) {
      // A list, a summary or a notes sheet: a sheet is a log only when it has a date column.
      // An empty sheet (Excel's Sheet2, Sheet3) holds nothing to lose and is not mentioned.
      if (hasRows) say('sheet-skipped');
      return;
    }
    if (table.format === 'csv' && header.notALog && !source.explicit) {
      Object.assign(source.input, { status: 'skipped', reason: 'not-a-log' });
      say('not-a-log');
      return;
    }
    const kind = header.code === 'missing-column' ? (header.detail.kind ?? null) : null;
    this.tables.push({ file: table.file, sheet: table.sheet, kind, headerRow: null, rows: 0 });
    this.failedTables++;
    say(header.code, header.row);
  }

  /** Every row below the header: blank (or the template's example), a total line, a record, or rejected with its problems. */
  private async checkRows(source: SourceTable, layout: TableLayout, head: RawRow[], rest: AsyncIterator<RawRow[]>): Promise<void> {
    const { table } = source;
    const at = (problem: Omit<ProblemReport, 'file' | 'sheet'>): void => this.log.add({ ...problem, file: table.file, sheet: table.sheet });
    const idColumn = layout.columns.find((c) => c.spec.field === 'id');
    const dateColumn = layout.columns.find((c) => c.spec.role === 'date')!;
    const unit = this.units.length;
    this.units.push({
      file: table.file,
      sheet: table.sheet,
      kind: layout.kind,
      idColumn: idColumn ? { index: idColumn.index, header: idColumn.header } : null,
      dateColumn: { index: dateColumn.index, header: dateColumn.header },
      idsCountRows: false,
      months: new Map(),
      counted: false,
    });
    const summary: TableSummary = { file: table.file, sheet: table.sheet, kind: layout.kind, headerRow: layout.headerRow, rows: 0 };
    this.tables.push(summary);
    for (const extra of layout.extras) {
      const column = { column: extra.header, cell: `${columnLetters(extra.index)}${layout.headerRow}` };
      at({ code: 'extra-column', row: layout.headerRow, ...column, detail: { column: extra.header } });
    }

    const result: CheckedTable = {
      unit,
      kind: layout.kind,
      tally: new Tally(this.config),
      numbered: new NumberedRecords(unit, this.dates, this.config.fiscalYearStartMonth),
      rowHashes: new HashColumn(),
      accepted: 0,
      people: layout.columns.some((c) => c.spec.role === 'client' || c.spec.role === 'visit') ? new PeopleRecords() : null,
    };
    const months = this.units[unit]!.months;
    const counts = this.rows[layout.kind];
    const struck: number[] = [];
    let nextRowNumber = 1;
    // Rows come in date order, mostly: the month of the row before, and its entry in `months`.
    let lastDate: string | null = null;
    let month: string | null = null;
    let inMonth: { count: number; rows: number[] } | undefined;
    const checkRow = (raw: RawRow): void => {
      counts.read++;
      this.options.onProgress?.(table.file, ++this.rowsRead);
      if (isBlankRow(raw)) {
        counts.blank++;
        return;
      }
      if (isExampleRow(raw, layout.kind, this.config)) {
        // Not a record, but said (as information): a row passed over is never silent.
        counts.blank++;
        at({ code: 'example-row', row: raw.row, column: null, cell: null, detail: {} });
        return;
      }
      const checkedRow = this.validator.validate(layout, raw, unit);
      if (checkedRow.totalLine) {
        counts.totalLine++;
        at({ code: 'total-row', row: raw.row, column: null, cell: null, detail: {} });
        return;
      }
      summary.rows++;
      if (raw.struck) struck.push(raw.row);
      if (idColumn && nextRowNumber > 0) {
        nextRowNumber = cellText(raw.cells[idColumn.index]).normalize('NFKC').trim() === String(nextRowNumber) ? nextRowNumber + 1 : 0;
      }
      result.rowHashes.push(checkedRow.hash);
      if (checkedRow.date !== lastDate) {
        lastDate = checkedRow.date;
        month = lastDate === null ? null : monthOf(lastDate);
        inMonth = undefined;
      }
      for (const p of checkedRow.problems) {
        const cell = p.index === null ? null : `${columnLetters(p.index)}${raw.row}`;
        const value = p.value !== undefined ? { value: p.value } : {};
        at({ code: p.code, row: raw.row, column: p.header, cell, detail: p.detail, month, ...value });
      }
      const record = checkedRow.record;
      if (record) {
        result.tally.add(record);
        if (record.kind === 'intake' && record.id !== null) result.numbered.add(record as IntakeRecord & { id: string });
        if (record.kind === 'intake') result.people?.add(record);
        result.accepted++;
        inMonth ??= months.get(month!) ?? months.set(month!, { count: 0, rows: [] }).get(month!)!;
        if (inMonth.count++ < ROWS_KEPT) inMonth.rows.push(raw.row);
      } else {
        counts.rejected++;
        counts.rejectedByMonth.set(month ?? '?', (counts.rejectedByMonth.get(month ?? '?') ?? 0) + 1);
      }
    };
    for (const raw of head) if (raw.row > layout.headerRow) checkRow(raw);
    const pause = this.options.betweenBatches;
    let sincePause = 0;
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      next.value.forEach(checkRow);
      sincePause += next.value.length;
      if (pause && sincePause >= PAUSE_ROWS) {
        sincePause = 0;
        await pause();
      }
    }

    this.units[unit]!.idsCountRows = nextRowNumber > 1;
    if (summary.rows === 0) at({ code: 'no-data-rows', row: layout.headerRow, column: null, cell: null, detail: {} });
    if (struck.length > 0) at({ code: 'struck-through', row: struck[0]!, column: null, cell: null, detail: { rows: struck } });
    this.checked.push(result);
  }

  /** Step 2: a workbook none of whose sheets is a log — an error when named alone, a non-log file in a folder. */
  settleWorkbooks(): void {
    for (const [input, book] of this.workbooks) {
      if (book.logs > 0 || input.status !== 'read') continue;
      const place = { file: book.file, sheet: null, row: null, column: null, cell: null };
      if (book.explicit) {
        this.failedTables++;
        this.log.add({ code: 'no-header', ...place, detail: { reason: 'all-sheets-skipped' } });
      } else {
        Object.assign(input, { status: 'skipped', reason: 'not-a-log' });
        this.log.add({ code: 'not-a-log', ...place, detail: {} });
      }
    }
  }

  /** Step 3: each record once — tables read twice, then repeated 受付番号 — and the run's tally. */
  countOnce(): Collected {
    const kept = resolveDuplicateTables(this.checked, this.units, this.log);
    for (const table of this.checked) if (!kept.has(table)) this.rows[table.kind].duplicate += table.accepted;
    const counted = this.checked.filter((t) => kept.has(t));
    resolveIds(counted, this.units, this.config, this.rows, this.log);
    const tally = new Tally(this.config);
    for (const table of counted) {
      tally.addAll(table.tally);
      this.units[table.unit]!.counted = true;
    }
    for (const kind of KINDS) this.rows[kind].accepted = tally.total(kind);
    const withPeople = counted.filter((t) => t.people !== null);
    const people = withPeople.length > 0 ? withPeople.flatMap((t) => t.people!.counted()) : null;
    return { units: this.units, tables: this.tables, tally, rows: this.rows, failedTables: this.failedTables, people };
  }
}

async function drain(iterator: AsyncIterator<unknown>): Promise<void> {
  for (let next = await iterator.next(); !next.done; next = await iterator.next());
}

function emptyCounts(): RowCounts {
  return { read: 0, blank: 0, totalLine: 0, duplicate: 0, rejected: 0, rejectedByMonth: new Map(), accepted: 0 };
}
