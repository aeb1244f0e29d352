import type { Io } from './io.js';
import { parseMonthOption } from './options.js';
import { reportCommand, type ReportOptions } from './report.js';

export interface MonthlyOptions extends ReportOptions {
  month?: string;
}

/** `tsup-report monthly`: the cumulative table of the fiscal year up to --month (default: the latest month with records). */
export function monthlyCommand(args: string[], options: MonthlyOptions, io: Io): Promise<number> {
  return reportCommand(
    'monthly',
    args,
    options,
    (m) => (options.month === undefined ? {} : { asOf: parseMonthOption('--month', options.month, m) }),
    io,
  );
}
