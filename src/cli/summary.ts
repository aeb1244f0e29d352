import { configsNotInUse, type LoadedConfig } from '../config/load.js';
import type { Messages } from '../messages/index.js';
import type { Findings } from '../pipeline.js';
import type { Kind, PerKind, ProblemCode } from '../problems.js';
import type { InputEntry } from '../read/inputs.js';
import { problemMessage, skipReasonText } from '../render/validation.js';
import type { Ledger } from '../report/types.js';

/** Problems about what was read, worth a line at the end of every run. */
const ACCOUNTING: readonly ProblemCode[] = [
  'open-in-excel',
  'duplicate-table',
  'overlapping-table',
  'id-is-row-number',
  'struck-through',
  'empty-month',
  'far-date',
  'comparison-omitted',
  'year-omitted',
  'target-unavailable',
];

/**
 * The closing summary every run prints on stderr (SPEC §9): which config, the files read,
 * skipped, duplicated and refused (each named, but for hidden and system files), the rows
 * counted and not counted, and the warnings about what was read — so that a doubled folder or a
 * missing month is visible at a glance.
 */
export function closingSummary(
  inputs: readonly InputEntry[],
  found: Findings,
  loaded: LoadedConfig,
  m: Messages,
  reportScope: boolean,
): string {
  const lines: string[] = [];
  const count = (status: InputEntry['status']): number => inputs.filter((i) => i.status === status).length;
  lines.push(m.summary.files(count('read'), count('skipped'), count('duplicate'), count('refused')));
  for (const input of inputs) {
    if (input.status === 'duplicate') lines.push(`  ${m.summary.named('duplicate', input.file, input.duplicateOf ?? '')}`);
    else if (input.status === 'refused') lines.push(`  ${m.summary.named('refused', input.file, '')}`);
    // Hidden and system files are only counted; a lock file has its own warning below.
    else if (input.status === 'skipped' && !['hidden', 'system', 'lock-file'].includes(input.reason ?? '')) {
      lines.push(`  ${m.summary.named('skipped', input.file, skipReasonText(input, m))}`);
    }
  }
  // Kinds in the ledger: 支援記録 only when a support table was read.
  const ledgers = Object.entries(found.ledger) as [Kind, Ledger][];
  const counted = Object.fromEntries(ledgers.map(([k, l]) => [k, l.counted])) as PerKind<number>;
  const total = (key: 'outOfPeriod' | 'duplicate' | 'rejected'): number => ledgers.reduce((n, [, l]) => n + l[key], 0);
  const other = ledgers.reduce((n, [, l]) => n + l.blank + l.totalLine, 0);
  lines.push(m.summary.rows(counted, reportScope ? total('outOfPeriod') : 0, total('duplicate'), total('rejected'), other));
  // validate lists every problem already; a report's run names those about what was read.
  for (const problem of reportScope ? found.warnings : []) {
    if (!ACCOUNTING.includes(problem.code)) continue;
    const where = problem.file === null ? '' : `${problem.file}${problem.sheet === null ? '' : ` ${m.place.sheet(problem.sheet)}`}: `;
    lines.push(`  ${m.severity[problem.severity]} ${where}${problemMessage(problem, m)}`);
  }
  lines.push(m.summary.config(loaded.file));
  for (const file of configsNotInUse(loaded, inputs)) lines.push(m.summary.configBeside(file));
  return `${lines.join('\n')}\n`;
}
