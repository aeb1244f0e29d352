import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME } from '../config/load.js';
import { DEFAULT_CONFIG } from '../config/default.js';
import { UserError } from './errors.js';
import type { Io } from './io.js';
import { writeAtomically } from './output.js';
import { messagesOf, type CommonOptions } from './run.js';

/** `tsup-report init`: the embedded default as tsup-report.config.json, to edit instead of starting blank. Never overwrites. */
export async function initCommand(options: CommonOptions, io: Io): Promise<number> {
  const m = messagesOf(options, io);
  const file = path.join(io.cwd, CONFIG_FILE_NAME);
  if (existsSync(file)) throw new UserError(2, [m.usage.wouldOverwrite(file)]);
  await writeAtomically(file, `${JSON.stringify(DEFAULT_CONFIG, null, 2)}\n`, m);
  if (!options.quiet) io.stderr.write(`${m.report.written(file)}\n`);
  return 0;
}
