import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { reportFrom } from '../src/pipeline.js';
import { renderJson } from '../src/render/json.js';
import { analyseFiles, fixture, runCli, useTempDir } from './helpers.js';
import { markdownTable } from './report-parts.js';

// SPEC §12, typed in from the seed report: month, channels (電話 来所 メール litoko 思い), 合計,
// categories (精神 就労 対人 家庭 犯罪 健康 生活 他), outcomes (助言 情報 連携 継続 他).
const SEED_TABLE = `
8月  | 11 0 0 0 0 | 11 | 0 1 0 3 0 1 4 2   | 10 1 0 0 0
9月  | 15 3 0 0 0 | 18 | 0 0 0 7 0 0 7 4   | 10 3 0 5 0
10月 | 19 0 0 1 0 | 20 | 0 0 2 10 0 0 5 3  | 3 6 1 9 1
11月 | 14 1 0 0 0 | 15 | 0 0 0 4 0 0 6 5   | 1 3 0 7 4
12月 | 12 3 0 1 0 | 16 | 2 0 0 6 0 0 5 3   | 2 6 0 7 1
1月  | 24 2 7 2 0 | 35 | 0 0 0 24 0 0 11 0 | 6 4 0 25 0
2月  | 14 2 4 0 0 | 20 | 0 0 1 10 0 1 7 1  | 7 2 0 9 2
合計 | 109 11 11 4 0 | 135 | 2 1 3 64 0 2 45 18 | 39 25 1 62 8
`
  .trim()
  .split('\n')
  .map((line) => {
    const [label, channel, total, category, outcome] = line.split('|').map((s) => s.trim());
    const nums = (s: string): number[] => s.split(/\s+/u).map(Number);
    return { label: label!, channel: nums(channel!), total: Number(total), category: nums(category!), outcome: nums(outcome!) };
  });

const CHANNELS = ['電話', '来所', 'メール', 'litoko', '思いをつなぐ会'];
const CATEGORIES = ['精神保健', '就労関係', '対人関係', '家庭問題', '犯罪被害', '健康問題', '生活問題', 'その他'];
const OUTCOMES = ['助言', '情報', '他機関連携', '継続', 'その他'];
const byLabel = (labels: string[], values: number[]): Record<string, number> => Object.fromEntries(labels.map((l, i) => [l, values[i]!]));

describe('monthly on the seed program (fixtures/takasaki-r3)', () => {
  let json: any;
  let stdout: string;

  beforeAll(async () => {
    const result = await runCli(['monthly', fixture('takasaki-r3'), '--format', 'json', '--lang', 'en']);
    // stderr carries only the closing summary of what was read.
    expect(result.stderr).toMatch(/^ファイル: |^Files: /u);
    expect(result.code).toBe(0);
    stdout = result.stdout;
    json = JSON.parse(stdout);
  });

  test('names the fiscal year and period as the seed does', () => {
    expect(json.kind).toBe('monthly');
    expect(json.fiscalYear).toBe(2021);
    expect(json.fiscalYearLabel).toBe('令和3年度');
    expect(json.startMonth).toBe('2021-08');
    expect(json.asOf).toBe('2022-02');
    expect(json.periodNote).toBe('（R4年2月までの累計）');
  });

  test.each(SEED_TABLE.filter((r) => r.label !== '合計').map((r, i) => [r.label, i] as const))(
    'every cell of the %s row equals the seed table',
    (label, index) => {
      const expected = SEED_TABLE[index]!;
      const month = json.intake.months[index];
      expect(month.label).toBe(label);
      expect(month.total).toBe(expected.total);
      expect(month.channel).toEqual(byLabel(CHANNELS, expected.channel));
      expect(month.category).toEqual(byLabel(CATEGORIES, expected.category));
      expect(month.outcome).toEqual(byLabel(OUTCOMES, expected.outcome));
    },
  );

  test('every cell of the 合計 row equals the seed table', () => {
    const expected = SEED_TABLE.find((r) => r.label === '合計')!;
    expect(json.intake.months).toHaveLength(7);
    expect(json.intake.total.total).toBe(expected.total);
    expect(json.intake.total.channel).toEqual(byLabel(CHANNELS, expected.channel));
    expect(json.intake.total.category).toEqual(byLabel(CATEGORIES, expected.category));
    expect(json.intake.total.outcome).toEqual(byLabel(OUTCOMES, expected.outcome));
  });

  test('the ledger balances and counts the month exported twice once', () => {
    const intake = json.ledger.intake;
    expect(intake.read).toBe(intake.blank + intake.totalLine + intake.duplicate + intake.rejected + intake.outOfPeriod + intake.counted);
    expect(intake.counted).toBe(135);
    expect(intake.duplicate).toBe(35);
    expect(intake.blank).toBeGreaterThanOrEqual(2);
    expect(intake.rejected).toBe(0);
  });

  test('the JSON renderer prints exactly what a direct call of the core builds', async () => {
    const analysis = await analyseFiles([fixture('takasaki-r3')], DEFAULT_CONFIG);
    const result = reportFrom(analysis, {}, { kind: 'monthly', skipInvalid: false });
    if (!result.ok) throw new Error(result.problem);
    // The CLI names inputs by the path it was given; so does the direct call.
    expect(JSON.parse(renderJson(result.report))).toEqual(json);
  });

  test('--month cuts the table at an earlier month and keeps the rest out of period', async () => {
    const result = await runCli(['monthly', fixture('takasaki-r3'), '--month', '2021-12', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.asOf).toBe('2021-12');
    expect(report.intake.months.map((m: { label: string }) => m.label)).toEqual(['8月', '9月', '10月', '11月', '12月']);
    expect(report.intake.total.total).toBe(11 + 18 + 20 + 15 + 16);
    expect(report.ledger.intake.outOfPeriod).toBe(35 + 20);
    expect(report.periodNote).toBe('（R3年12月までの累計）');
  });
});

describe('monthly output formats', () => {
  let dir: string;
  useTempDir('tsup-monthly-', (created) => (dir = created));

  test('Markdown: a GFM table with the period note written in the Japanese calendar', async () => {
    const result = await runCli(['monthly', fixture('takasaki-r3'), '--format', 'md']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain(
      '| 月 | 電話 | 来所 | メール | litoko | 思いをつなぐ会 | 合計 | 精神保健 | 就労関係 | 対人関係 | 家庭問題 | 犯罪被害 | 健康問題 | 生活問題 | その他 | 助言 | 情報 | 他機関連携 | 継続 | その他 |',
    );
    expect(lines).toContain('| 1月 | 24 | 2 | 7 | 2 | 0 | 35 | 0 | 0 | 0 | 24 | 0 | 0 | 11 | 0 | 6 | 4 | 0 | 25 | 0 |');
    expect(lines).toContain('（R4年2月までの累計）');
  });

  test('piped without --format or --out, the report is Markdown', async () => {
    const result = await runCli(['monthly', fixture('takasaki-r3')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('| 合計 |');
    expect(result.stdout.startsWith('# ')).toBe(true);
  });

  test('table: cli-table3 tables with the group headers', async () => {
    const result = await runCli(['monthly', fixture('takasaki-r3'), '--format', 'table']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('相談受付方法');
    expect(result.stdout).toMatch(/│ 合計 │\s+109 │/u);
  });

  test('XLSX: the seed layout — merged group headers, numbers as numbers, bold 合計, frozen header, A4 landscape', async () => {
    const out = path.join(dir, '累計表.xlsx');
    const result = await runCli(['monthly', fixture('takasaki-r3'), '--out', out, '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Wrote ${out}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('累計表')!;
    expect(sheet).toBeDefined();
    expect(sheet.getCell('B3').value).toBe('相談受付方法');
    expect(sheet.getCell('B3').isMerged).toBe(true);
    expect(sheet.getCell('G3').master.address).toBe('B3');
    expect(sheet.getCell('H3').value).toBe('主訴');
    expect(sheet.getCell('P3').value).toBe('対応結果');
    expect(sheet.getRow(4).values).toEqual([undefined, '月', ...CHANNELS, '合計', ...CATEGORIES, ...OUTCOMES]);
    expect(sheet.getCell('A5').value).toBe('8月');
    expect(sheet.getCell('B5').value).toBe(11);
    expect(sheet.getCell('G11').value).toEqual({ formula: 'SUM(B11:F11)', result: 20 });
    expect(sheet.getCell('A12').value).toBe('合計');
    expect(sheet.getCell('G12').value).toEqual({ formula: 'SUM(G5:G11)', result: 135 });
    expect(sheet.getCell('G12').font?.bold).toBe(true);
    expect(sheet.getCell('A14').value).toMatch(/^女性のためのつながり相談事業は、.*（R4年2月までの累計）$/u);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 4 });
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
  });

  test('XLSX needs --out, and --out never overwrites an input', async () => {
    const noOut = await runCli(['monthly', fixture('takasaki-r3'), '--format', 'xlsx', '--lang', 'en']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
    const input = fixture('takasaki-r3', '2022-02_月次.xlsx');
    const before = await stat(input);
    const clobber = await runCli(['monthly', fixture('takasaki-r3'), '--out', input, '--lang', 'en']);
    expect(clobber.code).toBe(2);
    expect(clobber.stderr).toContain('is one of the inputs');
    expect((await stat(input)).mtimeMs).toBe(before.mtimeMs);
  });

  test('an unwritable output folder is a clear error and leaves no file', async () => {
    const out = path.join(dir, 'no-such-folder', 'r.md');
    const result = await runCli(['monthly', fixture('takasaki-r3'), '--out', out, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Could not write ${out}`);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
    await expect(readFile(out)).rejects.toThrow();
  });
});

describe('--format csv', () => {
  let dir: string;
  useTempDir('tsup-csv-', (created) => (dir = created));

  test('every table as CSV for Excel: UTF-8 with a BOM, CRLF, a first line naming the tool', async () => {
    const out = path.join(dir, '累計表.csv');
    const result = await runCli(['monthly', fixture('takasaki-r3'), '--out', out]);
    expect(result.code).toBe(0);
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('高崎市社会福祉協議会 女性のためのつながり相談 令和3年度 月次累計,作成: tsup-report');
    expect(text).not.toMatch(/[^\r]\n/u);
    expect(lines).toContain('合計,109,11,11,4,0,135,2,1,3,64,0,2,45,18,39,25,1,62,8');
    // Saved among the logs, it is passed over as the tool's own output.
    const again = await runCli(['monthly', fixture('takasaki-r3'), out, '--format', 'json']);
    expect(JSON.parse(again.stdout).inputs).toContainEqual({ file: out, status: 'skipped', reason: 'own-output' });
  });
});

describe('monthly with 相談者ID and 新規/継続 columns (SPEC §14)', () => {
  const header = ['受付番号', '受付日', '受付方法', '主訴', '対応結果', '相談者ID', '新規/継続'];
  const rows = [
    ['1', '2021/8/2', '電話', '家庭問題', '助言', 'A', '新規'],
    ['2', '2021/8/5', '電話', '家庭問題', '助言', 'B', '新規'],
    ['3', '2021/8/20', '来所', '家庭問題', '助言', 'A', '継続'],
    ['4', '2021/9/1', '電話', '家庭問題', '助言', 'A', '継続'],
    ['5', '2021/9/3', '来所', '就労関係', '情報', '', '新規'],
    ['6', '2021/9/10', '電話', '生活問題', '助言', 'C', '新規'],
  ];
  const csv = [header, ...rows].map((r) => r.join(',')).join('\n');

  test('`monthly --format md` publishes 相談者数（実人数） with 延べ件数 beside it, 新規 and ID未記入, counted here from the rows', async () => {
    const result = await runCli(['monthly', '-', '--format', 'md'], { input: csv });
    expect(result.code, result.stderr).toBe(0);
    const figures = (these: string[][]) => {
      const ids = these.map((r) => r[5]!).filter((id) => id !== '');
      return [these.length, new Set(ids).size, these.filter((r) => r[6] === '新規').length, these.length - ids.length].map(String);
    };
    const inMonth = (month: number) => rows.filter((r) => Number(r[1]!.split('/')[1]) === month);
    expect(markdownTable(result.stdout, '相談者数（実人数）')).toEqual([
      ['月', '延べ件数', '実人数', '新規', 'ID未記入'],
      ['8月', ...figures(inMonth(8))],
      ['9月', ...figures(inMonth(9))],
      ['合計', ...figures(rows)],
    ]);
    // A appears in both months: the period counts A once.
    expect(figures(rows)[1]).toBe('3');
    expect(result.stdout).toContain('期間の実人数は、複数月に相談した人を1人として数えるため、各月の合計とは一致しません。');
    // The IDs themselves appear nowhere.
    expect(result.stdout).not.toMatch(/\| [ABC] \|/u);
  });
});
