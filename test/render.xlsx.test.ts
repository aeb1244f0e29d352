import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { reportFrom } from '../src/pipeline.js';
import { suppressReport } from '../src/report/suppress.js';
import type { Report } from '../src/report/types.js';
import { renderXlsx } from '../src/render/xlsx.js';
import { analyseFiles, fixture } from './helpers.js';
import { ALL_PARTS, takasakiReport, withParts } from './report-parts.js';

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
    expect(report.suppression).toEqual({ below: 3, symbol: 'x', sentences: 'reworded' });
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

describe('the workbook with the tables of SPEC §14', () => {
  async function workbookOf(report: Report): Promise<ExcelJS.Workbook> {
    const file = path.join(dir, `parts-${Math.random().toString(36).slice(2)}.xlsx`);
    await writeFile(file, await renderXlsx(report));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    return workbook;
  }
  /** The row whose column A says `label`, from row `from` on. */
  const rowOf = (sheet: ExcelJS.Worksheet, label: string, from = 1): ExcelJS.Row => {
    for (let r = from; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === label) return sheet.getRow(r);
    throw new Error(`no row ${label} in ${sheet.name}`);
  };

  test('a sheet for people, one per attribute (named by its label) and one for support, in report order', async () => {
    const workbook = await workbookOf(withParts(await takasakiReport('annual'), ALL_PARTS));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '目標と実績',
      '累計表',
      '相談者数',
      '年代',
      'DV',
      '居場所',
      '生理用品配布',
      '支援記録',
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1 });
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      sheet.eachRow((row) =>
        row.eachCell((cell) =>
          expect({ cell: `${sheet.name}!${cell.address}`, font: cell.font?.name }).toMatchObject({ font: JAPANESE_FONT }),
        ),
      );
    }
  });

  test('totals are =SUM with the report’s figures as results, but the period’s 実人数 is a value (it is no sum)', async () => {
    const report = withParts(await takasakiReport(), ALL_PARTS);
    const workbook = await workbookOf(report);
    let formulas = 0;
    for (const sheet of workbook.worksheets)
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
    // Today's 61; 相談者数: 延べ, 新規, ID未記入 of 合計; each attribute: 件数 of 合計, then 7 month sums
    // and its labels' and 合計's totals; support: 7 month sums + 4 totals, 4 agency sums + 4 totals.
    const months = report.intake.months.length;
    const labels = report.intake.attributes!.map((a) => Object.keys(a.total).length);
    const types = Object.keys(report.support!.type).length;
    const agencies = report.support!.byAgency.length;
    expect(formulas).toBe(61 + 3 + labels.reduce((n, l) => n + 1 + months + l + 1, 0) + (months + types + 1) + (agencies + types + 1));

    const people = workbook.getWorksheet('相談者数')!;
    expect(people.getRow(3).values).toEqual([undefined, '月', '延べ件数', '実人数', '新規', 'ID未記入']);
    const total = rowOf(people, '合計');
    const figures = report.intake.people!.total;
    expect([2, 3, 4, 5].map((c) => shown(total.getCell(c)))).toEqual([
      report.intake.total.total,
      figures.clients,
      figures.new,
      figures.withoutId,
    ]);
    expect(isFormula(total.getCell(2))).toBe(true);
    expect(isFormula(total.getCell(3))).toBe(false);
    expect(isFormula(total.getCell(4))).toBe(true);
    expect(total.getCell(3).font?.bold).toBe(true);

    const support = workbook.getWorksheet('支援記録')!;
    expect(support.getCell('A1').value).toBe('支援記録（月別・支援内容別）');
    const agencyTitle = rowOf(support, '連携先別');
    const agencyTotal = rowOf(support, '合計', agencyTitle.number);
    expect(shown(agencyTotal.getCell(5))).toBe(report.support!.total);
    expect(agencyTotal.getCell(5).formula).toMatch(/^SUM\(E\d+:E\d+\)$/u);
  });

  test('構成比 as a number formatted to one decimal percent; the 合計 row at 100%', async () => {
    const report = withParts(await takasakiReport(), { attributes: true });
    const sheet = (await workbookOf(report)).getWorksheet('年代')!;
    expect(sheet.getCell('A1').value).toBe('年代別');
    expect(sheet.getRow(3).values).toEqual([undefined, '年代', '件数', '構成比']);
    const twenties = rowOf(sheet, '20代');
    expect(twenties.getCell(3).value).toBeCloseTo(report.intake.attributes![0]!.total['20代']! / report.intake.total.total!, 10);
    expect(twenties.getCell(3).numFmt).toBe('0.0%');
    expect(rowOf(sheet, '合計').getCell(3).value).toBe(1);
    expect(rowOf(sheet, '月別・年代別').getCell(1).font?.bold).toBe(true);
  });

  test('an attribute label is made a sheet name Excel accepts, never taking one of the tool’s sheets', async () => {
    const report = withParts(await takasakiReport(), { attributes: true });
    report.intake.attributes![0]!.label = 'DV/虐待[要確認]';
    report.intake.attributes![1]!.label = '居場所';
    const names = (await workbookOf(report)).worksheets.map((s) => s.name);
    expect(names).toEqual(['累計表', 'DV_虐待_要確認_', '居場所（2）', '居場所', '生理用品配布']);
  });

  test('with --suppress-below the new sheets hold values, not formulas, and x for hidden counts', async () => {
    const report = suppressReport(withParts(await takasakiReport(), ALL_PARTS), 3, DEFAULT_CONFIG);
    const workbook = await workbookOf(report);
    const values: unknown[] = [];
    for (const name of ['相談者数', '年代', 'DV', '支援記録']) {
      workbook.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          expect(isFormula(cell)).toBe(false);
          values.push(cell.value);
        }),
      );
    }
    expect(values).toContain('x');
  });
});
