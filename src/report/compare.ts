import { fillTemplate } from '../config/sentences.js';
import { addMonths } from './period.js';
import type { Period } from './period.js';
import { suppressCells } from './suppress.js';
import type { Change, ComparedChange, ComparedFigures, LabelCounts, Report } from './types.js';

/** The period's totals of a built (and possibly suppressed) report. */
export function figuresOf(report: Report): ComparedFigures {
  const people = report.intake.people?.total;
  return {
    fiscalYear: report.fiscalYear,
    startMonth: report.startMonth,
    asOf: report.asOf,
    intake: {
      total: report.intake.total.total,
      channel: { ...report.intake.total.channel },
      category: { ...report.intake.total.category },
      outcome: { ...report.intake.total.outcome },
    },
    people: people ? { clients: people.clients, new: people.new } : null,
    ibasho: { sessions: report.ibasho.sessions, participants: report.ibasho.participants },
    distribution: { count: report.distribution.count },
    support: report.support ? { total: report.support.total } : null,
  };
}

/** The same months one year earlier: the period the current one is compared with. */
export function previousPeriod(period: Period): Period {
  return {
    fiscalYear: period.fiscalYear - 1,
    yearStart: addMonths(period.yearStart, -12),
    yearEnd: addMonths(period.yearEnd, -12),
    startMonth: addMonths(period.startMonth, -12),
    asOf: addMonths(period.asOf, -12),
    months: period.months.map((month) => addMonths(month, -12)),
    monthsRemaining: period.monthsRemaining,
  };
}

export function changeOf(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return { diff: null, ratio: null };
  const diff = current - previous;
  return { diff, ratio: previous === 0 ? null : Math.round((diff / previous) * 1000) / 1000 };
}

/** Label by label over the labels of either side: a label one year lacks counts 0 there. */
function labelChanges(current: LabelCounts, previous: LabelCounts): Record<string, Change> {
  const labels = [...new Set([...Object.keys(current), ...Object.keys(previous)])];
  // `?? 0` would also turn a hidden count (null) into 0: only a missing label counts 0.
  const count = (counts: LabelCounts, label: string): number | null => (label in counts ? counts[label]! : 0);
  return Object.fromEntries(labels.map((label) => [label, changeOf(count(current, label), count(previous, label))]));
}

/** `change` of SPEC §15: a diff is hidden whenever either side is. */
export function compareFigures(current: ComparedFigures, previous: ComparedFigures): ComparedChange {
  return {
    intake: {
      total: changeOf(current.intake.total, previous.intake.total),
      channel: labelChanges(current.intake.channel, previous.intake.channel),
      category: labelChanges(current.intake.category, previous.intake.category),
      outcome: labelChanges(current.intake.outcome, previous.intake.outcome),
    },
    people:
      current.people && previous.people
        ? { clients: changeOf(current.people.clients, previous.people.clients), new: changeOf(current.people.new, previous.people.new) }
        : null,
    ibasho: {
      sessions: changeOf(current.ibasho.sessions, previous.ibasho.sessions),
      participants: changeOf(current.ibasho.participants, previous.ibasho.participants),
    },
    distribution: { count: changeOf(current.distribution.count, previous.distribution.count) },
    support: current.support && previous.support ? { total: changeOf(current.support.total, previous.support.total) } : null,
  };
}

/** The sentence when the config gives none (SPEC §15); {diff} is the size of the change, {trend} 増加 or 減少. */
export const COMPARISON_TEMPLATE = '相談件数は{total}件で、前年度同期（{prevTotal}件）より{diff}件（{pct}%）{trend}した。';
/** Wordings no template can give: there is no ratio to state. */
const SAME = '相談件数は{total}件で、前年度同期（{prevTotal}件）と同数であった。';
const FROM_ZERO = '相談件数は{total}件で、前年度同期（0件）より{diff}件増加した（前年度同期が0件のため、増減率は算出できない）。';

/**
 * The comparison sentence, or null when either total is hidden: a sentence never states or
 * implies a hidden count. The config's template (`sentences.comparison`) words an increase or a
 * decrease; the same count and a previous 0 keep their own wording, as there is no ratio to give.
 */
export function comparisonSentence(
  current: ComparedFigures,
  previous: ComparedFigures,
  template: string = COMPARISON_TEMPLATE,
  program = '',
): string | null {
  const total = current.intake.total;
  const prevTotal = previous.intake.total;
  if (total === null || prevTotal === null) return null;
  const diff = total - prevTotal;
  const wording = diff === 0 ? SAME : prevTotal === 0 ? FROM_ZERO : template;
  return fillTemplate(wording, {
    program,
    total: count(total),
    prevTotal: count(prevTotal),
    diff: count(Math.abs(diff)),
    pct: prevTotal === 0 ? '' : percent(Math.abs(diff) / prevTotal),
    trend: diff > 0 ? '増加' : '減少',
  });
}

/** 1,635: counts as reports print them. */
const count = (n: number): string => n.toLocaleString('ja-JP');

/** 42 or 9.8: a whole percent, or one decimal when that is all there is to see. */
function percent(ratio: number): string {
  const tenths = Math.round(ratio * 1000) / 10;
  return Number.isInteger(tenths) || tenths >= 10 ? String(Math.round(tenths)) : String(tenths);
}

/**
 * The previous year's figures as a suppressed report may print them (SPEC §11, §15): counts
 * below `below` hidden, and with them whatever a published sum would give away (the totals of
 * channels, outcomes and — when each consultation has one — categories each add up to the
 * total), by the same rule as the report's own tables.
 */
export function suppressFigures(figures: ComparedFigures, below: number, multipleCategories: boolean): ComparedFigures {
  const values: number[] = [];
  const cell = (n: number | null): number => values.push(n ?? 0) - 1;
  const total = cell(figures.intake.total);
  const group = (counts: LabelCounts): [string, number][] => Object.entries(counts).map(([label, n]) => [label, cell(n)]);
  const channel = group(figures.intake.channel);
  const category = group(figures.intake.category);
  const outcome = group(figures.intake.outcome);
  const others = [
    figures.people?.clients,
    figures.people?.new,
    figures.ibasho.sessions,
    figures.ibasho.participants,
    figures.distribution.count,
    figures.support?.total,
  ].map((n) => (n === undefined ? -1 : cell(n)));
  const sums = [channel, outcome, ...(multipleCategories ? [] : [category])];
  const hidden = suppressCells(
    values,
    sums.map((cells) => ({ parts: cells.map(([, c]) => c), total })),
    below,
  );
  const shown = (c: number): number | null => (c === -1 || hidden[c] ? null : values[c]!);
  const counts = (cells: [string, number][]): LabelCounts => Object.fromEntries(cells.map(([label, c]) => [label, shown(c)]));
  const [clients, newcomers, sessions, participants, handouts, support] = others as [number, number, number, number, number, number];
  return {
    ...figures,
    intake: { total: shown(total), channel: counts(channel), category: counts(category), outcome: counts(outcome) },
    people: figures.people ? { clients: shown(clients), new: shown(newcomers) } : null,
    ibasho: { sessions: shown(sessions), participants: shown(participants) },
    distribution: { count: shown(handouts) },
    support: figures.support ? { total: shown(support) } : null,
  };
}

/**
 * A past year's figures from a report of its months. No 支援記録 in those months cannot be told
 * from a support log not kept yet (or not given): support is then not compared rather than
 * compared with 0.
 */
export function pastYearFigures(report: Report): ComparedFigures {
  const figures = figuresOf(report);
  return figures.support?.total === 0 ? { ...figures, support: null } : figures;
}
