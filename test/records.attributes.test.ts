import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import type { Attribute, Config } from '../src/config/schema.js';
import { LANGS, messagesFor } from '../src/messages/index.js';
import type { CellValue } from '../src/read/types.js';
import { AttributeMatcher, type AttributeSpec } from '../src/records/attributes.js';
import type { TallyView } from '../src/records/tally.js';
import { analyseTables, INTAKE_HEADER, memoryTable } from './helpers.js';

/** The documented example of SPEC §14: 年代 in bands, ages typed as numbers falling into them. */
const AGE_GROUP: Attribute = {
  id: 'ageGroup',
  header: '年代',
  aliases: ['年齢層'],
  labels: [
    { label: '10代以下', aliases: ['10歳代以下', '未成年'], range: [0, 19] },
    { label: '20代', aliases: ['20歳代'], range: [20, 29] },
    { label: '30代', aliases: ['30歳代'], range: [30, 39] },
    { label: '40代', range: [40, 49] },
    { label: '50代', range: [50, 59] },
    { label: '60代', range: [60, 69] },
    { label: '70代以上', range: [70, 130] },
  ],
  unknownLabel: '不明',
};

const DV: Attribute = { id: 'dv', header: 'DV', labels: [{ label: '該当', aliases: ['○', '有', '1'] }], unknownLabel: '非該当' };

const labelOf = (spec: AttributeSpec, cell: string | number | null) => {
  const match = new AttributeMatcher(spec).match(cell);
  return match.kind === 'label' ? spec.labels[match.index]!.label : match.kind;
};

describe('attribute values', () => {
  test.each([
    ['30代', '30代'],
    ['３０代', '30代'],
    ['30歳代', '30代'],
    ['34', '30代'],
    ['34歳', '30代'],
    ['３４才', '30代'],
    [34, '30代'],
    [19, '10代以下'],
    ['10代', '10代以下'],
    ['未成年', '10代以下'],
    ['85', '70代以上'],
    ['80代', '70代以上'],
    [' 20代 ', '20代'],
  ] as const)('%s is %s', (typed, label) => {
    expect(labelOf(AGE_GROUP, typed)).toBe(label);
  });

  test('what matches no label is the unknown label, and the answer never carries the value typed', () => {
    for (const junk of ['山田花子', '不詳?', '-5', 34.5, '200歳', 'わからない']) {
      const match = new AttributeMatcher(AGE_GROUP).match(junk);
      expect(match).toEqual({ kind: 'unknown-label', typed: true });
      expect(JSON.stringify(match)).not.toContain(String(junk));
    }
  });

  test('a blank cell is the unknown label silently; without an unknown label it is blank, and junk is unknown', () => {
    expect(new AttributeMatcher(DV).match('')).toEqual({ kind: 'unknown-label', typed: false });
    expect(new AttributeMatcher(DV).match(null)).toEqual({ kind: 'unknown-label', typed: false });
    expect(labelOf(DV, '○')).toBe('該当');
    expect(labelOf(DV, 1)).toBe('該当');
    expect(labelOf(DV, 2)).toBe('unknown-label');
    expect(labelOf(DV, '1')).toBe('該当');
    // The unknown label itself, typed or chosen from the template's dropdown, is an answer: nothing to say about it.
    expect(new AttributeMatcher(DV).match('非該当')).toEqual({ kind: 'unknown-label', typed: false });
    expect(new AttributeMatcher(AGE_GROUP).match(' 不明 ')).toEqual({ kind: 'unknown-label', typed: false });
    const strict: AttributeSpec = { ...AGE_GROUP, unknownLabel: undefined };
    expect(new AttributeMatcher(strict).match('')).toEqual({ kind: 'blank' });
    expect(new AttributeMatcher(strict).match('山田')).toEqual({ kind: 'unknown' });
  });
});

// ── Reading attribute columns from logs (SPEC §14) ──

const CONFIG: Config = { ...DEFAULT_CONFIG, programStart: null, attributes: [AGE_GROUP, DV] };
const HEADER: CellValue[] = ['受付番号', '受付日', '受付方法', '主訴', '対応結果', '年代', 'DV', '備考'];
const consultation = (id: string, date: string, age: CellValue, dv: CellValue): CellValue[] => [
  id,
  date,
  '電話',
  '家庭問題',
  '助言',
  age,
  dv,
  '',
];

/** Every counted consultation's labels of one attribute, summed over the months of the run. */
function labelTotals(tally: TallyView, attribute: number, spec: AttributeSpec): Record<string, number> {
  const names = [...spec.labels.map((l) => l.label), ...(spec.unknownLabel ? [spec.unknownLabel] : []), '未記入'];
  const totals = Object.fromEntries(names.map((name) => [name, 0]));
  for (const counts of tally.intake.values()) counts.attributes[attribute]!.forEach((n, i) => (totals[names[i]!]! += n));
  return totals;
}

describe('attribute columns in a log', () => {
  test('the 年代 column is the attribute’s (no longer read past), DV is found too, and each counts by label', async () => {
    const { log, tally } = await analyseTables(
      [
        memoryTable([
          HEADER,
          consultation('1', '2021/8/2', 34, '○'),
          consultation('2', '2021/8/3', '34歳', ''),
          consultation('3', '2021/8/4', '30歳代', '有'),
          consultation('4', '2021/8/5', '', 1),
        ]),
      ],
      CONFIG,
    );
    expect(log.list()).toEqual([]);
    expect(labelTotals(tally, 0, AGE_GROUP)).toMatchObject({ '30代': 3, 不明: 1, 未記入: 0 });
    expect(labelTotals(tally, 1, DV)).toEqual({ 該当: 3, 非該当: 1, 未記入: 0 });
  });

  test('without attributes configured, 年代 stays a column read past: no problem, no count', async () => {
    const { log, tally } = await analyseTables([memoryTable([HEADER, consultation('1', '2021/8/2', '山田花子', '○')])], {
      ...CONFIG,
      attributes: [],
    });
    expect(log.list().map((p) => [p.code, p.column])).toEqual([['extra-column', 'DV']]);
    expect(tally.intake.get('2021-08')!.attributes).toEqual([]);
  });

  test('a header with a hint, an alias, and a table without the column (its rows count as 未記入)', async () => {
    const hinted: CellValue[] = ['受付日', '受付方法', '主訴', '対応結果', '年齢層', 'DV（有無）'];
    const without: CellValue[] = ['受付日', '受付方法', '主訴', '対応結果'];
    const { log, tally } = await analyseTables(
      [
        memoryTable([hinted, ['2021/8/2', '電話', '家庭問題', '助言', '20代', '○']], 'a.csv'),
        memoryTable([without, ['2021/8/3', '電話', '家庭問題', '助言'], ['2021/8/4', '電話', '生活問題', '助言']], 'b.csv'),
      ],
      CONFIG,
    );
    expect(log.list()).toEqual([]);
    expect(labelTotals(tally, 0, AGE_GROUP)).toMatchObject({ '20代': 1, 不明: 0, 未記入: 2 });
    expect(labelTotals(tally, 1, DV)).toEqual({ 該当: 1, 非該当: 0, 未記入: 2 });
  });

  test('a value matching no label: the unknown label with an info naming row and column only, never the value', async () => {
    const { log, tally } = await analyseTables(
      [memoryTable([HEADER, consultation('1', '2021/8/2', '山田花子', '○'), consultation('2', '2021/8/3', '鈴木一郎', '')])],
      CONFIG,
    );
    const problems = log.list();
    expect(problems.map((p) => [p.code, p.column, p.cell, p.count, p.rows])).toEqual([['attribute-unknown', '年代', 'F2', 2, [2, 3]]]);
    expect(problems[0]).not.toHaveProperty('value');
    expect(JSON.stringify(problems)).not.toMatch(/山田|鈴木/u);
    expect(labelTotals(tally, 0, AGE_GROUP)).toMatchObject({ 不明: 2 });
  });

  test('without an unknown label, such a value is an error that does not echo it, and a blank is 未記入', async () => {
    const strict: Attribute = { ...AGE_GROUP, unknownLabel: undefined };
    const { log, tally } = await analyseTables(
      [memoryTable([HEADER, consultation('1', '2021/8/2', '山田花子', ''), consultation('2', '2021/8/3', '', '')])],
      { ...CONFIG, attributes: [strict] },
    );
    const problems = log.list().filter((p) => p.code !== 'extra-column');
    expect(problems.map((p) => [p.code, p.column, p.cell])).toEqual([['unknown-value', '年代', 'F2']]);
    expect(problems[0]).not.toHaveProperty('value');
    expect(JSON.stringify(problems)).not.toContain('山田');
    for (const lang of LANGS) {
      const text = messagesFor(lang).issue['unknown-value'](problems[0]!.detail);
      expect(text).not.toMatch(/山田|undefined/u);
      expect(text).toContain('70代以上');
    }
    // The row with the error is not counted; the blank one is 未記入.
    expect(labelTotals(tally, 0, strict)).toMatchObject({ 未記入: 1 });
    expect(tally.total('intake')).toBe(1);
  });

  test('attributes are not content: the same month exported again with 年代 filled in is one table, counted once', async () => {
    const first = [
      HEADER,
      consultation('1', '2021/8/2', '', ''),
      consultation('2', '2021/8/3', '', ''),
      consultation('3', '2021/8/4', '', ''),
    ];
    const again = [
      HEADER,
      consultation('1', '2021/8/2', 34, '○'),
      consultation('2', '2021/8/3', 45, ''),
      consultation('3', '2021/8/4', 51, ''),
    ];
    const { log, tally } = await analyseTables([memoryTable(first, 'a.csv'), memoryTable(again, 'b.csv')], CONFIG);
    expect(log.list().map((p) => p.code)).toEqual(['duplicate-table']);
    expect(tally.total('intake')).toBe(3);
    expect(Object.values(labelTotals(tally, 0, AGE_GROUP)).reduce((a, b) => a + b, 0)).toBe(3);
  });

  test('a repeated 受付番号 is taken back whole: its attribute counts too, so each table still sums to its total', async () => {
    const { tally } = await analyseTables(
      [
        memoryTable([
          HEADER,
          consultation('1', '2021/8/2', 34, '○'),
          consultation('1', '2021/8/2', 62, ''),
          consultation('2', '2021/8/3', 45, ''),
        ]),
      ],
      CONFIG,
    );
    // Same content (attributes are not compared): a re-export, the second row not counted.
    expect(tally.total('intake')).toBe(2);
    expect(labelTotals(tally, 0, AGE_GROUP)).toMatchObject({ '30代': 1, '40代': 1, '60代': 0 });
    expect(labelTotals(tally, 1, DV)).toEqual({ 該当: 1, 非該当: 1, 未記入: 0 });
  });
});

// ── Several 主訴 per consultation (categoriesMultiple) ──

describe('categoriesMultiple', () => {
  const MULTI: Config = { ...DEFAULT_CONFIG, programStart: null, categoriesMultiple: true };
  const row = (id: string, category: CellValue): CellValue[] => [id, '2021/8/2', '電話', category, '助言'];
  const categoryIndex = (label: string) => DEFAULT_CONFIG.categories.findIndex((c) => c.label === label);

  test('each part counts once, whatever the separator; a repeated label in a cell counts once', async () => {
    const cells = ['家庭問題、生活問題', '家庭・生活', '家庭問題／健康問題', '家庭問題,家庭', '就労関係\n対人関係', '精神保健 / その他'];
    const { log, tally } = await analyseTables([memoryTable([INTAKE_HEADER, ...cells.map((c, i) => row(String(i + 1), c))])], MULTI);
    expect(log.list()).toEqual([]);
    const expected = new Array<number>(DEFAULT_CONFIG.categories.length).fill(0);
    for (const labels of [
      ['家庭問題', '生活問題'],
      ['家庭問題', '生活問題'],
      ['家庭問題', '健康問題'],
      ['家庭問題'],
      ['就労関係', '対人関係'],
      ['精神保健', 'その他'],
    ]) {
      for (const label of labels) expected[categoryIndex(label)]!++;
    }
    expect(tally.intake.get('2021-08')!.category).toEqual(expected);
    expect(tally.intake.get('2021-08')!.total).toBe(cells.length);
  });

  test('a label holding a separator is one label; an unknown part is an error naming that part', async () => {
    const config: Config = { ...MULTI, categories: [...DEFAULT_CONFIG.categories, { label: 'DV・性暴力' }] };
    const { log, tally } = await analyseTables(
      [memoryTable([INTAKE_HEADER, row('1', 'DV・性暴力、家庭問題'), row('2', '家庭問題、ほげ、生活問題'), row('3', '、')])],
      config,
    );
    expect(log.list().map((p) => [p.code, p.cell, p.value])).toEqual([
      ['unknown-value', 'D3', 'ほげ'],
      ['missing-value', 'D4', undefined],
    ]);
    const counts = tally.intake.get('2021-08')!.category;
    expect(counts[config.categories.length - 1]).toBe(1);
    expect(counts[categoryIndex('家庭問題')]).toBe(1);
    expect(tally.total('intake')).toBe(1);
  });

  test('the same 主訴 in another order is the same content: a re-export, not a conflict', async () => {
    const { log, tally } = await analyseTables(
      [memoryTable([INTAKE_HEADER, row('1', '家庭問題、生活問題'), row('1', '生活問題・家庭問題')])],
      MULTI,
    );
    expect(log.list().map((p) => p.code)).toEqual(['duplicate-row']);
    expect(tally.intake.get('2021-08')!.category[categoryIndex('生活問題')]).toBe(1);
    const conflict = await analyseTables([memoryTable([INTAKE_HEADER, row('1', '家庭問題、生活問題'), row('1', '家庭問題')])], MULTI);
    expect(conflict.log.list().map((p) => [p.code, p.count])).toEqual([['duplicate-id-conflict', 2]]);
  });

  test('without categoriesMultiple a cell of two 主訴 is one unknown value, as before', async () => {
    const { log } = await analyseTables([memoryTable([INTAKE_HEADER, row('1', '家庭問題、生活問題')])]);
    expect(log.list().map((p) => [p.code, p.value])).toEqual([['unknown-value', '家庭問題、生活問題']]);
  });
});
