import { validationFrom } from '../pipeline.js';
import { renderValidationJson, renderValidationText } from '../render/validation.js';
import { UserError } from './errors.js';
import type { Io } from './io.js';
import { parsePositiveInt } from './options.js';
import { assertNotAnInput, writeAtomically } from './output.js';
import { useColour } from './progress.js';
import { messagesOf, readAndCheck, type CommonOptions } from './run.js';
import { closingSummary } from './summary.js';

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
  const maxErrors =
    options.maxErrors === undefined ? (format === 'json' ? 1000 : 200) : parsePositiveInt('--max-errors', options.maxErrors, m0);

  const annotate = options.annotate;
  if (annotate !== undefined && !/\.xlsx$/iu.test(annotate)) throw new UserError(2, [m0.usage.annotateNeedsXlsx]);
  const { m, loaded, sources, readOptions, analysis } = await readAndCheck(args, options, io, (found, m) => {
    if (annotate !== undefined) assertNotAnInput(annotate, found, m);
  });
  const result = validationFrom(analysis, options.strict === true);
  io.stdout.write(
    format === 'json'
      ? renderValidationJson(result, m, maxErrors)
      : renderValidationText(result, m, maxErrors, useColour(io.stdout, io.env)),
  );
  if (annotate !== undefined) {
    const { annotateSources } = await import('../render/annotate.js');
    await writeAtomically(annotate, await annotateSources(sources, readOptions, result, m), m);
    if (!options.quiet) io.stderr.write(`${m.report.written(annotate)}\n`);
  }
  if (!options.quiet) io.stderr.write(closingSummary(analysis.inputs, result, loaded, m, false));
  if (result.errors.some((e) => e.code === 'unreadable-file' || e.code === 'unsupported-format')) return 2;
  return result.ok ? 0 : 1;
}
