import { shortEraMonth } from '../report/wareki.js';
import type { Change, ComparedChange, ComparedFigures, Report, Revision, YearFigures } from '../report/types.js';
import type { Grid, GridCell } from './grid.js';

/** R5年4月〜R5年12月 */
const span = (from: string, to: string): string => `${shortEraMonth(from)}〜${shortEraMonth(to)}`;

/** A change's cells: the difference, and its ratio — 「—」 when the previous is 0, x when either side is hidden. */
const changeCells = (change: Change | undefined): GridCell[] =>
  change === undefined || change.diff === null ? [null, null] : [change.diff, change.ratio === null ? '—' : { percent: change.ratio }];

/** The rows of the comparison, each a figure with its label, this year's, last year's and its change. */
function comparedRows(
  report: Report,
  previous: ComparedFigures,
  change: ComparedChange,
): { label: string; now: number | null; before: number | null; change: Change | undefined }[] {
  const rows: { label: string; now: number | null; before: number | null; change: Change | undefined }[] = [
    { label: '相談件数', now: report.intake.total.total, before: previous.intake.total, change: change.intake.total },
  ];
  const groups = [
    ['受付方法', 'channel'],
    ['主訴', 'category'],
    ['対応結果', 'outcome'],
  ] as const;
  for (const [group, key] of groups) {
    for (const label of Object.keys(change.intake[key])) {
      rows.push({
        label: `${group}：${label}`,
        now: report.intake.total[key][label] ?? 0,
        before: previous.intake[key][label] ?? 0,
        change: change.intake[key][label],
      });
    }
  }
  const people = report.intake.people?.total;
  if (people && previous.people && change.people) {
    rows.push({ label: '相談者数（実人数）', now: people.clients, before: previous.people.clients, change: change.people.clients });
    rows.push({ label: '新規', now: people.new, before: previous.people.new, change: change.people.new });
  }
  rows.push(
    { label: '居場所の開催回数', now: report.ibasho.sessions, before: previous.ibasho.sessions, change: change.ibasho.sessions },
    {
      label: '居場所の参加者数',
      now: report.ibasho.participants,
      before: previous.ibasho.participants,
      change: change.ibasho.participants,
    },
    { label: '生理用品の配布数', now: report.distribution.count, before: previous.distribution.count, change: change.distribution.count },
  );
  if (report.support && previous.support && change.support) {
    rows.push({ label: '支援件数', now: report.support.total, before: previous.support.total, change: change.support.total });
  }
  return rows;
}

/** 前年度同期比較 (SPEC §15): 今年度, 前年度同期, 増減, 増減率 for every figure the two years share. */
export function comparisonGrid(report: Report): Grid | null {
  const { previous, change } = report;
  if (!previous || !change) return null;
  const peopleNote =
    report.intake.people && !previous.people ? '相談者数（実人数）は、前年度同期とまったく同じ月の記録がないため比べていません。' : null;
  return {
    title: '前年度同期比較',
    groups: null,
    headers: [
      '項目',
      `今年度（${span(report.startMonth, report.asOf)}）`,
      `前年度同期（${span(previous.startMonth, previous.asOf)}）`,
      '増減',
      '増減率',
    ],
    rows: comparedRows(report, previous, change).map((row) => ({
      cells: [row.label, row.now, row.before, ...changeCells(row.change)],
      total: false,
    })),
    note: [report.periodNote, peopleNote].filter((n) => n !== null).join(' '),
    rowSums: [],
  };
}

/** 年度別の推移 (`annual --years N`): each fiscal year's totals, oldest first. */
export function yearsGrid(report: Report): Grid | null {
  const years = report.years;
  if (!years || years.length === 0) return null;
  const channels = Object.keys(years.at(-1)!.intake.channel);
  const withPeople = years.some((y) => y.people !== null);
  const withSupport = years.some((y) => y.support !== null);
  const row = (y: YearFigures): GridCell[] => [
    y.fiscalYearLabel,
    span(y.startMonth, y.asOf),
    y.intake.total,
    ...channels.map((label) => y.intake.channel[label] ?? 0),
    ...(withPeople ? [y.people?.clients ?? '—'] : []),
    y.ibasho.sessions,
    y.ibasho.participants,
    y.distribution.count,
    ...(withSupport ? [y.support?.total ?? '—'] : []),
  ];
  return {
    title: '年度別の推移',
    groups: null,
    headers: [
      '年度',
      '期間',
      '相談件数',
      ...channels,
      ...(withPeople ? ['実人数'] : []),
      '居場所 開催回数',
      '居場所 参加者数',
      '生理用品 配布数',
      ...(withSupport ? ['支援件数'] : []),
    ],
    rows: years.map((y) => ({ cells: row(y), total: false })),
    note: '各年度の期間は、記録のある月までです。',
    rowSums: [],
  };
}

/** A revised figure's name as the report's tables call it: intake.channel.電話 → 受付方法：電話. */
export function figureName(figure: string): string {
  const [kind, group, ...rest] = figure.split('.');
  const label = rest.join('.');
  const names: Record<string, string> = {
    'intake.total': '相談件数',
    'ibasho.sessions': '居場所の開催回数',
    'ibasho.participants': '居場所の参加者数',
    'distribution.count': '生理用品の配布数',
    'support.total': '支援件数',
  };
  const groups: Record<string, string> = { channel: '受付方法', category: '主訴', outcome: '対応結果' };
  return names[`${kind}.${group}`] ?? `${groups[group!] ?? group}：${label}`;
}

/** 前回報告からの訂正 (`monthly --since`): every figure of a month already released that has changed since. */
export function revisionsGrid(report: Report): Grid | null {
  const revisions = report.revisions;
  if (!revisions) return null;
  const rows = revisions.flatMap((r: Revision) =>
    r.changes.map((c) => ({ cells: [r.label, figureName(c.figure), c.before, c.after, c.after - c.before] as GridCell[], total: false })),
  );
  return {
    title: '前回報告からの訂正',
    groups: null,
    headers: ['月', '項目', '前回の報告', '今回', '増減'],
    rows,
    note:
      rows.length === 0
        ? '前回の報告から変わった件数はありません。'
        : '後から入力された記録や訂正により、報告済みの月の件数が変わりました。',
    rowSums: [],
  };
}

/** The §15 tables a report has, in the order they follow its own. */
export function comparisonGrids(report: Report): Grid[] {
  return [comparisonGrid(report), yearsGrid(report), revisionsGrid(report)].filter((grid): grid is Grid => grid !== null);
}
