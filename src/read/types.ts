import type { ProblemCode, ProblemDetail } from '../problems.js';

/** A cell as a reader hands it on: what the spreadsheet shows, before any interpretation. */
export type CellValue = string | number | boolean | Date | CellError | null;

/** An error cell (`#N/A`, `#DIV/0!` …), or a formula whose cached result is missing (`error: ''`). */
export interface CellError {
  error: string;
}

export interface RawRow {
  /** The spreadsheet's own 1-based row number. */
  row: number;
  /** Cells by 0-based column index. */
  cells: CellValue[];
  /** Every filled cell of the row is struck through (取り消し線): XLSX only. */
  struck?: boolean;
}

/** One CSV file or one worksheet. Its rows must be read through (or drained) before the next table. */
export interface RawTable {
  file: string;
  sheet: string | null;
  format: 'csv' | 'xlsx';
  /** What the CSV was decoded as, for messages; null for XLSX. */
  encoding: EncodingName | null;
  /** Rows in order, in batches: a million rows cost a thousand awaits, not a million. */
  rows: AsyncIterable<RawRow[]>;
}

/**
 * One input file as the tool meets it: its name (relative to the folder given, or as named on
 * the command line), its size, and its bytes on demand. The Node CLI makes these from paths, the
 * browser app from the `File` objects dropped on it; everything after that is the same code.
 */
export interface SourceFile {
  name: string;
  size: number;
  /** Named on its own (command line, dropped alone), not found inside a folder. */
  explicit: boolean;
  read(): Promise<Uint8Array>;
  /** The bytes a piece at a time (a file on disk, a dropped File's stream), for a large CSV. */
  chunks?(): AsyncIterable<Uint8Array>;
}

/** A file (or part of one) that could not be read at all. Readers throw it; the input layer turns it into data. */
export class ReadError extends Error {
  constructor(
    readonly code: Extract<ProblemCode, 'unreadable-file' | 'unsupported-format' | 'encoding-error'>,
    readonly detail: ProblemDetail,
    readonly row: number | null = null,
  ) {
    super(`${code}: ${detail.reason ?? detail.format ?? ''}`);
  }
}

export const ENCODINGS = ['utf8', 'utf16le', 'utf16be', 'cp932'] as const;
export type EncodingName = (typeof ENCODINGS)[number];

export interface ReadOptions {
  encoding?: EncodingName;
}
