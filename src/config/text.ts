import type { Messages } from '../messages/index.js';
import type { Config } from './schema.js';

/** A mistake in the user's config: the CLI prints `lines` and exits 2; the page shows them. */
export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/**
 * A config file's text, checked: the same for a file on disk (CLI) and one chosen in the page.
 * `file` names it in the messages. zod is loaded only here, when there is a file to check.
 */
export async function configFromText(file: string, text: string, m: Messages): Promise<Config> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    throw new ConfigError([m.config.notJson(file, (error as Error).message)]);
  }
  const { parseConfig } = await import('./parse.js');
  const result = parseConfig(json, m);
  if (!result.ok) throw new ConfigError([m.config.invalid(file), ...result.problems.map((p) => `  - ${p}`)]);
  return result.config;
}
