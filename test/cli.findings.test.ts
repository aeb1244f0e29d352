import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixture, runCli, useTempDir } from './helpers.js';

/**
 * The fifteen ways issue 10 found the tool giving wrong figures with exit 0, or refusing sound
 * files, each through the command as staff run it. These go through the CLI only, so that they
 * can also be run against an earlier build (TSUP_BIN=…/bin/tsup-report.js), where they fail.
 */

let dir: string;
useTempDir('tsup-findings-', (created) => (dir = created));

const json = async (args: string[]): Promise<{ code: number; out: any; stderr: string }> => {
  const result = await runCli([...args, '--format', 'json', '--lang', 'en']);
  return { code: result.code, out: result.stdout ? JSON.parse(result.stdout) : null, stderr: result.stderr };
};
const counted = (out: any): number => out.ledger.intake.counted;
const channelSum = (row: { channel: Record<string, number> }): number => Object.values(row.channel).reduce((a, b) => a + b, 0);
const INTAKE = '受付番号,受付日,受付方法,主訴,対応結果';

async function csv(name: string, lines: string[]): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

describe('issue 10: right numbers from the workbooks and folders staff really have', () => {
  test('1. furigana: a workbook typed in Japanese Excel reads its headers and values, not their readings', async () => {
    const { code, out } = await json(['validate', fixture('other-writers', 'excel-furigana_R8-11.xlsx')]);
    expect(code).toBe(0);
    expect(counted(out)).toBe(18);
  });

  test('2. no sheet dropped: twelve pandas sheets, and sheets stored before xl/workbook.xml, are all read', async () => {
    expect(counted((await json(['validate', fixture('real-world', 'pd_12sheets_R7.xlsx')])).out)).toBe(223);
    const first = await json(['validate', fixture('other-writers', 'parts-sheets-first_R7.xlsx')]);
    expect(first.code).toBe(0);
    expect(counted(first.out)).toBe(50);
  });

  test('3. dates not shifted: LibreOffice\'s date1904="true", built-in Japanese formats in 1904 books, SheetJS ISO cells', async () => {
    const lo = await json(['monthly', fixture('real-world', 'lo_1904_R8-06.xlsx')]);
    expect(lo.out.intake.months.at(-1)).toMatchObject({ month: '2026-06', total: 21 });
    const builtIn = await json(['monthly', fixture('other-writers', 'excel-1904-builtin-ja_R8-05.xlsx')]);
    expect(builtIn.out.intake.months.at(-1)).toMatchObject({ month: '2026-05', total: 15 });
    const iso = await json(['monthly', fixture('other-writers', 'sheetjs-iso-dates_R8-10.xlsx')]);
    expect(iso.out.fiscalYearLabel).toBe('令和8年度');
    expect(iso.out.intake.months.at(-1)).toMatchObject({ month: '2026-10', total: 14 });
  });

  test("4. sheet names as the tabs show them, for openpyxl's absolute relationship paths", async () => {
    const { out } = await json(['validate', fixture('real-world', 'pd_12sheets_R7.xlsx')]);
    expect(out.tables.map((t: { sheet: string }) => t.sheet)).toEqual([
      '4月',
      '5月',
      '6月',
      '7月',
      '8月',
      '9月',
      '10月',
      '11月',
      '12月',
      '1月',
      '2月',
      '3月',
    ]);
  });

  test('5. a hidden list sheet and a COUNTIF summary sheet do not block the workbook', async () => {
    const { code, out } = await json(['monthly', fixture('real-world', 'lo_multisheet_R7-Q1.xlsx')]);
    expect(code).toBe(0);
    expect(out.intake.total.total).toBe(59);
  });

  test('6. no file vanishes from a folder: .xls and .ods stop the report, subfolders are read', async () => {
    const folder = path.join(dir, 'logs6');
    await mkdir(path.join(folder, '2021年9月'), { recursive: true });
    await copyFile(fixture('takasaki-r3', '2021-08_相談記録.csv'), path.join(folder, '2021-08_相談記録.csv'));
    await copyFile(fixture('takasaki-r3', '2021-09_相談記録.csv'), path.join(folder, '2021年9月', '2021-09_相談記録.csv'));
    const nested = await json(['monthly', folder]);
    expect(nested.out.intake.total.total).toBe(11 + 18);
    await copyFile(fixture('real-world', 'lo_era_short_R8-04.ods'), path.join(folder, '2021-10_相談記録.ods'));
    await copyFile(fixture('real-world', 'lo_era_short_R8-04.xls'), path.join(folder, '2021-11_相談記録.xls'));
    const stopped = await runCli(['monthly', folder, '--lang', 'en']);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toContain('2021-10_相談記録.ods');
    expect(stopped.stderr).toContain('2021-11_相談記録.xls');
    const alone = await runCli(['validate', fixture('real-world', 'lo_era_short_R8-04.ods'), '--lang', 'en']);
    expect(alone.stdout).toContain('LibreOffice Calc');
    expect(alone.stdout).toContain('.xlsx');
  });

  test("7. not counted twice: the tool's own outputs and a Windows copy among the logs", async () => {
    const { code, out } = await json(['annual', fixture('lived-in')]);
    expect(code).toBe(0);
    expect([out.ibasho.sessions, out.ibasho.participants, out.distribution.count]).toEqual([11, 17, 313]);
    expect(out.targets[0]).toMatchObject({ result: 13, achievement: 0.65, evaluation: '概ね達成' });
  });

  test('8. an empty period is refused, naming the months that hold records', async () => {
    const monthly = await runCli(['monthly', fixture('takasaki-r3'), '--month', '2021-01', '--lang', 'en']);
    expect(monthly.code).toBe(2);
    expect(monthly.stdout).toBe('');
    expect(monthly.stderr).toContain('令和3年度（2021-08〜2022-02）');
    const annual = await runCli(['annual', fixture('takasaki-r3'), '--as-of', '2021-01', '--lang', 'en']);
    expect(annual.code).toBe(2);
  });

  test("9. Excel's CP932 tab-separated text is read", async () => {
    const { code, out } = await json(['validate', fixture('real-world', 'excel_cp932_tab_R8-09.txt')]);
    expect(code).toBe(0);
    expect(counted(out)).toBe(19);
  });

  test("10. a 受付日 merged down over the day's rows dates every one of them", async () => {
    const { code, out } = await json(['validate', fixture('real-world', 'lo_merged_dates_R8-10.xlsx')]);
    expect(code).toBe(0);
    expect(counted(out)).toBe(40);
  });

  test('11. total and footer lines are one warning each, not four cell errors', async () => {
    const workbook = await json(['validate', fixture('real-world', 'lo_md_total_R8-07.xlsx')]);
    expect(workbook.code).toBe(0);
    expect(workbook.out.warnings.map((w: { code: string }) => w.code)).toEqual(['total-row']);
    const file = await csv('footer.csv', [
      '受付日,受付方法,主訴,対応結果',
      '2021/9/1,電話,家庭問題,助言',
      '2021/9/2,電話,生活問題,継続',
      '件数：2件,,,',
      '合計,2,,',
    ]);
    const text = await json(['validate', file]);
    expect(text.code).toBe(0);
    expect(text.out.ledger.intake).toMatchObject({ totalLine: 2, counted: 2 });
  });

  test('12. numbering that restarts in every monthly file is a row counter: nothing is rejected', async () => {
    const folder = path.join(dir, 'logs12');
    const months = ['2021/9', '2021/10', '2021/11', '2021/12', '2022/1'];
    const channels = ['電話', 'メール', '来所', 'litoko'];
    let total = 0;
    for (const [m, month] of months.entries()) {
      const rows = Array.from({ length: 18 + m * 2 }, (_, i) => `${i + 1},${month}/${(i % 20) + 1},${channels[(i + m) % 4]},家庭問題,助言`);
      total += rows.length;
      await csv(path.join('logs12', `${month.replace('/', '-')}.csv`), [INTAKE, ...rows]);
    }
    const { code, out } = await json(['monthly', folder, '--month', '2022-01']);
    expect(code).toBe(0);
    expect(out.intake.total.total).toBe(total);
  });

  test('13. header hints people add are dropped: 受付日⏎(例 …), 受付方法（電話・来所等）, 主訴※', async () => {
    const workbook = await json(['validate', fixture('real-world', 'lo_annotated_headers_R8-10.xlsx')]);
    expect(workbook.code).toBe(0);
    expect(counted(workbook.out)).toBe(17);
    const file = await csv('hints.csv', ['"受付日\n(例 2021/9/1)",受付方法（電話・来所等）,主訴※,対応結果', '2021/9/1,電話,家庭問題,助言']);
    expect(counted((await json(['validate', file])).out)).toBe(1);
  });

  test('14. the date texts Excel shows are read: weekday and time, 午前, eight digits, single-kanji eras', async () => {
    const file = await csv('dates.csv', [
      '受付日,受付方法,主訴,対応結果',
      '2026/10/1(木) 10:00,電話,家庭問題,助言',
      '2026/10/1 午前 10:00,電話,家庭問題,助言',
      '20261001,電話,家庭問題,助言',
      '令8.10.1,電話,家庭問題,助言',
      '2026/10/1 10:00（木曜日）,電話,家庭問題,助言',
    ]);
    const { code, out } = await json(['validate', file]);
    expect(code).toBe(0);
    expect(counted(out)).toBe(5);
  });

  test('15a. a 受付番号 conflict on 昭和40年 dates leaves totals that add up', async () => {
    const file = await csv('showa.csv', [
      INTAKE,
      'S40-1,昭和40年6月1日,メール,生活問題,継続',
      'S40-1,昭和40年6月2日,電話,家庭問題,助言',
      'S40-2,昭和40年6月3日,電話,家庭問題,助言',
    ]);
    const { code, out } = await json(['monthly', file, '--skip-invalid']);
    expect(code).toBe(0);
    const june = out.intake.months.find((m: { month: string }) => m.month === '1965-06');
    expect(june.total).toBe(1);
    expect(channelSum(june)).toBe(1);
    expect(out.ledger.intake.rejected).toBe(2);
  });

  test('15b. the same problem on thousands of rows is one entry with its count, not thousands', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},2021/9/${(i % 28) + 1},電活,家庭問題,助言`);
    const file = await csv('misspelt.csv', [INTAKE, ...rows]);
    const result = await runCli(['validate', file, '--format', 'json']);
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatchObject({ code: 'unknown-value', value: '電活', count: 20_000 });
    expect(out.errors[0].rows).toHaveLength(20);
    expect(out.counts['unknown-value']).toBe(20_000);
    expect(result.stdout.length).toBeLessThan(20_000);
  });
});
