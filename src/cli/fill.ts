import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { reportFrom } from '../pipeline.js';
import type { Messages } from '../messages/index.js';
import { systemReason } from '../problems.js';
import { fillForm, FormError, openForm, type Form } from '../render/fill/fill.js';
import { mapFromText } from '../render/fill/map.js';
import { fillRefusalLines } from '../render/fill/words.js';
import type { PeriodRequest } from '../report/period.js';
import { UserError } from './errors.js';
import type { Io } from './io.js';
import { parseAsOfOptions, parseFiscalYearOption, parsePositiveInt } from './options.js';
import { assertNotAFolder, assertNotAnInput, writeAtomically } from './output.js';
import { assertSymbolHasUse, refuseReport, type ReportOptions } from './report.js';
import { messagesOf, readAndCheck } from './run.js';
import { closingSummary } from './summary.js';

export interface FillOptions extends Omit<ReportOptions, 'format'> {
  map?: string;
  fiscalYear?: string;
}

/**
 * `tsup-report fill FORM --map MAP --out FILLED <inputs…>` (SPEC §15): the report of the inputs
 * (with annual's options) written into the form's cells that the map names. Everything that can
 * be wrong with the command, the form or the map is said before the logs are read; every entry
 * that cannot be written is listed at once, and then nothing is written. The form is never changed.
 */
export async function fillCommand(form: string, inputs: string[], options: FillOptions, io: Io): Promise<number> {
  const m0 = messagesOf(options, io);
  if (options.map === undefined) throw new UserError(2, [m0.fill.needsMap]);
  if (options.out === undefined) throw new UserError(2, [m0.fill.needsOut]);
  const out = options.out;
  const formFile = path.resolve(io.cwd, form);
  const outFile = path.resolve(io.cwd, out);
  assertNotAFolder(outFile, m0);
  // Excel opens a workbook by its extension: an .xlsm form saved as .xlsx (or the reverse) would not open.
  const formExtension = path.extname(form).toLowerCase();
  const extension = formExtension === '.xlsm' ? '.xlsm' : '.xlsx';
  if (path.extname(out).toLowerCase() !== extension) {
    throw new UserError(2, [m0.fill.outExtension(out, `${out.slice(0, out.length - path.extname(out).length)}${extension}`)]);
  }
  // The form exists: an --out naming it, however spelt, is refused as existing if not as the form.
  if (formFile === outFile) throw new UserError(2, [m0.fill.outIsForm(out)]);
  if (existsSync(outFile)) throw new UserError(2, [m0.usage.wouldOverwrite(out)]);
  const opened = openFormFile(formFile, form, m0);
  // Bytes that are not UTF-8 become U+FFFD here, which mapFromText says in words.
  const mapBytes = readInput(path.resolve(io.cwd, options.map), m0, (reason) => m0.fill.mapUnreadable(options.map!, reason));
  const mapText = new TextDecoder().decode(mapBytes);
  const map = mapFromText(options.map, mapText, m0);
  if (!map.ok) throw new UserError(2, map.lines);

  const request: PeriodRequest = {};
  if (options.fiscalYear !== undefined) request.fiscalYear = parseFiscalYearOption(options.fiscalYear, m0);
  const asOf = parseAsOfOptions(options, m0);
  if (asOf !== undefined) request.asOf = asOf;
  const suppressBelow = options.suppressBelow === undefined ? undefined : parsePositiveInt('--suppress-below', options.suppressBelow, m0);
  const { m, loaded, analysis } = await readAndCheck(inputs, options, io, (sources, m) => assertNotAnInput(outFile, sources, m));
  assertSymbolHasUse(options.suppressSymbol, suppressBelow, analysis.config, m);
  const result = reportFrom(analysis, request, {
    kind: 'annual',
    skipInvalid: options.skipInvalid === true,
    ...(suppressBelow === undefined ? {} : { suppressBelow }),
    ...(options.suppressSymbol === undefined ? {} : { suppressSymbol: options.suppressSymbol }),
  });
  if (!result.ok) refuseReport(result, analysis, loaded, options, io, m);

  const filled = fillForm(opened, map.entries, result.report, analysis.config);
  if (!filled.ok) throw new UserError(2, fillRefusalLines(form, filled.problems, m));
  await writeAtomically(outFile, filled.bytes, m);
  if (!options.quiet) {
    io.stderr.write(`${m.fill.written(out, filled.cells)}\n`);
    const excluded = result.report.excluded;
    if (excluded) io.stderr.write(`${m.report.excluded(excluded.rows, excluded.tables)}\n`);
    io.stderr.write(closingSummary(analysis.inputs, result.findings, loaded, m, true));
  }
  return 0;
}

function openFormFile(file: string, named: string, m: Messages): Form {
  try {
    return openForm(readInput(file, m, (reason) => m.fill.formUnreadable(named, reason)));
  } catch (error) {
    if (error instanceof FormError) throw new UserError(2, [m.fill.formProblem(named, error.problem)]);
    throw error;
  }
}

/** A file named on the command line, whole; a system error said in words. */
function readInput(file: string, m: Messages, unreadable: (reason: string) => string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UserError(2, [unreadable(m.unreadable[systemReason(error, process.platform === 'win32')])]);
  }
}
