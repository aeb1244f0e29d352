import { existsSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';

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
