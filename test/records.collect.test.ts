import { describe, expect, test } from 'vitest';
import { holidaysFromPackage } from '../src/cli/holidays.js';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { analyseSources } from '../src/pipeline.js';
import { readCsv } from '../src/read/csv.js';
import { detectHeader } from '../src/records/header.js';
import type { CellValue } from '../src/read/types.js';
import { analyseTables, INTAKE_HEADER, memoryTable, sourcesOf, TODAY } from './helpers.js';

const rowsOf = (cells: CellValue[][]) => cells.map((c, i) => ({ row: i + 1, cells: c }));

describe('header row and kind', () => {
  test('canonical intake headers in row 1', () => {
    const result = detectHeader(rowsOf([INTAKE_HEADER]));
    expect(result.ok && result.layout.kind).toBe('intake');
    expect(result.ok && result.layout.headerRow).toBe(1);
  });

  test('title rows above the header are skipped; aliases and full-width headers match', () => {
    const result = detectHeader(rowsOf([['令和3年度 相談記録'], [], ['Ｎｏ．', '相談日', '相談方法', '相談内容', '対応', '担当者']]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.layout.kind).toBe('intake');
    expect(result.layout.headerRow).toBe(3);
    expect(result.layout.columns.map((c) => c.spec.field)).toEqual(['id', 'date', 'channel', 'category', 'outcome', 'counselor']);
  });

  test('the kind is decided by the other required columns when 日付 alone could be any', () => {
    const ibasho = detectHeader(rowsOf([['日付', '場所', '人数']]));
    expect(ibasho.ok && ibasho.layout.kind).toBe('ibasho');
    const distribution = detectHeader(rowsOf([['日付', '窓口', '件数']]));
    expect(distribution.ok && distribution.layout.kind).toBe('distribution');
  });

  test('a header that fully matches two kinds equally is an error asking for canonical headers', () => {
    // 日付 + 場所 is a whole handouts header (配布数 is optional) but lacks the gatherings' 参加者数.
    const handouts = detectHeader(rowsOf([['日付', '場所']]));
    expect(handouts.ok && handouts.layout.kind).toBe('distribution');
    // With both 人数 and 件数, each kind maps three cells: a tie.
    const tie = detectHeader(rowsOf([['日付', '場所', '人数', '件数']]));
    expect(tie).toMatchObject({ ok: false, code: 'no-header', detail: { reason: 'ambiguous', candidates: ['ibasho', 'distribution'] } });
  });

  test('missing columns name the nearest kind', () => {
    expect(detectHeader(rowsOf([['受付日', '受付方法', '対応結果']]))).toMatchObject({
      ok: false,
      code: 'missing-column',
      row: 1,
      detail: { kind: 'intake', missing: ['主訴'] },
    });
  });

  test('a header below row 10 is not found', () => {
    const rows = rowsOf([...Array.from({ length: 10 }, () => ['タイトル']), INTAKE_HEADER]);
    expect(detectHeader(rows)).toMatchObject({ ok: false, code: 'no-header' });
  });

  test('header hints are dropped: a line break, a trailing bracket, ※ marks', () => {
    const result = detectHeader(
      rowsOf([['No.', '受付日\n(例 2026/10/1)', '受付方法（電話・来所・メール等）', '主訴※', '対応結果 ＊', '備考\n（個人名は書かない）']]),
    );
    expect(result.ok && result.layout.columns.map((c) => [c.spec.field, c.header])).toEqual([
      ['id', 'No.'],
      ['date', '受付日\n(例 2026/10/1)'],
      ['channel', '受付方法（電話・来所・メール等）'],
      ['category', '主訴※'],
      ['outcome', '対応結果 ＊'],
      ['notes', '備考\n（個人名は書かない）'],
    ]);
  });

  test('an exact header wins: 「相談内容（詳細）」 beside 主訴 stays an ignored free-text column', () => {
    const result = detectHeader(rowsOf([['受付日', '受付方法', '相談内容（詳細）', '主訴', '対応結果']]));
    expect(result.ok && result.layout.columns.find((c) => c.spec.field === 'category')?.header).toBe('主訴');
    expect(result.ok && result.layout.extras.map((e) => e.header)).toEqual(['相談内容（詳細）']);
    // The canonical header beats an alias wherever it stands.
    const alias = detectHeader(rowsOf([['日付', '受付日', '受付方法', '主訴', '対応結果']]));
    expect(alias.ok && alias.layout.columns.find((c) => c.spec.field === 'date')?.header).toBe('受付日');
  });

  test('a sheet without a date column is not a log (a dropdown list sheet): no error, just not a log', () => {
    const list = detectHeader(
      rowsOf([
        ['受付方法', '主訴', '対応結果'],
        ['電話', '家庭問題', '助言'],
      ]),
    );
    expect(list).toMatchObject({ ok: false, hasDateColumn: false });
    const missing = detectHeader(rowsOf([['受付日', '受付方法', '対応結果']]));
    expect(missing).toMatchObject({ ok: false, code: 'missing-column', hasDateColumn: true });
  });

  test('unknown columns are extras, a second column for the same field too', () => {
    const result = detectHeader(rowsOf([[...INTAKE_HEADER, '氏名', '日付']]));
    expect(result.ok && result.layout.extras.map((e) => e.header)).toEqual(['氏名', '日付']);
  });
});

describe('rows into records', () => {
  test('a clean table counts every row; blank rows are skipped and counted in the ledger', async () => {
    const { log, collected, tally } = await analyseTables([
      memoryTable([
        INTAKE_HEADER,
        ['1', '2021/8/12', '電話', '家庭問題', '助言'],
        [null, '', '  ', null, null],
        ['2', '2021/8/13', 'メール', '生活問題', '継続'],
      ]),
    ]);
    expect(log.list()).toEqual([]);
    expect(collected.rows.intake).toMatchObject({ read: 3, blank: 1, totalLine: 0, duplicate: 0, rejected: 0, accepted: 2 });
    expect(tally.intake.get('2021-08')).toEqual({
      total: 2,
      channel: [1, 0, 1, 0, 0],
      category: [0, 0, 0, 1, 0, 0, 1, 0],
      outcome: [1, 0, 0, 1, 0],
      // No attribute is configured by default (SPEC §14).
      attributes: [],
    });
  });

  test('a row may carry several problems; it is rejected once', async () => {
    const { log, collected } = await analyseTables([memoryTable([INTAKE_HEADER, ['1', '2021/2/30', '電活', '', '助言']])]);
    expect(log.list().map((i) => [i.code, i.cell])).toEqual([
      ['invalid-date', 'B2'],
      ['unknown-value', 'C2'],
      ['missing-value', 'D2'],
    ]);
    expect(collected.rows.intake.rejected).toBe(1);
  });

  test('error cells are invalid values', async () => {
    const { log } = await analyseTables([
      memoryTable([INTAKE_HEADER, ['1', { error: '#N/A' }, '電話', { error: '#REF!' }, '助言']], 'book.xlsx', 'Sheet1'),
    ]);
    expect(log.list().map((i) => [i.code, i.value])).toEqual([
      ['invalid-date', '#N/A'],
      ['unknown-value', '#REF!'],
    ]);
  });

  test('the same 受付番号 with the same content (a date cell and its text, TEL and 電話) is counted once', async () => {
    const { log, collected, tally } = await analyseTables([
      memoryTable([INTAKE_HEADER, ['R3-1', new Date(Date.UTC(2021, 11, 3)), '電話', '家庭問題', '助言']], 'a.xlsx', 'S'),
      memoryTable(
        [INTAKE_HEADER, ['R3-1', '2021/12/3', 'TEL', '家庭', '助言'], ['R3-2', '2021/12/6', '電話', '家庭問題', '助言']],
        'b.csv',
      ),
    ]);
    expect(log.list().map((i) => [i.code, i.file, i.row])).toEqual([['duplicate-row', 'b.csv', 2]]);
    expect(collected.rows.intake).toMatchObject({ read: 3, duplicate: 1, accepted: 2 });
    expect(tally.intake.get('2021-12')?.total).toBe(2);
  });

  test("the browser app's pause comes after every 4,096 rows, however small the reader's batches", async () => {
    const lines = [
      '受付番号,受付日,受付方法,主訴,対応結果',
      ...Array.from({ length: 10_000 }, (_, i) => `${i + 1},2021/9/1,電話,家庭問題,助言`),
    ];
    const table = await readCsv('big.csv', new TextEncoder().encode(lines.join('\n')), {});
    let pauses = 0;
    let rows = 0;
    const analysis = await analyseSources(sourcesOf([table]), DEFAULT_CONFIG, {
      today: TODAY,
      holidays: holidaysFromPackage,
      onProgress: (_, read) => (rows = read),
      betweenBatches: async () => {
        pauses++;
      },
    });
    expect(analysis.collected.rows.intake.accepted).toBe(10_000);
    expect([rows, pauses]).toEqual([10_000, 2]);
  });

  test('a month as CSV text and as a workbook of typed cells is one table read twice, texts met again included', async () => {
    // From its second row on, the CSV's dates and coded values are texts met before (records/known-cells.ts): the
    // content hash of such a row must be the one the full check gives the workbook's date cells and numbers.
    const days = [1, 1, 2, 2, 3, 3];
    const channels = ['電話', 'メール', '電話', 'メール', '来所', '電話'];
    const text = days.map((d, i) => [String(i + 1), `2021/9/${d}`, channels[i]!, '家庭問題', '助言'] as CellValue[]);
    const typed = days.map((d, i) => [i + 1, new Date(Date.UTC(2021, 8, d)), channels[i]!, '家庭問題', '助言'] as CellValue[]);
    const { log, collected } = await analyseTables([
      memoryTable([INTAKE_HEADER, ...text], 'sep.csv'),
      memoryTable([INTAKE_HEADER, ...typed], 'sep.xlsx', '相談記録'),
    ]);
    expect(log.list().map((p) => [p.code, p.file])).toEqual([['duplicate-table', 'sep.xlsx']]);
    expect(collected.rows.intake).toMatchObject({ accepted: 6, duplicate: 6 });
  });

  test('the same 受付番号 with different content rejects every such row, including ones accepted earlier', async () => {
    const { log, collected, tally } = await analyseTables([
      memoryTable([
        INTAKE_HEADER,
        ['R3-1', '2021/12/3', '電話', '家庭問題', '助言'],
        ['R3-1', '2021/12/3', '電話', '家庭問題', '助言'],
        ['R3-2', '2021/12/3', '電話', '家庭問題', '助言'],
        ['R3-1', '2021/12/6', '電話', '家庭問題', '助言'],
        ['R3-1', '2021/12/3', '電話', '家庭問題', '助言'],
      ]),
    ]);
    // One problem repeated on four rows: one entry, with its count and rows.
    expect(log.list().map((i) => [i.code, i.row, i.count, i.rows])).toEqual([['duplicate-id-conflict', 2, 4, [2, 3, 5, 6]]]);
    expect(collected.rows.intake).toMatchObject({ read: 5, blank: 0, duplicate: 0, rejected: 4, accepted: 1 });
    expect(tally.intake.get('2021-12')?.total).toBe(1);
  });

  test('a full-width 受付番号 is the same number as its half-width form', async () => {
    const { log } = await analyseTables([
      memoryTable([
        INTAKE_HEADER,
        ['R3-1', '2021/12/3', '電話', '家庭問題', '助言'],
        ['Ｒ３－１ ', '2021/12/3', '電話', '家庭問題', '助言'],
      ]),
    ]);
    expect(log.list().map((i) => [i.code, i.row, i.value])).toEqual([['duplicate-row', 3, 'R3-1']]);
  });

  test('outside-service-days is a warning and the row still counts', async () => {
    const { log, tally } = await analyseTables([
      memoryTable([INTAKE_HEADER, ['1', '2021/8/14', '電話', '家庭問題', '助言'], ['2', '2021/8/14', 'メール', '家庭問題', '助言']]),
    ]);
    expect(log.list().map((i) => [i.code, i.row])).toEqual([['outside-service-days', 2]]);
    expect(tally.intake.get('2021-08')?.total).toBe(2);
  });

  test('a future date is rejected against the given today', async () => {
    const { log } = await analyseTables(
      [memoryTable([INTAKE_HEADER, ['1', '2021/8/13', '電話', '家庭問題', '助言']])],
      undefined,
      '2021-08-12',
    );
    expect(log.list()[0]).toMatchObject({ code: 'future-date', value: '2021/8/13' });
  });

  test('free-text columns are never echoed as values', async () => {
    const { log, collected } = await analyseTables([
      memoryTable([
        [...INTAKE_HEADER, '備考', '自由記述'],
        ['1', '2021/8/12', '電話', '家庭問題', '助言', '秘密のメモ', '秘密の記述'],
      ]),
    ]);
    expect(JSON.stringify(collected)).not.toContain('秘密');
    expect(JSON.stringify(log.list())).not.toContain('秘密');
    expect(log.list().map((i) => [i.code, i.column, i.value])).toEqual([['extra-column', '自由記述', undefined]]);
  });

  test('an XLSX sheet with no header is skipped with a warning; a workbook with none is an error', async () => {
    const { log } = await analyseTables([memoryTable([['メモだけのシート']], 'book.xlsx', '記入方法')]);
    // The workbook's own problem comes before its sheets'.
    expect(log.list().map((i) => [i.code, i.sheet])).toEqual([
      ['no-header', null],
      ['sheet-skipped', '記入方法'],
    ]);
  });

  test('gatherings and handouts: counts, the default of one handout per row', async () => {
    const { log, tally } = await analyseTables([
      memoryTable([
        ['開催日', '実施団体', '参加者数'],
        ['2021/9/11', 'NPO法人litoko', '３'],
        ['2021/9/12', '思いをつなぐ会', 0],
      ]),
      memoryTable([
        ['配布日', '配布場所'],
        ['2021/9/1', '倉渕'],
        ['2021/9/2', '本所'],
      ]),
      memoryTable([
        ['配布日', '配布場所', '配布数'],
        ['2021/9/3', '本所', '１,０００'],
        ['2021/9/3', '本所', '0'],
      ]),
    ]);
    expect(tally.ibasho.get('2021-09')).toEqual({ sessions: [1, 1], participants: [3, 0] });
    expect(tally.distribution.get('2021-09')?.count).toEqual([1001, 1, 0, 0, 0, 0, 0]);
    expect(log.list().map((i) => [i.code, i.row, i.cell])).toEqual([['invalid-number', 3, 'C3']]);
  });
});
