/**
 * SPEC §15 shares: `showShares: true` adds a 構成比 row under the cumulative table's 合計 in every
 * format (the symbol where a share is hidden); without it the seed's report is byte for byte what
 * it was before shares existed (test/golden/monthly-takasaki-r3.md).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { reportFrom } from '../src/pipeline.js';
import { renderCsv } from '../src/render/csv.js';
import { renderHtml } from '../src/render/html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderTable } from '../src/render/table.js';
import { renderXlsx } from '../src/render/xlsx.js';
import type { Report } from '../src/report/types.js';
import { analyseFiles, fixture, ROOT, runCli, useTempDir } from './helpers.js';
import { markdownTable, shareText, withParts } from './report-parts.js';

const SEED_TOTALS = {
  channel: { 電話: 109, 来所: 11, メール: 11, litoko: 4, 思いをつなぐ会: 0 },
  category: { 精神保健: 2, 就労関係: 1, 対人関係: 3, 家庭問題: 64, 犯罪被害: 0, 健康問題: 2, 生活問題: 45, その他: 18 },
  outcome: { 助言: 39, 情報: 25, 他機関連携: 1, 継続: 62, その他: 8 },
};

async function report(options: { suppressBelow?: number; showShares?: boolean; suppressSymbol?: string } = {}): Promise<Report> {
  const { showShares, ...suppression } = options;
  const config = { ...DEFAULT_CONFIG, ...(showShares ? { showShares } : {}) };
  const result = reportFrom(
    await analyseFiles([fixture('takasaki-r3')], config),
    {},
    { kind: 'monthly', skipInvalid: false, ...suppression },
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.report;
}

/** The 構成比 row the seed's figures give, computed here: channels, 合計 (100%), categories, outcomes. */
const expectedRow = (): string[] => [
  '構成比',
  ...Object.values(SEED_TOTALS.channel).map((n) => shareText(n, 135)),
  '100.0%',
  ...Object.values(SEED_TOTALS.category).map((n) => shareText(n, 135)),
  ...Object.values(SEED_TOTALS.outcome).map((n) => shareText(n, 135)),
];

describe('構成比 row (config showShares)', () => {
  test('Markdown: under 合計, each column’s count over the consultations to one decimal; nothing else changes', async () => {
    const md = renderMarkdown(await report({ showShares: true }));
    const rows = markdownTable(md, '高崎市 女性のためのつながり相談（累計）');
    expect(rows.at(-2)![0]).toBe('合計');
    expect(rows.at(-1)).toEqual(expectedRow());
    expect(expectedRow()).toContain('80.7%');
    // Without the row it is the report without showShares, line for line.
    const plain = renderMarkdown(await report());
    expect(
      md
        .split('\n')
        .filter((line) => !line.startsWith('| **構成比**'))
        .join('\n'),
    ).toBe(plain);
  });

  test('CSV, terminal and HTML print the same row', async () => {
    const shown = await report({ showShares: true });
    const csv = renderCsv(shown).split('\r\n');
    expect(csv).toContain(expectedRow().join(','));
    const table = await renderTable(shown, { width: 400 });
    const line = table.split('\n').find((l) => l.includes('構成比'))!;
    expect(
      line
        .split('│')
        .map((cell) => cell.trim())
        .filter((cell) => cell !== ''),
    ).toEqual(expectedRow());
    const html = renderHtml(shown);
    const shareRow = [...html.matchAll(/<tr class="total">(.*?)<\/tr>/gu)].map((m) => m[1]!).find((row) => row.startsWith('<td>構成比'))!;
    const cells = [...shareRow.matchAll(/<td[^>]*>([^<]*)<\/td>/gu)].map((m) => m[1]);
    expect(cells).toEqual(expectedRow());
  });

  test('XLSX: the row holds formulas over the 合計 row above (a hand correction carries through), as percents, with their values', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(await report({ showShares: true }))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('累計表')!;
    let shareRow = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === '構成比') shareRow = n;
    });
    expect(sheet.getRow(shareRow - 1).getCell(1).value).toBe('合計');
    const phone = sheet.getRow(shareRow).getCell(2);
    expect(phone.formula).toBe(`B${shareRow - 1}/G${shareRow - 1}`);
    expect(phone.result).toBeCloseTo(109 / 135, 12);
    expect(phone.numFmt).toBe('0.0%');
    expect(sheet.getRow(shareRow).getCell(7).formula).toBe(`G${shareRow - 1}/G${shareRow - 1}`);
    // Every share cell is a formula whose cached value is its count over 135.
    const values = Object.values(SEED_TOTALS).flatMap((group) => Object.values(group));
    const columns = [2, 3, 4, 5, 6, ...Array.from({ length: 13 }, (_, i) => 8 + i)];
    columns.forEach((column, i) => expect(sheet.getRow(shareRow).getCell(column).result).toBeCloseTo(values[i]! / 135, 12));
  });

  test('several 主訴: the categories’ shares are of all mentions, the rest of the consultations', async () => {
    const multiple = withParts(await report({ showShares: true }), { categoriesMultiple: true });
    delete multiple.intake.total.share;
    // 26 consultations named 家庭問題 beside another 主訴: 161 mentions of 135 consultations.
    multiple.intake.total.category['家庭問題'] = 90;
    const row = markdownTable(renderMarkdown(multiple), '高崎市 女性のためのつながり相談（累計）').at(-1)!;
    const mentions = Object.values(SEED_TOTALS.category).reduce((a, b) => a + b, 0) + 26;
    expect(mentions).toBe(161);
    expect(row[1 + 5 + 1 + 3]).toBe(shareText(90, mentions));
    expect(row[1]).toBe(shareText(109, 135));
  });

  test('under suppression: the share of a hidden count, or of anything when the total is hidden, is the symbol; XLSX keeps values', async () => {
    const suppressed = await report({ showShares: true, suppressBelow: 3, suppressSymbol: '×' });
    const row = markdownTable(renderMarkdown(suppressed), '高崎市 女性のためのつながり相談（累計）').at(-1)!;
    const totals = suppressed.intake.total;
    const labels = [...Object.keys(totals.channel), '合計', ...Object.keys(totals.category), ...Object.keys(totals.outcome)];
    const counts = [...Object.values(totals.channel), totals.total, ...Object.values(totals.category), ...Object.values(totals.outcome)];
    expect(counts).toContain(null);
    counts.forEach((n, i) => expect(row[i + 1], labels[i]).toBe(n === null ? '×' : shareText(n, 135)));

    // All hidden (every count under 136): even a shown 0 has no share, or 0 of a share would say nothing but 0/total would.
    const allHidden = await report({ showShares: true, suppressBelow: 136 });
    expect(allHidden.intake.total.total).toBeNull();
    expect(allHidden.intake.total.channel['思いをつなぐ会']).toBe(0);
    expect(allHidden.intake.total.share!.channel['思いをつなぐ会']).toBeNull();
    const hiddenRow = markdownTable(renderMarkdown(allHidden), '高崎市 女性のためのつながり相談（累計）').at(-1)!;
    expect(hiddenRow.slice(1).every((cell) => cell === 'x')).toBe(true);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(suppressed)) as unknown as ArrayBuffer);
    const formulas: string[] = [];
    workbook.getWorksheet('累計表')!.eachRow((r) =>
      r.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.address);
      }),
    );
    expect(formulas).toEqual([]);
  });
});

describe('the seed’s report without showShares', () => {
  let dir = '';
  useTempDir('suppress-shares-', (d) => (dir = d));

  test('`monthly fixtures/takasaki-r3` is byte for byte what it was before shares and suppression options (golden)', async () => {
    const golden = await readFile(path.join(ROOT, 'test', 'golden', 'monthly-takasaki-r3.md'), 'utf8');
    const result = await runCli(['monthly', fixture('takasaki-r3')], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(golden);
    // showShares in a config file: the row is added, and nothing else moves.
    const config = path.join(dir, 'shares.json');
    await writeFile(config, JSON.stringify({ showShares: true }));
    const withRow = await runCli(['monthly', fixture('takasaki-r3'), '--config', config], { env: { LANG: 'ja_JP.UTF-8' } });
    const lines = withRow.stdout.split('\n');
    expect(lines.filter((line) => line.startsWith('| **構成比** |'))).toHaveLength(1);
    expect(lines.filter((line) => !line.startsWith('| **構成比** |')).join('\n')).toBe(golden);
  });
});
