/**
 * Problems as data: every stage reports what it found as `{code, file, sheet, row, column,
 * detail, value?}`; words are chosen only where a problem is shown (messages/), and only the
 * CLI turns problems into an exit code. This module is the one closed list of codes.
 */

/** Every problem code the tool can report, with how serious it is. */
export const PROBLEM_SEVERITY = {
  'unreadable-file': 'error',
  'unsupported-format': 'error',
  'encoding-error': 'error',
  'no-header': 'error',
  'missing-column': 'error',
  'missing-value': 'error',
  'invalid-date': 'error',
  'future-date': 'error',
  'unknown-value': 'error',
  'invalid-number': 'error',
  'duplicate-id-conflict': 'error',
  'duplicate-row': 'warning',
  'outside-service-days': 'warning',
  'sheet-skipped': 'warning',
  'total-row': 'warning',
  'duplicate-file': 'warning',
  'duplicate-table': 'warning',
  'overlapping-table': 'warning',
  'not-a-log': 'warning',
  'open-in-excel': 'warning',
  'struck-through': 'warning',
  'no-data-rows': 'warning',
  'empty-month': 'warning',
  'far-date': 'warning',
  // §15 year on year
  'comparison-omitted': 'warning',
  'year-omitted': 'warning',
  skipped: 'info',
  'id-is-row-number': 'info',
  'extra-column': 'info',
  'example-row': 'info',
  // SPEC §14: a client attribute's value counted under its unknown label; a target the logs cannot give.
  'attribute-unknown': 'info',
  'target-unavailable': 'warning',
} as const;

export type ProblemCode = keyof typeof PROBLEM_SEVERITY;
export type Severity = (typeof PROBLEM_SEVERITY)[ProblemCode];
export const PROBLEM_CODES = Object.keys(PROBLEM_SEVERITY) as ProblemCode[];

export function severityOf(code: ProblemCode): Severity {
  return PROBLEM_SEVERITY[code];
}

/** The kinds of log the tool reads (SPEC §1, and 支援記録 of §14). */
export const KINDS = ['intake', 'ibasho', 'distribution', 'support'] as const;
export type Kind = (typeof KINDS)[number];

/**
 * The seed's kinds, always in a ledger. 支援記録 (support) is there only when such a table was read,
 * so that logs without one give exactly the report and JSON they gave before it existed (SPEC §14).
 */
export const SEED_KINDS = ['intake', 'ibasho', 'distribution'] as const;
export type SeedKind = (typeof SEED_KINDS)[number];
/** One value per kind: every seed kind, and support when a support table was read. */
export type PerKind<T> = Record<SeedKind, T> & { support?: T };

/** Why a date was not accepted; each has its own sentence in the message tables. */
export type DateProblem = 'unrecognised' | 'no-year' | 'nonexistent' | 'era-range' | 'serial-range' | 'unsaved-formula';

/** Why a number was not accepted. */
export type NumberProblem = 'not-a-number' | 'not-whole' | 'negative' | 'zero' | 'too-large' | 'unsaved-formula';

/** Why a file could not be read at all. */
export const UNREADABLE_REASONS = [
  'not-found',
  'permission',
  'is-directory',
  'empty-folder',
  'corrupt-xlsx',
  'not-workbook',
  'too-large',
  'text-as-xlsx',
  'csv-syntax',
  'no-space',
  'busy',
  'other',
] as const;
export type UnreadableReason = (typeof UNREADABLE_REASONS)[number];

/**
 * A file-system error (Node's `code`) as a reason the messages word, for inputs and the config
 * alike. EPERM is a file open in Excel on Windows, and a protected folder elsewhere (macOS's
 * Desktop and Documents), where "close Excel" would lead nowhere.
 */
export function systemReason(error: unknown, windows: boolean): UnreadableReason {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'not-found';
  if (code === 'EACCES') return 'permission';
  if (code === 'EPERM') return windows ? 'busy' : 'permission';
  if (code === 'EBUSY') return 'busy';
  if (code === 'EISDIR') return 'is-directory';
  if (code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT') return 'no-space';
  return 'other';
}

/** The spreadsheet formats the tool refuses, each with its own way to save as .xlsx. */
export const REFUSED_FORMATS = ['xls', 'ods', 'xlsb', 'numbers', 'et', 'encrypted', 'other'] as const;
export type RefusedFormat = (typeof REFUSED_FORMATS)[number];

/** Why a file in a folder was passed over (SPEC §2). */
export const SKIP_REASONS = ['own-output', 'hidden', 'system', 'other-format', 'lock-file', 'not-a-log', 'config'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** A row somewhere in the inputs, for messages that point to another row. */
export interface Place {
  file: string;
  sheet: string | null;
  row: number;
}

/** The facts a message is filled from. Only coded values, dates, numbers and places: never free text. */
export interface ProblemDetail {
  value?: string;
  column?: string;
  kind?: Kind;
  dateProblem?: DateProblem;
  numberProblem?: NumberProblem;
  suggestion?: string;
  allowed?: string[];
  missing?: string[];
  candidates?: Kind[];
  otherPlaces?: Place[];
  dayType?: 'saturday' | 'sunday' | 'holiday' | 'year-end';
  holidayName?: string;
  holidayNameEn?: string;
  channel?: string;
  today?: string;
  reason?: UnreadableReason | 'ambiguous' | 'empty' | 'none' | 'all-sheets-skipped';
  format?: RefusedFormat;
  extension?: string;
  skip?: SkipReason;
  /** Another input this one repeats (duplicate-file, duplicate-table, overlapping-table). */
  other?: { file: string; sheet: string | null };
  /** The workbook a lock file belongs to. */
  workbook?: string;
  /** Rows of a sheet (struck-through rows). */
  rows?: number[];
  month?: string;
  fiscalYear?: number;
  /** Why the year-on-year comparison was left out, and the months of the previous year concerned. */
  comparison?: 'partial' | 'before-start' | 'errors';
  months?: string[];
  // SPEC §14
  /** A configured label a value was counted under (an attribute's unknown label): never the value typed. */
  label?: string;
  /** A target's label and metric, for a target the logs read cannot give. */
  target?: string;
  metric?: string;
}

/** What a stage says of one row (or file): the code, where, the facts for the message. */
export interface ProblemReport {
  code: ProblemCode;
  /** null for a problem of the whole run (a month with no record at all). */
  file: string | null;
  sheet: string | null;
  /** The spreadsheet's own 1-based row. */
  row: number | null;
  /** The column's header as the file writes it. */
  column: string | null;
  /** Excel's address of the cell (`B12`). */
  cell: string | null;
  detail: ProblemDetail;
  /** The value to echo in JSON: only coded values, dates and 受付番号, never free text. */
  value?: string;
  /**
   * For a row problem, the month of the row's date, or null when it could not be read; left
   * out for problems that are not about a row's record.
   */
  month?: string | null;
  /** Already counted over many rows (a far date): how many, and the first rows. */
  repeated?: { count: number; rows: readonly number[] };
}

/** A problem as the log keeps it: the first occurrence's place, with how many rows share it. */
export interface Problem extends Omit<ProblemReport, 'month' | 'repeated'> {
  /** How many rows have this same problem (code, file, sheet, column, value). */
  count: number;
  /** The first rows that have it (at most ROWS_KEPT). */
  rows: number[];
  /**
   * The months (`YYYY-MM`) of the rows that have it, where their date could be read; `null` when
   * some row's date could not be read or the problem is not about rows. Lets a report tell
   * problems in its period from problems elsewhere.
   */
  months: string[] | null;
}

/** Rows listed per aggregated problem. */
export const ROWS_KEPT = 20;

/** Excel column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
