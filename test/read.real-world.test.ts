import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import type { Analysis } from '../src/pipeline.js';
import { severityOf } from '../src/problems.js';
import { analyseFiles, fixture, runCli } from './helpers.js';

interface Expected {
  file: string;
  rows: number;
  months: Record<
    string,
    { total: number; channel: Record<string, number>; category: Record<string, number>; outcome: Record<string, number> }
  >;
}

const DIR = fixture('real-world');
/** Files written by real LibreOffice, pandas and Excel-style exports; then XML written as Excel, SheetJS and openpyxl write it. */
const FOLDERS = ['real-world', 'other-writers'];
const REFUSED = /\.(xls|ods)$/u;
const expectations: (Expected & { folder: string })[] = [];

/** What the tool counted, in the shape of the expectation files. */
function counted(analysis: Analysis): Pick<Expected, 'rows' | 'months'> {
  const labels = (list: { label: string }[], values: number[]): Record<string, number> =>
    Object.fromEntries(list.map((item, i) => [item.label, values[i]!]));
  const months: Expected['months'] = {};
  for (const [month, c] of [...analysis.tally.intake].sort()) {
    months[month] = {
      total: c.total,
      channel: labels(DEFAULT_CONFIG.channels, c.channel),
      category: labels(DEFAULT_CONFIG.categories, c.category),
      outcome: labels(DEFAULT_CONFIG.outcomes, c.outcome),
    };
  }
  return { rows: analysis.tally.total('intake'), months };
}

beforeAll(async () => {
  for (const folder of FOLDERS) {
    for (const name of (await readdir(fixture(folder))).filter((n) => n.endsWith('.expected.json')).sort()) {
      expectations.push({ ...(JSON.parse(await readFile(fixture(folder, name), 'utf8')) as Expected), folder });
    }
  }
});

describe('files written by other programs (fixtures/real-world, fixtures/other-writers)', () => {
  // Two processes that keep both cores busy while the files are read, as on a shared council PC.
  let busy: ChildProcess[] = [];
  beforeAll(() => {
    busy = [0, 1].map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  });
  afterAll(() => {
    for (const child of busy) child.kill('SIGKILL');
  });

  test('every file has its expectation, and every readable one counts exactly what a careful person counts — 20 runs under load', async () => {
    expect(expectations.length).toBeGreaterThanOrEqual(16);
    for (const expected of expectations.filter((e) => !REFUSED.test(e.file))) {
      for (let run = 1; run <= 20; run++) {
        const analysis = await analyseFiles([fixture(expected.folder, expected.file)]);
        const errors = analysis.log.list().filter((p) => severityOf(p.code) === 'error');
        expect(errors, `${expected.file} run ${run}`).toEqual([]);
        expect(counted(analysis), `${expected.file} run ${run}`).toEqual({ rows: expected.rows, months: expected.months });
      }
    }
  }, 120_000);

  test.each(['lo_era_short_R8-04.xls', 'lo_era_short_R8-04.ods'])('%s is refused with the way to save it as .xlsx', async (name) => {
    const result = await runCli(['validate', fixture('real-world', name), '--format', 'json', '--lang', 'ja']);
    expect(result.code).toBe(2);
    const [error] = JSON.parse(result.stdout).errors;
    expect(error).toMatchObject({ code: 'unsupported-format', file: fixture('real-world', name) });
    expect(error.message).toMatch(/名前を付けて保存.*xlsx/u);
  });

  test('in a folder, an .ods or .xls stops the report, naming the file (exit 2)', async () => {
    const result = await runCli(['monthly', DIR, '--format', 'json', '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('lo_era_short_R8-04.ods');
    expect(result.stderr).toContain('lo_era_short_R8-04.xls');
    expect(result.stderr).toContain('Save As');
  });

  test('the list and summary sheets beside the month sheets are skipped with a warning, never an error', async () => {
    const analysis = await analyseFiles([fixture('real-world', 'lo_multisheet_R7-Q1.xlsx')]);
    expect(analysis.log.list().map((p) => [p.code, p.sheet])).toEqual([
      ['sheet-skipped', 'リスト'],
      ['sheet-skipped', '集計'],
    ]);
  });

  test('the 合計 line under a month is one total-row warning, not four cell errors', async () => {
    const analysis = await analyseFiles([fixture('real-world', 'lo_md_total_R8-07.xlsx')]);
    expect(analysis.log.list().map((p) => [p.code, p.row])).toEqual([['total-row', 26]]);
    expect(analysis.collected.rows.intake).toMatchObject({ totalLine: 1, rejected: 0, accepted: 22 });
  });
});

describe('what Excel shows is what is read (fixtures/other-writers)', () => {
  test('furigana (<rPh>) is never part of a header or a value', async () => {
    const analysis = await analyseFiles([fixture('other-writers', 'excel-furigana_R8-11.xlsx')]);
    expect(analysis.collected.tables).toEqual([
      { file: fixture('other-writers', 'excel-furigana_R8-11.xlsx'), sheet: '11月', kind: 'intake', headerRow: 1, rows: 18 },
    ]);
    expect(JSON.stringify(analysis.log.list())).not.toMatch(/[ァ-ヶ]{3}/u);
  });

  test('sheets stored before xl/workbook.xml, in parts of any name, are all read under their own names', async () => {
    const file = fixture('other-writers', 'parts-sheets-first_R7.xlsx');
    const order = Object.keys((await JSZip.loadAsync(await readFile(file))).files);
    // The case exceljs's streaming reader got wrong: every worksheet before the workbook part.
    expect(order.indexOf('xl/workbook.xml')).toBeGreaterThan(
      Math.max(...order.filter((n) => n.startsWith('xl/worksheets/')).map((n) => order.indexOf(n))),
    );
    const analysis = await analyseFiles([file]);
    expect(analysis.collected.tables.map((t) => [t.sheet, t.rows])).toEqual([
      ['4月', 8],
      ['5月', 9],
      ['6月', 10],
      ['7月', 11],
      ['8月', 12],
    ]);
  });

  test('hidden rows are data; a struck-through row is counted and named in one warning for its sheet', async () => {
    const analysis = await analyseFiles([fixture('other-writers', 'excel-struck-hidden_R8-11.xlsx')]);
    expect(analysis.log.list().map((p) => [p.code, p.sheet, p.detail.rows])).toEqual([['struck-through', '11月', [8]]]);
    expect(analysis.tally.total('intake')).toBe(10);
  });

  test("the tool's own report and annotated copy, re-saved by LibreOffice, are still known as its own", async () => {
    for (const name of ['lo-resaved-report.xlsx', 'lo-resaved-annotated.xlsx']) {
      const analysis = await analyseFiles([fixture('other-writers', name)]);
      expect(analysis.inputs, name).toEqual([{ file: fixture('other-writers', name), status: 'skipped', reason: 'own-output' }]);
    }
  });
});
