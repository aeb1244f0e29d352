import { columnLetters, type ProblemReport } from '../problems.js';
import type { Collected } from '../records/collect.js';
import { addMonths, type Period } from './period.js';
import type { TallyView } from '../records/tally.js';

/**
 * What only the period can tell (SPEC §3): a month inside it with no consultation at all (a
 * forgotten file?) and records dated more than a year before or after its fiscal year (a typo'd
 * year?). Both are warnings.
 */
export function periodProblems(collected: Collected, tally: TallyView, period: Period): ProblemReport[] {
  const problems: ProblemReport[] = [];
  for (const month of period.months) {
    if ((tally.intake.get(month)?.total ?? 0) === 0) {
      problems.push({ code: 'empty-month', file: null, sheet: null, row: null, column: null, cell: null, detail: { month }, value: month });
    }
  }
  const earliest = addMonths(period.yearStart, -12);
  const latest = addMonths(period.yearEnd, 12);
  for (const unit of collected.units) {
    if (!unit.counted) continue;
    const { index, header } = unit.dateColumn;
    for (const [month, { count, rows }] of unit.months) {
      if (month >= earliest && month <= latest) continue;
      // One warning per table and month, with how many rows and the first of them.
      problems.push({
        code: 'far-date',
        file: unit.file,
        sheet: unit.sheet,
        row: rows[0]!,
        column: header,
        cell: `${columnLetters(index)}${rows[0]!}`,
        detail: { month, fiscalYear: period.fiscalYear },
        value: month,
        repeated: { count, rows },
      });
    }
  }
  return problems;
}
