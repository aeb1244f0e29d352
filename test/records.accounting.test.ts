import { describe, expect, test } from 'vitest';
import { reportFrom, validationFrom } from '../src/pipeline.js';
import iconv from 'iconv-lite';
import type { CellValue, SourceFile } from '../src/read/types.js';
import { analyseSourceFiles, analyseTables, INTAKE_HEADER, memoryFile, memoryTable } from './helpers.js';

const row = (id: string, date: string, channel = '電話'): CellValue[] => [id, date, channel, '家庭問題', '助言'];
const months = (from: number, to: number, prefix: string): CellValue[][] =>
  Array.from({ length: to - from + 1 }, (_, i) => row(`${prefix}${i}`, `2021/9/${from + i}`));

describe('tables read twice or contained in another', () => {
  test('a month inside a cumulative export is counted once, whichever is read first', async () => {
    const september = () => memoryTable([INTAKE_HEADER, ...months(1, 3, 'S')], '2021-09.csv');
    const octoberRows = [row('O1', '2021/10/1'), row('O2', '2021/10/4'), row('O3', '2021/10/5')];
    const october = () => memoryTable([INTAKE_HEADER, ...octoberRows], '2021-10.csv');
    const cumulative = () => memoryTable([INTAKE_HEADER, ...months(1, 3, 'S'), ...octoberRows], '累計.csv');
    for (const order of [
      [september(), october(), cumulative()],
      [cumulative(), september(), october()],
    ]) {
      const { log, collected } = await analyseTables(order);
      expect(
        log
          .list()
          .filter((p) => p.code === 'overlapping-table')
          .map((p) => p.file)
          .sort(),
      ).toEqual(['2021-09.csv', '2021-10.csv']);
      expect(collected.tally.total('intake')).toBe(6);
    }
  });

  test('a table of fewer than three rows is never called contained: two rows can match by chance', async () => {
    const { log, collected } = await analyseTables([
      memoryTable([INTAKE_HEADER, row('A', '2021/9/1'), row('B', '2021/9/2')], 'a.csv'),
      memoryTable([INTAKE_HEADER, row('A', '2021/9/1'), row('B', '2021/9/2'), row('C', '2021/9/3')], 'b.csv'),
    ]);
    expect(log.list().map((p) => p.code)).toEqual(['duplicate-row', 'duplicate-row']);
    expect(collected.tally.total('intake')).toBe(3);
  });
});

describe('warnings only the period can give', () => {
  test('a month inside the report with no consultation is an empty-month warning; validate does not say it', async () => {
    const analysis = await analyseTables([memoryTable([INTAKE_HEADER, row('1', '2021/9/1'), row('2', '2021/11/1')])]);
    const report = reportFrom(analysis, {}, { kind: 'monthly', skipInvalid: false });
    expect(report.ok && report.findings.warnings.filter((w) => w.code === 'empty-month').map((w) => w.value)).toEqual([
      '2021-08',
      '2021-10',
    ]);
    const again = await analyseTables([memoryTable([INTAKE_HEADER, row('1', '2021/9/1'), row('2', '2021/11/1')])]);
    expect(validationFrom(again, true).warnings.filter((w) => w.code === 'empty-month')).toEqual([]);
  });

  test('a record more than a year from the fiscal year is a far-date warning, one per table and month', async () => {
    const analysis = await analyseTables([memoryTable([INTAKE_HEADER, row('1', '2021/9/1'), row('2', '2012/9/3'), row('3', '2012/9/6')])]);
    const result = validationFrom(analysis, false);
    expect(result.warnings.filter((w) => w.code === 'far-date').map((w) => [w.value, w.count, w.rows, w.cell])).toEqual([
      ['2012-09', 2, [3, 4], 'B3'],
    ]);
  });

  test('an error in rows outside the period does not stop the report: it is shown as a warning there', async () => {
    const tables = (): ReturnType<typeof memoryTable>[] => [
      memoryTable([INTAKE_HEADER, row('1', '2021/9/1'), row('2', '2021/10/1', '電活')], 'logs.csv'),
    ];
    const september = reportFrom(await analyseTables(tables()), { asOf: '2021-09' }, { kind: 'monthly', skipInvalid: false });
    expect(september.ok).toBe(true);
    expect(september.ok && september.findings.warnings.find((w) => w.code === 'unknown-value')).toMatchObject({
      outsidePeriod: true,
      severity: 'warning',
    });
    const october = reportFrom(await analyseTables(tables()), { asOf: '2021-10' }, { kind: 'monthly', skipInvalid: false });
    expect(october).toMatchObject({ ok: false, problem: 'errors', unreadable: false });
    // validate lists it as the error it is.
    expect(validationFrom(await analyseTables(tables()), false).errors.map((e) => e.code)).toEqual(['unknown-value']);
  });
});

describe('the input stage, over files as bytes (as the browser app will feed it)', () => {
  const csv = (lines: string[]): string => `${lines.join('\r\n')}\r\n`;
  const LOG = csv(['受付番号,受付日,受付方法,主訴,対応結果', 'A1,2021/9/1,電話,家庭問題,助言']);

  test('every file accounted for: read, duplicate, lock file, own output, memo, document, refused', async () => {
    const files = [
      memoryFile('logs/2021-09.csv', LOG, false),
      memoryFile('logs/2021-09 - コピー.csv', LOG, false),
      memoryFile('logs/~$2021-10.xlsx', new Uint8Array([4, 1, 2, 3]), false),
      memoryFile('logs/累計表.csv', csv(['"高崎市 月次累計",作成: tsup-report', '']), false),
      memoryFile('logs/メモ.txt', csv(['来週の予定', '']), false),
      memoryFile('logs/手順.docx', new Uint8Array([0x50, 0x4b, 3, 4]), false),
      memoryFile('logs/2021-08.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), false),
    ];
    const analysis = await analyseSourceFiles(files);
    expect(analysis.inputs).toEqual([
      { file: 'logs/2021-08.xls', status: 'refused', reason: 'unsupported-format' },
      { file: 'logs/2021-09.csv', status: 'read' },
      { file: 'logs/2021-09 - コピー.csv', status: 'duplicate', duplicateOf: 'logs/2021-09.csv' },
      { file: 'logs/~$2021-10.xlsx', status: 'skipped', reason: 'lock-file' },
      { file: 'logs/メモ.txt', status: 'skipped', reason: 'not-a-log' },
      { file: 'logs/手順.docx', status: 'skipped', reason: 'other-format' },
      { file: 'logs/累計表.csv', status: 'skipped', reason: 'own-output' },
    ]);
    expect(analysis.tally.total('intake')).toBe(1);
    const codes = analysis.log.list().map((p) => [p.code, p.file]);
    expect(codes).toContainEqual(['open-in-excel', 'logs/~$2021-10.xlsx']);
    expect(codes).toContainEqual(['duplicate-file', 'logs/2021-09 - コピー.csv']);
    expect(codes).toContainEqual(['unsupported-format', 'logs/2021-08.xls']);
  });

  test('a memo named on its own is read as a log, and says it has no header', async () => {
    const analysis = await analyseSourceFiles([memoryFile('メモ.txt', csv(['来週の予定', '']))]);
    expect(analysis.log.list().map((p) => p.code)).toEqual(['no-header']);
  });
});

describe('a large CSV is parsed as it is read (files of 8 MB and more)', () => {
  const LINES = [
    '受付番号,受付日,受付方法,主訴,対応結果',
    ...Array.from({ length: 500 }, (_, i) => `L-${i},2021/9/${(i % 20) + 1},電話,家庭問題,助言`),
  ];
  /** A file that says it is large and hands its bytes out in small pieces, as a file on disk does. */
  const large = (name: string, bytes: Uint8Array, wholeAllowed = true): SourceFile => ({
    name,
    size: 9 * 1024 * 1024,
    explicit: false,
    // Read whole only to compare two files of one size; never to parse.
    read: () => (wholeAllowed ? Promise.resolve(bytes) : Promise.reject(new Error('read whole'))),
    chunks: async function* () {
      for (let at = 0; at < bytes.length; at += 1000) yield bytes.subarray(at, at + 1000);
    },
  });

  test.each([
    ['UTF-8', new TextEncoder().encode(LINES.join('\r\n'))],
    ['CP932', new Uint8Array(iconv.encode(LINES.join('\r\n'), 'cp932'))],
  ])('%s: the same rows, problems and counts as read whole', async (_, bytes) => {
    const streamed = await analyseSourceFiles([large('logs/big.csv', bytes, false)]);
    const whole = await analyseSourceFiles([memoryFile('logs/big.csv', bytes, false)]);
    expect(streamed.tally.total('intake')).toBe(500);
    expect(streamed.tally.intake.get('2021-09')).toEqual(whole.tally.intake.get('2021-09'));
    expect(streamed.log.list()).toEqual(whole.log.list());
    expect(streamed.collected.tables).toEqual(whole.collected.tables);
  });

  test('a copy of a large file is still found by its bytes', async () => {
    const bytes = new TextEncoder().encode(LINES.join('\n'));
    const analysis = await analyseSourceFiles([large('logs/big.csv', bytes), large('logs/big - コピー.csv', bytes)]);
    expect(analysis.inputs.map((i) => i.status)).toEqual(['read', 'duplicate']);
    expect(analysis.tally.total('intake')).toBe(500);
  });
});
