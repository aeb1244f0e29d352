import type { Config } from '../config/schema.js';
import { summaryOf } from './summary.js';
import { settingsOf, type Suppression } from './suppression.js';
import {
  CellRegistry,
  labelCells,
  range,
  registerAttribute,
  registerPeople,
  registerSupport,
  type IntakeTotals,
} from './suppress-registry.js';
import { registerSources } from './suppress-sources.js';
import { targetLines } from './wording.js';
import { metricValue } from './targets.js';
import type { Report } from './types.js';

/**
 * One published sum: the cells `parts` add up to the cell `total` (cells are indexes). With a
 * relation, a bound that a reader knows instead: the parts add up to at most (`<=`) or at least
 * (`>=`) the total — 新規 are at most the consultations, several 主訴 at least one per consultation.
 */
export interface Equation {
  parts: number[];
  total: number;
  relation?: '<=' | '>=';
}

/**
 * Small-count suppression. Primary: every count from 1 to below−1 is hidden (`below` may give
 * each cell its own threshold). Secondary, as
 * statistics offices do it: first, no published sum may have exactly one hidden cell (it would
 * be the total minus the others); then an audit: a hidden cell is safe only if another table
 * fits everything published — some ±1 change of hidden cells keeps every sum and bound, keeps every
 * hidden count ≥ 1 and changes that cell. (Zeros are shown, so a reader knows that an x is at
 * least 1: with ≥ 0 the audit passed tables where three x summing to 3 were each plainly 1; only
 * once a zero had to be hidden as well may an x be 0.) A cell that fails the audit gets a neighbour hidden with it,
 * preferring the smallest positive count, and the whole check runs again. Cells from `firstSpare`
 * on (the tables added to the seed's) are hidden for that before any other.
 */
export function suppressCells(
  values: readonly number[],
  equations: readonly Equation[],
  below: number | readonly number[],
  firstSpare = values.length,
): boolean[] {
  // One threshold for every cell, or each cell's own (an attribute's stricter one, SPEC §15).
  const thresholdOf = (cell: number): number => (typeof below === 'number' ? below : below[cell]!);
  const hidden = values.map((v, cell) => v >= 1 && v < thresholdOf(cell));
  const byCell = values.map(() => [] as number[]);
  equations.forEach(({ parts, total }, e) => {
    for (const c of [...parts, total]) byCell[c]!.push(e);
  });
  const cellsOf = (e: number): number[] => [...equations[e]!.parts, equations[e]!.total];
  /** Hides one more of `cells`: a spare cell before another, the smallest positive count, else whatever is still shown. */
  const hideOneOf = (cells: number[]): boolean => {
    const spareFirst = (a: number, b: number): number => Number(b >= firstSpare) - Number(a >= firstSpare);
    const open = cells.filter((c) => !hidden[c]).sort(spareFirst);
    const choice = open.filter((c) => values[c]! > 0).sort((a, b) => spareFirst(a, b) || values[a]! - values[b]!)[0] ?? open[0];
    if (choice === undefined) return false;
    hidden[choice] = true;
    return true;
  };

  /**
   * Hides the spare cell (smallest positive count first) still shown in the sums of the hidden
   * cells tied to `cell` that alone protects it, if there is one.
   */
  const hideSpareFor = (cell: number, floor: 0 | 1): boolean => {
    if (firstSpare >= values.length) return false;
    const tied = [cell];
    for (let i = 0; i < tied.length; i++) {
      for (const c of byCell[tied[i]!]!.flatMap(cellsOf)) if (hidden[c] && !tied.includes(c)) tied.push(c);
    }
    const spare = [...new Set(tied.flatMap((c) => byCell[c]!.flatMap(cellsOf)))].filter((c) => c >= firstSpare && !hidden[c]);
    for (const candidate of spare.sort((a, b) => Number(values[b]! > 0) - Number(values[a]! > 0) || values[a]! - values[b]!)) {
      hidden[candidate] = true;
      if (hasAlternative(values, hidden, equations, byCell, cell, values[candidate] === 0 ? 0 : floor)) return true;
      hidden[candidate] = false;
    }
    return false;
  };

  // Hiding more cells only adds ways to fit the published figures: a cell found protected stays so.
  const safe = new Set<number>();
  for (;;) {
    for (let changed = true; changed;) {
      changed = false;
      equations.forEach((equation, e) => {
        // A bound pins no single cell by subtraction; the audit weighs what it tells.
        if (equation.relation) return;
        const cells = cellsOf(e);
        if (cells.filter((c) => hidden[c]).length === 1 && hideOneOf(cells)) changed = true;
      });
    }
    // A reader who knows that zeros are shown knows that every x is at least 1; once a zero had
    // to be hidden too, an x may be 0.
    const floor = hidden.some((h, cell) => h && values[cell] === 0) ? 0 : 1;
    const exposed = hidden.findIndex((h, cell) => {
      if (!h || safe.has(cell)) return false;
      if (!hasAlternative(values, hidden, equations, byCell, cell, floor)) return true;
      safe.add(cell);
      return false;
    });
    if (exposed === -1) return hidden;
    // A spare cell around the hidden cells tied to it that protects it alone, if one does (a
    // 実人数 that kept a month's 延べ from moving, say); else its neighbours; when they are all
    // hidden already, any cell still shown (a zero last: once one is hidden, an x may be 0 and the
    // cell is protected by that doubt).
    if (!hideSpareFor(exposed, floor) && !hideOneOf([...new Set(byCell[exposed]!.flatMap(cellsOf))]) && !hideOneOf(values.map((_, c) => c)))
      return hidden;
  }
}

/** How many search steps the audit spends on one cell before taking it as protected. */
const AUDIT_BUDGET = 50_000;

/**
 * Whether some change of the hidden cells by −1, 0 or +1 keeps every published sum and bound, keeps
 * every hidden count ≥ `floor` (what a reader knows of an x) and changes `target`. Searched as
 * repairs: the target moves, then a sum it broke is mended by moving one more hidden cell of it
 * the other way, and so on until nothing is broken — so only the cells of a cycle are ever tried.
 * (Any such change can be reached so: a sum still broken always has one of its cells moved the
 * mending way in it.)
 */
function hasAlternative(
  values: readonly number[],
  hidden: readonly boolean[],
  equations: readonly Equation[],
  byCell: readonly number[][],
  target: number,
  floor: 0 | 1,
): boolean {
  const move = new Map<number, number>();
  /** 0 when the sum holds; else the sign of the cells' signed moves (parts +, total −) that breaks it. */
  const breach = (e: number): number => {
    const { parts, total, relation } = equations[e]!;
    const sum = parts.reduce((n, c) => n + (move.get(c) ?? 0), 0) - (move.get(total) ?? 0);
    if (!relation) return Math.sign(sum);
    // The room a bound leaves (parts below the total for <=, above it for >=) must not go below
    // what it is (0, or less when the records break the bound).
    const partsSum = parts.reduce((n, c) => n + values[c]!, 0);
    const room = relation === '<=' ? values[total]! - partsSum : partsSum - values[total]!;
    const after = relation === '<=' ? room - sum : room + sum;
    return after >= Math.min(0, room) ? 0 : relation === '<=' ? 1 : -1;
  };
  /** The cells that would mend a broken sum, each with its move. */
  const mends = (e: number, sign: number): [number, number][] => {
    const { parts, total } = equations[e]!;
    return [...parts, total].flatMap((cell): [number, number][] => {
      const d = cell === total ? sign : -sign;
      return hidden[cell] && !move.has(cell) && values[cell]! + d >= floor ? [[cell, d]] : [];
    });
  };
  let steps = 0;
  const mend = (): boolean => {
    if (++steps > AUDIT_BUDGET) return true;
    // The broken sum with the fewest ways to mend it first; one with none ends this branch.
    let fewest: [number, number][] | null = null;
    const checked = new Set<number>();
    for (const cell of move.keys()) {
      for (const e of byCell[cell]!) {
        if (checked.has(e)) continue;
        checked.add(e);
        const sign = breach(e);
        if (sign === 0) continue;
        const ways = mends(e, sign);
        if (ways.length === 0) return false;
        if (!fewest || ways.length < fewest.length) fewest = ways;
      }
    }
    if (!fewest) return true;
    for (const [cell, d] of fewest) {
      move.set(cell, d);
      if (mend()) return true;
      move.delete(cell);
    }
    return false;
  };
  for (const d of [-1, 1]) {
    if (values[target]! + d < floor) continue;
    move.set(target, d);
    if (mend()) return true;
    move.delete(target);
  }
  return false;
}

/**
 * Applies suppression to a report: hides small counts in every table (null, printed as the
 * symbol) — an attribute's under its own stricter threshold — and the cells that would give them
 * away, then recomputes what is derived from them: targets whose figure is hidden, and the summary
 * sentences, which are worded without any hidden figure. A number is a threshold with the
 * config's symbol and attribute thresholds.
 */
export function suppressReport(source: Report, suppression: number | Suppression, config: Config): Report {
  const settings = typeof suppression === 'number' ? settingsOf(config, suppression) : suppression;
  const { below } = settings;
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
  const multiple = report.intake.categoryMode === 'multiple';
  registry.table(intakeRows, [
    { parts: range(0, c), total: c },
    ...(multiple ? [] : [{ parts: range(c + 1, k), total: c }]),
    { parts: range(c + 1 + k, o), total: c },
  ]);
  // Several 主訴 per consultation: a row's mentions are at least its consultations.
  if (multiple)
    for (const row of intakeRows)
      registry.sum(
        range(c + 1, k).map((i) => row[i]!),
        row[c]!,
        '>=',
      );
  const totals: IntakeTotals = {
    months: new Map(report.intake.months.map((m, i) => [m.month, intakeRows[i]![c]!])),
    period: intakeRows[intakeRows.length - 1]![c]!,
  };
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

  // The tables of SPEC §14 come after the seed's: when more cells must be hidden to protect a
  // small count, theirs go first, so that the seed's table keeps what it can of its figures.
  const firstSpare = registry.values.length;
  if (report.intake.people) registerPeople(registry, report.intake.people, totals);
  // Each attribute's cells under its own threshold where the config sets a stricter one.
  const stricter: { from: number; to: number; threshold: number }[] = [];
  for (const attribute of report.intake.attributes ?? []) {
    const from = registry.values.length;
    registerAttribute(registry, attribute, totals);
    const threshold = settings.attributes[attribute.id];
    if (threshold !== undefined) stricter.push({ from, to: registry.values.length, threshold });
  }
  if (report.support) registerSupport(registry, report.support);
  if (report.sources) registerSources(registry, report);
  const thresholds = registry.values.map((_, cell) => stricter.find(({ from, to }) => cell >= from && cell < to)?.threshold ?? below);

  suppressCells(registry.values, registry.equations, thresholds, firstSpare).forEach((hide, cell) => {
    if (hide) registry.setters[cell]!();
  });

  // A target whose figure is now hidden loses every number that would give it back.
  report.targets = report.targets.map((t) =>
    metricValue(t.metric, report) === null ? { ...t, actual: null, result: null, achievement: null, evaluation: null } : t,
  );
  report.targetLines = report.targets.map((t) => targetLines(t, config.evaluation, settings.symbol));
  const summary = summaryOf(report, config.sentences);
  report.summary = summary.sentences;
  const shownAttributes = Object.entries(settings.attributes).filter(([id]) => report.intake.attributes?.some((a) => a.id === id));
  report.suppression = {
    below,
    symbol: settings.symbol,
    ...(shownAttributes.length > 0 ? { attributes: Object.fromEntries(shownAttributes) } : {}),
    ...(summary.reworded ? { sentences: 'reworded' as const } : {}),
    ...(settings.from === 'config' ? { from: 'config' as const } : {}),
  };
  return report;
}
