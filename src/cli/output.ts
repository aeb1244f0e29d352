import { realpathSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
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
 * is renamed over the target only once complete. A failure leaves no partial file behind.
 */
export async function writeAtomically(out: string, data: string | Uint8Array, m: Messages): Promise<void> {
  const directory = path.dirname(path.resolve(out));
  // Loaded here: a validate without --annotate writes nothing, and node:crypto costs start-up.
  const { randomBytes } = await import('node:crypto');
  const temporary = path.join(directory, `.${path.basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, out);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(2, [m.report.cannotWrite(out, reason)]);
  }
}
