import type { Config } from '../config/schema.js';
import { summarySentences } from './summary.js';
import { targetLines } from './wording.js';
import { metricValue } from './targets.js';
import type { LabelCounts, Report } from './types.js';

/** One published sum: the cells `parts` add up to the cell `total`. Cells are indexes. */
export interface Equation {
  parts: number[];
  total: number;
}

/**
 * Small-count suppression. Primary: every count from 1 to below−1 is hidden. Secondary, as
 * statistics offices do it: first, no published sum may have exactly one hidden cell (it would
 * be the total minus the others); then an audit: a hidden cell is safe only if another table
 * fits everything published — some ±1 change of hidden cells keeps every sum, keeps every
 * hidden count ≥ 1 and changes that cell. (Zeros are shown, so a reader knows that an x is at
 * least 1: with ≥ 0 the audit passed tables where three x summing to 3 were each plainly 1; only
 * once a zero had to be hidden as well may an x be 0.) A cell that fails the audit gets a neighbour hidden with it,
 * preferring the smallest positive count, and the whole check runs again.
 */
export function suppressCells(values: readonly number[], equations: readonly Equation[], below: number): boolean[] {
  const hidden = values.map((v) => v >= 1 && v < below);
  const byCell = values.map(() => [] as number[]);
  equations.forEach(({ parts, total }, e) => {
    for (const c of [...parts, total]) byCell[c]!.push(e);
  });
  const cellsOf = (e: number): number[] => [...equations[e]!.parts, equations[e]!.total];
  /** Hides one more of `cells`: the smallest positive count, else whatever is still shown. */
  const hideOneOf = (cells: number[]): boolean => {
    const open = cells.filter((c) => !hidden[c]);
    const choice = open.filter((c) => values[c]! > 0).sort((a, b) => values[a]! - values[b]!)[0] ?? open[0];
    if (choice === undefined) return false;
    hidden[choice] = true;
    return true;
  };

  for (;;) {
    for (let changed = true; changed;) {
      changed = false;
      equations.forEach((_, e) => {
        const cells = cellsOf(e);
        if (cells.filter((c) => hidden[c]).length === 1 && hideOneOf(cells)) changed = true;
      });
    }
    // A reader who knows that zeros are shown knows that every x is at least 1; once a zero had
    // to be hidden too, an x may be 0.
    const floor = hidden.some((h, cell) => h && values[cell] === 0) ? 0 : 1;
    const exposed = hidden.findIndex((h, cell) => h && !hasAlternative(values, hidden, equations, byCell, cell, floor));
    if (exposed === -1) return hidden;
    // Its neighbours first; when they are all hidden already, any cell still shown (a zero last:
    // once one is hidden, an x may be 0 and the cell is protected by that doubt).
    if (!hideOneOf([...new Set(byCell[exposed]!.flatMap(cellsOf))]) && !hideOneOf(values.map((_, c) => c))) return hidden;
  }
}

/** How many search steps the audit spends on one cell before taking it as protected. */
const AUDIT_BUDGET = 50_000;

/**
 * Whether some change of the hidden cells by −1, 0 or +1 keeps every published sum, keeps
 * every hidden count ≥ `floor` (what a reader knows of an x) and changes `target`. Cells are tried nearest to the target first, so the
 * short cycles that usually exist are found quickly.
 */
function hasAlternative(
  values: readonly number[],
  hidden: readonly boolean[],
  equations: readonly Equation[],
  byCell: readonly number[][],
  target: number,
  floor: 0 | 1,
): boolean {
  const order: number[] = [target];
  const seen = new Set(order);
  for (let i = 0; i < order.length; i++) {
    for (const e of byCell[order[i]!]!) {
      for (const c of [...equations[e]!.parts, equations[e]!.total]) {
        if (hidden[c] && !seen.has(c)) {
          seen.add(c);
          order.push(c);
        }
      }
    }
  }
  const move = new Map<number, number>();
  const balanced = (e: number): boolean => {
    const { parts, total } = equations[e]!;
    let sum = 0;
    let open = 0;
    for (const [c, sign] of [...parts.map((p) => [p, 1] as const), [total, -1] as const]) {
      if (!hidden[c]) continue;
      const d = move.get(c);
      if (d === undefined) open++;
      else sum += sign * d;
    }
    return Math.abs(sum) <= open;
  };
  let steps = 0;
  const search = (i: number): boolean => {
    if (++steps > AUDIT_BUDGET) return true;
    if (i === order.length) return true;
    const cell = order[i]!;
    for (const d of cell === target ? [-1, 1] : [0, 1, -1]) {
      if (values[cell]! + d < floor) continue;
      move.set(cell, d);
      if (byCell[cell]!.every(balanced) && search(i + 1)) return true;
      move.delete(cell);
    }
    return false;
  };
  return search(0);
}

/** Collects a report's published counts as cells, with getters and setters, and the sums that tie them. */
class CellRegistry {
  readonly values: number[] = [];
  readonly setters: (() => void)[] = [];
  readonly equations: Equation[] = [];

  add(value: number | null, hide: () => void): number {
    this.values.push(value ?? 0);
    this.setters.push(hide);
    return this.values.length - 1;
  }

  /** A count held in a property of the report: hiding it sets the property to null. */
  field<K extends string>(holder: Record<K, number | null>, key: K): number {
    return this.add(holder[key], () => {
      holder[key] = null;
    });
  }

  /** A table of rows (months, then the total row) by columns, with each row's groups adding to its total column. */
  table(rows: number[][], rowGroups: { parts: number[]; total: number }[]): void {
    const totalRow = rows[rows.length - 1]!;
    for (const row of rows) {
      for (const group of rowGroups) this.equations.push({ parts: group.parts.map((i) => row[i]!), total: row[group.total]! });
    }
    for (let column = 0; column < totalRow.length; column++) {
      this.equations.push({ parts: rows.slice(0, -1).map((row) => row[column]!), total: totalRow[column]! });
    }
  }
}

function labelCells(registry: CellRegistry, counts: LabelCounts): number[] {
  return Object.keys(counts).map((label) => registry.field(counts, label));
}

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + i);
}

/**
 * Applies --suppress-below to a report: hides small counts in every table (null, printed as x)
 * and the cells that would give them away, then recomputes what is derived from them — targets
 * whose figure is hidden, and the numbers in the summary sentences.
 */
export function suppressReport(source: Report, below: number, config: Config): Report {
  const report: Report = structuredClone(source);
  const registry = new CellRegistry();

  const intakeRows = [...report.intake.months, report.intake.total].map((row) => [
    ...labelCells(registry, row.channel),
    registry.field(row, 'total'),
    ...labelCells(registry, row.category),
    ...labelCells(registry, row.outcome),
  ]);
  const c = config.channels.length;
  const k = config.categories.length;
  const o = config.outcomes.length;
  registry.table(intakeRows, [
    { parts: range(0, c), total: c },
    { parts: range(c + 1, k), total: c },
    { parts: range(c + 1 + k, o), total: c },
  ]);

  // Gatherings (sessions, participants) and handouts: months by place, each row with its total,
  // then the total row by place and the grand total.
  const { ibasho, distribution } = report;
  const placeTable = (monthRows: number[][], totalRow: number[]): void => {
    const places = totalRow.length - 1;
    registry.table([...monthRows, totalRow], [{ parts: range(0, places), total: places }]);
  };
  placeTable(
    ibasho.months.map((m) => [...labelCells(registry, m.sessions), registry.field(m, 'sessionsTotal')]),
    [...ibasho.venues.map((v) => registry.field(v, 'sessions')), registry.field(ibasho, 'sessions')],
  );
  placeTable(
    ibasho.months.map((m) => [...labelCells(registry, m.participants), registry.field(m, 'participantsTotal')]),
    [...ibasho.venues.map((v) => registry.field(v, 'participants')), registry.field(ibasho, 'participants')],
  );
  placeTable(
    distribution.months.map((m) => [...labelCells(registry, m.count), registry.field(m, 'total')]),
    [...distribution.locations.map((l) => registry.field(l, 'count')), registry.field(distribution, 'count')],
  );

  suppressCells(registry.values, registry.equations, below).forEach((hide, cell) => {
    if (hide) registry.setters[cell]!();
  });

  // A target whose figure is now hidden loses every number that would give it back.
  report.targets = report.targets.map((t) =>
    metricValue(t.metric, report) === null ? { ...t, actual: null, result: null, achievement: null, evaluation: null } : t,
  );
  report.targetLines = report.targets.map((t) => targetLines(t, config.evaluation));
  const sentences = summarySentences(report, config.sentences);
  // The first sentence names only the busiest channel and a share in tenths, which no small count
  // can be read from; it is kept as computed from the full figures unless the total itself is hidden.
  if (report.intake.total.total !== null) sentences[0] = source.summary[0]!;
  report.summary = sentences;
  report.suppression = { below };
  return report;
}
