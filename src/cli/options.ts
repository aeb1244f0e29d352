import { ERA_NAME_PATTERN, eraNamed, gregorianYear } from '../eras.js';
import type { Messages, Lang } from '../messages/index.js';
import { formatForExtension, REPORT_FORMAT_NAMES, REPORT_FORMATS, type ReportFormat } from '../render/formats.js';
import { ENCODINGS, type EncodingName } from '../read/types.js';
import { parseEncodingName } from '../read/encoding.js';
import { UserError } from './errors.js';
import type { Io } from './io.js';

/** `--lang`, else the system locale (LC_ALL, LC_MESSAGES, LANG), else the runtime's locale. */
export function pickLang(option: string | undefined, io: Io): Lang {
  if (option === 'ja' || option === 'en') return option;
  const fromEnv = io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG;
  // The runtime's default locale, asked of the cheapest Intl service: PluralRules answers in
  // 0.2 ms where DateTimeFormat loads calendar data for 10 ms, at every start under LANG=C.
  const locale = fromEnv && fromEnv !== 'C' && fromEnv !== 'POSIX' ? fromEnv : new Intl.PluralRules().resolvedOptions().locale;
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** `2022-02`, `2022/2` or `2022年2月` → `2022-02`. */
export function parseMonthOption(option: string, value: string, m: Messages): string {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})月?$/u.exec(value.normalize('NFKC').trim());
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) throw new UserError(2, [m.usage.badMonth(option, value)]);
  return `${match[1]}-${String(month).padStart(2, '0')}`;
}

/**
 * The report's last month: `--month` and `--as-of` mean the same (SPEC §5), so either may be
 * given, or both when they name the same month.
 */
export function parseAsOfOptions(options: { month?: string; asOf?: string }, m: Messages): string | undefined {
  const month = options.month === undefined ? undefined : parseMonthOption('--month', options.month, m);
  const asOf = options.asOf === undefined ? undefined : parseMonthOption('--as-of', options.asOf, m);
  if (month !== undefined && asOf !== undefined && month !== asOf)
    throw new UserError(2, [m.cliError.conflictingMonths(options.month!, options.asOf!)]);
  return month ?? asOf;
}

/** `2021`, `R3`, `令和3`, `令和3年度`, `令和元年度`, `S63`, `平成元` → the fiscal year's Gregorian year. */
export function parseFiscalYearOption(value: string, m: Messages): number {
  const text = value
    .normalize('NFKC')
    .trim()
    .replace(/年度?$/u, '');
  if (/^\d{4}$/u.test(text)) return Number(text);
  const match = new RegExp(`^(${ERA_NAME_PATTERN})\\s*(元|\\d{1,2})$`, 'iu').exec(text);
  const era = match ? eraNamed(match[1]!) : undefined;
  if (match && era) return gregorianYear(era, match[2] === '元' ? 1 : Number(match[2]));
  throw new UserError(2, [m.usage.badFiscalYear(value)]);
}

export function parseEncodingOption(value: string | undefined, m: Messages): EncodingName | undefined {
  if (value === undefined) return undefined;
  const encoding = parseEncodingName(value);
  if (!encoding) throw new UserError(2, [m.usage.badEncoding(value, [...ENCODINGS])]);
  return encoding;
}

export function parsePositiveInt(option: string, value: string, m: Messages): number {
  if (!/^\d+$/u.test(value.trim()) || Number(value) < 1) throw new UserError(2, [m.usage.badNumber(option, value)]);
  return Number(value);
}

/** `--format`, else from `--out`'s extension, else a table on a terminal and Markdown when piped. */
export function pickReportFormat(format: string | undefined, out: string | undefined, io: Io, m: Messages): ReportFormat {
  let chosen: ReportFormat | undefined;
  if (format !== undefined) {
    const name = format === 'markdown' ? 'md' : format;
    if (!(REPORT_FORMAT_NAMES as readonly string[]).includes(name))
      throw new UserError(2, [m.usage.badFormat(format, REPORT_FORMAT_NAMES)]);
    chosen = name as ReportFormat;
    if (chosen === 'xlsx' && out === undefined) throw new UserError(2, [m.report.xlsxNeedsOut]);
  }
  if (out === undefined) return chosen ?? (io.stdout.isTTY ? 'table' : 'md');
  // The file's name must say what it is: Windows opens a file by its extension, and a name
  // without one (or .xls) would be written and then not open.
  const extension = /\.[^./\\]+$/u.exec(out)?.[0]?.toLowerCase() ?? '';
  const byExtension = formatForExtension(extension);
  // With --format the name may say anything (report.txt for JSON); without one it must say the format.
  if (extension === '' || (chosen === undefined && byExtension === undefined)) {
    const wanted = chosen ?? 'xlsx';
    const stem = extension === '' ? out : out.slice(0, -extension.length);
    const allowed = REPORT_FORMAT_NAMES.flatMap((f) => [...REPORT_FORMATS[f].extensions]);
    throw new UserError(2, [m.usage.badOutName(out, extension, `${stem}${REPORT_FORMATS[wanted].extensions[0]}`, allowed)]);
  }
  return chosen ?? byExtension!;
}
