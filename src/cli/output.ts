import { realpathSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Messages } from '../messages/index.js';
import type { SourceFile } from '../read/types.js';
import { UserError } from './errors.js';

function canonical(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** Refuses an output path that is one of the inputs, so a report can never overwrite a log. */
export function assertNotAnInput(out: string, sources: readonly SourceFile[], m: Messages): void {
  const target = canonical(out);
  for (const source of sources) {
    if (source.name !== '-' && canonical(source.name) === target) throw new UserError(2, [m.report.outIsInput(out)]);
  }
}

/**
 * Writes the whole file or nothing: the data goes to a temporary file in the same folder, which
 * is renamed over the target only once complete. A failure leaves no partial file behind. (The
 * temporary name need only be new in its folder, which `wx` checks; no random source is loaded.)
 */
export async function writeAtomically(out: string, data: string | Uint8Array, m: Messages): Promise<void> {
  const directory = path.dirname(path.resolve(out));
  const unique = `${process.pid}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}`;
  const temporary = path.join(directory, `.${path.basename(out)}.${unique}.tmp`);
  try {
    writeFileSync(temporary, data, { flag: 'wx' });
    renameSync(temporary, out);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written, or it is gone already.
    }
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(2, [m.report.cannotWrite(out, reason)]);
  }
}
