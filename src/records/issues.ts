import type { Kind } from './kinds.js';

/** Every problem code the tool can report, with how serious it is. One closed list. */
export const ISSUE_SEVERITY = {
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
  'extra-column': 'info',
} as const;

export type IssueCode = keyof typeof ISSUE_SEVERITY;
export type Severity = (typeof ISSUE_SEVERITY)[IssueCode];
export const ISSUE_CODES = Object.keys(ISSUE_SEVERITY) as IssueCode[];

/** Why a date was not accepted; each has its own sentence in the message tables. */
export type DateProblem = 'unrecognised' | 'no-year' | 'nonexistent' | 'era-range' | 'serial-range' | 'not-a-date-cell';

/** Why a number was not accepted. */
export type NumberProblem = 'not-a-number' | 'not-whole' | 'negative' | 'zero' | 'too-large';

/** The facts a message is filled from. Only coded values, dates and numbers are ever put here: never free text. */
export interface IssueDetail {
  value?: string;
  column?: string;
  kind?: Kind;
  dateProblem?: DateProblem;
  numberProblem?: NumberProblem;
  suggestion?: string;
  allowed?: string[];
  missing?: string[];
  candidates?: Kind[];
  otherPlaces?: string[];
  dayType?: 'saturday' | 'sunday' | 'holiday' | 'year-end';
  holidayName?: string;
  holidayNameEn?: string;
  channel?: string;
  today?: string;
  reason?: string;
  format?: string;
}

export interface Issue {
  code: IssueCode;
  severity: Severity;
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
  message: string;
  value?: string;
}

export function severityOf(code: IssueCode): Severity {
  return ISSUE_SEVERITY[code];
}
