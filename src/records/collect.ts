import type { Config } from '../config/schema.js';
import { columnLetters, type Kind, type ProblemLog, type ProblemReport } from '../problems.js';
import type { SourceTable } from '../read/inputs.js';
import { ReadError, type RawRow } from '../read/types.js';
import { cellText, isBlankRow } from './cells.js';
import { monthOf, type IsoDate } from './dates.js';
import { detectHeader, HEADER_SEARCH_ROWS, isTemplateHelperSheet } from './header.js';
import { resolveIds } from './ids.js';
import { KINDS } from './kinds.js';
import { RowValidator, type LogRecord } from './row.js';
import type { HolidayTable } from './service-days.js';
import { resolveDuplicateTables } from './tables.js';
import { refuse } from '../read/inputs.js';

export interface TableSummary {
  file: string;
  sheet: string | null;
  kind: Kind | null;
  headerRow: number | null;
  /** Data rows below the header that hold anything (blank rows are only in the ledger). */
  rows: number;
}

/** What happened to the rows of one kind, before the report period is known. */
export interface RowCounts {
  read: number;
  blank: number;
  /** Total and footer lines (合計 …). */
  totalLine: number;
  /** Rows counted elsewhere: in a table read twice, or the same 受付番号 and content again. */
  duplicate: number;
  rejected: number;
  /** Rejected rows by the month of their date (`?` when the date could not be read). */
  rejectedByMonth: Map<string, number>;
  /** Records kept: `counted` and `outOfPeriod` once the period is known. */
  accepted: number;
}

/** A table's place in the run: problems and records point to it by index. */
export interface Unit {
  file: string;
  sheet: string | null;
  kind: Kind;
  idColumn: { index: number; header: string } | null;
  dateColumn: { index: number; header: string };
  /** The spreadsheet rows of its data hold 1, 2, 3 … in order: perhaps a row counter rather than IDs. */
  idsCountRows: boolean;
}

/** A table whose rows were checked, kept until every table is read. */
export interface CheckedTable {
  unit: number;
  kind: Kind;
  records: LogRecord[];
  /** A hash of every data row's content (records and rejected rows alike). */
  rowHashes: number[];
  /** Valid rows, which become duplicates when the table is found to be read twice. */
  accepted: number;
}

export interface Collected {
  units: Unit[];
  tables: TableSummary[];
  /** Every record counted once: after tables read twice and repeated 受付番号 are resolved. */
  records: LogRecord[];
  rows: Record<Kind, RowCounts>;
  /** Tables or files that could not be used at all (no header, missing columns, unreadable). */
  failedTables: number;
}

export interface CollectOptions {
  today: IsoDate;
  /** The national holidays, for the service-day check. */
  holidays: HolidayTable;
  /** Told of every data row read, with the file and the count so far (for a progress line). */
  onProgress?: (file: string, rowsRead: number) => void;
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
  const validator = new RowValidator(config, options.today, options.holidays);
  const units: Unit[] = [];
  const tables: TableSummary[] = [];
  const checked: CheckedTable[] = [];
  const rows = Object.fromEntries(KINDS.map((k) => [k, emptyCounts()])) as Record<Kind, RowCounts>;
  /** Workbooks by input, with how many of their sheets were logs. */
  const workbooks = new Map<SourceTable['input'], { explicit: boolean; logs: number; file: string }>();
  let failedTables = 0;
  let rowsRead = 0;

  const checkTable = async (source: SourceTable): Promise<void> => {
    const { table } = source;
    const iterator = table.rows[Symbol.asyncIterator]();
    const drain = async (): Promise<void> => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next());
    };
    // The first rows, up to where a header may be: the header search needs them together.
    const head: RawRow[] = [];
    while (head.length === 0 || head[head.length - 1]!.row < HEADER_SEARCH_ROWS) {
      const next = await iterator.next();
      if (next.done) break;
      head.push(...next.value);
    }
    const at = (problem: Omit<ProblemReport, 'file' | 'sheet'>): void => log.add({ ...problem, file: table.file, sheet: table.sheet });
    log.register(table.file, table.sheet);
    if (table.format === 'xlsx') {
      if (!workbooks.has(source.input)) workbooks.set(source.input, { explicit: source.explicit, logs: 0, file: table.file });
      // The instructions and dropdown lists of the tool's own template are not tables.
      if (isTemplateHelperSheet(head)) return drain();
    }

    const header = detectHeader(head);
    if (!header.ok) {
      await drain();
      const tableProblem = (code: ProblemReport['code'], row: number | null = null): void =>
        at({ code, row, column: null, cell: null, detail: header.detail });
      if (table.format === 'xlsx' && !header.hasDateColumn) {
        // A list, a summary or a notes sheet: a sheet is a log only when it has a date column.
        // An empty sheet (Excel's Sheet2, Sheet3) holds nothing to lose and is not mentioned.
        if (head.length > 0) tableProblem('sheet-skipped');
        return;
      }
      if (table.format === 'csv' && header.notALog && !source.explicit) {
        Object.assign(source.input, { status: 'skipped', reason: 'not-a-log' });
        tableProblem('not-a-log');
        return;
      }
      tables.push({
        file: table.file,
        sheet: table.sheet,
        kind: header.code === 'missing-column' ? (header.detail.kind ?? null) : null,
        headerRow: null,
        rows: 0,
      });
      failedTables++;
      tableProblem(header.code, header.row);
      return;
    }

    const layout = header.layout;
    if (table.format === 'xlsx') workbooks.get(source.input)!.logs++;
    const idColumn = layout.columns.find((c) => c.spec.field === 'id');
    const dateColumn = layout.columns.find((c) => c.spec.role === 'date')!;
    const unit = units.length;
    units.push({
      file: table.file,
      sheet: table.sheet,
      kind: layout.kind,
      idColumn: idColumn ? { index: idColumn.index, header: idColumn.header } : null,
      dateColumn: { index: dateColumn.index, header: dateColumn.header },
      idsCountRows: false,
    });
    const summary: TableSummary = { file: table.file, sheet: table.sheet, kind: layout.kind, headerRow: layout.headerRow, rows: 0 };
    tables.push(summary);
    for (const extra of layout.extras) {
      const column = { column: extra.header, cell: `${columnLetters(extra.index)}${layout.headerRow}` };
      at({ code: 'extra-column', row: layout.headerRow, ...column, detail: { column: extra.header } });
    }

    const result: CheckedTable = { unit, kind: layout.kind, records: [], rowHashes: [], accepted: 0 };
    const counts = rows[layout.kind];
    const struck: number[] = [];
    let nextRowNumber = 1;
    const handleRow = (raw: RawRow): void => {
      counts.read++;
      options.onProgress?.(table.file, ++rowsRead);
      if (isBlankRow(raw)) {
        counts.blank++;
        return;
      }
      const checkedRow = validator.validate(layout, raw, unit);
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
      const month = checkedRow.date === null ? null : monthOf(checkedRow.date);
      for (const p of checkedRow.problems) {
        const cell = p.index === null ? null : `${columnLetters(p.index)}${raw.row}`;
        at({
          code: p.code,
          row: raw.row,
          column: p.header,
          cell,
          detail: p.detail,
          month,
          ...(p.value !== undefined ? { value: p.value } : {}),
        });
      }
      if (checkedRow.record) {
        result.records.push(checkedRow.record);
        result.accepted++;
      } else {
        counts.rejected++;
        counts.rejectedByMonth.set(month ?? '?', (counts.rejectedByMonth.get(month ?? '?') ?? 0) + 1);
      }
    };
    for (const raw of head) if (raw.row > layout.headerRow) handleRow(raw);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) next.value.forEach(handleRow);

    units[unit]!.idsCountRows = nextRowNumber > 1;
    if (summary.rows === 0) at({ code: 'no-data-rows', row: layout.headerRow, column: null, cell: null, detail: {} });
    if (struck.length > 0) at({ code: 'struck-through', row: struck[0]!, column: null, cell: null, detail: { rows: struck } });
    checked.push(result);
  };

  for await (const source of sources) {
    try {
      await checkTable(source);
    } catch (error) {
      // A CSV whose syntax breaks down part way: the file cannot be vouched for.
      if (!(error instanceof ReadError)) throw error;
      failedTables++;
      refuse(source.input, log, error, source.table.sheet);
    }
  }

  for (const [input, book] of workbooks) {
    if (book.logs > 0 || input.status !== 'read') continue;
    if (book.explicit) {
      failedTables++;
      log.add({
        code: 'no-header',
        file: book.file,
        sheet: null,
        row: null,
        column: null,
        cell: null,
        detail: { reason: 'all-sheets-skipped' },
      });
    } else {
      Object.assign(input, { status: 'skipped', reason: 'not-a-log' });
      log.add({ code: 'not-a-log', file: book.file, sheet: null, row: null, column: null, cell: null, detail: {} });
    }
  }

  const kept = resolveDuplicateTables(checked, units, log);
  for (const table of checked) {
    if (!kept.has(table)) rows[table.kind].duplicate += table.accepted;
  }
  const keptTables = checked.filter((t) => kept.has(t));
  const records = resolveIds(keptTables, units, config, rows, log);
  for (const record of records) rows[record.kind].accepted++;
  return { units, tables, records, rows, failedTables };
}

function emptyCounts(): RowCounts {
  return { read: 0, blank: 0, totalLine: 0, duplicate: 0, rejected: 0, rejectedByMonth: new Map(), accepted: 0 };
}
