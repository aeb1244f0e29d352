import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { messagesFor, type Messages } from '../messages/index.js';
import { analyse, type Analysis } from '../pipeline.js';
import { readInputs, resolveInputs, type ResolvedInput } from '../read/inputs.js';
import type { ReadOptions } from '../read/types.js';
import type { Issue } from '../records/issues.js';
import { todayIso } from '../records/dates.js';
import { UserError } from './errors.js';
import type { Io } from './io.js';
import { parseEncodingOption, pickLang } from './options.js';
import { Progress } from './progress.js';

/** Options every command that reads logs shares. */
export interface CommonOptions {
  config?: string;
  lang?: string;
  encoding?: string;
  quiet?: boolean;
}

export interface Run {
  m: Messages;
  config: Config;
  inputs: ResolvedInput[];
  /** How the inputs were read, to read them again the same way (validate --annotate). */
  readOptions: ReadOptions;
  analysis: Analysis;
}

export function messagesOf(options: CommonOptions, io: Io): Messages {
  return messagesFor(pickLang(options.lang, io));
}

/** Everything up to the pure pipeline's answer: config, inputs, reading and checking. */
export async function readAndCheck(
  args: readonly string[],
  options: CommonOptions,
  io: Io,
  beforeReading: (inputs: ResolvedInput[], m: Messages) => void = () => undefined,
): Promise<Run> {
  const m = messagesOf(options, io);
  if (args.length === 0) throw new UserError(2, [m.usage.noInputs]);
  if (args.filter((a) => a === '-').length > 1) throw new UserError(2, [m.usage.stdinTwice]);
  const encoding = parseEncodingOption(options.encoding, m);
  const readOptions: ReadOptions = encoding ? { encoding } : {};
  const config = await loadConfig(options.config, io.cwd, m);
  const inputs = await resolveInputs(args, io.stdin);
  beforeReading(inputs, m);
  const progress = new Progress(io.stderr, io.stderr.isTTY === true && !options.quiet, m.progress);
  try {
    const analysis = await analyse(readInputs(inputs, readOptions), config, {
      today: todayIso(io.now()),
      messages: m,
      onProgress: progress.update,
    });
    return { m, config, inputs, readOptions, analysis };
  } finally {
    progress.done();
  }
}

/** Unreadable or unsupported inputs: the run cannot vouch for its totals, so it stops with exit 2. */
export function isUnreadable(issue: Issue): boolean {
  return issue.code === 'unreadable-file' || issue.code === 'unsupported-format';
}
