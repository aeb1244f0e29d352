import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { random } from '../scripts/fixture-data/random.js';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import type { Attribute, Config } from '../src/config/schema.js';
import { reportFrom } from '../src/pipeline.js';
import type { CellValue } from '../src/read/types.js';
import type { Report } from '../src/report/types.js';
import { analyseFiles, analyseTables, fixture, memoryTable, runCli } from './helpers.js';

/** The documented 年代 (docs/config.md) and DV flag (SPEC §14). */
const AGE_GROUP: Attribute = {
  id: 'ageGroup',
  header: '年代',
  aliases: ['年齢層'],
  labels: [
    { label: '10代以下', aliases: ['10歳代以下', '未成年'], range: [0, 19] },
    { label: '20代', aliases: ['20歳代'], range: [20, 29] },
    { label: '30代', aliases: ['30歳代'], range: [30, 39] },
    { label: '40代', aliases: ['40歳代'], range: [40, 49] },
    { label: '50代', aliases: ['50歳代'], range: [50, 59] },
    { label: '60代', aliases: ['60歳代'], range: [60, 69] },
    { label: '70代以上', aliases: ['70歳代以上'], range: [70, 130] },
  ],
  unknownLabel: '不明',
};
const DV: Attribute = { id: 'dv', header: 'DV', labels: [{ label: '該当', aliases: ['○', '有', '1'] }], unknownLabel: '非該当' };
const CONFIG: Config = { ...DEFAULT_CONFIG, programStart: null, attributes: [AGE_GROUP, DV] };
const CATEGORIES = DEFAULT_CONFIG.categories.map((c) => c.label);

/** A consultation as the generator made it: what was typed, and what the test expects it to count as. */
interface Generated {
  month: string;
  cells: CellValue[];
  age: string;
  dv: string;
  categories: string[];
}

/** The band of an age, written here from the documented table rather than taken from the tool. */
const bandOf = (age: number): string => (age < 20 ? '10代以下' : age >= 70 ? '70代以上' : `${Math.floor(age / 10) * 10}代`);

/**
 * A fiscal year of consultations in monthly tables. 年代 is typed as staff type it — a number, 34歳,
 * 30代, 30歳代, a name by mistake, 不明, or nothing — and DV as ○, 有, 1, 非該当, なし or nothing.
 * The months of `withoutColumns` come from tables without either column. With `multiple`, a 主訴
 * cell holds one to three concerns joined by any separator, sometimes one repeated.
 */
function generate(seed: number, multiple: boolean, withoutColumns: ReadonlySet<string>) {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const months = Array.from({ length: 12 }, (_, i) => `${i < 9 ? 2021 : 2022}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`);
  const tables: { month: string; rows: Generated[] }[] = [];
  let id = 0;
  for (const month of months) {
    const rows: Generated[] = [];
    const count = 5 + Math.floor(next() * 20);
    for (let i = 0; i < count; i++) {
      const day = 1 + Math.floor(next() * 28);
      const n = Math.floor(next() * 95);
      const ageForms: [CellValue, string][] = [
        [n, bandOf(n)],
        [`${n}歳`, bandOf(n)],
        [`${Math.max(10, Math.floor(n / 10) * 10)}代`, bandOf(Math.max(10, n))],
        [`${Math.min(60, Math.max(20, Math.floor(n / 10) * 10))}歳代`, bandOf(Math.min(60, Math.max(20, n)))],
        ['山田花子', '不明'],
        ['不明', '不明'],
        ['', '不明'],
      ];
      const [ageTyped, age] = pick(ageForms);
      const [dvTyped, dv] = pick<[CellValue, string]>([
        ['○', '該当'],
        ['有', '該当'],
        [1, '該当'],
        ['非該当', '非該当'],
        ['なし', '非該当'],
        ['', '非該当'],
      ]);
      const chosen = multiple ? Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(CATEGORIES)) : [pick(CATEGORIES)];
      const categoryCell = chosen.map((c, k) => (k === 0 ? c : `${pick(['、', '・', ',', '／', '/', '\n'])}${c}`)).join('');
      const date = `${month.replace('-', '/')}/${day}`;
      const cells: CellValue[] = [`R-${++id}`, date, pick(['電話', '来所', 'メール']), categoryCell, pick(['助言', '情報', '継続'])];
      const without = withoutColumns.has(month);
      rows.push({
        month,
        cells: without ? cells : [...cells, ageTyped, dvTyped, '（備考）'],
        age: without ? '未記入' : age,
        dv: without ? '未記入' : dv,
        categories: [...new Set(chosen)],
      });
    }
    tables.push({ month, rows });
  }
  const header = ['受付番号', '受付日', '受付方法', '主訴', '対応結果'];
  const memory = tables.map(({ month, rows }) =>
    memoryTable([withoutColumns.has(month) ? header : [...header, '年代', 'DV', '備考'], ...rows.map((r) => r.cells)], `${month}.csv`),
  );
  return { tables: memory, records: tables.flatMap((t) => t.rows) };
}

async function annual(tables: ReturnType<typeof memoryTable>[], config: Config) {
  const result = reportFrom(await analyseTables(tables, config), { fiscalYear: 2021 }, { kind: 'annual', skipInvalid: false });
  if (!result.ok) throw new Error(JSON.stringify(result, null, 1).slice(0, 2000));
  return result;
}

/** Counts of `key` per label, in the order of `labels`, over some records. */
function countBy(records: readonly Generated[], key: 'age' | 'dv', labels: readonly string[]): Record<string, number> {
  return Object.fromEntries(labels.map((label) => [label, records.filter((r) => r[key] === label).length]));
}

const AGE_COLUMNS = [...AGE_GROUP.labels.map((l) => l.label), '不明', '未記入'];
const DV_COLUMNS = ['該当', '非該当', '未記入'];

describe('attribute tables (SPEC §14) on a generated year of logs', () => {
  test.each([1, 2, 3])('seed %i: every label per month and for the year equals the count made from the generated records', async (seed) => {
    const { tables, records } = generate(seed, false, new Set(['2021-06', '2022-01']));
    const { report } = await annual(tables, CONFIG);
    const [age, dv] = report.intake.attributes!;
    expect([age!.id, age!.label, dv!.id, dv!.label]).toEqual(['ageGroup', '年代', 'dv', 'DV']);
    // Labels in config order, then the unknown label, then 未記入: every one, zeros included.
    expect(Object.keys(age!.total)).toEqual(AGE_COLUMNS);
    expect(Object.keys(dv!.total)).toEqual(DV_COLUMNS);
    expect(age!.total).toEqual(countBy(records, 'age', AGE_COLUMNS));
    expect(dv!.total).toEqual(countBy(records, 'dv', DV_COLUMNS));
    for (const [i, month] of report.intake.months.entries()) {
      const ofMonth = records.filter((r) => r.month === month.month);
      expect(age!.months[i]).toEqual({ month: month.month, label: month.label, counts: countBy(ofMonth, 'age', AGE_COLUMNS) });
      expect(dv!.months[i]!.counts).toEqual(countBy(ofMonth, 'dv', DV_COLUMNS));
      // Each month's counts add up to its consultations.
      expect(Object.values(age!.months[i]!.counts).reduce((a, b) => a! + b!, 0)).toBe(month.total);
    }
    expect('categoryMode' in report.intake).toBe(false);
  });

  test('several 主訴 per consultation: mentions by month, the mode said, and sentence 1’s share over mentions', async () => {
    const { tables, records } = generate(7, true, new Set());
    const { report } = await annual(tables, { ...CONFIG, categoriesMultiple: true });
    expect(report.intake.categoryMode).toBe('multiple');
    const mentions = (these: readonly Generated[]) =>
      Object.fromEntries(CATEGORIES.map((label) => [label, these.filter((r) => r.categories.includes(label)).length]));
    for (const month of report.intake.months) expect(month.category).toEqual(mentions(records.filter((r) => r.month === month.month)));
    expect(report.intake.total.category).toEqual(mentions(records));
    expect(report.intake.total.total).toBe(records.length);

    // Sentence 1, worked out here: the fewest leading 主訴 whose mentions exceed half of all mentions.
    const sorted = Object.entries(mentions(records)).sort((a, b) => b[1] - a[1]);
    const all = sorted.reduce((n, [, c]) => n + c, 0);
    expect(all).toBeGreaterThan(records.length);
    const leading: string[] = [];
    let sum = 0;
    for (const [label, c] of sorted) {
      leading.push(label);
      sum += c;
      if (2 * sum > all) break;
    }
    const tenths = Math.floor((10 * sum) / all);
    const share = (10 * sum) % all === 0 ? `${tenths}割を占めていた` : `${tenths}割を超えていた`;
    expect(report.summary[0]).toContain(`主訴は${leading.join('、')}が全体の${share}`);
  });
});

describe('targets on people and attributes', () => {
  const target = (id: string, metric: string) => ({ id, label: id, metric, target: 10, unit: '件' });

  test('intake.attribute.<id>.<label> and intake.clients count what the logs hold', async () => {
    const { tables, records } = generate(11, false, new Set());
    const header = ['受付番号', '受付日', '受付方法', '主訴', '対応結果', '相談者ID'];
    const clients = records.map((_, i) => `C${i % 17}`);
    const table = memoryTable([header, ...records.map((r, i) => [...r.cells.slice(0, 5), clients[i]!])]);
    const config = {
      ...CONFIG,
      targets: [target('dv', 'intake.attribute.dv.該当'), target('people', 'intake.clients'), target('new', 'intake.new')],
    };
    const { report: fromAttributes } = await annual(tables, config);
    expect(fromAttributes.targets.find((t) => t.id === 'dv')!.actual).toBe(records.filter((r) => r.dv === '該当').length);
    const { report } = await annual([table], config);
    expect(report.targets.find((t) => t.id === 'people')!.actual).toBe(new Set(clients).size);
    expect(report.targets.find((t) => t.id === 'new')!.actual).toBe(new Set(clients).size);
  });

  test('a target on a column the logs lack is left out with a warning naming the column, never counted as 0', async () => {
    const firstMonths = new Set(['2021-04', '2021-05', '2021-06', '2021-07', '2021-08', '2021-09', '2021-10']);
    const { tables } = generate(5, false, firstMonths);
    const config = {
      ...CONFIG,
      targets: [target('people', 'intake.clients'), target('dv', 'intake.attribute.dv.該当'), target('all', 'intake.total')],
    };
    // As of September the year's tables have no 年代 or DV column: nothing to count DV from.
    const result = reportFrom(
      await analyseTables(tables, config),
      { fiscalYear: 2021, asOf: '2021-09' },
      { kind: 'annual', skipInvalid: false },
    );
    if (!result.ok) throw new Error('refused');
    expect(result.report.targets.map((t) => t.id)).toEqual(['all']);
    expect(result.report.targetLines.map((t) => t.id)).toEqual(['all']);
    const warnings = result.findings.warnings.filter((w) => w.code === 'target-unavailable');
    expect(warnings.map((w) => [w.detail.target, w.detail.missing])).toEqual([
      ['people', ['相談者ID']],
      ['dv', ['DV']],
    ]);
    // Through March the later tables have the columns: the DV target counts again.
    const whole = await annual(generate(5, false, firstMonths).tables, config);
    expect(whole.report.targets.map((t) => t.id)).toEqual(['dv', 'all']);
  });
});

describe('the seed’s logs (fixtures/takasaki-r3)', () => {
  const keys = (report: Report) => Object.keys(JSON.parse(JSON.stringify(report)) as object);

  test('without attributes the report gains no key; with them, only the attribute tables and the mode are added', async () => {
    const analysis = await analyseFiles([fixture('takasaki-r3')]);
    const plain = reportFrom(analysis, {}, { kind: 'annual', skipInvalid: false });
    if (!plain.ok) throw new Error('refused');
    expect(Object.keys(plain.report.intake)).toEqual(['months', 'total']);
    expect(keys(plain.report)).not.toContain('support');

    const config: Config = { ...DEFAULT_CONFIG, attributes: [AGE_GROUP, DV], categoriesMultiple: true };
    const counted = reportFrom(await analyseFiles([fixture('takasaki-r3')], config), {}, { kind: 'annual', skipInvalid: false });
    if (!counted.ok) throw new Error('refused');
    const { attributes, categoryMode, ...intake } = counted.report.intake;
    // The seed's logs hold one 主訴 per cell: mentions are consultations, and every other figure is the same.
    expect({ ...counted.report, intake }).toEqual(plain.report);
    expect(categoryMode).toBe('multiple');
    // The seed's logs have a 年代 column and no DV column: the DV table is all 未記入.
    const [age, dv] = attributes!;
    expect(dv!.total).toEqual({ 該当: 0, 非該当: 0, 未記入: plain.report.intake.total.total });
    for (const [i, month] of plain.report.intake.months.entries()) {
      expect(Object.values(age!.months[i]!.counts).reduce((a, b) => a! + b!, 0)).toBe(month.total);
    }
  });
});

describe('a name typed into 年代 never leaves the tool', () => {
  test('validate (text and JSON) and the report in every text format name the row and column, never the value', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tsup-attr-'));
    const config = path.join(dir, 'config.json');
    await writeFile(config, JSON.stringify({ attributes: [AGE_GROUP, { ...DV, unknownLabel: undefined }] }));
    const log = path.join(dir, 'log.csv');
    const lines = [
      '受付番号,受付日,受付方法,主訴,対応結果,年代,DV',
      '1,2021/8/2,電話,家庭問題,助言,34,○',
      '2,2021/8/3,電話,家庭問題,助言,高橋ミドリ,',
    ];
    await writeFile(log, `${lines.join('\n')}\n`);
    const outputs: string[] = [];
    for (const lang of ['ja', 'en']) {
      for (const format of ['text', 'json']) {
        const result = await runCli(['validate', log, '--config', config, '--format', format, '--lang', lang]);
        expect(result.code).toBe(0);
        outputs.push(result.stdout, result.stderr);
      }
      for (const format of ['json', 'md', 'csv', 'html']) {
        const result = await runCli(['monthly', log, '--config', config, '--format', format, '--lang', lang]);
        expect(result.code).toBe(0);
        outputs.push(result.stdout, result.stderr);
      }
    }
    const validation = JSON.parse(outputs[2]!) as { warnings: { code: string; cell: string; value?: string }[] };
    expect(validation.warnings.filter((w) => w.code === 'attribute-unknown').map((w) => [w.cell, 'value' in w])).toEqual([['F3', false]]);
    for (const output of outputs) expect(output).not.toMatch(/高橋|ミドリ/u);

    // A DV cell that matches no label, without an unknown label, is an error that names the column only.
    await writeFile(log, `${lines[0]}\n1,2021/8/2,電話,家庭問題,助言,34,高橋ミドリ\n`);
    const refused = await runCli(['validate', log, '--config', config, '--format', 'json']);
    expect(refused.code).toBe(1);
    const errors = (JSON.parse(refused.stdout) as { errors: { code: string; column: string; value?: string }[] }).errors;
    expect(errors.map((e) => [e.code, e.column, 'value' in e])).toEqual([['unknown-value', 'DV', false]]);
    expect(refused.stdout + refused.stderr).not.toMatch(/高橋|ミドリ/u);
  });
});
