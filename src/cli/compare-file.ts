import { readFile } from 'node:fs/promises';
import type { Messages } from '../messages/index.js';
import { systemReason } from '../problems.js';
import { UserError } from './errors.js';

/** A --compare file's JSON, read before the logs so that a wrong path or a file that is not JSON stops the run at once. */
export async function readCompareFile(file: string, m: Messages): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(2, [m.compare.refused(file, m.unreadable[systemReason(error, process.platform === 'win32')])]);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/u, '')) as unknown;
  } catch {
    throw new UserError(2, [m.compare.refused(file, m.compare.notJson)]);
  }
}
