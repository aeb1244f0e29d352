import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import type { Config } from '../src/config/schema.js';
import { suppressCells, suppressReport, type Equation } from '../src/report/suppress.js';
import { combineReports } from '../src/report/combine.js';
import type { LabelCounts, Report, SourceRow } from '../src/report/types.js';
import { renderJson } from '../src/render/json.js';
import { fixture, runCli } from './helpers.js';
import { takasakiReport, withParts } from './report-parts.js';

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
 * Can a reader who sees every published cell and every sum (and bound) pin down hidden cell `target`? Not if
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
  // Hidden cells tied to the target by no chain of sums keep their values: they change nothing here.
  const component = new Set(cells);
  const touching = equations.filter(({ parts, total }) => [...parts, total].some((c) => component.has(c)));
  const assigned = new Map<number, number>();
  const valueOf = (c: number): number | undefined => (component.has(c) ? assigned.get(c) : values[c]);
  // No part is more than a total shown over it: each hidden cell searched up to that.
  const upper = values.map(() => bound);
  for (const { parts, total, relation } of equations) {
    if (hidden[total] || relation === '>=') continue;
    for (const c of parts) upper[c] = Math.min(upper[c]!, values[total]!);
  }
  // Every sum must still be reachable by the cells left open: parts minus totals lies between
  // what the open cells can take at their least and at their most. A bound needs only its side.
  const feasible = (): boolean =>
    touching.every(({ parts, total, relation }) => {
      let sum = 0;
      let least = 0;
      let most = 0;
      for (const [c, sign] of [...parts.map((p) => [p, 1] as const), [total, -1] as const]) {
        const v = valueOf(c);
        if (v !== undefined) sum += sign * v;
        else if (sign > 0) [least, most] = [least + floor, most + upper[c]!];
        else [least, most] = [least - upper[c]!, most - floor];
      }
      if (relation === '<=') return sum + least <= 0;
      if (relation === '>=') return sum + most >= 0;
      return sum + least <= 0 && sum + most >= 0;
    });
  const search = (i: number): boolean => {
    if (i === cells.length) return true;
    const cell = cells[i]!;
    for (let v = floor; v <= upper[cell]!; v++) {
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
    expect(json.suppression).toEqual({ below: 3, symbol: 'x', sentences: 'reworded' });
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

/** One consultation of the generated logs: channel, category, outcome, 相談者ID (null: none), 年代 label. */
type Consultation = [number, number, number, number | null, number];
/** One support action: type, agency. */
type Action = [number, number];

interface Logs {
  channels: number;
  categories: number;
  outcomes: number;
  multiple: boolean;
  months: { consultations: Consultation[]; actions: Action[] }[];
}

const LABELS = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const AGES = ['20代', '30代', '未記入'];
const TYPES = ['同行支援', '訪問支援'];
const PARTNERS = ['福祉事務所', '未記入'];

/** A report of SPEC §14 built from the generated logs by counting, as the data builders count. */
function reportOfLogs(logs: Logs): { report: Report; config: Config } {
  const channels = LABELS('方法', logs.channels);
  const categories = LABELS('主訴', logs.categories);
  const outcomes = LABELS('結果', logs.outcomes);
  const config: Config = {
    ...DEFAULT_CONFIG,
    channels: channels.map((label) => ({ label })),
    categories: categories.map((label) => ({ label })),
    outcomes: outcomes.map((label) => ({ label })),
    targets: [],
  };
  const count = (labels: string[], picks: number[]): LabelCounts =>
    Object.fromEntries(labels.map((label, i) => [label, picks.filter((p) => p === i).length]));
  const monthOf = (i: number): string => `2021-${String(8 + i).padStart(2, '0')}`;
  const intakeRow = (list: Consultation[]) => ({
    total: list.length,
    channel: count(
      channels,
      list.map((c) => c[0]),
    ),
    // Several 主訴: each consultation also names the next category.
    category: count(
      categories,
      list.flatMap((c) => (logs.multiple && logs.categories > 1 ? [c[1], (c[1] + 1) % logs.categories] : [c[1]])),
    ),
    outcome: count(
      outcomes,
      list.map((c) => c[2]),
    ),
  });
  const all = logs.months.flatMap((m) => m.consultations);
  const seen = new Set<number>();
  // 新規: a person's first consultation of all.
  const peopleRow = (list: Consultation[]) => {
    const ids = list.flatMap((c) => (c[3] === null ? [] : [c[3]]));
    let fresh = 0;
    for (const id of ids) {
      if (!seen.has(id)) fresh++;
      seen.add(id);
    }
    return { clients: new Set(ids).size, new: fresh, withoutId: list.length - ids.length };
  };
  const monthsPeople = logs.months.map((m, i) => ({ month: monthOf(i), ...peopleRow(m.consultations) }));
  seen.clear();
  const actions = logs.months.flatMap((m) => m.actions);
  const byType = (list: Action[]): LabelCounts =>
    count(
      TYPES,
      list.map((a) => a[0]),
    );
  const empty = { sessions: {}, sessionsTotal: 0, participants: {}, participantsTotal: 0 };
  const report: Report = {
    kind: 'annual',
    program: '相談',
    organization: '',
    title: '',
    fiscalYear: 2021,
    fiscalYearLabel: '令和3年度',
    startMonth: monthOf(0),
    asOf: monthOf(logs.months.length - 1),
    periodNote: '',
    intake: {
      months: logs.months.map((m, i) => ({ month: monthOf(i), label: `${8 + i}月`, ...intakeRow(m.consultations) })),
      total: intakeRow(all),
      people: { months: monthsPeople, total: peopleRow(all) },
      attributes: [
        {
          id: 'ageGroup',
          label: '年代',
          total: count(
            AGES,
            all.map((c) => c[4]),
          ),
          months: logs.months.map((m, i) => ({
            month: monthOf(i),
            label: `${8 + i}月`,
            counts: count(
              AGES,
              m.consultations.map((c) => c[4]),
            ),
          })),
        },
      ],
      ...(logs.multiple ? { categoryMode: 'multiple' as const } : {}),
    },
    ibasho: { sessions: 0, participants: 0, venues: [], months: logs.months.map((_, i) => ({ month: monthOf(i), label: '', ...empty })) },
    distribution: { count: 0, locations: [], months: logs.months.map((_, i) => ({ month: monthOf(i), label: '', count: {}, total: 0 })) },
    support: {
      total: actions.length,
      type: byType(actions),
      months: logs.months.map((m, i) => ({ month: monthOf(i), label: `${8 + i}月`, total: m.actions.length, type: byType(m.actions) })),
      byAgency: PARTNERS.map((agency, a) => {
        const mine = actions.filter((x) => x[1] === a);
        return { agency, total: mine.length, type: byType(mine) };
      }),
    },
    targets: [],
    targetLines: [],
    summary: [''],
    ledger: {} as Report['ledger'],
    inputs: [],
  };
  return { report, config };
}

/** The reader's cells and sums, with what a further table (the table by source) ties to: the 合計 row's cells of the tables. */
interface ReaderModel {
  values: number[];
  hidden: boolean[];
  equations: Equation[];
  /** Adds a cell: its count before suppression and after (null: hidden). */
  cell: (was: number | null, now: number | null) => number;
  totals: { intake: number[]; people: { n: number; c: number; w: number }; support: number };
  /** The first attribute's cells (年代), which may have a stricter threshold of their own. */
  ageCells: number[];
}

/**
 * What a reader of the published tables knows, written out here independently of suppress.ts: the
 * sums of every table (the attribute and people tables tied to the cumulative table's 合計, both
 * support tables ending in the same row) and the bounds (新規 ≤ 延べ, 実人数 + ID未記入 ≤ 延べ, a
 * month's 実人数 ≤ the period's ≤ the months' sum, several 主訴 ≥ consultations). Each cell is a
 * count of the report before and after suppression.
 */
function readerModel(before: Report, after: Report): ReaderModel {
  const values: number[] = [];
  const hidden: boolean[] = [];
  const cell = (was: number | null, now: number | null): number => {
    values.push(was ?? 0);
    hidden.push(now === null);
    return values.length - 1;
  };
  const labels = (was: LabelCounts, now: LabelCounts): number[] => Object.keys(was).map((k) => cell(was[k]!, now[k]!));
  const equations: Equation[] = [];
  const columns = (rows: number[][], total: number[]): void =>
    total.forEach((t, c) => equations.push({ parts: rows.map((r) => r[c]!), total: t }));

  const rowsOf = (r: Report) => [...r.intake.months, r.intake.total];
  const intake = rowsOf(before).map((row, i) => {
    const now = rowsOf(after)[i]!;
    const t = cell(row.total, now.total);
    const [ch, cat, out] = [labels(row.channel, now.channel), labels(row.category, now.category), labels(row.outcome, now.outcome)];
    equations.push({ parts: ch, total: t }, { parts: out, total: t });
    equations.push(before.intake.categoryMode ? { parts: cat, total: t, relation: '>=' } : { parts: cat, total: t });
    return { t, all: [...ch, t, ...cat, ...out] };
  });
  columns(
    intake.slice(0, -1).map((r) => r.all),
    intake[intake.length - 1]!.all,
  );
  const totals = intake.map((r) => r.t);

  const peopleRows = (r: Report) => [...r.intake.people!.months, r.intake.people!.total];
  const people = peopleRows(before).map((row, i) => {
    const now = peopleRows(after)[i]!;
    const p = { n: cell(row.new, now.new), c: cell(row.clients, now.clients), w: cell(row.withoutId, now.withoutId) };
    equations.push({ parts: [p.n], total: totals[i]!, relation: '<=' }, { parts: [p.c, p.w], total: totals[i]!, relation: '<=' });
    return p;
  });
  const period = people.pop()!;
  columns(
    people.map((p) => [p.n, p.w]),
    [period.n, period.w],
  );
  for (const p of people) equations.push({ parts: [p.c], total: period.c, relation: '<=' });
  equations.push({ parts: people.map((p) => p.c), total: period.c, relation: '>=' });

  const [age, ageNow] = [before.intake.attributes![0]!, after.intake.attributes![0]!];
  const firstAgeCell = values.length;
  const ageRows = [...age.months.map((m, i) => labels(m.counts, ageNow.months[i]!.counts)), labels(age.total, ageNow.total)];
  ageRows.forEach((row, i) => equations.push({ parts: row, total: totals[i]! }));
  columns(ageRows.slice(0, -1), ageRows[ageRows.length - 1]!);
  const ageCells = Array.from({ length: values.length - firstAgeCell }, (_, i) => firstAgeCell + i);

  const [support, supportNow] = [before.support!, after.support!];
  const supportRow = (was: { total: number | null; type: LabelCounts }, now: { total: number | null; type: LabelCounts }): number[] => {
    const row = [...labels(was.type, now.type), cell(was.total, now.total)];
    equations.push({ parts: row.slice(0, -1), total: row[row.length - 1]! });
    return row;
  };
  const supportTotal = supportRow(support, supportNow);
  columns(
    support.months.map((m, i) => supportRow(m, supportNow.months[i]!)),
    supportTotal,
  );
  columns(
    support.byAgency.map((a, i) => supportRow(a, supportNow.byAgency[i]!)),
    supportTotal,
  );
  return {
    values,
    hidden,
    equations,
    cell,
    ageCells,
    totals: { intake: intake[intake.length - 1]!.all, people: period, support: supportTotal[supportTotal.length - 1]! },
  };
}

const logs = fc
  .record({
    channels: fc.integer({ min: 1, max: 2 }),
    categories: fc.integer({ min: 1, max: 2 }),
    outcomes: fc.constant(1),
    multiple: fc.boolean(),
  })
  .chain((dims) =>
    fc.record({
      channels: fc.constant(dims.channels),
      categories: fc.constant(dims.categories),
      outcomes: fc.constant(dims.outcomes),
      multiple: fc.constant(dims.multiple),
      months: fc.array(
        fc.record({
          consultations: fc.array(
            fc.tuple(
              fc.nat({ max: dims.channels - 1 }),
              fc.nat({ max: dims.categories - 1 }),
              fc.constant(0),
              fc.option(fc.nat({ max: 3 }), { freq: 4 }),
              fc.nat({ max: AGES.length - 1 }),
            ),
            { maxLength: 5 },
          ),
          actions: fc.array(fc.tuple(fc.nat({ max: TYPES.length - 1 }), fc.nat({ max: PARTNERS.length - 1 })), { maxLength: 4 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  );

describe('small-count suppression of the tables of SPEC §14', () => {
  test('people, an attribute under its own stricter threshold, support by month and by agency: every small count hidden, no hidden cell recoverable (fast-check, 200 logs)', () => {
    fc.assert(
      fc.property(logs, fc.integer({ min: 2, max: 3 }), fc.integer({ min: 0, max: 2 }), (generated, below, stricter) => {
        const { report, config } = reportOfLogs(generated);
        // 年代 hidden under a threshold of its own (SPEC §15), up to two above the rest's.
        const ageThreshold = below + stricter;
        const suppressed = suppressReport(report, below, { ...config, suppression: { attributes: { ageGroup: ageThreshold } } });
        const { values, hidden, equations, ageCells } = readerModel(report, suppressed);
        values.forEach((v, i) => {
          const threshold = ageCells.includes(i) ? ageThreshold : below;
          if (v >= 1 && v < threshold) expect(hidden[i], `cell ${i} = ${v} shown (threshold ${threshold})`).toBe(true);
        });
        hidden.forEach((h, i) => {
          if (h) expect(isAmbiguous(values, hidden, equations, i), `hidden cell ${i} can be recovered`).toBe(true);
        });
        expect(suppressed.suppression?.attributes).toEqual(stricter > 0 ? { ageGroup: ageThreshold } : undefined);
      }),
      { numRuns: 200 },
    );
  }, 180_000);
});

describe('the seed’s table first', () => {
  test('when more must be hidden, the added tables give up their cells before the cumulative table does', async () => {
    const plain = await takasakiReport();
    const intake = (report: Report) => report.intake;
    const alone = suppressReport(plain, 3, DEFAULT_CONFIG);
    // IDs with no repeat within a month: 実人数 + ID未記入 = 延べ, so a hidden 延べ could not move without them.
    const withPeople = suppressReport(withParts(plain, { people: 'ids' }), 3, DEFAULT_CONFIG);
    expect({ months: intake(withPeople).months, total: intake(withPeople).total }).toEqual({
      months: intake(alone).months,
      total: intake(alone).total,
    });
    // Not by hiding the whole people table either: most of its figures stay.
    const people = withPeople.intake.people!;
    const cells = [...people.months, people.total].flatMap((row) => [row.clients, row.new, row.withoutId]);
    expect(cells.filter((c) => c === null).length).toBeLessThan(cells.length / 2);
  });
});

/**
 * The table by source of a combined report as a reader knows it: each source's row adds up as a
 * cumulative table's 合計 row does, each column adds up over the sources to the combined 合計 row
 * (and to the gatherings, handouts, people and support of the period), and a source's 新規 and
 * 実人数 are at most its consultations.
 */
function sourcesModel(model: ReaderModel, before: Report, after: Report): void {
  const { cell, equations, totals } = model;
  const labels = (was: LabelCounts, now: LabelCounts): number[] => Object.keys(was).map((k) => cell(was[k]!, now[k]!));
  const pairs = before.sources!.map((row, i) => [row, after.sources![i]!] as const);
  const rows = pairs.map(([was, now]) => {
    const t = cell(was.total, now.total);
    const [ch, cat, out] = [labels(was.channel, now.channel), labels(was.category, now.category), labels(was.outcome, now.outcome)];
    equations.push({ parts: ch, total: t }, { parts: out, total: t });
    equations.push(before.intake.categoryMode ? { parts: cat, total: t, relation: '>=' } : { parts: cat, total: t });
    return { t, all: [...ch, t, ...cat, ...out] };
  });
  totals.intake.forEach((total, column) => equations.push({ parts: rows.map((r) => r.all[column]!), total }));
  const column = (pick: (row: SourceRow) => number | null | undefined, combined: number): number[] => {
    const cells = pairs.map(([was, now]) => cell(pick(was) ?? null, pick(now) ?? null));
    equations.push({ parts: cells, total: combined });
    return cells;
  };
  column((r) => r.ibasho.sessions, cell(before.ibasho.sessions, after.ibasho.sessions));
  column((r) => r.ibasho.participants, cell(before.ibasho.participants, after.ibasho.participants));
  column((r) => r.distribution.count, cell(before.distribution.count, after.distribution.count));
  const bounded = (cells: number[]): void => cells.forEach((c, i) => equations.push({ parts: [c], total: rows[i]!.t, relation: '<=' }));
  bounded(column((r) => r.people!.new, totals.people.n));
  bounded(column((r) => r.people!.clients, totals.people.c));
  column((r) => r.support!.total, totals.support);
}

/** Several sources of the same months (and the same 主訴 mode), each with its own lists. */
const sourcesLogs = fc
  .record({ months: fc.integer({ min: 1, max: 2 }), multiple: fc.boolean(), sources: fc.integer({ min: 2, max: 3 }) })
  .chain(({ months, multiple, sources }) =>
    fc.array(
      logs.map((generated) => ({ ...generated, multiple, months: [...generated.months, ...generated.months].slice(0, months) })),
      { minLength: sources, maxLength: sources },
    ),
  )
  .filter((all) => all.every((generated) => generated.months.length === all[0]!.months.length));

describe('small-count suppression of a combined report (SPEC §15)', () => {
  test('sources’ reports combined, then suppressed: the table by source too, every small count hidden, no hidden cell recoverable (fast-check, 100 combinations)', () => {
    const ledger = { read: 0, blank: 0, totalLine: 0, duplicate: 0, rejected: 0, outOfPeriod: 0, counted: 0 };
    fc.assert(
      fc.property(sourcesLogs, fc.integer({ min: 2, max: 3 }), (generated, below) => {
        const inputs = generated.map((one, i) => {
          const { report } = reportOfLogs(one);
          const json = JSON.parse(
            renderJson({ ...report, organization: `団体${i + 1}`, ledger: { intake: ledger, ibasho: ledger, distribution: ledger } }),
          );
          return { file: `${i + 1}.json`, json: json as unknown };
        });
        const plain = combineReports(inputs);
        const suppressed = combineReports(inputs, { suppressBelow: below });
        if (!plain.ok || !suppressed.ok) throw new Error('not combined');
        const model = readerModel(plain.report, suppressed.report);
        sourcesModel(model, plain.report, suppressed.report);
        const { values, hidden, equations } = model;
        values.forEach((v, i) => {
          if (v >= 1 && v < below) expect(hidden[i], `cell ${i} = ${v} shown`).toBe(true);
        });
        hidden.forEach((h, i) => {
          if (h) expect(isAmbiguous(values, hidden, equations, i), `hidden cell ${i} can be recovered`).toBe(true);
        });
      }),
      { numRuns: 100 },
    );
  }, 240_000);
});
