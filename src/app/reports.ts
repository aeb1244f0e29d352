import { CONFIG_FILE_NAME } from '../config/lists.js';
import { baseName, extensionOf } from '../read/sniff.js';
import { parseReportJson, type ReportJson } from '../report/report-json.js';
import type { PickedFile } from './sources.js';

/** One of the tool's own JSON reports among the chosen files: last year's, to compare with, or a source to combine. */
export interface ReportFile {
  name: string;
  json: unknown;
  /** The report's fiscal year and last month, read loosely: the file is checked whole only when it is used. */
  fiscalYear: number | null;
  asOf: string | null;
}

/**
 * Takes the tool's JSON reports out of the chosen files: a .json other than the config whose
 * content has a report's `kind`, `fiscalYear` and `intake`. Anything else stays with the logs, to be
 * judged as the CLI judges it (a folder's other files are skipped, a file chosen alone is refused).
 */
export async function splitReportFiles(picked: readonly PickedFile[]): Promise<{ logs: PickedFile[]; reports: ReportFile[] }> {
  const logs: PickedFile[] = [];
  const reports: ReportFile[] = [];
  for (const file of picked) {
    const name = file.path || file.file.name;
    const json = extensionOf(name) === '.json' && baseName(name) !== CONFIG_FILE_NAME ? await jsonOf(file.file) : undefined;
    if (looksLikeReport(json)) {
      const { fiscalYear, asOf } = json as { fiscalYear?: unknown; asOf?: unknown };
      reports.push({
        name,
        json,
        fiscalYear: typeof fiscalYear === 'number' ? fiscalYear : null,
        asOf: typeof asOf === 'string' ? asOf : null,
      });
    } else {
      logs.push(file);
    }
  }
  return { logs, reports };
}

async function jsonOf(file: File): Promise<unknown> {
  try {
    return JSON.parse((await file.text()).replace(/^\uFEFF/u, '')) as unknown;
  } catch {
    return undefined;
  }
}

function looksLikeReport(json: unknown): boolean {
  if (typeof json !== 'object' || json === null) return false;
  const { kind, intake } = json as { kind?: unknown; intake?: unknown };
  return (kind === 'monthly' || kind === 'annual') && 'fiscalYear' in json && typeof intake === 'object' && intake !== null;
}

/** What the page does with last year's report for a report of `fiscalYear`. */
export type CompareChoice =
  /** No report of the previous fiscal year among the files: no comparison, unless the logs hold last year. */
  | { use: null; unused: ReportFile[] }
  | { use: ReportFile; report: ReportJson; unused: ReportFile[] }
  /** The previous year's report(s) cannot be compared with: the report is refused, as `--compare` would be. */
  | { use: ReportFile; refused: 'not-a-report' | 'suppressed'; unused: ReportFile[] };

/**
 * The previous fiscal year's report to compare with, as `--compare` names one: of that year's
 * reports among the files, one that checks out, the latest month first (a report to February
 * covers more than one to December), then by name.
 */
export function compareChoice(reports: readonly ReportFile[], fiscalYear: number): CompareChoice {
  const candidates = reports
    .filter((r) => r.fiscalYear === fiscalYear - 1)
    .sort((a, b) => (b.asOf ?? '').localeCompare(a.asOf ?? '') || a.name.localeCompare(b.name));
  const others = reports.filter((r) => !candidates.includes(r));
  const parsed = candidates.map((file) => ({ file, parsed: parseReportJson(file.json) }));
  const usable = parsed.find((c) => c.parsed.ok);
  const unused = (chosen: ReportFile): ReportFile[] => [...candidates.filter((c) => c !== chosen), ...others];
  if (usable?.parsed.ok) return { use: usable.file, report: usable.parsed.report, unused: unused(usable.file) };
  const first = parsed[0];
  if (first === undefined || first.parsed.ok) return { use: null, unused: others };
  return { use: first.file, refused: first.parsed.reason, unused: unused(first.file) };
}
