import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, test } from 'vitest';
import { download, downloadedJson, hasChromium, openAppIn, settled, useBrowser } from './browser.js';
import { fixture, ROOT, runCli, useTempDir } from './helpers.js';

const OUTPUT = path.join(ROOT, 'test', 'output');
/** Planted in every free-text and personal column; it must come out nowhere but the annotated copy. */
const SENTINEL = 'SENTINEL極秘メモ山田花子';

type Browser = import('playwright-core').Browser;

/** A report's JSON with each input named relative to `base` (the page names a folder's files from the folder, the CLI as given). */
function comparable(json: any, base: string): unknown {
  const relative = (name: string): string => path.relative(base, path.resolve(base, name)).split(path.sep).join('/');
  return {
    ...json,
    inputs: json.inputs.map((i: any) => ({
      ...i,
      file: relative(i.file),
      ...(i.duplicateOf ? { duplicateOf: relative(i.duplicateOf) } : {}),
    })),
  };
}

/** Every cell value of every sheet, for comparing two workbooks written at different moments. */
async function cellValues(bytes: Buffer): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => ({ name: sheet.name, values: JSON.parse(JSON.stringify(sheet.getSheetValues())) }));
}

async function xlsxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await Promise.all(Object.values(zip.files).map((f) => f.async('string')))).join('\n');
}

describe.runIf(hasChromium)('the offline app (dist/tsup-report.html) in a real browser', { timeout: 120_000 }, () => {
  let browser: Browser;
  useBrowser((b) => (browser = b));
  beforeAll(() => mkdir(OUTPUT, { recursive: true }));

  const openApp = () => openAppIn(browser);

  async function cli(args: string[]): Promise<string> {
    const result = await runCli(args);
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  }

  test('takasaki-r3 chosen as files: monthly and annual JSON equal the CLI’s, Markdown, HTML and CSV are the same, the XLSX holds the same cells', async () => {
    const folder = fixture('takasaki-r3');
    const files = (await import('node:fs')).readdirSync(folder).map((f) => path.join(folder, f));
    const { page, expectClean } = await openApp();
    await page.setInputFiles('#files', files);
    expect(await settled(page)).toBe('ready');
    await page.screenshot({ path: path.join(OUTPUT, 'app-takasaki-r3-monthly.png'), fullPage: true });
    // What staff see first (docs/app.png in the README is this one).
    await page.screenshot({ path: path.join(OUTPUT, 'app-takasaki-r3-top.png') });

    for (const kind of ['monthly', 'annual'] as const) {
      await page.selectOption('#kind', kind);
      expect(await settled(page)).toBe('ready');
      const fromCli = JSON.parse(await cli([kind, ...files, '--format', 'json']));
      const fromPage = await downloadedJson(page);
      expect(comparable(fromPage, folder)).toEqual(comparable(fromCli, folder));
      for (const format of ['md', 'html', 'csv'] as const) {
        expect((await download(page, format)).toString('utf8'), `${kind} ${format}`).toBe(await cli([kind, ...files, '--format', format]));
      }
      const out = path.join(OUTPUT, `app-cli-${kind}.xlsx`);
      await cli([kind, ...files, '--out', out]);
      expect(await cellValues(await download(page, 'xlsx'))).toEqual(await cellValues(await readFile(out)));
    }
    // Suppression as --suppress-below; a value that is not a whole number above 0 stops the report rather than hide nothing.
    await page.fill('#suppress-below', '3');
    await page.dispatchEvent('#suppress-below', 'change');
    expect(await settled(page)).toBe('ready');
    const suppressed = await downloadedJson(page);
    expect(comparable(suppressed, folder)).toEqual(
      comparable(JSON.parse(await cli(['annual', ...files, '--suppress-below', '3', '--format', 'json'])), folder),
    );
    expect(suppressed.suppression).toEqual({ below: 3, symbol: 'x', sentences: 'reworded' });
    await page.fill('#suppress-below', '0');
    await page.dispatchEvent('#suppress-below', 'change');
    expect(await settled(page)).toBe('error');
    expect(await page.textContent('#message')).toContain('「0」は使えません');
    expect(await page.isDisabled('button[data-download="json"]')).toBe(true);
    await page.fill('#suppress-below', '');
    await page.dispatchEvent('#suppress-below', 'change');
    expect(await settled(page)).toBe('ready');

    // The page shows the report the HTML renderer makes: its own title and figures.
    const shown = await page.$eval('#report', (host) => host.shadowRoot!.querySelector('h1')!.textContent);
    expect(shown).toContain('令和3年度');
    await expectClean();
  });

  test('the full-year folder with its config: the config among the files is used and said so; monthly and annual JSON equal the CLI’s', async () => {
    const folder = fixture('full-year');
    const { page, expectClean } = await openApp();
    await page.setInputFiles('#folder', folder);
    expect(await settled(page)).toBe('ready');
    expect(await page.textContent('#config-in-use')).toContain('full-year/tsup-report.config.json');
    const rows = await page.$$eval('#inputs tbody tr', (trs) =>
      trs.map((tr) => [tr.children[0]!.textContent, tr.getAttribute('data-status')]),
    );
    expect(rows).toContainEqual(['full-year/tsup-report.config.json', 'config']);
    for (const kind of ['monthly', 'annual'] as const) {
      await page.selectOption('#kind', kind);
      const fromCli = JSON.parse(await cli([kind, folder, '--format', 'json']));
      const fromPage = await downloadedJson(page);
      expect(comparable(fromPage, path.dirname(folder))).toEqual(comparable(fromCli, path.dirname(folder)));
      if (kind === 'annual') expect(fromPage.targets.length).toBeGreaterThan(0);
    }
    await page.screenshot({ path: path.join(OUTPUT, 'app-full-year-annual.png'), fullPage: true });
    await expectClean();
  });

  test('a lived-in folder (copies, lock file, old reports, system files, a subfolder): every file accounted for as the CLI does, monthly and annual', async () => {
    const folder = fixture('lived-in');
    const { page, expectClean } = await openApp();
    await page.setInputFiles('#folder', folder);
    expect(await settled(page)).toBe('ready');
    let fromPage: any;
    for (const kind of ['annual', 'monthly'] as const) {
      await page.selectOption('#kind', kind);
      const fromCli = JSON.parse(await cli([kind, folder, '--format', 'json']));
      fromPage = await downloadedJson(page);
      expect(comparable(fromPage, path.dirname(folder))).toEqual(comparable(fromCli, path.dirname(folder)));
    }
    expect(new Set(fromPage.inputs.map((i: any) => i.status))).toEqual(new Set(['read', 'skipped', 'duplicate']));
    // Each input is listed with its status, in the page's words.
    const statuses = await page.$$eval('#inputs tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-status')));
    expect(statuses).toEqual(fromPage.inputs.map((i: any) => i.status));
    await expectClean();
  });

  describe('a folder with a planted sentinel and an error', () => {
    let dir: string;
    useTempDir('tsup-app-', (created) => (dir = created));
    beforeAll(async () => {
      const rows = [
        ['受付番号', '受付日', '受付方法', '主訴', '対応結果', '相談者ID', '備考', '相談員'],
        ['1', '2021/9/1', '電話', '家庭問題', '助言', SENTINEL, SENTINEL, SENTINEL],
        ['2', '2021/9/2', '来所', '生活問題', '継続', SENTINEL, `${SENTINEL}\n二行目`, SENTINEL],
        ['3', '2021/2/30', '電話', '家庭問題', '助言', SENTINEL, SENTINEL, SENTINEL],
      ];
      await mkdir(path.join(dir, '記録'));
      await writeFile(path.join(dir, '記録', '2021-09_相談記録.csv'), rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n'));
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('居場所');
      sheet.addRow(['開催日', '実施団体', '参加者数', '参加者氏名']);
      sheet.addRow([new Date(Date.UTC(2021, 8, 11)), 'litoko', 2, SENTINEL]);
      await workbook.xlsx.writeFile(path.join(dir, '記録', '居場所.xlsx'));
    });

    test('refused with the CLI’s words and located problems; with rows with errors left out, nothing but the annotated copy holds the sentinel', async () => {
      const folder = path.join(dir, '記録');
      const { page, expectClean } = await openApp();
      await page.setInputFiles('#folder', folder);
      expect(await settled(page)).toBe('error');
      expect(await page.textContent('#message')).toContain('1件のエラーがあるため、報告書を作りませんでした');
      expect(await page.isDisabled('button[data-download="json"]')).toBe(true);
      const validated = JSON.parse((await runCli(['validate', folder, '--format', 'json', '--lang', 'ja'])).stdout);
      const listed = await page.$$eval('#problems li.error', (items) => items.map((li) => li.textContent));
      expect(listed).toHaveLength(validated.errors.length);
      expect(listed[0]).toContain('B4');
      expect(listed[0]).toContain(validated.errors[0].message);

      await page.check('#skip-invalid');
      expect(await settled(page)).toBe('ready');
      const fromCli = JSON.parse(await cli(['monthly', folder, '--skip-invalid', '--format', 'json']));
      const downloads: Record<string, Buffer> = {};
      for (const kind of ['json', 'md', 'html', 'csv', 'xlsx', 'template', 'annotated']) downloads[kind] = await download(page, kind);
      expect(comparable(JSON.parse(downloads.json!.toString('utf8')), dir)).toEqual(comparable(fromCli, dir));

      const pageText = await page.evaluate(
        () => document.documentElement.outerHTML + document.querySelector('#report')!.shadowRoot!.innerHTML,
      );
      expect(pageText).not.toContain('山田花子');
      for (const kind of ['json', 'md', 'html', 'csv']) expect(downloads[kind]!.toString('utf8'), kind).not.toContain('山田花子');
      for (const kind of ['xlsx', 'template']) expect(await xlsxText(downloads[kind]!), kind).not.toContain('山田花子');
      // The annotated copy is the user's own logs, marked: it keeps what they typed, as validate --annotate does.
      expect(await xlsxText(downloads.annotated!)).toContain('山田花子');
      for (const kind of ['template', 'annotated']) expect((await cellValues(downloads[kind]!)) as unknown[]).not.toHaveLength(0);
      await expectClean();
    });
  });

  test('files dropped on the drop zone are read as chosen ones; printing leaves out the controls', async () => {
    const file = path.join(fixture('takasaki-r3'), '2021-09_相談記録.csv');
    const bytes = [...(await readFile(file))];
    const { page, expectClean } = await openApp();
    await page.evaluate(
      ({ bytes, name }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/csv' }));
        document.getElementById('drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      { bytes, name: path.basename(file) },
    );
    expect(await settled(page)).toBe('ready');
    const fromCli = JSON.parse(await cli(['monthly', file, '--format', 'json']));
    expect(comparable(await downloadedJson(page), path.dirname(file))).toEqual(comparable(fromCli, path.dirname(file)));
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.controls')).toBe(false);
    expect(await page.isVisible('.downloads')).toBe(false);
    expect(await page.isVisible('#report')).toBe(true);
    await expectClean();
  });

  test('a file fixed and chosen again is read again (staff fix the file in Excel, then choose it once more)', async () => {
    const dir = await (await import('node:fs/promises')).mkdtemp(path.join(OUTPUT, 'app-rechoose-'));
    const file = path.join(dir, '2021-09_相談記録.csv');
    const header = '受付日,受付方法,主訴,対応結果\r\n';
    await writeFile(file, `${header}2021/9/1,電話,家庭問題,助言\r\n2021/9/2,電活,家庭問題,助言\r\n`);
    const { page, expectClean } = await openApp();
    await page.setInputFiles('#files', [file]);
    expect(await settled(page)).toBe('error');
    await writeFile(file, `${header}2021/9/1,電話,家庭問題,助言\r\n2021/9/2,電話,家庭問題,助言\r\n`);
    await page.setInputFiles('#files', [file]);
    expect(await settled(page)).toBe('ready');
    const fixed = await downloadedJson(page);
    expect(fixed.intake.total.total).toBe(2);
    await expectClean();
  });

  test('a log with 相談者ID and 新規/継続: the page shows 相談者数（実人数） as the CLI writes it', async () => {
    const dir = await (await import('node:fs/promises')).mkdtemp(path.join(OUTPUT, 'app-people-'));
    const file = path.join(dir, '2021-09_相談記録.csv');
    const rows = [
      '2021/8/2,電話,家庭問題,助言,A,新規',
      '2021/8/9,電話,家庭問題,助言,A,継続',
      '2021/9/1,来所,家庭問題,助言,A,継続',
      '2021/9/3,電話,生活問題,助言,,新規',
    ];
    await writeFile(file, `受付日,受付方法,主訴,対応結果,相談者ID,新規/継続\r\n${rows.join('\r\n')}\r\n`);
    const { page, expectClean } = await openApp();
    await page.setInputFiles('#files', [file]);
    expect(await settled(page)).toBe('ready');
    const table = await page.$eval('#report', (host) => {
      const section = [...host.shadowRoot!.querySelectorAll('section')].find(
        (s) => s.querySelector('h2')?.textContent === '相談者数（実人数）',
      );
      return section ? [...section.querySelectorAll('tr')].map((tr) => [...tr.children].map((td) => td.textContent)) : null;
    });
    // 8月: 2 consultations by one person, both with an ID; 9月: A again and one without an ID; A is one person in the period.
    expect(table).toEqual([
      ['月', '延べ件数', '実人数', '新規', 'ID未記入'],
      ['8月', '2', '1', '1', '0'],
      ['9月', '2', '1', '1', '1'],
      ['合計', '4', '1', '2', '1'],
    ]);
    expect((await download(page, 'md')).toString('utf8')).toBe(await cli(['monthly', file, '--format', 'md']));
    await expectClean();
  });

  test('a config that does not check out is refused with the CLI’s own words', async () => {
    const bad = path.join(OUTPUT, 'app-bad.config.json');
    await writeFile(bad, JSON.stringify({ targets: [{ id: 'x', metric: 'intake.total', target: '二十' }] }));
    const { page, expectClean } = await openApp();
    await page.setInputFiles('#config', bad);
    await page.setInputFiles('#files', [path.join(fixture('takasaki-r3'), '2021-08_相談記録.csv')]);
    expect(await settled(page)).toBe('error');
    const cliError = (await runCli(['monthly', fixture('takasaki-r3'), '--config', bad, '--lang', 'ja'])).stderr;
    const message = await page.textContent('#message');
    expect(message).toContain('config.targets[0].target');
    expect(cliError).toContain(message!.split('config.targets[0].target')[1]!.slice(0, 20));
    await expectClean();
  });

  test('the English switch words the page and its problems in English; every control has a label', async () => {
    const { page, expectClean } = await openApp();
    await page.setInputFiles('#files', [fixture('invalid', 'bad-date.csv')]);
    expect(await settled(page)).toBe('error');
    await page.click('#lang');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toContain('reports');
    const validated = JSON.parse(
      (await runCli(['validate', fixture('invalid', 'bad-date.csv'), '--format', 'json', '--lang', 'en'])).stdout,
    );
    expect(await page.textContent('#problems')).toContain(validated.errors[0].message);
    await page.screenshot({ path: path.join(OUTPUT, 'app-refused-en.png'), fullPage: true });
    const unlabelled = await page.$$eval('input, select', (controls) =>
      controls.filter((c) => (c as HTMLInputElement).labels?.length === 0).map((c) => c.id),
    );
    expect(unlabelled).toEqual([]);
    await expectClean();
  });
});
