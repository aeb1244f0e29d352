import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Messages } from '../messages/index.js';
import { systemReason } from '../problems.js';
import { CONFIG_FILE_NAME } from './lists.js';
import { DEFAULT_CONFIG } from './default.js';
import type { Config } from './schema.js';
import { ConfigError, configFromText } from './text.js';

export { CONFIG_FILE_NAME, ConfigError };

export interface LoadedConfig {
  config: Config;
  /** The file it came from; null for the built-in default. */
  file: string | null;
  /** Config files beside the inputs (their folder or its parent) that are not the one in use. */
  unused: string[];
}

/**
 * Which config a run uses (SPEC §4): `--config FILE`; else tsup-report.config.json in the working
 * folder; else the nearest one in an input folder or its parent; else the built-in default.
 */
export async function loadConfig(
  explicitPath: string | undefined,
  cwd: string,
  inputs: readonly string[],
  m: Messages,
): Promise<LoadedConfig> {
  const beside = configsBeside(inputs);
  const inCwd = path.join(cwd, CONFIG_FILE_NAME);
  const file = explicitPath ?? (existsSync(inCwd) ? inCwd : beside[0]);
  const unused = beside.filter((candidate) => file === undefined || path.resolve(candidate) !== path.resolve(file));
  if (file === undefined) return { config: DEFAULT_CONFIG, file: null, unused };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([m.config.unreadable(file, m.unreadable[systemReason(error, process.platform === 'win32')])]);
  }
  return { config: await configFromText(file, text, m), file, unused };
}

/** Config files in each input's folder (a folder input itself, or a file's folder) and that folder's parent, nearest first. */
function configsBeside(inputs: readonly string[]): string[] {
  const found: string[] = [];
  for (const input of inputs) {
    if (input === '-') continue;
    let folder: string;
    try {
      folder = statSync(input).isDirectory() ? input : path.dirname(input);
    } catch {
      continue;
    }
    for (const candidate of [path.join(folder, CONFIG_FILE_NAME), path.join(path.dirname(path.resolve(folder)), CONFIG_FILE_NAME)]) {
      if (existsSync(candidate) && !found.some((f) => path.resolve(f) === path.resolve(candidate))) found.push(path.normalize(candidate));
    }
  }
  return found;
}

/**
 * Every config file a run passed by (beside its inputs, or found in a subfolder of an input
 * folder: the reader sets those aside as `config`) that is not the one in use, so that the
 * closing summary can say so instead of leaving it silently unused (SPEC §9).
 */
export function configsNotInUse(loaded: LoadedConfig, inputs: readonly { file: string; status: string }[]): string[] {
  const inUse = loaded.file === null ? undefined : path.resolve(loaded.file);
  const notInUse = [...loaded.unused];
  for (const input of inputs) {
    if (input.status !== 'config' || path.resolve(input.file) === inUse) continue;
    if (!notInUse.some((f) => path.resolve(f) === path.resolve(input.file))) notInUse.push(input.file);
  }
  return notInUse;
}
