import type { Io } from './io.js';
import { parseAsOfOptions } from './options.js';
import { reportCommand, type ReportOptions } from './report.js';

/** `tsup-report monthly`: the cumulative table of the fiscal year up to --month or --as-of (default: the latest month with records). */
export function monthlyCommand(args: string[], options: ReportOptions, io: Io): Promise<number> {
  return reportCommand(
    'monthly',
    args,
    options,
    (m) => {
      const asOf = parseAsOfOptions(options, m);
      return asOf === undefined ? {} : { asOf };
    },
    io,
  );
}
