import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { ROOT } from './helpers.js';

/** Debian's chromium, which .ci/run installs and playwright-core drives. */
export const CHROMIUM = '/usr/bin/chromium';

// CI installs it; elsewhere the browser tests run when it is there.
if (!existsSync(CHROMIUM) && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run should have installed Debian's chromium`);

export const hasChromium = existsSync(CHROMIUM);

type Browser = import('playwright-core').Browser;

/** One headless Chromium for the enclosing describe block, handed to `receive` and closed afterwards. */
export function useBrowser(receive: (browser: Browser) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    receive(browser);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
}

/** The page's console errors and warnings and its uncaught errors, collected from now on: a test expects none. */
export function consoleErrorsOf(page: import('playwright-core').Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

type Page = import('playwright-core').Page;

/** The one-file app as `npm run build` writes it. */
export const APP = path.join(ROOT, 'dist', 'tsup-report.html');

/** The app opened in a fresh context, and what must hold at the end of every test: no error, no request but the page's own, nothing stored. */
export async function openAppIn(browser: Browser): Promise<{ page: Page; expectClean: () => Promise<void> }> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const consoleErrors = consoleErrorsOf(page);
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const url = pathToFileURL(APP).href;
  await page.goto(url, { waitUntil: 'load' });
  const expectClean = async (): Promise<void> => {
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((r) => r !== url && !r.startsWith('blob:'))).toEqual([]);
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      databases: (await indexedDB.databases()).length,
    }));
    expect(stored).toEqual({ local: 0, session: 0, cookie: '', databases: 0 });
    await context.close();
  };
  return { page, expectClean };
}

/** The page's state once it has finished reading: ready or error. */
export async function settled(page: Page): Promise<string> {
  await page.waitForSelector('#status[data-state="ready"], #status[data-state="error"]', { timeout: 60_000 });
  return (await page.getAttribute('#status', 'data-state'))!;
}

export async function download(page: Page, kind: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-download="${kind}"]`)]);
  return readFile((await file.path())!);
}

/** The report the page offers as JSON. */
export async function downloadedJson(page: Page): Promise<any> {
  return JSON.parse((await download(page, 'json')).toString('utf8'));
}
