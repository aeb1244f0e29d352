import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { suppressCells, type Equation } from '../src/report/suppress.js';
import { fixture, runCli } from './helpers.js';

interface Shape {
  channels: number;
  categories: number;
  outcomes: number;
  /** Per month, its consultations as [channel, category, outcome] indexes. */
  months: [number, number, number][][];
}

/** The cumulative table as cells (rows: months then 合計; columns: channels, 合計, categories, outcomes) and its published sums. */
function tableOf(shape: Shape): { values: number[]; equations: Equation[] } {
  const width = shape.channels + 1 + shape.categories + shape.outcomes;
  const rows = shape.months.map((records) => {
    const row = new Array<number>(width).fill(0);
    for (const [ch, cat, out] of records) {
      row[ch]!++;
      row[shape.channels]!++;
      row[shape.channels + 1 + cat]!++;
      row[shape.channels + 1 + shape.categories + out]!++;
    }
    return row;
  });
  rows.push(Array.from({ length: width }, (_, c) => rows.reduce((n, r) => n + r[c]!, 0)));
  const id = (r: number, c: number): number => r * width + c;
  const equations: Equation[] = [];
  const span = (from: number, n: number): number[] => Array.from({ length: n }, (_, i) => from + i);
  rows.forEach((_, r) => {
    for (const cols of [
      span(0, shape.channels),
      span(shape.channels + 1, shape.categories),
      span(shape.channels + 1 + shape.categories, shape.outcomes),
    ]) {
      equations.push({ parts: cols.map((c) => id(r, c)), total: id(r, shape.channels) });
    }
  });
  for (let c = 0; c < width; c++) equations.push({ parts: rows.slice(0, -1).map((_, r) => id(r, c)), total: id(rows.length - 1, c) });
  return { values: rows.flat(), equations };
}

/**
 * Can a reader who sees every published cell and every sum pin down hidden cell `target`? Not if
 * another table of whole numbers fits everything published with a different value there — each
 * hidden one at least 1 while no zero is hidden (the reader sees that zeros are shown), else ≥ 0.
 * Searched exhaustively: hidden cells take any value up to a bound, sums prune the search.
 */
function isAmbiguous(values: number[], hidden: boolean[], equations: Equation[], target: number): boolean {
  const bound = Math.max(...values) + 2;
  const floor = hidden.some((h, c) => h && values[c] === 0) ? 0 : 1;
  // Nearest cells first (breadth-first through the sums), so that sums close early and prune.
  const cells = [target];
  for (let i = 0; i < cells.length; i++) {
    for (const { parts, total } of equations) {
      const inSum = [...parts, total];
      if (!inSum.includes(cells[i]!)) continue;
      for (const c of inSum) if (hidden[c] && !cells.includes(c)) cells.push(c);
    }
  }
  for (const c of hidden.flatMap((h, i) => (h ? [i] : []))) if (!cells.includes(c)) cells.push(c);
  const assigned = new Map<number, number>();
  const valueOf = (c: number): number | undefined => (hidden[c] ? assigned.get(c) : values[c]);
  // Every sum must still be reachable by the cells left open: their signed total lies between
  // −bound × (open totals) and +bound × (open parts).
  const feasible = (): boolean =>
    equations.every(({ parts, total }) => {
      let sum = 0;
      let openParts = 0;
      let openTotals = 0;
      for (const [c, sign] of [...parts.map((p) => [p, 1] as const), [total, -1] as const]) {
        const v = valueOf(c);
        if (v === undefined && sign > 0) openParts++;
        else if (v === undefined) openTotals++;
        else sum += sign * v;
      }
      return -sum >= -bound * openTotals && -sum <= bound * openParts;
    });
  const search = (i: number): boolean => {
    if (i === cells.length) return true;
    const cell = cells[i]!;
    for (let v = floor; v <= bound; v++) {
      if (cell === target && v === values[cell]) continue;
      assigned.set(cell, v);
      if (feasible() && search(i + 1)) return true;
    }
    assigned.delete(cell);
    return false;
  };
  return search(0);
}

const shapes = fc
  .record({
    channels: fc.integer({ min: 1, max: 3 }),
    categories: fc.integer({ min: 1, max: 3 }),
    outcomes: fc.integer({ min: 1, max: 3 }),
  })
  .chain((dims) =>
    fc.record({
      channels: fc.constant(dims.channels),
      categories: fc.constant(dims.categories),
      outcomes: fc.constant(dims.outcomes),
      months: fc.array(
        fc.array(fc.tuple(fc.nat({ max: dims.channels - 1 }), fc.nat({ max: dims.categories - 1 }), fc.nat({ max: dims.outcomes - 1 })), {
          maxLength: 7,
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  );

describe('small-count suppression', () => {
  test('hides every count from 1 to below−1 and leaves every hidden cell ambiguous (fast-check, 200 tables)', () => {
    fc.assert(
      fc.property(shapes, fc.integer({ min: 2, max: 4 }), (shape, below) => {
        const { values, equations } = tableOf(shape);
        const hidden = suppressCells(values, equations, below);
        values.forEach((v, i) => {
          if (v >= 1 && v < below) expect(hidden[i], `cell ${i} = ${v} shown`).toBe(true);
        });
        for (const { parts, total } of equations) {
          expect([...parts, total].filter((c) => hidden[c]).length).not.toBe(1);
        }
        hidden.forEach((h, i) => {
          if (h) expect(isAmbiguous(values, hidden, equations, i), `hidden cell ${i} can be recovered`).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });

  test('through the CLI: JSON nulls, the suppression key, x in Markdown, every format', async () => {
    const json = JSON.parse((await runCli(['annual', fixture('takasaki-r3'), '--suppress-below', '3', '--format', 'json'])).stdout);
    expect(json.suppression).toEqual({ below: 3 });
    const published = [
      ...json.intake.months.flatMap((m: any) => [
        m.total,
        ...Object.values(m.channel),
        ...Object.values(m.category),
        ...Object.values(m.outcome),
      ]),
    ] as (number | null)[];
    expect(published).toContain(null);
    expect(published.filter((n) => n !== null && n > 0 && n < 3)).toEqual([]);
    expect(json.intake.months[0].category['就労関係']).toBeNull();
    const md = (await runCli(['annual', fixture('takasaki-r3'), '--suppress-below', '3', '--format', 'md'])).stdout;
    expect(md).toContain('| 8月 | x | 0 | 0 | 0 | 0 | x | 0 | x |');
    expect(md).toContain('--suppress-below 3');
    const usage = await runCli(['monthly', fixture('takasaki-r3'), '--suppress-below', 'two', '--lang', 'en']);
    expect(usage.code).toBe(2);
  });
});
