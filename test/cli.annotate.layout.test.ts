import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { en } from '../src/messages/en.js';
import { ja } from '../src/messages/ja.js';
import type { ShownProblem } from '../src/pipeline.js';
import { PROBLEM_CODES, ROWS_KEPT } from '../src/problems.js';
import { renderAnnotated } from '../src/render/annotate.js';
import { displayWidth } from '../src/text.js';
import { fixture, INTAKE_HEADER, memoryTable, runCli, useTempDir } from './helpers.js';

let dir: string;
useTempDir('tsup-annotate-layout-', (created) => (dir = created));

async function workbookOf(file: string | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (typeof file === 'string') await workbook.xlsx.readFile(file);
  else await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook;
}

/** A filled-in template: its dropdowns, widths and hidden list sheet are what the copy must keep. */
async function filledTemplate(name: string): Promise<string> {
  const file = path.join(dir, name);
  expect((await runCli(['template', '--out', file, '--kind', 'intake'])).code).toBe(0);
  const workbook = await workbookOf(file);
  workbook.getWorksheet('相談記録')!.getRow(3).values = ['T-1', new Date(Date.UTC(2021, 8, 1)), '電活', '家庭問題', '助言'];
  await workbook.xlsx.writeFile(file);
  return file;
}

async function annotate(inputs: string[], name: string, lang = 'ja'): Promise<string> {
  const out = path.join(dir, name);
  expect((await runCli(['validate', ...inputs, '--annotate', out, '--lang', lang])).code).toBe(1);
  return out;
}

describe('the annotated copy reads like the original', () => {
  test("keeps the input's column widths and dropdowns, one range per column, and its hidden sheets hidden", async () => {
    const input = await filledTemplate('filled.xlsx');
    const out = await annotate([input], 'filled-checked.xlsx');
    const [original, copy] = [await workbookOf(input), await workbookOf(out)];
    const [from, to] = [original.getWorksheet('相談記録')!, copy.getWorksheet('相談記録')!];
    for (let column = 1; column <= 8; column++) expect(to.getColumn(column).width).toBe(from.getColumn(column).width);
    expect(to.getCell('C300').dataValidation).toMatchObject({ type: 'list', formulae: ["'選択肢'!$A$2:$A$6"] });
    expect(to.getCell('B2').dataValidation).toMatchObject({ type: 'date' });
    expect(copy.getWorksheet('選択肢')!.state).toBe('hidden');
    expect(copy.getWorksheet('選択肢')!.getCell('A3').value).toBe(original.getWorksheet('選択肢')!.getCell('A3').value);
    // The copy marks the problem all the same.
    expect(to.getCell('C3').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });

    const zip = await JSZip.loadAsync(await readFile(out));
    const sheetXml = await zip.file(`xl/worksheets/sheet${copy.getWorksheet('相談記録')!.id}.xml`)!.async('string');
    const ranges = [...sheetXml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/gu)].map((match) => match[1]);
    // The template's: 受付方法, 主訴, 対応結果 and 新規/継続 (G) have dropdowns, 受付日 a date check.
    expect(ranges).toEqual(['B2:B501', 'C2:C501', 'D2:D501', 'E2:E501', 'G2:G501']);
  });

  test('a CSV copied in gets columns as wide as their content', async () => {
    const out = await annotate([fixture('invalid', 'bad-date.csv')], 'csv-checked.xlsx');
    const sheet = (await workbookOf(out)).getWorksheet('bad-date')!;
    sheet.getColumn(1).eachCell((cell) => expect(sheet.getColumn(1).width).toBeGreaterThan(displayWidth(String(cell.value))));
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(displayWidth('2021/2/30'));
  });

  test('names problems in the words of the message tables, never by code, and signs notes as the tool', async () => {
    const inputs = [fixture('invalid', 'bad-date.csv'), fixture('invalid', 'outside-service-days.csv')];
    for (const [lang, m] of [
      ['ja', ja],
      ['en', en],
    ] as const) {
      const out = await annotate(inputs, `words-${lang}.xlsx`, lang);
      const workbook = await workbookOf(out);
      const summary = workbook.worksheets[0]!;
      expect(summary.name).toBe(m.annotated.sheetName);
      expect(summary.getRow(2).getCell(7).value).toBe(m.annotated.columns.problem);
      const shown = JSON.stringify(summary.getSheetValues());
      for (const code of PROBLEM_CODES) expect(shown).not.toContain(`"${code}"`);
      expect(shown).toContain(m.annotated.problem['invalid-date']);
      expect(shown).toContain(m.annotated.problem['outside-service-days']);
      const zip = await JSZip.loadAsync(await readFile(out));
      const comments = Object.keys(zip.files).filter((name) => /comments\d+\.xml$/u.test(name));
      expect(comments.length).toBeGreaterThan(0);
      for (const name of comments) {
        const xml = await zip.file(name)!.async('string');
        expect(xml).toContain('<author>tsup-report</author>');
        expect(xml).not.toContain('<author>Author</author>');
      }
    }
  });

  test('says on its first sheet that it holds the notes and counselor names (SPEC §11)', async () => {
    const inputs = [fixture('invalid', 'bad-date.csv')];
    const ja1 = (await workbookOf(await annotate(inputs, 'notice-ja.xlsx', 'ja'))).worksheets[0]!;
    expect(String(ja1.getCell('A1').value)).toContain(
      'この写しには元の記録の備考・相談員名がそのまま含まれます。元の記録と同じく取り扱ってください',
    );
    const en1 = (await workbookOf(await annotate(inputs, 'notice-en.xlsx', 'en'))).worksheets[0]!;
    expect(String(en1.getCell('A1').value)).toContain(en.annotated.notice);
    expect(en.annotated.notice).toMatch(/notes and counselor names/u);
  });

  test('is passed over as the tool’s own output when read again among the logs', async () => {
    const out = await annotate([fixture('invalid', 'bad-date.csv')], 'again.xlsx');
    const result = await runCli(['validate', out, fixture('takasaki-r3', '2021-08_相談記録.csv'), '--format', 'json']);
    const json = JSON.parse(result.stdout);
    expect(json.inputs).toContainEqual(expect.objectContaining({ file: out, status: 'skipped', reason: 'own-output' }));
    expect(json.ledger.intake.counted).toBe(11);
  });
});

describe('a problem repeated over a whole file is one line', () => {
  test('35 identical duplicate-table warnings of a month exported twice: one line naming 35 rows', async () => {
    const rows = Array.from({ length: 35 }, (_, i) => i + 2);
    const problems: ShownProblem[] = rows.map((row) => ({
      code: 'duplicate-table',
      severity: 'warning',
      file: '2022-01_再出力.csv',
      sheet: null,
      row,
      column: null,
      cell: null,
      detail: { other: { file: '2022-01.csv', sheet: null } },
      count: 1,
      rows: [row],
      months: null,
    }));
    const table = memoryTable(
      [INTAKE_HEADER, ...rows.map((row) => [`R-${row}`, '2022/1/5', '電話', '家庭問題', '助言'])],
      '2022-01_再出力.csv',
    );
    const summary = (await workbookOf(await renderAnnotated([table][Symbol.iterator]() as never, problems, ja))).worksheets[0]!;
    expect(summary.rowCount).toBe(3);
    expect(String(summary.getRow(3).getCell(8).value)).toContain(ja.validate.repeated(ja.place.rows(rows.slice(0, ROWS_KEPT), 35)));
  });

  test('two files with a 相談記録 sheet: the list names the copy’s tab, with the original name beside it', async () => {
    const first = await filledTemplate('first.xlsx');
    const second = await filledTemplate('second.xlsx');
    const other = await workbookOf(second);
    other.getWorksheet('相談記録')!.getRow(4).values = ['T-2', new Date(Date.UTC(2021, 8, 2)), 'メール', '家庭問題', '助言'];
    await other.xlsx.writeFile(second);
    const workbook = await workbookOf(await annotate([first, second], 'two-files.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toContain('相談記録(2)');
    const listed = workbook.worksheets[0]!.getColumn(3).values.map((v) => String(v ?? ''));
    expect(listed).toContain('相談記録');
    expect(listed).toContain('相談記録(2)（元のシート名: 相談記録）');
  });
});
