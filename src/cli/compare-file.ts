import { readFile } from 'node:fs/promises';
import type { Messages } from '../messages/index.js';
import { systemReason } from '../problems.js';
import type { ReportJson } from '../report/report-json.js';
import { UserError } from './errors.js';

/**
 * A --compare or --since file: the tool's own unsuppressed JSON report, read and checked before
 * the logs so that a wrong path, a file that is not JSON or not such a report stops the run at
 * once. The check (and zod with it) is loaded only when such a file is given.
 */
export async function readReportFile(which: 'compare' | 'since', file: string, m: Messages): Promise<ReportJson> {
  const refused = which === 'compare' ? m.compare.refused : m.compare.sinceRefused;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(2, [refused(file, m.unreadable[systemReason(error, process.platform === 'win32')])]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch {
    throw new UserError(2, [refused(file, m.compare.notJson)]);
  }
  const { parseReportJson } = await import('../report/report-json.js');
  const parsed = parseReportJson(json);
  if (!parsed.ok) throw new UserError(2, [refused(file, parsed.reason === 'suppressed' ? m.compare.suppressed : m.compare.notAReport)]);
  return parsed.report;
}
