import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { messagesFor } from '../src/messages/index.js';
import { fixture, ROOT, runCli, useTempDir, type CliResult } from './helpers.js';

const FORM = fixture('forms', '様式1.xlsx');
const MAP = fixture('forms', '様式1.map.json');
const LOGS = fixture('takasaki-r3');
const en = messagesFor('en');
const ja = messagesFor('ja');

let dir = '';
useTempDir('tsup-fill-', (d) => (dir = d));

/** The report as `annual --format json` gives it: what the filled cells must hold. */
let report: {
  asOf: string;
  startMonth: string;
  intake: { total: { channel: Record<string, number> }; months: { month: string; total: number }[] };
  ibasho: { sessions: number; participants: number };
  distribution: { count: number };
};
beforeAll(async () => {
  report = JSON.parse((await runCli(['annual', LOGS, '--format', 'json', '--quiet'])).stdout) as typeof report;
});

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const fill = (out: string, ...more: string[]): Promise<CliResult> => runCli(['fill', FORM, '--map', MAP, '--out', out, LOGS, ...more]);

/** A map file of these entries in the temporary folder. */
function mapFile(name: string, cells: unknown[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ cells }, null, 2));
  return file;
}

async function sheetOf(file: string, name = '様式1'): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.getWorksheet(name)!;
}

describe('tsup-report fill', () => {
  test('writes the figures of the logs into the cells the map names, and leaves the form as it was', async () => {
    const before = sha256(FORM);
    const out = path.join(dir, '様式1_令和3年度.xlsx');
    const result = await fill(out);
    expect(result.stderr).toContain(en.fill.written(out, 15));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(sha256(FORM)).toBe(before);
    const sheet = await sheetOf(out);
    const channels = Object.keys(report.intake.total.channel);
    channels.forEach((label, i) => expect(sheet.getCell(`C${6 + i}`).value, label).toBe(report.intake.total.channel[label]));
    report.intake.months.forEach((row, i) => expect(sheet.getCell(`${'CDEFGHI'[i]}14`).value, row.month).toBe(row.total));
    expect(sheet.getCell('C16').value).toBe(report.ibasho.sessions);
    expect(sheet.getCell('C17').value).toBe(report.ibasho.participants);
    expect(sheet.getCell('C20').value).toBe(report.distribution.count);
  });

  test('with --month, the report (and the figures) end at that month', async () => {
    const out = path.join(dir, 'to-december.xlsx');
    const cells = [
      { sheet: '様式1', cell: 'C6', metric: 'intake.total' },
      { sheet: '様式1', cell: 'D6', metric: 'intake.total', month: '2021-12' },
    ];
    const result = await runCli([
      'fill',
      FORM,
      '--map',
      mapFile('december.json', cells),
      '--out',
      out,
      LOGS,
      '--month',
      '2021-12',
      '--quiet',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const upToDecember = report.intake.months.filter((row) => row.month <= '2021-12');
    const sheet = await sheetOf(out);
    expect(sheet.getCell('C6').value).toBe(upToDecember.reduce((n, row) => n + row.total, 0));
    expect(sheet.getCell('D6').value).toBe(upToDecember.at(-1)!.total);
  });

  test('LibreOffice opens the filled form and shows the figures, the sums over them and the picture', async (context) => {
    if (!existsSync('/usr/bin/soffice')) return context.skip('LibreOffice (soffice) is not installed');
    const work = path.join(dir, 'libreoffice');
    mkdirSync(work);
    const out = path.join(work, 'filled.xlsx');
    expect((await fill(out, '--quiet')).code).toBe(0);
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, out], { stdio: 'ignore', timeout: 120_000 });
    const pdf = path.join(work, 'filled.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const total = report.intake.months.reduce((n, row) => n + row.total, 0);
    expect(text).toMatch(new RegExp(`合計\\s+${total}\\n`, 'u'));
    expect(text).toMatch(new RegExp(`件数(\\s+\\d+){7}\\s+${total}\\n`, 'u'));
    expect(text).toMatch(new RegExp(`相談件数（様式1より）\\s+${total}\\n`, 'u'));
    expect(text).toMatch(new RegExp(`相談合計（名前の定義）\\s+${total}\\n`, 'u'));
    expect(text).toMatch(new RegExp(`生理用品 配布件数\\s+${report.distribution.count}\\n`, 'u'));
    const images = execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', pdf], { encoding: 'utf8' });
    expect(images.trim().split('\n').length).toBeGreaterThan(2);
    // For a person to look at: test/output/fill-form-1.png.
    mkdirSync(path.join(ROOT, 'test', 'output'), { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(ROOT, 'test', 'output', 'fill-form')]);
  });
});

describe('refused, with nothing written', () => {
  const refused = (result: CliResult, out: string, ...lines: string[]): void => {
    for (const line of lines) expect(result.stderr).toContain(line);
    expect(result.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(path.dirname(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  };

  test('--out naming the form itself, or a file that exists', async () => {
    const copy = path.join(dir, 'copy', '様式1.xlsx');
    mkdirSync(path.dirname(copy));
    copyFileSync(FORM, copy);
    const before = sha256(copy);
    const itself = await runCli(['fill', copy, '--map', MAP, '--out', copy, LOGS]);
    expect(itself.stderr).toContain(en.fill.outIsForm(copy));
    expect(itself.code).toBe(2);
    const existing = path.join(dir, 'copy', 'exists.xlsx');
    writeFileSync(existing, 'keep me');
    const taken = await runCli(['fill', copy, '--map', MAP, '--out', existing, LOGS]);
    expect(taken.stderr).toContain(en.usage.wouldOverwrite(existing));
    expect(taken.code).toBe(2);
    expect(sha256(copy)).toBe(before);
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
  });

  test('--out with another extension than the form, and a missing --map or --out', async () => {
    const out = path.join(dir, 'wrong.xls');
    refused(await fill(out), out, en.fill.outExtension(out, path.join(dir, 'wrong.xlsx')));
    // A form with macros stays one: Excel opens an .xlsm saved as .xlsx as neither.
    const macros = path.join(dir, 'macros.xlsm');
    copyFileSync(FORM, macros);
    const outXlsx = path.join(dir, 'macros_filled.xlsx');
    refused(
      await runCli(['fill', macros, '--map', MAP, '--out', outXlsx, LOGS]),
      outXlsx,
      en.fill.outExtension(outXlsx, path.join(dir, 'macros_filled.xlsm')),
    );
    const noMap = await runCli(['fill', FORM, '--out', path.join(dir, 'x.xlsx'), LOGS]);
    expect(noMap.stderr).toContain(en.fill.needsMap);
    expect(noMap.code).toBe(2);
    const noOut = await runCli(['fill', FORM, '--map', MAP, LOGS]);
    expect(noOut.stderr).toContain(en.fill.needsOut);
    expect(noOut.code).toBe(2);
  });

  test('a form that is not there, or an old .xls', async () => {
    const out = path.join(dir, 'never.xlsx');
    const missing = path.join(dir, 'no-such-form.xlsx');
    refused(
      await runCli(['fill', missing, '--map', MAP, '--out', out, LOGS]),
      out,
      en.fill.formUnreadable(missing, en.unreadable['not-found']),
    );
    const xls = fixture('invalid', 'legacy.xls');
    refused(await runCli(['fill', xls, '--map', MAP, '--out', out, LOGS]), out, en.fill.formProblem(xls, 'cfb'));
  });

  test('a map with broken JSON is placed by line and column; one with mistakes names every entry', async () => {
    const out = path.join(dir, 'never.xlsx');
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "cells": [\n    {"sheet": "様式1", "cell": "C5", "metric": "intake.total",}\n  ]\n}\n');
    const result = await runCli(['fill', FORM, '--map', broken, '--out', out, LOGS], { env: { LANG: 'ja_JP.UTF-8' } });
    refused(result, out, `対応表 ${broken} の 3行目`);
    const wrong = mapFile('wrong.json', [
      { sheet: '様式1', cell: 'C-5', metric: 'intake.total' },
      { sheet: '様式1', cell: 'C6' },
    ]);
    refused(
      await runCli(['fill', FORM, '--map', wrong, '--out', out, LOGS]),
      out,
      `map.cells[0].cell: ${en.fill.badAddress('"C-5"')}`,
      `map.cells[1].metric: ${en.config.required}`,
    );
  });

  test('every entry the form or the report cannot take, listed at once by index and sheet!cell, in Japanese', async () => {
    const out = path.join(dir, 'never.xlsx');
    const map = mapFile('problems.json', [
      { sheet: '様式1', cell: 'C6', metric: 'intake.channel.電話' },
      { sheet: '様式1', cell: 'C11', metric: 'intake.total' },
      { sheet: '様式1', cell: 'B6', metric: 'intake.total' },
      { sheet: '様式1', cell: 'E22', metric: 'intake.total' },
      { sheet: '様式１', cell: 'C6', metric: 'intake.total' },
      { sheet: '様式1', cell: 'C7', metric: 'intake.totals' },
      { sheet: '様式1', cell: 'C8', metric: 'intake.total', month: '2022-03' },
      { sheet: '様式1', cell: 'c6', metric: 'intake.total' },
    ]);
    const result = await runCli(['fill', FORM, '--map', map, '--out', out, LOGS], { env: { LANG: 'ja_JP.UTF-8' } });
    refused(
      result,
      out,
      ja.fill.refused(FORM, 7),
      `  - ${ja.fill.entry(1, '様式1', 'C11')}: ${ja.fill.formula}`,
      `  - ${ja.fill.entry(2, '様式1', 'B6')}: ${ja.fill.text}`,
      `  - ${ja.fill.entry(3, '様式1', 'E22')}: ${ja.fill.merged('D22:E22', 'D22')}`,
      `  - ${ja.fill.entry(4, '様式１', 'C6')}: ${ja.fill.noSheet('様式１', ['様式1', '集計', '記入例'])}`,
      `  - ${ja.fill.entry(5, '様式1', 'C7')}: 指標「intake.totals」はありません`,
      `  - ${ja.fill.entry(6, '様式1', 'C8')}: ${ja.fill.monthOutside('2022-03', report.startMonth, report.asOf)}`,
      `  - ${ja.fill.entry(7, '様式1', 'c6')}: ${ja.fill.duplicate(0)}`,
    );
    expect(result.stderr).not.toContain('  - cells[0]');
    expect(result.stderr).not.toMatch(/[A-Za-z]{4,} [a-z]{4,} [a-z]{4,}/u);
  });

  test('a count hidden by --suppress-below is not written into the form', async () => {
    const out = path.join(dir, 'never.xlsx');
    const json = JSON.parse((await runCli(['annual', LOGS, '--format', 'json', '--quiet', '--suppress-below', '3'])).stdout) as {
      intake: { total: { category: Record<string, number | null> } };
    };
    const hidden = Object.keys(json.intake.total.category).find((label) => json.intake.total.category[label] === null)!;
    expect(hidden).toBeDefined();
    const map = mapFile('hidden.json', [{ sheet: '様式1', cell: 'C6', metric: `intake.category.${hidden}` }]);
    refused(await runCli(['fill', FORM, '--map', map, '--out', out, LOGS, '--suppress-below', '3']), out, en.fill.hidden);
  });

  test('rows with errors in the period stop it as they stop annual (exit 1)', async () => {
    const out = path.join(dir, 'never.xlsx');
    const result = await runCli(['fill', FORM, '--map', MAP, '--out', out, fixture('invalid', 'bad-date.csv')]);
    expect(result.stderr).toContain(en.report.refused(1).split(' ')[0]!);
    expect(result.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
