import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reportFrom } from '../src/pipeline.js';
import type { Report } from '../src/report/types.js';
import { renderXlsx } from '../src/render/xlsx.js';
import { analyseFiles, fixture } from './helpers.js';

/** The font every style must name: a Japanese gothic that every Japanese Excel has (see src/render/xlsx.ts). */
const JAPANESE_FONT = 'ＭＳ Ｐゴシック';

type Kind = 'monthly' | 'annual';
let dir: string;
const reports = new Map<string, Report>();
const workbooks = new Map<string, ExcelJS.Workbook>();

/** The report of fixtures/takasaki-r3, written as a workbook to a file and read back as staff's Excel would. */
async function written(kind: Kind, suppressBelow?: number): Promise<{ report: Report; workbook: ExcelJS.Workbook }> {
  const key = `${kind}-${suppressBelow ?? ''}`;
  if (!workbooks.has(key)) {
    const result = reportFrom(await analyseFiles([fixture('takasaki-r3')]), {}, { kind, skipInvalid: false, suppressBelow });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const file = path.join(dir, `${key}.xlsx`);
    await writeFile(file, await renderXlsx(result.report));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    reports.set(key, result.report);
    workbooks.set(key, workbook);
  }
  return { report: reports.get(key)!, workbook: workbooks.get(key)! };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tsup-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const isFormula = (cell: ExcelJS.Cell): boolean => cell.type === ExcelJS.ValueType.Formula;
/** A formula cell's formula and cached result, read through the cell (its `value` drops a result of 0). */
const formulaOf = (cell: ExcelJS.Cell): { formula: string; result: unknown } => ({ formula: cell.formula, result: cell.result });
/** A cell's number as shown: its value, or a formula's cached result. */
const shown = (cell: ExcelJS.Cell): unknown => (isFormula(cell) ? cell.result : cell.value);

/** Column letters to numbers: A → 1, T → 20. */
const columnNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** What a SUM over one row or one column of the sheet gives from the cells it names, reading results of nested formulas. */
function sumOf(sheet: ExcelJS.Worksheet, formula: string): number {
  const match = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/u.exec(formula);
  if (!match) throw new Error(`not a SUM over a range: ${formula}`);
  const [, c1, r1, c2, r2] = match;
  let total = 0;
  for (let row = Number(r1); row <= Number(r2); row++) {
    for (let column = columnNumber(c1!); column <= columnNumber(c2!); column++) {
      const value = shown(sheet.getCell(row, column));
      if (typeof value !== 'number') throw new Error(`${formula} names a cell that is not a number`);
      total += value;
    }
  }
  return total;
}

const SHEETS: Record<Kind, string[]> = {
  monthly: ['累計表', '居場所', '生理用品配布'],
  annual: ['目標と実績', '累計表', '居場所', '生理用品配布'],
};

describe.each(['monthly', 'annual'] as const)('the %s workbook of fixtures/takasaki-r3', (kind) => {
  test('the sheets SPEC names, each with a frozen header and A4 landscape printing one page wide', async () => {
    const { workbook } = await written(kind);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(SHEETS[kind]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1 });
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
  });

  test('every cell with a value or a style names the Japanese font; totals and headers are bold', async () => {
    const { workbook } = await written(kind);
    let checked = 0;
    for (const sheet of workbook.worksheets) {
      sheet.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          const styled = cell.value !== null || cell.border !== undefined || cell.fill !== undefined || cell.numFmt !== undefined;
          if (!styled) return;
          checked++;
          expect({ sheet: sheet.name, cell: cell.address, font: cell.font?.name }).toEqual({
            sheet: sheet.name,
            cell: cell.address,
            font: JAPANESE_FONT,
          });
        }),
      );
    }
    expect(checked).toBeGreaterThan(200);
    const intake = workbook.getWorksheet('累計表')!;
    expect(intake.getCell('G12').font?.bold).toBe(true);
    expect(intake.getCell('B4').font?.bold).toBe(true);
  });

  test('totals are =SUM formulas whose cached results are the report’s figures and the sums of the cells they name', async () => {
    const { report, workbook } = await written(kind);
    const intake = workbook.getWorksheet('累計表')!;
    // Rows 5..11 are 8月..2月, row 12 合計; G is 相談受付方法's 合計 after the five channels.
    report.intake.months.forEach((month, i) => {
      const cell = intake.getCell(`G${5 + i}`);
      expect(formulaOf(cell)).toEqual({ formula: `SUM(B${5 + i}:F${5 + i})`, result: month.total });
    });
    const totalRow = intake.getRow(12);
    const totals = [
      ...Object.values(report.intake.total.channel),
      report.intake.total.total,
      ...Object.values(report.intake.total.category),
      ...Object.values(report.intake.total.outcome),
    ];
    totals.forEach((total, i) => {
      const cell = totalRow.getCell(i + 2);
      expect(formulaOf(cell)).toEqual({
        formula: `SUM(${cell.address.replace(/\d+$/u, '')}5:${cell.address.replace(/\d+$/u, '')}11)`,
        result: total,
      });
    });
    expect(shown(intake.getCell('G12'))).toBe(135);

    let formulas = 0;
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (!isFormula(cell)) return;
          formulas++;
          expect({ cell: `${sheet.name}!${cell.address}`, result: cell.result }).toEqual({
            cell: `${sheet.name}!${cell.address}`,
            result: sumOf(sheet, cell.formula),
          });
        }),
      );
    }
    // 累計表: 7 month sums + 19 totals; 居場所: 2 × 7 month sums + 6 totals; 生理用品配布: 7 + 8.
    expect(formulas).toBe(26 + 20 + 15);
    expect(shown(workbook.getWorksheet('居場所')!.getCell('D12'))).toBe(report.ibasho.sessions);
    expect(shown(workbook.getWorksheet('生理用品配布')!.getCell('I11'))).toBe(313);
  });

  test('the seed’s title and year over the table, and its summary sentences directly under it', async () => {
    const { report, workbook } = await written(kind);
    const intake = workbook.getWorksheet('累計表')!;
    expect(intake.getCell('A1').value).toBe('高崎市 女性のためのつながり相談（累計）');
    expect(intake.getCell('A2').value).toBe('令和3年度');
    expect(intake.getCell('A12').value).toBe('合計');
    expect([13, 14, 15, 16].map((row) => intake.getCell(`A${row}`).value)).toEqual([null, ...report.summary]);
    expect(intake.getCell('A15').value).toBe(
      '生理用品の配布は社会福祉協議会本所及び、各支所にて配布を行い、累計313件の配布を行った。（R4年2月までの累計）',
    );
    // Each sentence spans the table, wrapped, so neither screen nor print cuts it off.
    expect(intake.getCell('T14').master.address).toBe('A14');
    expect(intake.getCell('A14').alignment?.wrapText).toBe(true);
  });
});

describe('the annual workbook’s targets', () => {
  test('the target line and the evaluation sentence as the seed words them, as text above the table', async () => {
    const { workbook } = await written('annual');
    const sheet = workbook.getWorksheet('目標と実績')!;
    expect(sheet.getCell('A3').value).toBe('「居場所」集会の開催：目標20回、結果：13回（見込）、達成度：65%');
    expect(sheet.getCell('A4').value).toBe('評価：概ね達成された。');
    expect(sheet.getRow(6).values).toEqual([undefined, '項目', '目標', '実績', '結果', '見込', '達成度', '評価', '単位']);
  });
});

describe('with --suppress-below', () => {
  test('totals are values, not formulas, so no hidden count can be summed back', async () => {
    const { report, workbook } = await written('annual', 3);
    expect(report.suppression).toEqual({ below: 3 });
    const values: unknown[] = [];
    const formulas: string[] = [];
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          values.push(cell.value);
          if (isFormula(cell)) formulas.push(`${sheet.name}!${cell.address}`);
        }),
      );
    expect(formulas).toEqual([]);
    expect(values).toContain('x');
    expect(workbook.getWorksheet('累計表')!.getCell('G12').value).toBe(135);
  });
});
