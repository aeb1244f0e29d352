import type { Kind, ProblemCode, ProblemDetail } from '../problems.js';
import type { IsoDate } from './dates.js';
import type { HashColumn, NumberedRecords } from './numbered.js';
import type { PeopleRecords, PersonVisit } from './people.js';
import type { HolidayTable } from './service-days.js';
import type { Tally, TallyView } from './tally.js';

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
  /** Empty rows, and the template's 記入例 row left in. */
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
  /** Its records by month: how many, and the first rows (to name rows dated far from a report's year). */
  months: Map<string, { count: number; rows: number[] }>;
  /** Counted: not a table read twice or contained in another. */
  counted: boolean;
}

/** A table whose rows were checked: its counts, kept until every table is read. */
export interface CheckedTable {
  unit: number;
  kind: Kind;
  /** Its valid rows, counted by month. */
  tally: Tally;
  /** Its consultations with a 受付番号, for the check that each number counts once. */
  numbered: NumberedRecords;
  /** A hash of every data row's content (records and rejected rows alike). */
  rowHashes: HashColumn;
  /** Valid rows, which become duplicates when the table is found to be read twice. */
  accepted: number;
  /** Its consultations' 相談者ID and 新規/継続, when the table has either column. */
  people: PeopleRecords | null;
}

export interface Collected {
  units: Unit[];
  tables: TableSummary[];
  /** Every record counted once: after tables read twice and repeated 受付番号 are resolved. */
  tally: TallyView;
  rows: Record<Kind, RowCounts>;
  /** Tables or files that could not be used at all (no header, missing columns, unreadable). */
  failedTables: number;
  /** Every counted consultation's person and visit, when any table had a 相談者ID or 新規/継続 column. */
  people: readonly PersonVisit[] | null;
}

export interface CollectOptions {
  today: IsoDate;
  /** The national holidays, for the service-day check. */
  holidays: HolidayTable;
  /** Told of every data row read, with the file and the count so far (for a progress line). */
  onProgress?: (file: string, rowsRead: number) => void;
  /**
   * Awaited after every few thousand rows: the browser app lets the page paint its progress and
   * answer the user there (a 100,000-row CSV must not freeze it). The CLI has nothing to wait for.
   */
  betweenBatches?: () => Promise<void>;
}

/** Where a record came from: the index of its table in the run, and its spreadsheet row. */
interface Placed {
  unit: number;
  row: number;
}

export type Visit = 'new' | 'continuing';

export interface IntakeRecord extends Placed {
  kind: 'intake';
  id: string | null;
  date: IsoDate;
  /** The 相談者ID (a pseudonym): counted as a person, never output. */
  clientId: string | null;
  /** From a 新規/継続 column: whether this consultation was the person's first. */
  visit: Visit | null;
  /** Indexes into the config's lists. */
  channel: number;
  /** With categoriesMultiple, the first of `categories`. */
  category: number;
  outcome: number;
  // SPEC §14
  /** With categoriesMultiple: every 主訴 of the cell (sorted, each once, an array shared by equal sets); else null. */
  categories: readonly number[] | null;
  /** Each configured attribute's label, as its position in the attribute's table (attributeColumns); shared, never changed. */
  attributes: readonly number[];
}

export interface IbashoRecord extends Placed {
  kind: 'ibasho';
  date: IsoDate;
  venue: number;
  participants: number;
}

export interface DistributionRecord extends Placed {
  kind: 'distribution';
  date: IsoDate;
  location: number;
  count: number;
}

/** One support action (支援記録, SPEC §14). */
export interface SupportRecord extends Placed {
  kind: 'support';
  date: IsoDate;
  /** Indexes into the config's supportTypes and agencies; agency null when 連携先 is blank. */
  type: number;
  agency: number | null;
}

export type LogRecord = IntakeRecord | IbashoRecord | DistributionRecord | SupportRecord;

/** A problem with one cell (or the row) before it is placed in a file: the caller adds file, sheet and row. */
export interface CellProblem {
  code: ProblemCode;
  /** 0-based column, or null for the row as a whole. */
  index: number | null;
  header: string | null;
  detail: ProblemDetail;
  /** The value to echo in JSON: only coded values and dates, never free text. */
  value?: string;
}
