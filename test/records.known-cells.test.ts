import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { holidaysFromPackage } from '../src/cli/holidays.js';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import type { Config } from '../src/config/schema.js';
import type { CellValue } from '../src/read/types.js';
import { detectHeader, withAttributeColumns, type TableLayout } from '../src/records/header.js';
import { parseDate } from '../src/records/dates.js';
import { plainDateKey } from '../src/records/known-cells.js';
import { RowValidator, type LogRecord, type RowResult } from '../src/records/row.js';
import { Tally } from '../src/records/tally.js';

const TODAY = '2022-03-31';

/** A result as plain data: the validator overwrites its answer and record with the next row's. */
const copy = (result: RowResult): unknown => JSON.parse(JSON.stringify({ ...result, record: result.record && { ...result.record } }));

function layoutOf(header: CellValue[], config: Config): TableLayout {
  const found = detectHeader([{ row: 1, cells: header }]);
  if (!found.ok) throw new Error('no header');
  return withAttributeColumns(found.layout, config.attributes);
}

/** Mostly a column's usual texts (met again and again: the fast path), now and then anything that sends a row to the full check. */
const cell = (usual: CellValue[], unusual: CellValue[]) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom<CellValue>(...usual) },
    { weight: 1, arbitrary: fc.constantFrom<CellValue>(...unusual, '', '  ', null, 'x\uFFFD', 7, new Date(Date.UTC(2021, 8, 3))) },
  );
const intakeRow = fc.tuple(
  cell(['R3-1', 'R3-2', '1', 'A 1'], [' R3-3 ', 'Ｒ３－４', '受付5', '\tR3-6']),
  cell(
    ['2021/9/1', '2021-9-1', '2021.09.01', '2021/9/4', '2021-09-06', '令和3年9月7日'],
    ['2021/2/30', '2030/1/1', '9/1', '2021/9/5', '2021/09/5 '],
  ),
  cell(['電話', 'TEL', 'メール', '来所'], ['電活']),
  cell(['家庭問題', '家庭', '生活問題'], ['不明']),
  cell(['助言', '継続', 'その他'], ['助']),
  cell(['メモ', '', '長いメモ\n二行目'], []),
  cell(['A-1', 'A-2', ''], ['Ａ－３']),
  cell(['新規', '継続', '再来'], ['はい']),
  cell(['20代', '不明', ''], ['30代']),
);
const HEADER: CellValue[] = ['受付番号', '受付日', '受付方法', '主訴', '対応結果', '備考', '相談者ID', '新規/継続', '年代'];

describe('the fast path of the row check (records/known-cells.ts) answers as the full check does', () => {
  for (const [name, config] of [
    ['the default config', DEFAULT_CONFIG],
    [
      'an attribute configured (年代)',
      { ...DEFAULT_CONFIG, attributes: [{ key: 'age', header: '年代', labels: [{ label: '20代' }], unknownLabel: '不明' }] },
    ],
  ] as [string, Config][]) {
    test(`every row, whatever the rows before it: ${name} (fast-check)`, () => {
      const layout = layoutOf(HEADER, config);
      fc.assert(
        fc.property(fc.array(intakeRow, { minLength: 20, maxLength: 80 }), (rows) => {
          // One validator for the whole table, which meets texts again; a fresh one per row, which never has.
          const warm = new RowValidator(config, TODAY, holidaysFromPackage);
          rows.forEach((cells, i) => {
            const row = { row: i + 2, cells };
            const expected = copy(new RowValidator(config, TODAY, holidaysFromPackage).validate(layout, row, 0));
            expect(copy(warm.validate(layout, row, 0))).toEqual(expected);
          });
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe('dates typed as digits and separators (known-cells.ts plainDateKey)', () => {
  const part = (max: number, width: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(width, '0'));
  const typed = fc.tuple(
    part(9999, 4),
    fc.constantFrom('/', '-', '.'),
    fc.oneof(part(9, 1), part(99, 2)),
    fc.constantFrom('/', '-', '.'),
    fc.oneof(part(9, 1), part(99, 2)),
  );

  test('a key for exactly the texts of that form; texts with one key have one answer from the full parser (fast-check)', () => {
    fc.assert(
      fc.property(typed, ([year, s1, month, s2, day]) => {
        const text = `${year}${s1}${month}${s2}${day}`;
        expect(plainDateKey(text)).toBe(Number(year) * 10_000 + Number(month) * 100 + Number(day));
        expect(parseDate(text)).toEqual(parseDate(`${year}/${Number(month)}/${Number(day)}`));
      }),
      { numRuns: 2000 },
    );
    // Near misses: the same shape with any piece too long, too short or of another character.
    const piece = (length: number) =>
      fc.array(fc.constantFrom('0', '1', '9', '/', '-', '.', ' ', '２', 'a'), { minLength: 0, maxLength: length });
    const digits = (min: number, max: number) => fc.array(fc.constantFrom('0', '3', '9'), { minLength: min, maxLength: max });
    const other = fc
      .tuple(
        fc.oneof(digits(3, 5), piece(5)),
        fc.oneof(piece(1), fc.constantFrom(['/'])),
        fc.oneof(digits(0, 3), piece(3)),
        piece(1),
        fc.oneof(digits(0, 3), piece(3)),
      )
      .map((parts) => parts.map((p) => p.join('')).join(''));
    fc.assert(
      fc.property(other, (text) => {
        expect(plainDateKey(text) >= 0).toBe(/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/u.test(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the tally counts rows by kind and month however records come (records/tally.ts keeps the last month pending)', () => {
  test('rows, total, months and addAll agree with a plain count (fast-check)', () => {
    const month = fc.constantFrom('2021-04', '2021-05', '2022-01');
    const op = fc.record({ kind: fc.constantFrom('intake', 'ibasho', 'distribution'), month, remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.array(op, { maxLength: 20 }), (ops, others) => {
        const recordOf = ({ kind, month }: { kind: string; month: string }): LogRecord =>
          kind === 'intake'
            ? {
                kind: 'intake',
                unit: 0,
                row: 2,
                id: null,
                date: `${month}-03`,
                clientId: null,
                visit: null,
                channel: 0,
                category: 0,
                outcome: 0,
                categories: null,
                attributes: [],
              }
            : kind === 'ibasho'
              ? { kind: 'ibasho', unit: 0, row: 2, date: `${month}-03`, venue: 0, participants: 2 }
              : { kind: 'distribution', unit: 0, row: 2, date: `${month}-03`, location: 0, count: 1 };
        const expected = new Map<string, number>();
        for (const o of [...ops, ...others]) {
          const key = `${o.kind} ${o.month}`;
          expected.set(key, (expected.get(key) ?? 0) + (o.remove ? -1 : 1));
        }
        // Built afresh for each question, so that each is asked with rows still pending: another
        // table's rows (pending there) added first, then this table's own.
        const build = (): Tally => {
          const other = new Tally(DEFAULT_CONFIG);
          for (const o of others) (o.remove ? other.remove : other.add).call(other, recordOf(o));
          const tally = new Tally(DEFAULT_CONFIG);
          tally.addAll(other);
          for (const o of ops) (o.remove ? tally.remove : tally.add).call(tally, recordOf(o));
          return tally;
        };
        const months = [...new Set([...expected].filter(([, n]) => n > 0).map(([k]) => k.split(' ')[1]!))].sort();
        const intake = [...expected].filter(([k]) => k.startsWith('intake')).reduce((a, [, n]) => a + n, 0);
        expect(build().months()).toEqual(months);
        expect(build().total('intake')).toBe(intake);
        const rows = build().rows;
        const seen = new Map<string, number>();
        for (const kind of ['intake', 'ibasho', 'distribution'] as const) for (const [m, n] of rows[kind]) seen.set(`${kind} ${m}`, n);
        expect(seen).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
