import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { templateCommand } from '../src/cli/template.js';
import { displayWidth } from '../src/text.js';
import { runCli, useTempDir } from './helpers.js';

let dir: string;
useTempDir('tsup-template-layout-', (created) => (dir = created));

async function template(name: string, args: string[] = []): Promise<string> {
  const out = path.join(dir, name);
  expect((await runCli(['template', '--out', out, ...args])).code).toBe(0);
  return out;
}

async function workbookOf(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The sqref of every <dataValidation> of a sheet as written (exceljs's reader spreads ranges back into cells). */
async function validationRanges(file: string, sheetNumber: number): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const xml = await zip.file(`xl/worksheets/sheet${sheetNumber}.xml`)!.async('string');
  return [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/gu)].map((match) => match[1]!);
}

describe('the template as staff print and fill it', () => {
  test('one validation range per column, none overlapping (Excel "repairs" overlapping ones)', async () => {
    const out = await template('ranges.xlsx');
    const ranges = await validationRanges(out, 3);
    const columns = ranges.map((range) => range.replace(/\d+/gu, ''));
    expect(new Set(columns).size).toBe(columns.length);
    // 受付日, 受付方法, 主訴, 対応結果 and 新規/継続 (G): the free-text and ID columns have none.
    expect(ranges).toEqual(['B2:B501', 'C2:C501', 'D2:D501', 'E2:E501', 'G2:G501']);
    expect(await validationRanges(out, 5)).toEqual(['A2:A501', 'B2:B501', 'C2:C501']);
    // 支援記録: 実施日, 支援内容 and 連携先; 受付番号, 相談者ID and 備考 are free.
    expect(await validationRanges(out, 6)).toEqual(['A2:A501', 'B2:B501', 'C2:C501']);
  });

  test('A4 landscape, one page wide, header row on every page, a ruled table', async () => {
    const workbook = await workbookOf(await template('print.xlsx'));
    for (const name of ['相談記録', '居場所開催記録', '生理用品配布記録', '支援記録']) {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.pageSetup.printTitlesRow).toMatch(/^\$?1:\$?1$/u);
      for (const address of ['A1', 'A2', 'B3', 'C20']) expect(sheet.getCell(address).border).toMatchObject({ left: {}, bottom: {} });
      // Any filled row is ruled too, however it was filled (pasting replaces a cell's own lines).
      const last = String.fromCharCode(64 + sheet.getRow(1).cellCount);
      const formats = (sheet as ExcelJS.Worksheet & { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
      expect(formats.map((f) => f.ref)).toEqual([`A2:${last}501`]);
    }
  });

  test('a greyed example row that reads 記入例 first', async () => {
    const workbook = await workbookOf(await template('example.xlsx'));
    const intake = workbook.getWorksheet('相談記録')!;
    expect(intake.getCell('A2').value).toBe('記入例');
    expect(intake.getCell('B2').value).toBeInstanceOf(Date);
    expect(intake.getCell('C2').value).toBe('電話');
    expect(intake.getCell('C2').font.color).toMatchObject({ argb: 'FF7F7F7F' });
    expect(intake.getCell('C2').fill).toMatchObject({ fgColor: { argb: 'FFF2F2F2' } });
    expect(String(workbook.getWorksheet('居場所開催記録')!.getCell('A2').value)).toMatch(/^記入例/u);
    const support = workbook.getWorksheet('支援記録')!;
    expect(String(support.getCell('A2').value)).toMatch(/^記入例（\d{4}\/\d{1,2}\/\d{1,2}）$/u);
    expect([support.getCell('B2').value, support.getCell('C2').value]).toEqual(['同行支援', '福祉事務所']);
    expect(support.getCell('F2').value).toBe('（報告書には出ません）');
  });

  test('the 記入方法 sheet wraps its text to a printable width, each row as tall as its lines', async () => {
    const workbook = await workbookOf(await template('guide.xlsx'));
    const guide = workbook.getWorksheet('記入方法')!;
    const width = guide.getColumn(1).width!;
    // A4 portrait at the default margins prints about 80 character widths (LibreOffice, looked at).
    expect(width).toBeLessThanOrEqual(80);
    expect(guide.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1 });
    guide.eachRow((row) => {
      const cell = row.getCell(1);
      const text = String(cell.value ?? '');
      expect(cell.alignment).toMatchObject({ wrapText: true });
      const lines = Math.ceil(displayWidth(text) / width);
      expect(row.height ?? 0).toBeGreaterThanOrEqual(lines * 15);
    });
  });
});

describe('template --out defaults to a name of the current fiscal year', () => {
  function io(cwd: string, now: Date): Parameters<typeof templateCommand>[1] {
    const sink = { write: () => true };
    return { stdout: sink, stderr: sink, stdin: () => process.stdin, cwd, env: {}, now: () => now };
  }

  test('相談記録_令和3年度.xlsx in February 2022, 令和4年度 from April, and never over an existing file', async () => {
    const cwd = path.join(dir, 'default');
    await import('node:fs/promises').then((fs) => fs.mkdir(cwd));
    expect(await templateCommand({ lang: 'ja' }, io(cwd, new Date(2022, 1, 10)))).toBe(0);
    expect(await templateCommand({ lang: 'ja' }, io(cwd, new Date(2022, 1, 10)))).toBe(0);
    expect(await templateCommand({ lang: 'ja' }, io(cwd, new Date(2022, 3, 1)))).toBe(0);
    expect(await templateCommand({ lang: 'ja', kind: 'ibasho' }, io(cwd, new Date(2022, 3, 1)))).toBe(0);
    expect((await readdir(cwd)).sort()).toEqual(
      ['相談記録_令和3年度.xlsx', '相談記録_令和3年度(2).xlsx', '相談記録_令和4年度.xlsx', '居場所開催記録_令和4年度.xlsx'].sort(),
    );
  });
});
