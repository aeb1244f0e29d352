import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { fixture, runCli, useTempDir } from './helpers.js';

let dir: string;
useTempDir('tsup-header-only-', (created) => (dir = created));

/** A workbook sheet with the header and nothing under it, but cells formatted far down (as a template leaves them). */
async function headerOnlyWorkbook(): Promise<string> {
  const file = path.join(dir, 'header-only.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('相談記録');
  sheet.addRow(['受付番号', '受付日', '受付方法', '主訴', '対応結果']);
  for (let row = 2; row <= 50; row++) sheet.getCell(row, 2).numFmt = 'yyyy/m/d';
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('a file with a header and no data rows', () => {
  test.each([
    ['CSV', (): Promise<string> => Promise.resolve(fixture('adversarial', 'header-only.csv'))],
    ['XLSX', headerOnlyWorkbook],
  ])('%s: a no-data-rows warning, which validate --strict fails', async (_format, input) => {
    const file = await input();
    const plain = await runCli(['validate', file, '--format', 'json']);
    expect(plain.code).toBe(0);
    const json = JSON.parse(plain.stdout);
    expect(json.warnings.map((w: { code: string; severity: string }) => [w.code, w.severity])).toEqual([['no-data-rows', 'warning']]);
    const strict = await runCli(['validate', file, '--strict', '--format', 'json']);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).ok).toBe(false);
  });
});
