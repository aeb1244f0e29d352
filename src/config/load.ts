import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Messages } from '../messages/index.js';
import { DEFAULT_CONFIG } from './default.js';
import type { Config } from './schema.js';

export const CONFIG_FILE_NAME = 'tsup-report.config.json';

/** A mistake in the user's config: the CLI prints `lines` and exits 2. */
export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** `--config FILE`, else `tsup-report.config.json` in the working directory, else the embedded default. */
export async function loadConfig(explicitPath: string | undefined, cwd: string, m: Messages): Promise<Config> {
  const file = explicitPath ?? (existsSync(path.join(cwd, CONFIG_FILE_NAME)) ? path.join(cwd, CONFIG_FILE_NAME) : undefined);
  if (file === undefined) return DEFAULT_CONFIG;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError([m.config.unreadable(file, (error as NodeJS.ErrnoException).code ?? String(error))]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    throw new ConfigError([m.config.notJson(file, (error as Error).message)]);
  }
  // zod is loaded only when there is a file to check: the default needs no checking.
  const { parseConfig } = await import('./parse.js');
  const result = parseConfig(json, m);
  if (!result.ok) throw new ConfigError([m.config.invalid(file), ...result.problems.map((p) => `  - ${p}`)]);
  return result.config;
}
