import { messagesFor, type Lang } from '../messages/index.js';
import type { ReportPartWords } from '../messages/types.js';
import type { LabelCounts, Report } from '../report/types.js';
import { sharesOf } from '../report/shares.js';
import { percentText } from '../report/wording.js';

/**
 * A cell as printed: text, a count (null is a hidden count, shown as x), or a fraction shown as a
 * percent — whole (達成度) or to one decimal (構成比).
 */
export type GridCell = string | number | null | { percent: number; decimals?: 1 };

/**
 * A row of a table. `shares` marks a 構成比 row (SPEC §15): each of its percents is the count in
 * the same column of the row above over the sum of that row's columns `from`..`to` (0-based,
 * inclusive), so that a workbook can write it as a formula.
 */
export interface GridRow {
  cells: GridCell[];
  total: boolean;
  shares?: ({ from: number; to: number } | null)[];
}

export interface GridGroup {
  title: string;
  span: number;
}

/** A table laid out once for every format: optional group headers over the column headers, then rows. */
export interface Grid {
  title: string;
  groups: GridGroup[] | null;
  headers: string[];
  rows: GridRow[];
  note: string | null;
  /** Lines under the note that belong to this table (the people table's word on its period count). */
  footnotes?: string[];
  /** Columns whose 合計 row is not the sum of the rows above (a count of distinct people): a workbook writes a value there. */
  unsummed?: number[];
  /** Columns that hold each row's sum of the columns `from`..`to` (0-based, inclusive); a workbook writes them as =SUM. */
  rowSums: { column: number; from: number; to: number }[];
}

/** The words of the report's tables of SPEC §14; the report itself is worded in Japanese unless asked. */
export function partWords(lang: Lang = 'ja'): ReportPartWords {
  return messagesFor(lang).reportParts;
}

export const values = (counts: LabelCounts): GridCell[] => Object.values(counts);

/** What a hidden count is printed as: the report's suppression symbol, x by default. */
export function hiddenSymbol(report: Report): string {
  return report.suppression?.symbol ?? 'x';
}

/**
 * 構成比 under the cumulative table's 合計 (config `showShares`, SPEC §15): each column's count
 * over the consultations — over all mentions for 主訴（複数回答） — as a percent; 100% under 合計.
 * Hidden where the report's share is (sharesOf: where the count or the whole is hidden, since a
 * share beside a shown count would give a hidden whole back).
 */
function shareRow(report: Report, channels: number, categories: number): GridRow {
  const { total } = report.intake;
  const share = total.share ?? sharesOf(report);
  const mentions = Object.values(total.category);
  const consultations = { whole: total.total, range: { from: channels + 1, to: channels + 1 } };
  const ofMentions = {
    whole: mentions.includes(null) ? null : mentions.reduce<number>((n, c) => n + c!, 0),
    range: { from: channels + 2, to: channels + 1 + categories },
  };
  type Whole = typeof consultations;
  const cell = (count: number | null, hidden: boolean, of: Whole): GridCell => {
    if (hidden || count === null || of.whole === null) return null;
    return of.whole === 0 ? '—' : { percent: count / of.whole, decimals: 1 };
  };
  const group = (counts: LabelCounts, fractions: Record<string, number | null>, of: Whole) =>
    Object.keys(counts).map((label) => ({ cell: cell(counts[label] ?? null, fractions[label] === null, of), of }));
  const cells = [
    ...group(total.channel, share.channel, consultations),
    { cell: cell(total.total, false, consultations), of: consultations },
    ...group(total.category, share.category, report.intake.categoryMode === 'multiple' ? ofMentions : consultations),
    ...group(total.outcome, share.outcome, consultations),
  ];
  return { cells: ['構成比', ...cells.map((c) => c.cell)], total: true, shares: [null, ...cells.map((c) => c.of.range)] };
}

/** The seed's cumulative table: 月 × 相談受付方法 (+合計) × 主訴 × 対応結果, then a 合計 row (and 構成比 with showShares). */
export function intakeGrid(report: Report, words: ReportPartWords = partWords()): Grid {
  const { months, total } = report.intake;
  const first = months[0] ?? total;
  const channelLabels = Object.keys(first.channel);
  const categoryLabels = Object.keys(first.category);
  const outcomeLabels = Object.keys(first.outcome);
  const row = (label: string, r: typeof total): GridCell[] => [
    label,
    ...values(r.channel),
    r.total,
    ...values(r.category),
    ...values(r.outcome),
  ];
  return {
    title: report.title,
    groups: [
      { title: '', span: 1 },
      { title: '相談受付方法', span: channelLabels.length + 1 },
      // Several 主訴 per consultation are counted as mentions: the group says so (SPEC §14).
      { title: report.intake.categoryMode === 'multiple' ? words.categoriesMultiple : '主訴', span: categoryLabels.length },
      { title: '対応結果', span: outcomeLabels.length },
    ],
    headers: ['月', ...channelLabels, '合計', ...categoryLabels, ...outcomeLabels],
    rows: [
      ...months.map((m) => ({ cells: row(m.label, m), total: false })),
      { cells: row('合計', total), total: true },
      ...(report.showShares ? [shareRow(report, channelLabels.length, categoryLabels.length)] : []),
    ],
    note: report.periodNote,
    rowSums: [{ column: channelLabels.length + 1, from: 1, to: channelLabels.length }],
  };
}

/** 居場所: sessions and participants by venue and month. */
export function ibashoGrid(report: Report): Grid {
  const venues = report.ibasho.venues.map((v) => v.venue);
  return {
    title: '居場所の開設',
    groups: [
      { title: '', span: 1 },
      { title: '開催回数', span: venues.length + 1 },
      { title: '参加者数', span: venues.length + 1 },
    ],
    headers: ['月', ...venues, '合計', ...venues, '合計'],
    rows: [
      ...report.ibasho.months.map((m) => ({
        cells: [m.label, ...values(m.sessions), m.sessionsTotal, ...values(m.participants), m.participantsTotal],
        total: false,
      })),
      {
        cells: [
          '合計',
          ...report.ibasho.venues.map((v) => v.sessions),
          report.ibasho.sessions,
          ...report.ibasho.venues.map((v) => v.participants),
          report.ibasho.participants,
        ],
        total: true,
      },
    ],
    note: report.periodNote,
    rowSums: [
      { column: venues.length + 1, from: 1, to: venues.length },
      { column: 2 * venues.length + 2, from: venues.length + 2, to: 2 * venues.length + 1 },
    ],
  };
}

/** 生理用品配布: handouts by location and month. */
export function distributionGrid(report: Report): Grid {
  const locations = report.distribution.locations.map((l) => l.location);
  return {
    title: '生理用品の配布',
    groups: null,
    headers: ['月', ...locations, '合計'],
    rows: [
      ...report.distribution.months.map((m) => ({ cells: [m.label, ...values(m.count), m.total], total: false })),
      {
        cells: ['合計', ...report.distribution.locations.map((l) => l.count), report.distribution.count],
        total: true,
      },
    ],
    note: report.periodNote,
    rowSums: [{ column: locations.length + 1, from: 1, to: locations.length }],
  };
}

/** 目標と実績: target, actual, result with 見込 when projected, achievement and evaluation. Numbers stay numbers. */
export function targetGrid(report: Report): Grid {
  return {
    title: '目的・目標',
    groups: null,
    headers: ['項目', '目標', '実績', '結果', '見込', '達成度', '評価', '単位'],
    rows: report.targets.map((t) => ({
      cells: [
        t.label,
        t.target,
        t.actual,
        t.result,
        t.projected ? '見込' : '',
        t.achievement === null ? '—' : { percent: t.achievement },
        t.evaluation ?? '—',
        t.unit,
      ],
      total: false,
    })),
    note: report.periodNote,
    rowSums: [],
  };
}

/** 12.3% for 0.1234: a share to one decimal, rounded half up as staff would in Excel. */
export function tenthPercentText(share: number): string {
  return `${(Math.floor(Number((share * 1000).toPrecision(12)) + 0.5) / 10).toFixed(1)}%`;
}

/** A cell as text: hidden counts are the suppression symbol (x), fractions percents (whole, or to one decimal). */
export function cellString(cell: GridCell, symbol = 'x'): string {
  if (cell === null) return symbol;
  if (typeof cell === 'object') return cell.decimals === 1 ? tenthPercentText(cell.percent) : percentText(cell.percent);
  return String(cell);
}

/** The lines under a table: its note, then its own footnotes. */
export function gridNotes(grid: Grid): string[] {
  return [grid.note ?? '', ...(grid.footnotes ?? [])].filter((line) => line !== '');
}

/** A column is right-aligned when it holds only counts and percents. */
export function isNumericColumn(grid: Grid, column: number): boolean {
  return grid.rows.every((row) => {
    const cell = row.cells[column];
    return cell === null || typeof cell === 'number' || typeof cell === 'object';
  });
}
