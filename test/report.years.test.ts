import { describe, expect, test } from 'vitest';
import { FULL_YEAR_CONFIG, fullYearRecords } from '../scripts/fixture-data/full-year.js';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { parseConfig } from '../src/config/parse.js';
import { messagesFor } from '../src/messages/index.js';
import { reportFrom } from '../src/pipeline.js';
import type { CellValue } from '../src/read/types.js';
import { analyseFiles, analyseTables, fixture, memoryTable, runCli } from './helpers.js';

const intake = (date: string, channel = '電話'): CellValue[] => [date, channel, '家庭問題', '助言'];

describe('annual --years N (SPEC §15)', () => {
  test('each fiscal year the logs hold, oldest first, equals the generator’s records; this year is the report’s period', async () => {
    const parsed = parseConfig(FULL_YEAR_CONFIG, messagesFor('en'));
    if (!parsed.ok) throw new Error('config');
    const result = reportFrom(
      await analyseFiles([fixture('full-year')], parsed.config),
      {},
      { kind: 'annual', skipInvalid: false, years: 5 },
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    const { consultations, handouts } = fullYearRecords();
    const inYear = (date: string, fy: number): boolean => date >= `${fy}-04` && date < `${fy + 1}-04`;
    expect(result.report.years!.map((y) => [y.fiscalYearLabel, y.startMonth, y.asOf])).toEqual([
      ['令和5年度', '2023-04', '2024-03'],
      ['令和6年度', '2024-04', '2024-05'],
    ]);
    for (const [i, fy] of [2023, 2024].entries()) {
      const year = result.report.years![i]!;
      expect(year.intake.total).toBe(consultations.filter((c) => inYear(c.date, fy)).length);
      expect(year.distribution.count).toBe(handouts.filter((h) => inYear(h.date, fy)).reduce((s, h) => s + h.count, 0));
      for (const { label } of FULL_YEAR_CONFIG.outcomes) {
        expect(year.intake.outcome[label]).toBe(consultations.filter((c) => inYear(c.date, fy) && c.outcome === label).length);
      }
    }
  });

  test('a year with an error is left out with a warning, never printed short', async () => {
    const rows = [intake('2019/5/1'), intake('2020/5/1'), intake('2020/6/1', '伝書鳩'), intake('2021/5/1')];
    const analysis = await analyseTables([memoryTable([['受付日', '受付方法', '主訴', '対応結果'], ...rows])], {
      ...DEFAULT_CONFIG,
      programStart: null,
    });
    const result = reportFrom(analysis, { fiscalYear: 2021 }, { kind: 'annual', skipInvalid: false, years: 3 });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.report.years!.map((y) => y.fiscalYear)).toEqual([2019, 2021]);
    expect(result.findings.warnings.filter((w) => w.code === 'year-omitted').map((w) => w.detail.fiscalYear)).toEqual([2020]);
  });

  test('through the CLI: --years gives the JSON key; without it the JSON gains none', async () => {
    const args = [
      'annual',
      fixture('full-year'),
      '--config',
      fixture('full-year', 'tsup-report.config.json'),
      '--format',
      'json',
      '--quiet',
    ];
    const withYears = JSON.parse((await runCli([...args, '--years', '2'])).stdout);
    const without = JSON.parse((await runCli(args)).stdout);
    expect(withYears.years.map((y: { fiscalYear: number }) => y.fiscalYear)).toEqual([2023, 2024]);
    expect(without).not.toHaveProperty('years');
    expect((await runCli([...args, '--years', '0'])).code).toBe(2);
  });
});
