import { renderValidationJson, renderValidationText, type ValidationResult } from '../render/validation.js';
import { buildLedger } from '../report/ledger.js';
import { resolvePeriod } from '../report/period.js';
import { UserError } from './errors.js';
import type { Io } from './io.js';
import { parsePositiveInt } from './options.js';
import { useColour } from './progress.js';
import { assertNotAnInput, writeAtomically } from './output.js';
import { readInputs } from '../read/inputs.js';
import { isUnreadable, messagesOf, readAndCheck, type CommonOptions } from './run.js';

export interface ValidateOptions extends CommonOptions {
  format?: string;
  strict?: boolean;
  maxErrors?: string;
  annotate?: string;
}

/** `tsup-report validate`: every problem, located; exit 0 clean, 1 errors (or warnings with --strict), 2 unreadable. */
export async function validateCommand(args: string[], options: ValidateOptions, io: Io): Promise<number> {
  const m0 = messagesOf(options, io);
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UserError(2, [m0.usage.badFormat(format, ['text', 'json'])]);
  const maxErrors = options.maxErrors === undefined ? 200 : parsePositiveInt('--max-errors', options.maxErrors, m0);

  const annotate = options.annotate;
  if (annotate !== undefined && !/\.xlsx$/iu.test(annotate)) throw new UserError(2, [m0.usage.annotateNeedsXlsx]);
  const { m, config, inputs, readOptions, analysis } = await readAndCheck(args, options, io, (resolved, m) => {
    if (annotate !== undefined) assertNotAnInput(annotate, resolved, m);
  });
  const { collected, tally } = analysis;
  const period = resolvePeriod({}, tally.months(), config);
  const months = new Set(period.ok ? period.period.months : []);
  const errors = collected.issues.filter((i) => i.severity === 'error');
  const warnings = collected.issues.filter((i) => i.severity !== 'error');
  const failsStrict = options.strict === true && warnings.some((w) => w.severity === 'warning');
  const result: ValidationResult = {
    ok: errors.length === 0 && !failsStrict,
    tables: collected.tables,
    errors,
    warnings,
    ledger: buildLedger(collected, tally, months),
  };
  io.stdout.write(format === 'json' ? renderValidationJson(result) : renderValidationText(result, m, maxErrors, useColour(io.stdout, io.env)));
  if (annotate !== undefined) {
    // The inputs are read a second time, to copy them: the first pass kept no rows in memory.
    const { renderAnnotated } = await import('../render/annotate.js');
    const workbook = await renderAnnotated(readInputs(inputs, readOptions), collected.issues, m);
    await writeAtomically(annotate, workbook, m);
    if (!options.quiet) io.stderr.write(`${m.report.written(annotate)}\n`);
  }
  if (errors.some(isUnreadable)) return 2;
  return result.ok ? 0 : 1;
}
