import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAME } from '../config/load.js';
import { CONFIG_SCHEMA_FILE_NAME } from '../config/lists.js';
import { DEFAULT_CONFIG } from '../config/default.js';
import { UserError } from './errors.js';
import type { Io } from './io.js';
import { writeAtomically } from './output.js';
import { messagesOf, type CommonOptions } from './run.js';

export interface InitOptions extends Pick<CommonOptions, 'lang' | 'quiet'> {
  /** Where to write; tsup-report.config.json in the working folder without it. */
  out?: string;
}

/**
 * `tsup-report init [--out FILE]`: the embedded default as a config file, to edit instead of
 * starting blank. Never overwrites. Its "$schema" names the JSON Schema shipped in this package,
 * so that an editor (VS Code) completes keys and marks mistakes while the file is edited.
 */
export async function initCommand(options: InitOptions, io: Io, schemaFile = installedSchemaFile()): Promise<number> {
  const m = messagesOf(options, io);
  const file = path.resolve(io.cwd, options.out ?? CONFIG_FILE_NAME);
  if (existsSync(file)) throw new UserError(2, [m.configTraps.initExists(file)]);
  const schema = schemaFile !== undefined && existsSync(schemaFile) ? { $schema: schemaReference(schemaFile) } : {};
  await writeAtomically(file, `${JSON.stringify({ ...schema, ...DEFAULT_CONFIG }, null, 2)}\n`, m);
  if (!options.quiet) io.stderr.write(`${m.report.written(file)}\n`);
  return 0;
}

/**
 * The schema as an absolute file URL: the config is often copied from folder to folder (a year's
 * logs to the next), which a relative path would not survive; the package stays where npm put it.
 */
export function schemaReference(schemaFile: string): string {
  return pathToFileURL(schemaFile).href;
}

/** dist/tsup-report.config.schema.json of the package this code runs from (dist/cli/ or dist/bundle/, src/cli/ in tests). */
function installedSchemaFile(): string | undefined {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(folder, 'package.json'))) return path.join(folder, 'dist', CONFIG_SCHEMA_FILE_NAME);
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
