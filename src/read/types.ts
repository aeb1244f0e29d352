import type { IssueDetail } from '../records/issues.js';

/** A cell as a reader hands it on: what the spreadsheet holds, before any interpretation. */
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
}

/** One CSV file or one worksheet. Its rows must be read through (or drained) before the next table. */
export interface RawTable {
  file: string;
  sheet: string | null;
  format: 'csv' | 'xlsx';
  /** What the CSV was decoded as, for messages; null for XLSX. */
  encoding: string | null;
  /** Rows in order, in batches: a million rows cost a thousand awaits, not a million. */
  rows: AsyncIterable<RawRow[]>;
}

export type ReadFailureCode = 'unreadable-file' | 'unsupported-format' | 'encoding-error';

/** A file (or part of one) that could not be read at all. Readers throw it; the input layer turns it into data. */
export class ReadError extends Error {
  constructor(
    readonly code: ReadFailureCode,
    readonly detail: IssueDetail,
    readonly row: number | null = null,
  ) {
    super(`${code}: ${detail.reason ?? detail.format ?? ''}`);
  }
}

export interface ReadFailure {
  failure: true;
  file: string;
  sheet: string | null;
  row: number | null;
  code: ReadFailureCode;
  detail: IssueDetail;
}

export type TableOrFailure = RawTable | ReadFailure;

export function isFailure(item: TableOrFailure): item is ReadFailure {
  return 'failure' in item;
}

export const ENCODINGS = ['utf8', 'utf16le', 'utf16be', 'cp932'] as const;
export type EncodingName = (typeof ENCODINGS)[number];

/** Where a table's bytes come from: a file path, or standard input. */
export interface InputSource {
  /** As shown in messages: the path as given, or "-" for standard input. */
  name: string;
  path: string | null;
  open: () => NodeJS.ReadableStream;
}

export interface ReadOptions {
  encoding?: EncodingName;
  /** CSV files from this many bytes up are parsed on a worker thread (default 4 MiB; tests lower it). */
  threadFromBytes?: number;
}
