import { reportFrom } from '../pipeline.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderValidationText } from '../render/validation.js';
import type { PeriodRequest } from '../report/period.js';
import type { Report } from '../report/types.js';
import { buildLedger } from '../report/ledger.js';
import { UserError } from './errors.js';
import type { Io } from './io.js';
import { parsePositiveInt, pickReportFormat, type ReportFormat } from './options.js';
import { assertNotAnInput, writeAtomically } from './output.js';
import { useColour } from './progress.js';
import { isUnreadable, messagesOf, readAndCheck, type CommonOptions } from './run.js';

export interface ReportOptions extends CommonOptions {
  out?: string;
  format?: string;
  skipInvalid?: boolean;
  suppressBelow?: string;
}

/** How many errors a refused report lists before pointing to `validate`. */
const REFUSAL_LIST_LIMIT = 20;

async function render(report: Report, format: ReportFormat): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return (await import('../render/html.js')).renderHtml(report);
    case 'table':
      return (await import('../render/table.js')).renderTable(report);
    case 'xlsx':
      return (await import('../render/xlsx.js')).renderXlsx(report);
  }
}

/**
 * What `monthly` and `annual` share: read and check the logs, refuse when rows were rejected
 * (unless --skip-invalid), choose the period, build the one Report, render it, write it whole.
 */
export async function reportCommand(
  kind: Report['kind'],
  args: string[],
  options: ReportOptions,
  request: (m: ReturnType<typeof messagesOf>) => PeriodRequest,
  io: Io,
): Promise<number> {
  const m0 = messagesOf(options, io);
  const format = pickReportFormat(options.format, options.out, io, m0);
  const periodRequest = request(m0);
  const suppressBelow = options.suppressBelow === undefined ? undefined : parsePositiveInt('--suppress-below', options.suppressBelow, m0);
  const { m, config, analysis } = await readAndCheck(args, options, io, (inputs, m) => {
    if (options.out !== undefined) assertNotAnInput(options.out, inputs, m);
  });
  const { collected, tally } = analysis;
  const errors = collected.issues.filter((i) => i.severity === 'error');
  const refusal = (code: 1 | 2): UserError => {
    const listed = renderValidationText(
      { ok: false, tables: [], errors, warnings: [], ledger: buildLedger(collected, tally, new Set()) },
      m,
      REFUSAL_LIST_LIMIT,
      useColour(io.stderr, io.env),
    );
    return new UserError(code, [m.report.refused(errors.length), '', listed.trimEnd(), '', m.report.refusedHint]);
  };
  if (errors.some(isUnreadable)) throw refusal(2);
  if (errors.length > 0 && !options.skipInvalid) throw refusal(1);

  const result = reportFrom(analysis, config, periodRequest, {
    kind,
    skipInvalid: options.skipInvalid === true,
    ...(suppressBelow === undefined ? {} : { suppressBelow }),
  });
  if (!result.ok) {
    if (result.problem === 'no-records') throw new UserError(1, [m.report.noRecords]);
    if (result.problem === 'as-of-before-start') throw new UserError(2, [m.report.asOfBeforeStart(result.asOf, result.startMonth)]);
    throw new UserError(2, [m.report.asOfOutsideYear(result.asOf, String(result.fiscalYear))]);
  }
  const report = result.report;
  const output = await render(report, format);
  if (options.out !== undefined) {
    await writeAtomically(options.out, output, m);
    if (!options.quiet) io.stderr.write(`${m.report.written(options.out)}\n`);
  } else {
    io.stdout.write(output);
  }
  if (!options.quiet && report.excluded) io.stderr.write(`${m.report.excluded(report.excluded.rows, report.excluded.tables)}\n`);
  return 0;
}
