import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { severityOf } from '../src/problems.js';
import { ProblemLog } from '../src/problem-log.js';
import { readSources, type InputEntry } from '../src/read/inputs.js';
import { sourcesFromArgs } from '../src/read/node-files.js';
import type { RawRow, ReadOptions } from '../src/read/types.js';
import { runCli, useTempDir } from './helpers.js';

let dir: string;
useTempDir('tsup-read-', (created) => (dir = created));

async function readAll(file: string, options: ReadOptions = {}) {
  const tables: { sheet: string | null; encoding: string | null; rows: RawRow[] }[] = [];
  const log = new ProblemLog();
  const entries: InputEntry[] = [];
  for await (const { table } of readSources(await sourcesFromArgs([file], () => process.stdin), options, log, entries)) {
    const rows: RawRow[] = [];
    for await (const batch of table.rows) rows.push(...batch);
    tables.push({ sheet: table.sheet, encoding: table.encoding, rows });
  }
  const failure = log.list().find((p) => severityOf(p.code) === 'error');
  if (failure) throw new Error(`${failure.code} ${JSON.stringify(failure.detail)}`);
  return tables;
}

const TEXT = '受付番号,受付日,受付方法,主訴,対応結果\r\n1,2021/8/12,電話,家庭問題,助言\r\n';
const EXPECTED_ROWS = [
  { row: 1, cells: ['受付番号', '受付日', '受付方法', '主訴', '対応結果'] },
  { row: 2, cells: ['1', '2021/8/12', '電話', '家庭問題', '助言'] },
];

describe('CSV encodings and delimiters', () => {
  test.each([
    ['cp932', iconv.encode(TEXT, 'cp932')],
    ['utf8', Buffer.from(TEXT, 'utf8')],
    ['utf8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['utf16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ['utf16le', Buffer.from(TEXT, 'utf16le')],
    ['utf16be', iconv.encode(TEXT, 'utf16be')],
  ])('%s is detected and decoded', async (encoding, bytes) => {
    const file = path.join(dir, `enc-${encoding}-${bytes.length}.csv`);
    await writeFile(file, bytes);
    const [table] = await readAll(file);
    expect(table!.encoding).toBe(encoding);
    expect(table!.rows).toEqual(EXPECTED_ROWS);
  });

  test('--encoding forces the decoding', async () => {
    const file = path.join(dir, 'forced.csv');
    await writeFile(file, iconv.encode(TEXT, 'cp932'));
    const [table] = await readAll(file, { encoding: 'utf8' });
    expect(table!.rows[1]!.cells[2]).toContain('\uFFFD');
  });

  test('tab-separated text, quoted fields with newlines keep Excel row numbers', async () => {
    const file = path.join(dir, 'tabs.tsv');
    await writeFile(file, '受付日\t主訴\n2021/8/12\t"家庭\n問題"\n\n2021/8/13\t生活問題\n');
    const [table] = await readAll(file);
    expect(table!.rows).toEqual([
      { row: 1, cells: ['受付日', '主訴'] },
      { row: 2, cells: ['2021/8/12', '家庭\n問題'] },
      { row: 3, cells: [''] },
      { row: 4, cells: ['2021/8/13', '生活問題'] },
    ]);
  });

  test('an open quote is a located, readable error', async () => {
    const file = path.join(dir, 'open-quote.csv');
    await writeFile(file, `${TEXT}2,"2021/8/13,電話,家庭問題,助言\r\n`);
    const result = await runCli(['validate', file, '--format', 'json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).errors).toMatchObject([{ code: 'unreadable-file' }]);
  });

  test('- reads CSV from standard input', async () => {
    const result = await runCli(['validate', '-', '--format', 'json'], { input: iconv.encode(TEXT, 'cp932') });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).tables).toEqual([{ file: '-', sheet: null, kind: 'intake', headerRow: 1, rows: 1 }]);
  });
});

describe('XLSX cells', () => {
  test('dates, text numbers, rich text, formulas, hyperlinks, error cells, hidden sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('相談', { state: 'hidden' });
    sheet.addRow(['令和3年度 相談記録']);
    sheet.addRow(['受付番号', '受付日', '受付方法', '主訴', '対応結果']);
    const row = sheet.addRow([
      3,
      new Date(Date.UTC(2021, 7, 12)),
      { text: '電話', hyperlink: 'https://example.invalid/' },
      { richText: [{ text: '家庭', font: { bold: true } }, { text: '問題' }] },
      { formula: 'IF(1,"助言","")', result: '助言' },
    ]);
    row.getCell(2).numFmt = 'yyyy/m/d';
    const formulaDate = sheet.addRow(['4', { formula: 'DATE(2021,8,13)', result: 44421 }, '電話', { error: '#N/A' }, '助言']);
    formulaDate.getCell(2).numFmt = 'yyyy/m/d';
    const file = path.join(dir, 'cells.xlsx');
    await workbook.xlsx.writeFile(file);

    const [table] = await readAll(file);
    expect(table!.sheet).toBe('相談');
    expect(table!.rows).toEqual([
      { row: 1, cells: ['令和3年度 相談記録'] },
      { row: 2, cells: ['受付番号', '受付日', '受付方法', '主訴', '対応結果'] },
      { row: 3, cells: [3, new Date(Date.UTC(2021, 7, 12)), '電話', '家庭問題', '助言'] },
      { row: 4, cells: ['4', new Date(Date.UTC(2021, 7, 13)), '電話', { error: '#N/A' }, '助言'] },
    ]);
  });

  test('a workbook in the 1904 date system gives the same calendar dates', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('S');
    sheet.addRow(['受付日']);
    sheet.addRow([new Date(Date.UTC(2021, 7, 12))]).getCell(1).numFmt = 'yyyy/m/d';
    const file = path.join(dir, 'date1904.xlsx');
    await workbook.xlsx.writeFile(file);
    const [table] = await readAll(file);
    expect(table!.rows[1]!.cells[0]).toEqual(new Date(Date.UTC(2021, 7, 12)));
  });

  test('a workbook saved with a .csv name is still read as a workbook; a text file named .xlsx is refused', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').addRow(['受付日']);
    const misnamed = path.join(dir, 'misnamed.csv');
    await workbook.xlsx.writeFile(misnamed);
    expect((await readAll(misnamed))[0]!.sheet).toBe('S');

    const fake = path.join(dir, 'fake.xlsx');
    await writeFile(fake, TEXT);
    const result = await runCli(['validate', fake, '--format', 'json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).errors[0]).toMatchObject({ code: 'unreadable-file', file: fake });
  });
});
