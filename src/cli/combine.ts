import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import type { Messages } from '../messages/index.js';
import { systemReason } from '../problems.js';
import { combinedWarnings, combineRefusalText } from '../render/combine-words.js';
import { renderReport } from '../render/formats.js';
import type { CombineInput } from '../report/combine.js';
import { UserError } from './errors.js';
import { terminalColumns, type Io } from './io.js';
import { parsePositiveInt, pickReportFormat } from './options.js';
import { assertNotAFolder, assertNotAmong, writeAtomically } from './output.js';
import { assertSymbolHasUse } from './report.js';
import { messagesOf } from './run.js';

export interface CombineOptions {
  out?: string;
  format?: string;
  suppressBelow?: string;
  suppressSymbol?: string;
  organization?: string;
  config?: string;
  lang?: string;
  quiet?: boolean;
}

/** A report named on the command line, in the order given: its file, and why it cannot be read if it cannot. */
interface Named {
  file: string;
  why?: string;
}

const isWindows = process.platform === 'win32';

/**
 * The reports named: each file as given, and the .json files of a folder (sorted by name, lock
 * and hidden files passed over). A folder is how staff on Windows give many files: its command
 * prompt does not expand `*.json`.
 */
async function reportFiles(args: readonly string[], m: Messages): Promise<Named[]> {
  const named: Named[] = [];
  for (const arg of args) {
    let folder: boolean;
    try {
      folder = (await stat(arg)).isDirectory();
    } catch (error) {
      named.push({ file: arg, why: m.unreadable[systemReason(error, isWindows)] });
      continue;
    }
    if (!folder) {
      named.push({ file: arg });
      continue;
    }
    const names = (await readdir(arg)).filter((name) => /\.json$/iu.test(name) && !name.startsWith('.') && !name.startsWith('~$')).sort();
    if (names.length === 0) named.push({ file: arg, why: m.combine.noReportsIn(arg) });
    named.push(...names.map((name) => ({ file: path.join(arg, name) })));
  }
  return named;
}

/** A named file's JSON, or why it cannot be had: it cannot be read, or it is not JSON. */
async function readReport(file: string, m: Messages): Promise<{ json: unknown } | { why: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { why: m.unreadable[systemReason(error, isWindows)] };
  }
  try {
    return { json: JSON.parse(text.replace(/^\uFEFF/u, '')) as unknown };
  } catch {
    return { why: m.combine.notJson };
  }
}

/**
 * `combine` (SPEC §15): the tool's JSON reports of several councils or windows, of one fiscal
 * year and the same months, merged into one report written in any format. Every file that cannot
 * be combined is listed at once (exit 2) and nothing is written.
 */
export async function combineCommand(args: string[], options: CombineOptions, io: Io): Promise<number> {
  const m = messagesOf(options, io);
  if (options.out !== undefined) assertNotAFolder(options.out, m);
  const format = pickReportFormat(options.format, options.out, io, m);
  const suppressBelow = options.suppressBelow === undefined ? undefined : parsePositiveInt('--suppress-below', options.suppressBelow, m);
  const organization = options.organization?.trim();
  if (organization === '') throw new UserError(2, [m.combine.badOrganization]);
  const config = options.config === undefined ? undefined : (await loadConfig(options.config, io.cwd, [], m)).config;
  assertSymbolHasUse(options.suppressSymbol, suppressBelow, config ?? {}, m);

  const named = await reportFiles(args, m);
  if (named.length < 2) throw new UserError(2, [m.combine.needsTwo(named.length)]);
  if (options.out !== undefined)
    assertNotAmong(
      options.out,
      named.map((n) => n.file),
      m,
    );
  // Each file read in turn, keeping its place: the refusals are listed in the order the files were given.
  const inputs: CombineInput[] = [];
  const places: number[] = [];
  for (const [place, entry] of named.entries()) {
    if (entry.why !== undefined) continue;
    const read = await readReport(entry.file, m);
    if ('why' in read) {
      entry.why = read.why;
    } else {
      places.push(place);
      inputs.push({ file: entry.file, json: read.json });
    }
  }
  const { combineReports } = await import('../report/combine.js');
  const result = combineReports(inputs, {
    ...(config ? { config } : {}),
    ...(organization ? { organization } : {}),
    ...(suppressBelow === undefined ? {} : { suppressBelow }),
    ...(options.suppressSymbol === undefined ? {} : { suppressSymbol: options.suppressSymbol }),
  });
  if (!result.ok) for (const refusal of result.refusals) named[places[refusal.index]!]!.why = combineRefusalText(refusal, m);
  const refused = named.filter((n) => n.why !== undefined);
  if (!result.ok || refused.length > 0)
    throw new UserError(2, [m.combine.refused(refused.length), ...refused.map((r) => m.combine.line(r.file, r.why!))]);

  const report = result.report;
  const output = await renderReport(report, format, { width: terminalColumns(io) });
  if (options.out !== undefined) await writeAtomically(options.out, output, m);
  else io.stdout.write(output);
  if (!options.quiet) {
    const lines = [
      ...combinedWarnings(report.combined, m),
      m.combine.done(
        report.sources?.length ?? 0,
        (report.sources ?? []).map((s) => s.organization),
      ),
      ...(options.out === undefined ? [] : [m.report.written(options.out)]),
    ];
    io.stderr.write(`${lines.join('\n')}\n`);
  }
  return 0;
}
