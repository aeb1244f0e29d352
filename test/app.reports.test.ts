import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareChoice, splitReportFiles } from '../src/app/reports.js';
import type { PickedFile } from '../src/app/sources.js';
import { downloadedJson, hasChromium, openAppIn, settled, useBrowser } from './browser.js';
import { fixture, runCli, useTempDir } from './helpers.js';

const picked = (name: string, text: string): PickedFile => ({ file: new File([text], name), path: '' });
const report = (fiscalYear: number, asOf: string, extra: object = {}): string =>
  JSON.stringify({ kind: 'monthly', fiscalYear, startMonth: `${fiscalYear}-04`, asOf, intake: {}, ...extra });

describe('the tool’s JSON reports among the page’s files', () => {
  test('a .json holding a report is taken apart from the logs; the config, other JSON and logs stay with the logs', async () => {
    const files = [
      picked('令和6年度_月次.json', report(2024, '2024-12')),
      picked('tsup-report.config.json', '{"program": "x"}'),
      picked('メモ.json', '{"note": 1}'),
      picked('壊れた.json', '{'),
      picked('2025-04.csv', '受付日\n'),
    ];
    const { logs, reports } = await splitReportFiles(files);
    expect(reports.map((r) => [r.name, r.fiscalYear, r.asOf])).toEqual([['令和6年度_月次.json', 2024, '2024-12']]);
    expect(logs.map((l) => l.file.name)).toEqual(['tsup-report.config.json', 'メモ.json', '壊れた.json', '2025-04.csv']);
  });

  test('the previous year’s report is chosen, the latest month first; another year’s is named as unused; a suppressed one is refused', async () => {
    // Not whole reports: compareChoice checks them, so these stand for files that do not check out.
    const { reports } = await splitReportFiles([
      picked('a.json', report(2024, '2024-12')),
      picked('b.json', report(2023, '2024-03')),
      picked('c.json', report(2024, '2025-02', { suppression: { below: 3 } })),
    ]);
    const choice = compareChoice(reports, 2025);
    expect('refused' in choice && choice.refused).toBe('suppressed');
    // The latest month comes first; the one refused is c.json, the others are unused.
    expect(choice.use?.name).toBe('c.json');
    expect(choice.unused.map((r) => r.name)).toEqual(['a.json', 'b.json']);
    expect(compareChoice(reports, 2027)).toEqual({ use: null, unused: reports });
  });
});

describe.runIf(hasChromium)('the offline app compares with last year’s JSON report among the files', { timeout: 120_000 }, () => {
  let browser: import('playwright-core').Browser;
  useBrowser((b) => (browser = b));
  let dir = '';
  useTempDir('tsup-app-reports-', (created) => (dir = created));

  test('this year’s logs, the config and last year’s JSON chosen together: the page’s JSON equals `monthly --compare`', async () => {
    const config = fixture('program-2y', 'tsup-report.config.json');
    const lastYear = await runCli([
      'annual',
      fixture('program-2y'),
      '--fiscal-year',
      'R6',
      '--config',
      config,
      '--format',
      'json',
      '--quiet',
    ]);
    expect(lastYear.code, lastYear.stderr).toBe(0);
    const lastYearFile = path.join(dir, '令和6年度_年次報告.json');
    await writeFile(lastYearFile, lastYear.stdout);
    const older = path.join(dir, '令和5年度_年次報告.json');
    await writeFile(older, lastYear.stdout.replace('"fiscalYear": 2024', '"fiscalYear": 2023'));
    const thisYear = ['令和7年度_記録.xlsx', '令和7年度_相談記録_10-12月.csv', '令和7年度_居場所.csv', '令和7年度_配布.csv'].map((f) =>
      fixture('program-2y', f),
    );

    const { page, expectClean } = await openAppIn(browser);
    await page.setInputFiles('#files', [...thisYear, config, lastYearFile, older]);
    expect(await settled(page)).toBe('ready');
    const fromCli = await runCli(['monthly', ...thisYear, '--config', config, '--compare', lastYearFile, '--format', 'json']);
    expect(fromCli.code, fromCli.stderr).toBe(0);
    const expected = JSON.parse(fromCli.stdout);
    const fromPage = await downloadedJson(page);
    expect(fromPage.previous).toEqual(expected.previous);
    expect(fromPage.change).toEqual(expected.change);
    expect(fromPage.summary).toEqual(expected.summary);
    expect(fromPage.previous.fiscalYear).toBe(2024);
    const said = await page.textContent('#config-in-use');
    expect(said).toContain('前年度同期との比較: 令和6年度_年次報告.json（令和6年度の報告書）');
    expect(said).toContain('令和5年度_年次報告.json（令和5年度）');
    await expectClean();
  });

  test('reports alone are combined as `tsup-report combine` does; one with hidden counts is refused, naming the file', async () => {
    const councils = [
      { logs: 'program-2y', organization: '甲市社会福祉協議会' },
      { logs: 'full-year', organization: '乙市社会福祉協議会' },
    ];
    const files: string[] = [];
    for (const [i, council] of councils.entries()) {
      const config = JSON.parse(await readFile(fixture(council.logs, 'tsup-report.config.json'), 'utf8')) as object;
      const configFile = path.join(dir, `council-${i}.config.json`);
      await writeFile(configFile, JSON.stringify({ ...config, organization: council.organization }));
      const file = path.join(dir, `${council.organization}.json`);
      const written = await runCli([
        'monthly',
        fixture(council.logs),
        '--month',
        '2024-05',
        '--config',
        configFile,
        '--out',
        file,
        '--quiet',
      ]);
      expect(written.code, written.stderr).toBe(0);
      files.push(file);
    }
    const { page, expectClean } = await openAppIn(browser);
    await page.setInputFiles('#files', files);
    expect(await settled(page)).toBe('ready');
    expect(await page.isDisabled('#fiscal-year')).toBe(true);
    const fromCli = await runCli(['combine', ...files, '--format', 'json', '--quiet']);
    expect(fromCli.code, fromCli.stderr).toBe(0);
    const withoutInputs = ({ inputs, ...rest }: Record<string, unknown>) => ({ ...rest, inputs: (inputs as { file: string }[]).length });
    const fromPage = await downloadedJson(page);
    expect(withoutInputs(fromPage)).toEqual(withoutInputs(JSON.parse(fromCli.stdout)));
    expect(fromPage.sources.map((s: { organization: string }) => s.organization)).toEqual(councils.map((c) => c.organization));

    // Hidden counts after combining, as --suppress-below.
    await page.fill('#suppress-below', '3');
    await page.dispatchEvent('#suppress-below', 'change');
    expect(await settled(page)).toBe('ready');
    const suppressedCli = await runCli(['combine', ...files, '--suppress-below', '3', '--format', 'json', '--quiet']);
    expect(withoutInputs(await downloadedJson(page))).toEqual(withoutInputs(JSON.parse(suppressedCli.stdout)));

    // A council's report with hidden counts cannot be added up: refused, the file named.
    const hidden = path.join(dir, '丙市社会福祉協議会.json');
    const suppressed = await runCli(['monthly', fixture('takasaki-r3'), '--suppress-below', '3', '--out', hidden, '--quiet']);
    expect(suppressed.code, suppressed.stderr).toBe(0);
    await page.fill('#suppress-below', '');
    await page.setInputFiles('#files', [...files, hidden]);
    expect(await settled(page)).toBe('error');
    expect(await page.textContent('#message')).toContain('丙市社会福祉協議会.json');
    expect(await page.isDisabled('button[data-download="json"]')).toBe(true);
    await expectClean();
  });
});
