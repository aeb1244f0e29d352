import type { ReportPartWords } from '../messages/types.js';
import type { AttributeTable, PeopleFigures, Report } from '../report/types.js';
import { distributionGrid, ibashoGrid, values, type Grid, type GridCell } from './grid.js';
import { comparisonGrids } from './compare-grids.js';
import { sourcesGrid } from './sources.js';

/**
 * Whether the people figures count 相談者ID, or only 新規 from a 新規/継続 column. Without IDs
 * every 実人数 and ID未記入 is null; with them, at least the 合計 row's 0s or counts too large to
 * hide are shown.
 */
export function countsClients(people: PeopleFigures): boolean {
  return [...people.months, people.total].some((row) => row.clients !== null || row.withoutId !== null);
}

/** The month's label as the cumulative table prints it (8月). */
function monthLabel(report: Report, month: string): string {
  return report.intake.months.find((m) => m.month === month)?.label ?? `${Number(month.slice(5, 7))}月`;
}

/** The consultations of a month (延べ件数), the same count as the cumulative table's 合計 column. */
function visitsOf(report: Report, month: string): number | null {
  return report.intake.months.find((m) => m.month === month)?.total ?? null;
}

/**
 * 相談者数（実人数）: per month and for the period, 延べ件数 beside 実人数, then 新規 and — when some
 * consultation has no ID — ID未記入. Only 新規 when the logs have 新規/継続 but no 相談者ID.
 */
export function peopleGrid(report: Report, words: ReportPartWords): Grid | null {
  const people = report.intake.people;
  if (!people) return null;
  const w = words.people;
  const withIds = countsClients(people);
  // A hidden ID未記入 may be any small count: its column stays.
  const withoutIds = withIds && [...people.months, people.total].some((row) => row.withoutId !== 0);
  const row = (label: string, visits: number | null, r: Omit<(typeof people.months)[number], 'month'>): GridCell[] => [
    label,
    visits,
    ...(withIds ? [r.clients] : []),
    r.new,
    ...(withoutIds ? [r.withoutId] : []),
  ];
  return {
    title: withIds ? w.title : w.titleNewOnly,
    groups: null,
    headers: [words.month, w.visits, ...(withIds ? [w.clients] : []), w.new, ...(withoutIds ? [w.withoutId] : [])],
    rows: [
      ...people.months.map((m) => ({ cells: row(monthLabel(report, m.month), visitsOf(report, m.month), m), total: false })),
      { cells: row(words.total, report.intake.total.total, people.total), total: true },
    ],
    note: report.periodNote,
    // A combined report's people: each source counted its own (SPEC §15).
    footnotes: [...(withIds ? [w.distinctNote] : []), ...(people.note ? [words.sources.overlap(people.note)] : [])],
    // A person seen in two months is one person in the period.
    unsummed: withIds ? [2] : [],
    rowSums: [],
  };
}

/** A count's share of the whole, to one decimal; hidden with the count, or with the whole (it would give the whole back). */
function share(count: number | null, whole: number | null): GridCell {
  if (count === null || whole === null) return null;
  return whole === 0 ? '—' : { percent: count / whole, decimals: 1 };
}

/**
 * One attribute's tables: 件数 and 構成比 by label for the period, then the counts by month. Every
 * row of the attribute sums to the consultations counted (unknown and 未記入 included), so its 合計
 * is the cumulative table's.
 */
export function attributeGrids(report: Report, attribute: AttributeTable, words: ReportPartWords): [Grid, Grid] {
  const w = words.attribute;
  const labels = Object.keys(attribute.total);
  const whole = report.intake.total.total;
  const period: Grid = {
    title: w.periodTitle(attribute.label),
    groups: null,
    headers: [attribute.label, w.count, w.share],
    rows: [
      ...labels.map((label) => ({
        cells: [label, attribute.total[label] ?? null, share(attribute.total[label] ?? null, whole)],
        total: false,
      })),
      { cells: [words.total, whole, share(whole, whole)], total: true },
    ],
    note: report.periodNote,
    rowSums: [],
  };
  const months: Grid = {
    title: w.monthsTitle(attribute.label),
    groups: null,
    headers: [words.month, ...labels, words.total],
    rows: [
      ...attribute.months.map((m) => ({ cells: [m.label, ...values(m.counts), visitsOf(report, m.month)], total: false })),
      { cells: [words.total, ...values(attribute.total), whole], total: true },
    ],
    note: report.periodNote,
    rowSums: [{ column: labels.length + 1, from: 1, to: labels.length }],
  };
  return [period, months];
}

/** 支援記録: actions by month × type (+ 合計), then by 連携先 × type; both end in the period's row by type. */
export function supportGrids(report: Report, words: ReportPartWords): [Grid, Grid] | null {
  const support = report.support;
  if (!support) return null;
  const types = Object.keys(support.type);
  const totalRow = { cells: [words.total, ...values(support.type), support.total], total: true };
  const rowSums = [{ column: types.length + 1, from: 1, to: types.length }];
  return [
    {
      title: words.support.monthsTitle,
      groups: null,
      headers: [words.month, ...types, words.total],
      rows: [...support.months.map((m) => ({ cells: [m.label, ...values(m.type), m.total], total: false })), totalRow],
      note: report.periodNote,
      rowSums,
    },
    {
      title: words.support.agencyTitle,
      groups: null,
      headers: [words.support.agency, ...types, words.total],
      rows: [...support.byAgency.map((a) => ({ cells: [a.agency, ...values(a.type), a.total], total: false })), totalRow],
      note: report.periodNote,
      rowSums,
    },
  ];
}

/** The intake's added tables in report order: people, then each attribute's two tables. */
export function intakePartGrids(report: Report, words: ReportPartWords): Grid[] {
  const people = peopleGrid(report, words);
  return [
    ...(people ? [people] : []),
    ...(report.intake.attributes ?? []).flatMap((attribute) => attributeGrids(report, attribute, words)),
  ];
}

/**
 * The tables after the summary sentences, in the order every linear format prints them (Markdown,
 * terminal, CSV): a combined report's table by source, the intake's added tables, 居場所, 配布, 支援記録,
 * then the §15 comparisons.
 */
export function tablesAfterSummary(report: Report, words: ReportPartWords): Grid[] {
  const sources = sourcesGrid(report, words);
  return [
    // A combined report's table by source first, beside the combined cumulative table (SPEC §15).
    ...(sources ? [sources] : []),
    ...intakePartGrids(report, words),
    ibashoGrid(report),
    distributionGrid(report),
    ...(supportGrids(report, words) ?? []),
    ...comparisonGrids(report),
  ];
}
