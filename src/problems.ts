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

/** The kinds of log the tool reads (SPEC §1). */
export const KINDS = ['intake', 'ibasho', 'distribution'] as const;
export type Kind = (typeof KINDS)[number];

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

/** Distinct problems kept in memory; beyond this only the counts per code grow. */
export const PROBLEMS_KEPT = 10_000;

/** The problems of a run as later stages read them: nothing to add to the run's own log. */
export interface ProblemsView {
  readonly counts: Partial<Record<ProblemCode, number>>;
  readonly dropped: Partial<Record<ProblemCode, number>>;
  list(): Problem[];
  /** A copy with further problems added (a report period's own). */
  with(extra: readonly ProblemReport[]): ProblemsView;
}

/**
 * Every problem of a run, with memory bounded however many rows are wrong: the same problem
 * (code, file, sheet, column, value) on many rows is one entry with its count and first rows;
 * past PROBLEMS_KEPT distinct entries, further ones are only counted.
 */
export class ProblemLog implements ProblemsView {
  private readonly entries = new Map<string, Problem & { order: [number, number] }>();
  /** Occurrences (rows) per code, every one of them. */
  readonly counts: Partial<Record<ProblemCode, number>> = {};
  /** Occurrences per code of problems not kept because the log was full. */
  readonly dropped: Partial<Record<ProblemCode, number>> = {};
  /** Files in the order first met, each with its sheets in the order first met. */
  private readonly files = new Map<string, { order: number; sheets: Map<string, number> }>();

  add(report: ProblemReport): void {
    const occurrences = report.repeated?.count ?? 1;
    const rows = report.repeated?.rows ?? (report.row === null ? [] : [report.row]);
    this.counts[report.code] = (this.counts[report.code] ?? 0) + occurrences;
    const key = [report.code, report.file, report.sheet, report.column, report.value].join('\u0000');
    const existing = this.entries.get(key);
    const isRow = report.month !== undefined;
    if (existing) {
      existing.count += occurrences;
      for (const row of rows) if (existing.rows.length < ROWS_KEPT) existing.rows.push(row);
      if (existing.months !== null) {
        if (!isRow || report.month === null) existing.months = null;
        else if (!existing.months.includes(report.month!)) existing.months.push(report.month!);
      }
      return;
    }
    if (this.entries.size >= PROBLEMS_KEPT) {
      this.dropped[report.code] = (this.dropped[report.code] ?? 0) + occurrences;
      return;
    }
    this.entries.set(key, {
      code: report.code,
      file: report.file,
      sheet: report.sheet,
      row: report.row,
      column: report.column,
      cell: report.cell,
      detail: report.detail,
      ...(report.value !== undefined ? { value: report.value } : {}),
      count: occurrences,
      rows: rows.slice(0, ROWS_KEPT),
      months: isRow && report.month !== null ? [report.month!] : null,
      order: this.placeOrder(report.file, report.sheet),
    });
  }

  /** A copy with further problems added, leaving this log as it is (a period's problems for one report). */
  with(extra: readonly ProblemReport[]): ProblemLog {
    const copy = new ProblemLog();
    for (const [key, entry] of this.entries)
      copy.entries.set(key, { ...entry, rows: [...entry.rows], months: entry.months && [...entry.months] });
    Object.assign(copy.counts, this.counts);
    Object.assign(copy.dropped, this.dropped);
    for (const [file, place] of this.files) copy.files.set(file, { order: place.order, sheets: new Map(place.sheets) });
    for (const report of extra) copy.add(report);
    return copy;
  }

  /** Notes that a file (and sheet) was read, so that its problems sort in reading order even when found later. */
  register(file: string, sheet: string | null): void {
    this.placeOrder(file, sheet);
  }

  /** Every kept problem in input order: by file and sheet as first met, then by row. */
  list(): Problem[] {
    return [...this.entries.values()]
      .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || (a.row ?? 0) - (b.row ?? 0))
      .map(({ order: _order, ...problem }) => problem);
  }

  /** Where a file and sheet sort: files as first met (the whole run last), a file's own problems before its sheets'. */
  private placeOrder(file: string | null, sheet: string | null): [number, number] {
    if (file === null) return [Number.MAX_SAFE_INTEGER, 0];
    let place = this.files.get(file);
    if (!place) {
      place = { order: this.files.size, sheets: new Map() };
      this.files.set(file, place);
    }
    const { order: fileOrder, sheets } = place;
    if (sheet === null) return [fileOrder, -1];
    if (!sheets.has(sheet)) sheets.set(sheet, sheets.size);
    return [fileOrder, sheets.get(sheet)!];
  }
}
