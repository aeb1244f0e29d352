import { DEFAULT_CONFIG } from '../config/default.js';
import { CONFIG_FILE_NAME } from '../config/lists.js';
import type { Config } from '../config/schema.js';
import { configFromText } from '../config/text.js';
import type { DownloadKind, Messages } from '../messages/index.js';
import { analyse, reportFrom, validationFrom, type Analysis, type ReportResult } from '../pipeline.js';
import { baseName } from '../read/sniff.js';
import type { SourceFile } from '../read/types.js';
import type { IsoDate } from '../records/dates.js';
import { KINDS } from '../records/kinds.js';
import { renderReport, type ReportFormat } from '../render/formats.js';
import { addMonths, fiscalYearBounds, fiscalYearOf } from '../report/period.js';
import type { ReportJson } from '../report/report-json.js';
import type { Report } from '../report/types.js';
import { fiscalYearLabel } from '../report/wareki.js';
import { bundledHolidays } from './holidays.js';
import { sourcesFromFiles, type PickedFile } from './sources.js';

/** The config a page's run uses, and where it came from (said on the page, as the CLI's summary does). */
export interface ConfigChoice {
  config: Config;
  from: 'chosen' | 'files' | 'default';
  file: string | null;
  /** Config files among the chosen ones that are not in use. */
  unused: string[];
}

/** A config file chosen on its own, with its text (read at once: an edited file can no longer be read). */
export interface ChosenConfig {
  name: string;
  text: string;
}

/**
 * The config chosen on its own (#config) wins; else a tsup-report.config.json chosen among the
 * files or at the top of a chosen folder — where the CLI looks beside its inputs — the first by
 * name; else the built-in default. One deeper in the folder (another year's, say) is named as
 * unused, never taken. A config that does not check out throws ConfigError with the CLI's words.
 */
export async function chooseConfig(picked: readonly PickedFile[], chosen: ChosenConfig | null, m: Messages): Promise<ConfigChoice> {
  const nameOf = (p: PickedFile): string => p.path || p.file.name;
  const among = picked.filter((p) => baseName(nameOf(p)) === CONFIG_FILE_NAME).sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : 1));
  const usable = among.filter((p) => nameOf(p).split('/').length <= 2);
  if (chosen) {
    return { config: await configFromText(chosen.name, chosen.text, m), from: 'chosen', file: chosen.name, unused: among.map(nameOf) };
  }
  const first = usable[0];
  if (!first) return { config: DEFAULT_CONFIG, from: 'default', file: null, unused: among.map(nameOf) };
  const file = nameOf(first);
  const unused = among.filter((p) => p !== first).map(nameOf);
  return { config: await configFromText(file, await first.file.text(), m), from: 'files', file, unused };
}

export interface Loaded {
  sources: SourceFile[];
  choice: ConfigChoice;
  analysis: Analysis;
}

/** Reads and checks the chosen files: the CLI's pipeline, with the page's holidays and a pause after each batch of rows. */
export async function loadFiles(
  picked: readonly PickedFile[],
  choice: ConfigChoice,
  today: IsoDate,
  hooks: { onProgress?: (file: string, rowsRead: number) => void; betweenBatches?: () => Promise<void> } = {},
): Promise<Loaded> {
  const sources = sourcesFromFiles(picked);
  const analysis = await analyse(sources, choice.config, { today, holidays: bundledHolidays, ...hooks });
  return { sources, choice, analysis };
}

/** What the period selectors offer: the fiscal years with records, and for each the months a report can end in. */
export interface YearChoice {
  fiscalYear: number;
  label: string;
  /** From the report's first month to the year's last month with records (or its end). */
  months: string[];
  /** The latest month with records: the default as-of, as for the CLI. */
  latest: string;
}

export function yearChoices(analysis: Analysis): YearChoice[] {
  const { config } = analysis;
  const withRecords = analysis.tally.months();
  const years = [...new Set(withRecords.map((month) => fiscalYearOf(month, config.fiscalYearStartMonth)))].sort((a, b) => b - a);
  return years.map((fiscalYear) => {
    const { yearEnd, startMonth: start } = fiscalYearBounds(fiscalYear, config);
    const inYear = withRecords.filter((month) => month >= start && month <= yearEnd);
    const latest = inYear[inYear.length - 1] ?? start;
    const months: string[] = [];
    for (let month = start; month <= yearEnd; month = addMonths(month, 1)) months.push(month);
    return { fiscalYear, label: fiscalYearLabel(fiscalYear, config.fiscalYearStartMonth), months, latest };
  });
}

export interface ReportChoices {
  kind: Report['kind'];
  fiscalYear?: number;
  asOf?: string;
  suppressBelow?: number;
  skipInvalid: boolean;
  /** Last year's JSON report among the chosen files (reports.ts compareChoice), as `--compare` gives one. */
  compareWith?: ReportJson;
}

/** The report for the page's choices: reportFrom, exactly as `monthly` and `annual` call it. */
export function reportFor(analysis: Analysis, choices: ReportChoices): ReportResult {
  const request = {
    ...(choices.fiscalYear === undefined ? {} : { fiscalYear: choices.fiscalYear }),
    ...(choices.asOf === undefined ? {} : { asOf: choices.asOf }),
  };
  return reportFrom(analysis, request, {
    kind: choices.kind,
    skipInvalid: choices.skipInvalid,
    ...(choices.suppressBelow === undefined ? {} : { suppressBelow: choices.suppressBelow }),
    ...(choices.compareWith === undefined ? {} : { compareWith: choices.compareWith }),
  });
}

export interface Download {
  name: string;
  type: string;
  content: string | Uint8Array;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const REPORT_DOWNLOADS: Record<Exclude<DownloadKind, 'annotated' | 'template'>, { extension: string; type: string }> = {
  json: { extension: 'json', type: 'application/json' },
  xlsx: { extension: 'xlsx', type: XLSX_TYPE },
  md: { extension: 'md', type: 'text/markdown;charset=utf-8' },
  html: { extension: 'html', type: 'text/html;charset=utf-8' },
  csv: { extension: 'csv', type: 'text/csv;charset=utf-8' },
};

/** The report in one of the CLI's formats, named for its year, kind (or 合算 for reports combined) and month: 令和3年度_月次報告_2022-02.xlsx. */
export async function reportDownload(report: Report, kind: keyof typeof REPORT_DOWNLOADS): Promise<Download> {
  const { extension, type } = REPORT_DOWNLOADS[kind];
  const title = report.sources ? '合算報告' : report.kind === 'monthly' ? '月次報告' : '年次報告';
  const name = `${report.fiscalYearLabel}_${title}_${report.asOf}.${extension}`;
  return { name, type, content: await renderReport(report, kind satisfies ReportFormat) };
}

/** `validate --annotate`'s workbook: the chosen files read again and copied with their problems marked. */
export async function annotatedDownload(loaded: Loaded, m: Messages, today: IsoDate): Promise<Download> {
  const { annotateSources } = await import('../render/annotate.js');
  const content = await annotateSources(loaded.sources, {}, validationFrom(loaded.analysis, false), m);
  return { name: `点検結果_${today}.xlsx`, type: XLSX_TYPE, content };
}

/** `tsup-report template`'s workbook for the config in use, every kind of log. */
export async function templateDownload(config: Config): Promise<Download> {
  const { renderTemplate, templateFileStem } = await import('../render/template.js');
  const today = new Date();
  return {
    name: `${templateFileStem(config, KINDS, today)}.xlsx`,
    type: XLSX_TYPE,
    content: await renderTemplate(config, [...KINDS], today),
  };
}
