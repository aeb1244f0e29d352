import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { FULL_YEAR_CONFIG } from '../scripts/fixture-data/full-year.js';
import { parseConfig } from '../src/config/parse.js';
import { messagesFor } from '../src/messages/index.js';
import { reportFrom } from '../src/pipeline.js';
import { renderCsv } from '../src/render/csv.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderXlsx } from '../src/render/xlsx.js';
import { analyseFiles, fixture } from './helpers.js';

async function fullYear(options: { years?: number } = {}) {
  const parsed = parseConfig(FULL_YEAR_CONFIG, messagesFor('en'));
  if (!parsed.ok) throw new Error('config');
  const result = reportFrom(
    await analyseFiles([fixture('full-year')], parsed.config),
    { asOf: '2024-05' },
    { kind: 'annual', skipInvalid: false, ...options },
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.report;
}

describe('the §15 tables in every format', () => {
  test('前年度同期比較 and 年度別の推移: in Markdown, CSV and the workbook, with the report’s own figures', async () => {
    const report = await fullYear({ years: 2 });
    const { previous, change } = report;
    const totalRow = `| 相談件数 | ${report.intake.total.total} | ${previous!.intake.total} | ${change!.intake.total.diff} | ${Math.round(change!.intake.total.ratio! * 100)}% |`;
    const md = renderMarkdown(report);
    expect(md).toContain('## 前年度同期比較');
    expect(md).toContain(totalRow);
    expect(md).toContain('## 年度別の推移');
    expect(md).toContain(`| 令和5年度 | R5年4月〜R6年3月 | ${report.years![0]!.intake.total} |`);
    expect(renderCsv(report)).toContain(`相談件数,${report.intake.total.total},${previous!.intake.total},${change!.intake.total.diff},`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(report)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('比較');
    expect(sheet).toBeDefined();
    const rows = sheet!.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows.some((r) => r[0] === '相談件数' && r[1] === report.intake.total.total && r[2] === previous!.intake.total)).toBe(true);
  });

  test('the seed’s logs hold no earlier year: no comparison table in any format', async () => {
    const result = reportFrom(await analyseFiles([fixture('takasaki-r3')]), {}, { kind: 'annual', skipInvalid: false });
    if (!result.ok) throw new Error('report');
    expect(renderMarkdown(result.report)).not.toContain('前年度同期比較');
    expect(renderCsv(result.report)).not.toContain('前年度同期比較');
  });
});
