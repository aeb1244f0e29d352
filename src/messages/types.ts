import type {
  DateProblem,
  Kind,
  NumberProblem,
  PerKind,
  Place,
  ProblemCode,
  ProblemDetail,
  RefusedFormat,
  SkipReason,
  UnreadableReason,
} from '../problems.js';
import type { AppWords } from './app-types.js';
import type { CliWords } from './cli-types.js';
import type { CombineWords, SourceTableWords } from './combine-types.js';

export type { AppState, DownloadKind } from './app-types.js';

export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

/** Everything the tool says to a person, in one language. Both tables have this shape, so neither can miss a code. */
export interface Messages extends CliWords {
  kindName: Record<Kind, string>;
  issue: Record<ProblemCode, (d: ProblemDetail) => string>;
  dateProblem: Record<DateProblem, string>;
  numberProblem: Record<NumberProblem, string>;
  unreadable: Record<UnreadableReason, string>;
  refusedFormat: Record<RefusedFormat, (extension: string) => string>;
  skipReason: Record<SkipReason, string>;
  severity: { error: string; warning: string; info: string };
  place: {
    stdin: string;
    row: (row: number) => string;
    sheet: (sheet: string) => string;
    /** Row, Excel cell address and column of a problem, whichever are known. */
    at: (row: number | null, cell: string | null, column: string | null) => string;
    /** Another row, named in a message: file, sheet and row. */
    where: (place: Place) => string;
    /** The rows a repeated problem is on: the first ones listed, and how many in all. */
    rows: (rows: readonly number[], count: number) => string;
    /** The heading for problems of the whole run (a month with no records). */
    run: string;
  };
  validate: {
    tableLine: (kind: string, headerRow: number, rows: number) => string;
    ok: string;
    summary: (errors: number, warnings: number, infos: number) => string;
    more: (count: number) => string;
    rejectedRows: (count: number) => string;
    /** Marks an error in rows outside the report's period, shown as a warning. */
    outsidePeriod: string;
    /** After a problem repeated on many rows: which rows. */
    repeated: (rows: string) => string;
  };
  /** The closing summary of a run, on stderr. */
  summary: {
    files: (read: number, skipped: number, duplicate: number, refused: number) => string;
    /** `counted.support` only when a 支援記録 table was read. */
    rows: (counted: PerKind<number>, outOfPeriod: number, duplicate: number, rejected: number, other: number) => string;
    config: (file: string | null) => string;
    configBeside: (file: string) => string;
    named: (what: 'duplicate' | 'skipped' | 'refused', file: string, detail: string) => string;
  };
  report: {
    refused: (errors: number) => string;
    refusedHint: string;
    /** Most errors are values the config does not list, and a config beside the logs is not in use. */
    refusedConfigHint: (file: string) => string;
    /** After a refusal for files that cannot be read: --skip-invalid would not help. */
    refusedUnreadableHint: string;
    excluded: (rows: number, tables: number) => string;
    noRecords: string;
    asOfBeforeStart: (asOf: string, start: string) => string;
    asOfOutsideYear: (asOf: string, fiscalYear: string) => string;
    emptyPeriod: (fiscalYear: string, start: string, asOf: string, available: string) => string;
    xlsxNeedsOut: string;
    outIsInput: (path: string) => string;
    written: (path: string) => string;
    cannotWrite: (path: string, reason: string) => string;
  };
  /** `combine` (SPEC §15). */
  combine: CombineWords;
  /** A --compare file that cannot stand for the previous year (SPEC §15). */
  compare: {
    refused: (file: string, why: string) => string;
    sinceRefused: (file: string, why: string) => string;
    /** After a report made with --since: the months already reported whose figures have changed. */
    revised: (months: readonly string[]) => string;
    /** How the page names the file, which has no path there. */
    fileInApp: string;
    notJson: string;
    notAReport: string;
    otherYear: (found: string, expected: string) => string;
    suppressed: string;
    monthsMissing: (months: string) => string;
  };
  usage: {
    badMonth: (option: string, value: string) => string;
    badFiscalYear: (value: string) => string;
    badFormat: (value: string, allowed: string[]) => string;
    /** `--out` names a file the tool cannot write by its extension (none, or .xls): the name to give instead. */
    badOutName: (out: string, extension: string, suggestion: string, allowed: string[]) => string;
    badEncoding: (value: string, allowed: string[]) => string;
    badNumber: (option: string, value: string) => string;
    noInputs: string;
    stdinTwice: string;
    badKind: (value: string, allowed: string[]) => string;
    templateNeedsOut: string;
    annotateNeedsXlsx: string;
    appNeedsOut: string;
    wouldOverwrite: (path: string) => string;
  };
  config: {
    invalid: (file: string) => string;
    unreadable: (file: string, reason: string) => string;
    notJson: (file: string, reason: string) => string;
    required: string;
    expected: (what: string) => string;
    got: (value: string) => string;
    typeName: Record<string, string>;
    atLeast: (min: number | bigint) => string;
    atMost: (max: number | bigint) => string;
    atLeastItems: (min: number | bigint) => string;
    notEmpty: string;
    wholeNumber: string;
    monthFormat: string;
    unknownKeys: (keys: string[]) => string;
    duplicateLabel: (text: string, first: string) => string;
    unknownMetric: (metric: string, known: string[]) => string;
    unknownMetricLabel: (metric: string, label: string, list: string) => string;
    duplicateTargetId: (id: string) => string;
    evaluationOrder: string;
    evaluationFloor: string;
  };
  /** Config mistakes said with their meaning (SPEC §9): a percent for a fraction, a JSON slip, a misspelt key. */
  configTraps: {
    /** An evaluation `min` of 10 or more: a percent written where a fraction of the target is meant. */
    percentMin: (value: number) => string;
    /** Broken JSON: where, and what is wrong there (jsonSyntax). */
    notJsonAt: (file: string, line: number, column: number, reason: string) => string;
    /** The config file is not UTF-8 (saved as Shift_JIS): how to save it again. */
    notUtf8: (file: string) => string;
    /** What the JSON parser found, in words with the usual cause; `parser` is its own message, for a case not named here. */
    jsonSyntax: (kind: JsonSyntaxKind, parser: string) => string;
    unknownKeyDidYouMean: (key: string, suggestion: string) => string;
    /** `init` finds the file it would write: it is never overwritten. */
    initExists: (path: string) => string;
  };
  /** The browser app's page (src/app/). */
  app: AppWords;
  /** The annotated copy of the inputs (validate --annotate). */
  annotated: AnnotatedWords;
  /** The report's tables of SPEC §14: people, attributes, support actions. */
  reportParts: ReportPartWords;
  internalError: (detail: string) => string;
  progress: (file: string, rows: number) => string;
  /** The config's summary-sentence templates (SPEC §8). */
  sentenceTemplate: {
    unknownPlaceholder: (placeholder: string, known: string[]) => string;
  };
  /** The config of 支援記録 (SPEC §14). */
  supportConfig: {
    /** An agency labelled like the row of actions without a 連携先. */
    reservedAgency: (label: string) => string;
  };
  /** Mistakes in the config's `attributes` and their metrics (SPEC §14). */
  attributeConfig: {
    badId: (id: string) => string;
    duplicateId: (id: string) => string;
    builtInHeader: (text: string, column: string) => string;
    headerTaken: (text: string, other: string) => string;
    reservedLabel: (text: string, reserved: string) => string;
    rangeOrder: (min: number, max: number) => string;
    rangeOverlap: (min: number, max: number, other: string) => string;
    unknownAttribute: (metric: string, id: string) => string;
  };
  /** Suppression options (SPEC §15): the config's `suppression` and --suppress-symbol. */
  suppression: {
    /** `suppression.attributes` names an attribute the config does not have. */
    unknownAttribute: (id: string, known: readonly string[]) => string;
    /** An attribute's threshold below the config's `below`: it could only be less strict. */
    looserThanBelow: (id: string, threshold: number, below: number) => string;
    /** `suppression.symbol` is none of the symbols offered. */
    badSymbol: (allowed: readonly string[]) => string;
    /** --suppress-symbol with nothing to hide: neither --suppress-below nor the config's `suppression.below`. */
    symbolWithoutBelow: string;
  };
}

/** The JSON slips a config file commonly has, told apart by the parser's message. */
export type JsonSyntaxKind =
  'missing-comma' | 'missing-colon' | 'property-name' | 'cut-short' | 'bad-character' | 'bad-escape' | 'after-end' | 'other';

export interface AnnotatedWords {
  /** The first sheet, listing every problem. */
  sheetName: string;
  /** The copy holds the inputs' free text (SPEC §11): said on its first sheet. */
  notice: string;
  correctInOriginal: string;
  /** The list's sheet column when the copy's tab has another name than the original sheet (two files' 相談記録). */
  renamedSheet: (copy: string, original: string) => string;
  /** The link to a copied sheet on a line about the whole sheet (no cell). */
  goToSheet: string;
  columns: { severity: string; file: string; sheet: string; row: string; cell: string; column: string; problem: string; message: string };
  /** A short name for each kind of problem, instead of its code. */
  problem: Record<ProblemCode, string>;
}

/** Headings and words of the report's tables of SPEC §14 (people, attributes, support actions), in every format. */
export interface ReportPartWords {
  month: string;
  total: string;
  /** A count beside a chart's bar: 8件. */
  countText: (count: number) => string;
  /** The 主訴 group of the cumulative table when a consultation may have several (categoriesMultiple). */
  categoriesMultiple: string;
  people: {
    /** 相談者数（実人数）, with 延べ件数 beside it. */
    title: string;
    /** The table's title when the logs have 新規/継続 but no 相談者ID: 新規 alone. */
    titleNewOnly: string;
    visits: string;
    clients: string;
    new: string;
    withoutId: string;
    /** Under the table: the period's 実人数 is not the sum of the months. */
    distinctNote: string;
  };
  attribute: {
    /** The period's table of one attribute (年代): 件数 and 構成比 by label. */
    periodTitle: (attribute: string) => string;
    /** The same attribute by month. */
    monthsTitle: (attribute: string) => string;
    count: string;
    share: string;
    /** The chart of the first attribute's distribution. */
    chart: (attribute: string) => string;
  };
  support: {
    monthsTitle: string;
    agencyTitle: string;
    agency: string;
    /** The chart of the period's support actions by type. */
    chart: string;
    /** The workbook's sheets. */
    sheet: string;
  };
  peopleSheet: string;
  /** A combined report's table by source (SPEC §15). */
  sources: SourceTableWords;
}

/** 2021-08 → 2021年8月 */
export const monthText = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** 1048575 → 1,048,575 without loading ICU's number formatting (~10 ms of start-up). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}
