import type { ReportPartWords } from '../messages/types.js';
import type { Report, SourceRow } from '../report/types.js';
import { values, type Grid, type GridCell } from './grid.js';

/**
 * A combined report's table by source (SPEC §15): one row per report combined — its
 * organisation, its cumulative table's 合計 row, its gatherings, handouts and, when the combined
 * report has them, people and support — then the 合計 row, which is the combined figures
 * themselves (the cumulative table's 合計 row and the period's totals).
 */
export function sourcesGrid(report: Report, words: ReportPartWords): Grid | null {
  const sources = report.sources;
  if (!sources || sources.length === 0) return null;
  const w = words.sources;
  const { total, categoryMode } = report.intake;
  const channels = Object.keys(total.channel);
  const categories = Object.keys(total.category);
  const outcomes = Object.keys(total.outcome);
  const people = report.intake.people && sources.every((s) => s.people) ? report.intake.people.total : null;
  const clients = people !== null && sources.every((s) => s.people!.clients !== undefined);
  const support = report.support && sources.every((s) => s.support) ? report.support : null;
  type Extra = {
    ibasho: SourceRow['ibasho'];
    distribution: SourceRow['distribution'];
    people?: SourceRow['people'];
    support?: SourceRow['support'];
  };
  const row = (label: string, r: Pick<SourceRow, 'total' | 'channel' | 'category' | 'outcome'>, extra: Extra): GridCell[] => [
    label,
    ...values(r.channel),
    r.total,
    ...values(r.category),
    ...values(r.outcome),
    extra.ibasho.sessions,
    extra.ibasho.participants,
    extra.distribution.count,
    ...(people ? [...(clients ? [extra.people!.clients ?? null] : []), extra.people!.new] : []),
    ...(support ? [extra.support!.total] : []),
  ];
  const combined: Extra = {
    ibasho: report.ibasho,
    distribution: report.distribution,
    ...(people ? { people: { ...(clients ? { clients: people.clients } : {}), new: people.new } } : {}),
    ...(support ? { support: { total: support.total } } : {}),
  };
  const peopleSpan = people ? (clients ? 2 : 1) : 0;
  return {
    title: w.title,
    groups: [
      { title: '', span: 1 },
      { title: '相談受付方法', span: channels.length + 1 },
      { title: categoryMode === 'multiple' ? words.categoriesMultiple : '主訴', span: categories.length },
      { title: '対応結果', span: outcomes.length },
      { title: w.gatherings, span: 2 },
      { title: w.handouts, span: 1 },
      ...(peopleSpan > 0 ? [{ title: w.people, span: peopleSpan }] : []),
      ...(support ? [{ title: w.support, span: 1 }] : []),
    ],
    headers: [
      w.organization,
      ...channels,
      words.total,
      ...categories,
      ...outcomes,
      w.sessions,
      w.participants,
      w.handoutCount,
      ...(people ? [...(clients ? [w.clients] : []), w.new] : []),
      ...(support ? [w.supportTotal] : []),
    ],
    rows: [
      ...sources.map((source) => ({ cells: row(source.organization, source, source), total: false })),
      { cells: row(words.total, total, combined), total: true },
    ],
    note: report.periodNote,
    // A person who went to two of them is in both counts.
    footnotes: people && report.intake.people?.note ? [w.overlap(report.intake.people.note)] : [],
    rowSums: [{ column: channels.length + 1, from: 1, to: channels.length }],
  };
}
