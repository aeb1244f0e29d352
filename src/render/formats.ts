import type { Lang } from '../messages/index.js';
import type { Report } from '../report/types.js';

/** What a renderer may adapt to besides the report: the terminal's width, for the table. */
export interface RenderOptions {
  /** Columns the output may take; lines wider wrap on the user's terminal. */
  width?: number;
  /** The language of the headings of SPEC §14's tables; Japanese, as the rest of the report, unless asked. */
  lang?: Lang;
}

type Renderer = (report: Report, options: RenderOptions) => string | Uint8Array | Promise<string | Uint8Array>;

interface ReportFormatSpec {
  /** File extensions that choose this format for `--out`. */
  extensions: readonly string[];
  /** The renderer, loaded only when a run asks for its format (exceljs, cli-table3 stay unloaded otherwise). */
  load: () => Promise<Renderer>;
}

/** Every format a report is written in: the one place that knows a format's name, extensions and renderer. */
export const REPORT_FORMATS = {
  table: { extensions: ['.txt'], load: async () => (await import('./table.js')).renderTable },
  md: { extensions: ['.md', '.markdown'], load: async () => (await import('./markdown.js')).renderMarkdown },
  csv: { extensions: ['.csv'], load: async () => (await import('./csv.js')).renderCsv },
  xlsx: { extensions: ['.xlsx'], load: async () => (await import('./xlsx.js')).renderXlsx },
  json: { extensions: ['.json'], load: async () => (await import('./json.js')).renderJson },
  html: { extensions: ['.html', '.htm'], load: async () => (await import('./html.js')).renderHtml },
} as const satisfies Record<string, ReportFormatSpec>;

export type ReportFormat = keyof typeof REPORT_FORMATS;
export const REPORT_FORMAT_NAMES = Object.keys(REPORT_FORMATS) as ReportFormat[];

/** The format a file name's extension asks for, if any. */
export function formatForExtension(extension: string): ReportFormat | undefined {
  return REPORT_FORMAT_NAMES.find((format) => (REPORT_FORMATS[format].extensions as readonly string[]).includes(extension.toLowerCase()));
}

/** The report in the given format. */
export async function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): Promise<string | Uint8Array> {
  const render = await REPORT_FORMATS[format].load();
  return render(report, options);
}
