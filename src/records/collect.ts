import type { Config } from '../config/schema.js';
import type { Messages } from '../messages/index.js';
import { isFailure, ReadError, type RawRow, type RawTable, type ReadFailure, type TableOrFailure } from '../read/types.js';
import { isBlankRow } from './cells.js';
import type { IsoDate } from './dates.js';
import { DuplicateIndex, type RowPlace } from './duplicates.js';
import { detectHeader, HEADER_SEARCH_ROWS, isTemplateHelperSheet, type TableLayout } from './header.js';
import { severityOf, type Issue, type IssueCode, type IssueDetail } from './issues.js';
import { KINDS, type Kind } from './kinds.js';
import { RowValidator, type CellProblem, type IntakeRecord, type LogRecord } from './row.js';
import { columnLetters } from './text.js';

export interface TableSummary {
  file: string;
  sheet: string | null;
  kind: Kind | null;
  headerRow: number | null;
  /** Data rows below the header that hold anything (blank rows are only in the ledger). */
  rows: number;
}

/** Rows of one kind, before the report period is known: `accepted` splits later into counted and outOfPeriod. */
export interface KindTally {
  read: number;
  blank: number;
  duplicate: number;
  rejected: number;
  accepted: number;
}

/** Where accepted records go. A record taken back (its 受付番号 later conflicts) is removed again. */
export interface RecordSink {
  add(record: LogRecord): void;
  remove(record: LogRecord): void;
}

export interface Collected {
  tables: TableSummary[];
  issues: Issue[];
  rows: Record<Kind, KindTally>;
  /** Tables or files that could not be used at all (no header, missing columns, unreadable). */
  failedTables: number;
}

export interface CollectOptions {
  today: IsoDate;
  messages: Messages;
  /** Told of every data row read, with the file and the count so far (for a progress line). */
  onProgress?: (file: string, rowsRead: number) => void;
}

interface Unit {
  file: string;
  sheet: string | null;
  idColumn?: { index: number; header: string };
}

interface Located {
  unit: number;
  row: number;
  issue: Issue;
}

/**
 * The records stage: finds each table's header and kind, checks every row, drops exact
 * re-exports, and hands sound records to the sink. Returns the problems as data, located to
 * file, sheet, row and cell, in input order.
 */
export async function collectRecords(
  items: AsyncIterable<TableOrFailure>,
  config: Config,
  options: CollectOptions,
  sink: RecordSink,
): Promise<Collected> {
  const m = options.messages;
  const validator = new RowValidator(config, options.today);
  const duplicates = new DuplicateIndex();
  const units: Unit[] = [];
  const located: Located[] = [];
  const tables: TableSummary[] = [];
  const rows = Object.fromEntries(
    KINDS.map((k) => [k, { read: 0, blank: 0, duplicate: 0, rejected: 0, accepted: 0 }]),
  ) as Record<Kind, KindTally>;
  const failedFiles = new Set<string>();
  const workbooks = new Map<string, { used: number }>();
  let failedTables = 0;

  const report = (
    unit: number,
    row: number | null,
    code: IssueCode,
    column: { index: number | null; header: string | null },
    detail: IssueDetail,
    value?: string,
  ): void => {
    const { file, sheet } = units[unit]!;
    const issue: Issue = {
      code,
      severity: severityOf(code),
      file,
      sheet,
      row,
      column: column.header,
      cell: row !== null && column.index !== null ? `${columnLetters(column.index)}${row}` : null,
      message: m.issue[code](detail),
    };
    if (value !== undefined) issue.value = value;
    located.push({ unit, row: row ?? 0, issue });
  };

  const placeText = (place: RowPlace): string => {
    const unit = units[place.table]!;
    return [unit.file, unit.sheet === null ? null : m.place.sheet(unit.sheet), m.place.row(place.row)]
      .filter((part) => part !== null)
      .join(' ');
  };

  const reportFailure = (failure: ReadFailure): void => {
    if (failedFiles.has(failure.file)) return;
    failedFiles.add(failure.file);
    units.push({ file: failure.file, sheet: failure.sheet });
    failedTables++;
    report(units.length - 1, failure.row, failure.code, { index: null, header: null }, failure.detail);
  };

  let rowsRead = 0;
  const handleRow = (unit: number, layout: TableLayout, raw: RawRow, summary: TableSummary): void => {
    const tally = rows[layout.kind];
    tally.read++;
    options.onProgress?.(summary.file, ++rowsRead);
    if (isBlankRow(raw)) {
      tally.blank++;
      return;
    }
    summary.rows++;
    const result = validator.validate(layout, raw);
    const cellReport = (p: CellProblem): void => report(unit, raw.row, p.code, p, p.detail, p.value);
    result.problems.forEach(cellReport);
    const record = result.record;
    if (!record) {
      tally.rejected++;
      return;
    }
    if (record.kind !== 'intake' || record.id === null) {
      sink.add(record);
      tally.accepted++;
      return;
    }
    const check = duplicates.check(record as IntakeRecord & { id: string }, unit, raw.row);
    const idColumn = units[unit]!.idColumn!;
    if (check.status === 'first') {
      sink.add(record);
      tally.accepted++;
    } else if (check.status === 'duplicate') {
      tally.duplicate++;
      report(unit, raw.row, 'duplicate-row', idColumn, { value: record.id, otherPlaces: [placeText(check.first)] }, record.id);
    } else {
      tally.rejected++;
      report(unit, raw.row, 'duplicate-id-conflict', idColumn, { value: record.id, otherPlaces: check.others.map(placeText) }, record.id);
      for (const { place: earlier, record: earlierRecord, wasCounted } of check.retract) {
        if (wasCounted) {
          sink.remove(earlierRecord);
          tally.accepted--;
        } else {
          tally.duplicate--;
        }
        tally.rejected++;
        const otherPlaces = [...check.others.filter((p) => p !== earlier), { table: unit, row: raw.row }].map(placeText);
        report(earlier.table, earlier.row, 'duplicate-id-conflict', units[earlier.table]!.idColumn!, { value: record.id, otherPlaces }, record.id);
      }
    }
  };

  const readTable = async (table: RawTable): Promise<void> => {
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
    if (table.format === 'xlsx') {
      if (!workbooks.has(table.file)) workbooks.set(table.file, { used: 0 });
      // The instructions and dropdown lists of the tool's own template are not tables.
      if (isTemplateHelperSheet(head)) return drain();
    }

    units.push({ file: table.file, sheet: table.sheet });
    const unit = units.length - 1;
    const summary: TableSummary = { file: table.file, sheet: table.sheet, kind: null, headerRow: null, rows: 0 };
    tables.push(summary);
    const header = detectHeader(head);
    if (!header.ok) {
      await drain();
      const noHeader = header.code === 'no-header' && header.detail.reason !== 'ambiguous';
      if (table.format === 'xlsx' && noHeader) {
        // An empty sheet (Excel's Sheet2, Sheet3) holds nothing to lose; other sheets without a header are named.
        if (head.length > 0) report(unit, null, 'sheet-skipped', { index: null, header: null }, {});
        return;
      }
      if (header.code === 'missing-column') summary.kind = header.detail.kind ?? null;
      failedTables++;
      report(unit, header.row, header.code, { index: null, header: null }, header.detail);
      return;
    }

    const layout = header.layout;
    summary.kind = layout.kind;
    summary.headerRow = layout.headerRow;
    if (table.format === 'xlsx') workbooks.get(table.file)!.used++;
    const idColumn = layout.columns.find((c) => c.spec.field === 'id');
    if (idColumn) units[unit]!.idColumn = { index: idColumn.index, header: idColumn.header };
    for (const extra of layout.extras) {
      report(unit, layout.headerRow, 'extra-column', { index: extra.index, header: extra.header }, { column: extra.header });
    }
    for (const raw of head) if (raw.row > layout.headerRow) handleRow(unit, layout, raw, summary);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      for (const raw of next.value) handleRow(unit, layout, raw, summary);
    }
  };

  for await (const item of items) {
    if (isFailure(item)) {
      reportFailure(item);
      continue;
    }
    try {
      await readTable(item);
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      reportFailure({ failure: true, file: item.file, sheet: item.sheet, row: error.row, code: error.code, detail: error.detail });
    }
  }

  for (const [file, book] of workbooks) {
    if (book.used === 0 && !failedFiles.has(file)) {
      failedTables++;
      units.push({ file, sheet: null });
      report(units.length - 1, null, 'no-header', { index: null, header: null }, { reason: 'all-sheets-skipped' });
    }
  }

  located.sort((a, b) => a.unit - b.unit || a.row - b.row);
  return { tables, issues: located.map((l) => l.issue), rows, failedTables };
}
