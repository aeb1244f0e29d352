import type { PeriodRequest } from '../report/period.js';
import type { Io } from './io.js';
import { parseAsOfOptions, parseFiscalYearOption } from './options.js';
import { reportCommand, type ReportOptions } from './report.js';

export interface AnnualOptions extends ReportOptions {
  fiscalYear?: string;
}

/** `tsup-report annual`: targets with the projected year end, evaluation, every table and the summary sentences. */
export function annualCommand(args: string[], options: AnnualOptions, io: Io): Promise<number> {
  return reportCommand(
    'annual',
    args,
    options,
    (m) => {
      const request: PeriodRequest = {};
      if (options.fiscalYear !== undefined) request.fiscalYear = parseFiscalYearOption(options.fiscalYear, m);
      const asOf = parseAsOfOptions(options, m);
      if (asOf !== undefined) request.asOf = asOf;
      return request;
    },
    io,
  );
}
