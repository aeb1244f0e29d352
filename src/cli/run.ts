import { configsNotInUse, loadConfig, type LoadedConfig } from '../config/load.js';
import { messagesFor, type Messages } from '../messages/index.js';
import { analyse, type Analysis } from '../pipeline.js';
import { sourcesFromArgs } from '../read/node-files.js';
import { holidaysFromPackage } from './holidays.js';
import type { ReadOptions, SourceFile } from '../read/types.js';
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
  loaded: LoadedConfig;
  sources: SourceFile[];
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
  beforeReading: (sources: readonly SourceFile[], m: Messages) => void = () => undefined,
): Promise<Run> {
  const m = messagesOf(options, io);
  if (args.length === 0) throw new UserError(2, [m.usage.noInputs]);
  if (args.filter((a) => a === '-').length > 1) throw new UserError(2, [m.usage.stdinTwice]);
  const encoding = parseEncodingOption(options.encoding, m);
  const readOptions: ReadOptions = encoding ? { encoding } : {};
  const loaded = await loadConfig(options.config, io.cwd, args, m);
  const sources = await sourcesFromArgs(args, io.stdin);
  beforeReading(sources, m);
  const progress = new Progress(io.stderr, io.stderr.isTTY === true && !options.quiet, m.progress);
  try {
    const analysis = await analyse(sources, loaded.config, {
      ...readOptions,
      today: todayIso(io.now()),
      holidays: holidaysFromPackage,
      onProgress: progress.update,
    });
    // --quiet silences the closing summary, not a config file left unused: it may change every number.
    if (options.quiet) for (const file of configsNotInUse(loaded, analysis.inputs)) io.stderr.write(`${m.summary.configBeside(file)}\n`);
    return { m, loaded, sources, readOptions, analysis };
  } finally {
    progress.done();
  }
}
