import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import type { Config } from '../src/config/schema.js';
import type { CellValue } from '../src/read/types.js';
import { HashColumn } from '../src/records/numbered.js';
import { analyseTables, INTAKE_HEADER, memoryTable } from './helpers.js';

const row = (id: string, date: string, channel = '電話', category = '家庭問題', outcome = '助言'): CellValue[] => [
  id,
  date,
  channel,
  category,
  outcome,
];

describe('受付番号: counted once, unique within a fiscal year', () => {
  test('numbering that restarts in April does not clash with last year', async () => {
    const { log, tally } = await analyseTables([
      memoryTable([INTAKE_HEADER, row('1', '2021/4/5'), row('2', '2021/4/6', 'メール')], 'r3.csv'),
      memoryTable([INTAKE_HEADER, row('1', '2022/4/5', 'メール'), row('2', '2022/4/6')], 'r4.csv'),
    ]);
    expect(log.list().filter((p) => p.code.startsWith('duplicate'))).toEqual([]);
    expect(tally.intake.get('2021-04')?.total).toBe(2);
    expect(tally.intake.get('2022-04')?.total).toBe(2);
  });

  test('a conflict on dates before 1970 (昭和40年) rejects both rows: the totals stay consistent', async () => {
    // The former index packed the date into one float and broke for negative day numbers:
    // a conflict here gave a total of 1 with channel columns summing to 2.
    const { log, tally, collected } = await analyseTables([
      memoryTable([
        INTAKE_HEADER,
        row('S40-1', '昭和40年6月1日', 'メール', '生活問題', '継続'),
        row('S40-1', '昭和40年6月2日'),
        row('S40-2', '昭和40年6月3日'),
      ]),
    ]);
    expect(log.list().map((p) => [p.code, p.rows])).toEqual([['duplicate-id-conflict', [2, 3]]]);
    expect(collected.rows.intake).toMatchObject({ rejected: 2, accepted: 1 });
    const june = tally.intake.get('1965-06')!;
    expect(june.total).toBe(1);
    expect(june.channel.reduce((a, b) => a + b, 0)).toBe(1);
  });

  test('labels beyond the 1,024 a packed index could hold still tell contents apart', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ label: `区分${i}` }));
    const config: Config = { ...DEFAULT_CONFIG, categories: many };
    const { log, collected } = await analyseTables(
      [
        memoryTable([
          INTAKE_HEADER,
          row('A', '2021/9/1', '電話', '区分999'),
          row('A', '2021/9/1', '電話', '区分998'),
          row('B', '2021/9/1', '電話', '区分1'),
        ]),
      ],
      config,
    );
    expect(log.list().map((p) => p.code)).toEqual(['duplicate-id-conflict']);
    expect(collected.rows.intake.accepted).toBe(1);
  });

  test('monthly files each numbered 1, 2, 3 … are row counters, not IDs: nothing is rejected', async () => {
    const months = ['2021/9', '2021/10', '2021/11'].map((month, m) =>
      memoryTable(
        [INTAKE_HEADER, ...Array.from({ length: 5 + m }, (_, i) => row(String(i + 1), `${month}/${i + 1}`, i % 2 ? 'メール' : '電話'))],
        `${m}.csv`,
      ),
    );
    const { log, collected } = await analyseTables(months);
    expect(
      log
        .list()
        .filter((p) => p.code !== 'outside-service-days')
        .map((p) => [p.code, p.file]),
    ).toEqual([
      ['id-is-row-number', '0.csv'],
      ['id-is-row-number', '1.csv'],
      ['id-is-row-number', '2.csv'],
    ]);
    expect(collected.rows.intake).toMatchObject({ rejected: 0, duplicate: 0, accepted: 18 });
  });

  test('real IDs that happen to be 1 … n in the first file stay IDs when nothing clashes', async () => {
    const { log, collected } = await analyseTables([
      memoryTable([INTAKE_HEADER, row('1', '2021/9/1'), row('2', '2021/9/2')], 'a.csv'),
      memoryTable([INTAKE_HEADER, row('3', '2021/10/1'), row('1', '2021/9/1')], 'b.csv'),
    ]);
    // b.csv repeats number 1 with the same content: a re-export, counted once.
    expect(log.list().map((p) => [p.code, p.file, p.row])).toEqual([['duplicate-row', 'b.csv', 3]]);
    expect(collected.rows.intake.accepted).toBe(3);
  });

  test('a re-exported numbered file is still caught: by its bytes, or as the same table', async () => {
    const table = (name: string) => memoryTable([INTAKE_HEADER, row('1', '2021/9/1'), row('2', '2021/9/2'), row('3', '2021/9/3')], name);
    const { log, collected } = await analyseTables([table('a.csv'), table('a.xlsx')]);
    expect(log.list().map((p) => [p.code, p.file])).toEqual([['duplicate-table', 'a.xlsx']]);
    expect(collected.rows.intake).toMatchObject({ duplicate: 3, accepted: 3 });
  });

  test('a table without a 受付番号 column after one with it: its records carry no number to clash on', async () => {
    // The row checker reuses its value slots from row to row; a layout without the column must not see the last number.
    const withoutIds = ['受付日', '受付方法', '主訴', '対応結果'];
    const { log, collected } = await analyseTables([
      memoryTable([INTAKE_HEADER, row('R3-9', '2021/4/5')], 'numbered.csv'),
      memoryTable([withoutIds, row('', '2021/4/7').slice(1), row('', '2021/4/8', 'メール').slice(1)], 'plain.csv'),
    ]);
    expect(log.list().filter((p) => p.code.startsWith('duplicate'))).toEqual([]);
    expect(collected.rows.intake).toMatchObject({ accepted: 3, duplicate: 0, rejected: 0 });
  });

  test('tables of more than one storage chunk (4,096 rows): repeats and re-reads are found across chunks', async () => {
    const day = (i: number): string => `2021/${4 + (i % 9)}/${1 + (i % 28)}`;
    const rows = Array.from({ length: 9000 }, (_, i) => row(`N-${i}`, day(i), i % 2 ? 'メール' : '電話'));
    // The same numbers, with other content, at the ends of the first and second chunks and in the third.
    const clashes = [4095, 4096, 8191, 8999].map((i) => row(`N-${i}`, day(i), i % 2 ? '電話' : 'メール'));
    const { log, collected } = await analyseTables([
      memoryTable([INTAKE_HEADER, ...rows], 'year.csv'),
      memoryTable([INTAKE_HEADER, ...rows], 'year.xlsx'),
      memoryTable([INTAKE_HEADER, ...clashes], 'late.csv'),
    ]);
    const duplicates = log.list().filter((p) => p.code.startsWith('duplicate'));
    // Spreadsheet rows: the header is row 1.
    expect(duplicates.map((p) => `${p.code} ${p.file} ${p.row ?? ''}`).sort()).toEqual(
      [
        'duplicate-table year.xlsx ',
        ...[4097, 4098, 8193, 9001].map((r) => `duplicate-id-conflict year.csv ${r}`),
        ...[2, 3, 4, 5].map((r) => `duplicate-id-conflict late.csv ${r}`),
      ].sort(),
    );
    expect(collected.rows.intake).toMatchObject({ accepted: 9000 - 4, duplicate: 9000, rejected: 8 });
  });

  test('the column of row hashes keeps every hash across chunks: sorted() is every pushed hash, sorted', () => {
    for (const size of [0, 1, 4095, 4096, 4097, 10_000]) {
      const hashes = Array.from({ length: size }, (_, i) => ((i * 2654435761) % 2 ** 32) * 1024 + i);
      const column = new HashColumn();
      hashes.forEach((h) => column.push(h));
      expect(column.length).toBe(size);
      expect(Array.from(column.sorted())).toEqual([...hashes].sort((a, b) => a - b));
    }
  });

  test('numbers are kept whole across the storage of their text: 200,001 characters long, full-width, Japanese, past a chunk of 65,536', async () => {
    const long = `L${'0123456789'.repeat(20_000)}`;
    const many = Array.from({ length: 20_000 }, (_, i) => `N-${String(i).padStart(5, '0')}`);
    const ids = [...many.slice(0, 9000), long, 'Ｒ３－１', '受付番号あ', ...many.slice(9000)];
    const rows = ids.map((id, i) => row(id, `2021/9/${1 + (i % 28)}`));
    // Every fifth number again, with another channel: each is a conflict naming its number.
    const again = ids.filter((_, i) => i % 5 === 0 || (i >= 9000 && i <= 9002)).map((id) => row(id, '2021/10/1', 'メール'));
    const { log } = await analyseTables([memoryTable([INTAKE_HEADER, ...rows], 'a.csv'), memoryTable([INTAKE_HEADER, ...again], 'b.csv')]);
    const conflicts = log.list().filter((p) => p.code === 'duplicate-id-conflict' && p.file === 'b.csv');
    const expected = ids.filter((_, i) => i % 5 === 0 || (i >= 9000 && i <= 9002)).map((id) => id.normalize('NFKC'));
    expect(conflicts.map((p) => p.value)).toEqual(expected);
  });
});
