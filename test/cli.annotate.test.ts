import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { fixture, runCli, useTempDir } from './helpers.js';

let dir: string;
useTempDir('tsup-annotate-', (created) => (dir = created));

describe('validate --annotate', () => {
  test('a copy of every input with problem cells marked and noted, after a 検証結果 sheet linking to each', async () => {
    const out = path.join(dir, 'checked.xlsx');
    const inputs = [
      fixture('invalid', 'bad-date.csv'),
      fixture('invalid', 'outside-service-days.csv'),
      fixture('takasaki-r3', '2022-02_月次.xlsx'),
    ];
    const result = await runCli(['validate', ...inputs, '--annotate', out, '--format', 'json', '--lang', 'ja']);
    expect(result.code).toBe(1);
    const problems = JSON.parse(result.stdout);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '検証結果',
      'bad-date',
      'outside-service-days',
      '相談記録',
      '居場所',
      '記入方法',
    ]);

    const summary = workbook.getWorksheet('検証結果')!;
    expect(summary.getRow(2).values).toEqual([undefined, '種類', 'ファイル', 'シート', '行', 'セル', '列', '問題', '内容']);
    expect(summary.rowCount - 2).toBe(problems.errors.length + problems.warnings.length);
    const badDate = summary.getRow(3);
    expect(badDate.getCell(1).value).toBe('エラー');
    expect(badDate.getCell(7).value).toBe('日付の誤り');
    expect(badDate.getCell(5).value).toMatchObject({ text: 'B3', hyperlink: "#'bad-date'!B3" });
    expect(badDate.getCell(8).value).toBe(problems.errors[0].message);

    const copy = workbook.getWorksheet('bad-date')!;
    expect(copy.getCell('B3').value).toBe('2021/2/30');
    expect(copy.getCell('B3').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(String(copy.getCell('B3').note)).toContain('2021/2/30');
    expect(copy.getCell('B2').fill).toBeUndefined();
    // The user's own free text stays in the copy of their file.
    expect(copy.getCell('F2').value).toBe('架空メモ');

    const warned = workbook.getWorksheet('outside-service-days')!;
    expect(warned.getCell('B3').fill).toMatchObject({ fgColor: { argb: 'FFFFF2CC' } });
    const dates = workbook.getWorksheet('相談記録')!;
    expect(dates.getCell('B2').value).toBe('R4/2/1');
    expect(dates.getCell('B3').value).toBeInstanceOf(Date);
  });

  test('messages in the annotated copy never quote free text', async () => {
    const input = path.join(dir, 'secret.csv');
    await writeFile(input, '受付日,受付方法,主訴,対応結果,備考\r\n2021/9/1,電活,家庭問題,助言,秘密のメモSENTINEL\r\n');
    const out = path.join(dir, 'secret-checked.xlsx');
    expect((await runCli(['validate', input, '--annotate', out])).code).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const summaryText = JSON.stringify(workbook.worksheets[0]!.getSheetValues());
    expect(summaryText).toContain('電活');
    expect(summaryText).not.toContain('SENTINEL');
    expect(String(workbook.getWorksheet('secret')!.getCell('B2').note)).not.toContain('SENTINEL');
    expect(workbook.getWorksheet('secret')!.getCell('E2').value).toBe('秘密のメモSENTINEL');
  });

  test('never overwrites an input, and needs an .xlsx name', async () => {
    const input = fixture('takasaki-r3', '2022-02_月次.xlsx');
    const before = await readFile(input);
    const result = await runCli(['validate', input, '--annotate', input, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is one of the inputs');
    expect(await readFile(input)).toEqual(before);
    expect((await runCli(['validate', input, '--annotate', path.join(dir, 'x.csv')])).code).toBe(2);
  });
});
