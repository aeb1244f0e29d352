import { realpathSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Messages } from '../messages/index.js';
import type { ResolvedInput } from '../read/inputs.js';
import { UserError } from './errors.js';

function canonical(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** Refuses an output path that is one of the inputs, so a report can never overwrite a log. */
export function assertNotAnInput(out: string, inputs: readonly ResolvedInput[], m: Messages): void {
  const target = canonical(out);
  for (const input of inputs) {
    const file = 'failure' in input ? input.file : input.path;
    if (file !== null && canonical(file) === target) throw new UserError(2, [m.report.outIsInput(out)]);
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
