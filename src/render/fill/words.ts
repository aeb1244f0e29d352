import type { Messages } from '../../messages/index.js';
import type { EntryProblem, FillProblem } from './fill.js';

/** The refusal of a fill: one line per problem, each naming its map entry (index and sheet!cell), in the map's order. */
export function fillRefusalLines(form: string, problems: readonly FillProblem[], m: Messages): string[] {
  const entries = new Set(problems.map((p) => p.entry.index));
  const sorted = [...problems].sort((a, b) => a.entry.index - b.entry.index);
  return [
    m.fill.refused(form, entries.size),
    ...sorted.map(
      ({ entry, problem }) => `  - ${m.fill.entry(entry.index, entry.sheet, entry.cell)}: ${problemText(problem, entry.sheet, m)}`,
    ),
  ];
}

function problemText(problem: EntryProblem, sheet: string, m: Messages): string {
  const f = m.fill;
  switch (problem.code) {
    case 'no-sheet':
      return f.noSheet(sheet, problem.sheets);
    case 'not-a-worksheet':
      return f.notAWorksheet(sheet);
    case 'formula':
      return f.formula;
    case 'text':
      return f.text;
    case 'merged':
      return f.merged(problem.range, problem.first);
    case 'array':
      return f.array(problem.range);
    case 'duplicate':
      return f.duplicate(problem.first);
    case 'unknown-metric':
      return f.unknownMetric(problem.metric, problem.known);
    case 'unknown-label':
      return f.unknownLabel(problem.metric, problem.label, problem.labels);
    case 'month-outside':
      return f.monthOutside(problem.month, problem.startMonth, problem.asOf);
    case 'no-monthly-figures':
      return f.noMonthlyFigures(problem.metric);
    case 'not-in-logs':
      return f.notInLogs(problem.metric);
    case 'hidden':
      return f.hidden;
  }
}
