import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { consoleErrorsOf, hasChromium, useBrowser } from './browser.js';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { escapeHtml, renderHtml } from '../src/render/html.js';
import { suppressReport } from '../src/report/suppress.js';
import { fixture, ROOT, runCli } from './helpers.js';
import { ALL_PARTS, takasakiReport, withParts } from './report-parts.js';

const OUTPUT = path.join(ROOT, 'test', 'output');

describe.runIf(hasChromium)('the HTML report in a real browser (headless Chromium)', () => {
  let browser: import('playwright-core').Browser;
  useBrowser((b) => (browser = b));
  beforeAll(() => mkdir(OUTPUT, { recursive: true }));

  async function open(command: 'monthly' | 'annual', name: string, extra: string[] = []) {
    const file = path.join(OUTPUT, `${name}.html`);
    const made = await runCli([command, fixture('takasaki-r3'), '--out', file, ...extra]);
    expect(made.code).toBe(0);
    const json = JSON.parse((await runCli([command, fixture('takasaki-r3'), '--format', 'json', ...extra])).stdout);
    const page = await browser.newPage({ viewport: { width: 1240, height: 900 } });
    const consoleErrors = consoleErrorsOf(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    return { page, json, consoleErrors, requests, url };
  }

  test('annual: renders without console errors or network requests, and its charts show the JSON figures', async () => {
    const { page, json, consoleErrors, requests, url } = await open('annual', 'annual-takasaki-r3');
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([url]);

    const bars = await page.$$eval('rect[data-chart]', (rects) =>
      rects.map((r) => ({
        chart: r.getAttribute('data-chart'),
        month: r.getAttribute('data-month'),
        series: r.getAttribute('data-series'),
        target: r.getAttribute('data-target'),
        value: Number(r.getAttribute('data-value')),
      })),
    );
    const channelBars = bars.filter((b) => b.chart === 'channels').map(({ month, series, value }) => ({ month, series, value }));
    const expectedChannels = json.intake.months.flatMap((m: any) =>
      Object.entries(m.channel)
        .filter(([, v]) => (v as number) > 0)
        .map(([series, value]) => ({ month: m.month, series, value })),
    );
    expect(channelBars).toEqual(expectedChannels);
    const categoryBars = bars.filter((b) => b.chart === 'categories').map(({ series, value }) => [series, value]);
    expect(Object.fromEntries(categoryBars)).toEqual(json.intake.total.category);
    const targetBars = bars.filter((b) => b.chart === 'targets').map(({ target, series, value }) => [target, series, value]);
    expect(targetBars).toEqual(
      json.targets.flatMap((t: any) => [
        [t.id, 'target', t.target],
        [t.id, 'result', t.result],
      ]),
    );

    const text = await page.textContent('body');
    expect(text).toContain('「居場所」集会の開催：目標20回、結果：13回（見込）、達成度：65%');
    expect(text).toContain('評価：概ね達成された。');
    expect(text).toContain('高崎市 女性のためのつながり相談（累計）');
    expect(text).toContain(json.summary[0]);
    const totalRow = await page.$$eval('table tr.total', (rows) => rows[0]!.textContent);
    expect(totalRow).toContain('135');

    await page.screenshot({ path: path.join(OUTPUT, 'annual-takasaki-r3.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  }, 60_000);

  test('monthly with --suppress-below: hidden counts are x and are not drawn', async () => {
    const { page, json, consoleErrors } = await open('monthly', 'monthly-suppressed', ['--suppress-below', '3']);
    expect(consoleErrors).toEqual([]);
    const drawn = await page.$$eval('rect[data-chart="channels"]', (rects) => rects.map((r) => Number(r.getAttribute('data-value'))));
    expect(drawn.every((v) => v >= 3)).toBe(true);
    // Every bar is as tall as its month's total: the hidden counts are one grey segment.
    const segments = await page.$$eval('rect[data-chart^="channels"]', (rects) =>
      rects.map((r) => ({ month: r.getAttribute('data-month')!, height: Number(r.getAttribute('height')) })),
    );
    expect(segments.length).toBeGreaterThan(drawn.length);
    const barHeight = (month: string): number => segments.filter((s) => s.month === month).reduce((n, s) => n + s.height, 0);
    // Every bar whose total is shown is as tall as that total; a month whose total is hidden
    // draws only its shown counts (a grey segment would give the hidden total away).
    const shown = json.intake.months.filter((m: any) => m.total !== null);
    const perCount = shown.map((m: any) => barHeight(m.month) / m.total);
    for (const ratio of perCount) expect(ratio).toBeCloseTo(perCount[0], 1);
    for (const m of json.intake.months.filter((m: any) => m.total === null)) {
      const shownSum = (Object.values(m.channel) as (number | null)[]).reduce((n: number, v) => n + (v ?? 0), 0);
      expect(barHeight(m.month)).toBeCloseTo(shownSum * perCount[0], 0);
    }
    expect(json.intake.months.some((m: any) => Object.values(m.channel).includes(null))).toBe(true);
    expect(await page.textContent('body')).toContain('--suppress-below 3');
    await page.screenshot({ path: path.join(OUTPUT, 'monthly-suppressed.png'), fullPage: true });
    await page.close();
  }, 60_000);

  test('the tables of SPEC §14: people, attributes and support, with charts of support by type and of the first attribute', async () => {
    const report = withParts(await takasakiReport('annual'), ALL_PARTS);
    const file = path.join(OUTPUT, 'annual-parts.html');
    await writeFile(file, renderHtml(report));
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const consoleErrors = consoleErrorsOf(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(consoleErrors).toEqual([]);
    expect(requests).toHaveLength(1);
    const bars = (chart: string) =>
      page.$$eval(`rect[data-chart="${chart}"]`, (rects) =>
        rects.map((r) => [r.getAttribute('data-series'), Number(r.getAttribute('data-value'))]),
      );
    expect(Object.fromEntries(await bars('support-types'))).toEqual(report.support!.type);
    expect(Object.fromEntries(await bars('attribute'))).toEqual(report.intake.attributes![0]!.total);
    // Every label of a chart is inside the drawing (none cut off at the left edge).
    const outside = await page.$$eval(
      'figure svg text',
      (texts) =>
        texts.filter((t) => {
          const box = (t as SVGGraphicsElement).getBBox();
          const width = Number(t.closest('svg')!.getAttribute('width'));
          return box.x < 0 || box.x + box.width > width;
        }).length,
    );
    expect(outside).toBe(0);
    const headings = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent));
    expect(headings).toEqual(
      expect.arrayContaining([
        '相談者数（実人数）',
        '年代別',
        '月別・年代別',
        'DV別',
        '月別・DV別',
        '支援記録（月別・支援内容別）',
        '連携先別',
      ]),
    );
    const peopleTotal = await page.$$eval('section', (sections) => {
      const people = sections.find((s) => s.querySelector('h2')?.textContent === '相談者数（実人数）')!;
      return [...people.querySelectorAll('tr.total td')].map((td) => td.textContent);
    });
    const total = report.intake.people!.total;
    expect(peopleTotal).toEqual([
      '合計',
      String(report.intake.total.total),
      String(total.clients),
      String(total.new),
      String(total.withoutId),
    ]);
    await page.screenshot({ path: path.join(OUTPUT, 'annual-parts.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  }, 60_000);

  test('labels are escaped: a config label cannot inject markup', async () => {
    const dirConfig = path.join(OUTPUT, 'hostile-config.json');
    await writeFile(dirConfig, JSON.stringify({ program: '<img src=x onerror=alert(1)>相談' }));
    const file = path.join(OUTPUT, 'hostile.html');
    expect((await runCli(['monthly', fixture('takasaki-r3'), '--config', dirConfig, '--out', file])).code).toBe(0);
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href);
    expect(await page.$$('img')).toHaveLength(0);
    expect(await page.textContent('h1')).toContain('<img src=x onerror=alert(1)>相談');
    expect(requests).toHaveLength(1);
    await page.close();
  }, 60_000);
});

test('the new tables escape their labels; hidden counts are x and not drawn', async () => {
  const report = suppressReport(withParts(await takasakiReport(), ALL_PARTS), 3, DEFAULT_CONFIG);
  report.intake.attributes![0]!.label = '<script>年代';
  const html = renderHtml(report);
  expect(html).not.toContain('<script>');
  expect(html).toContain('<h2>&lt;script&gt;年代別</h2>');
  const drawn = [...html.matchAll(/data-chart="(?:support-types|attribute)" data-series="[^"]*" data-value="(\d+)"/gu)].map((m) =>
    Number(m[1]),
  );
  expect(drawn.length).toBeGreaterThan(0);
  expect(drawn.filter((v) => v > 0 && v < 3)).toEqual([]);
});

test('escapeHtml escapes the five characters HTML treats specially', () => {
  expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});
