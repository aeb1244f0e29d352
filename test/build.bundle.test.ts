import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCommonJs } from '../src/cli/code-cache.js';
import { BIN, fixture, ROOT } from './helpers.js';

describe('the built CLI (dist/bundle, made by scripts/bundle.mjs)', () => {
  test("the CLI, exceljs's Workbook, zod and iconv-lite load through V8 code caches made from them, which this Node accepts", () => {
    for (const file of ['cli.cjs', 'exceljs-workbook.cjs', 'zod.cjs', 'iconv-lite.cjs']) {
      expect(loadCommonJs(path.join(ROOT, 'dist', 'bundle', file)).cached, file).toBe(true);
      // Pure ASCII: one non-ASCII character (a regular expression's 合計) made V8 hold all of it as two-byte text.
      expect(readFileSync(path.join(ROOT, 'dist', 'bundle', file), 'latin1'), file).not.toMatch(/[\u0080-\uffff]/u);
    }
  });

  test('a month end loads neither child_process nor crypto (required lazily by commander, exceljs and uuid)', () => {
    const hook = path.join(os.tmpdir(), `tsup-modules-${process.pid}.cjs`);
    const list = path.join(os.tmpdir(), `tsup-modules-${process.pid}.json`);
    writeFileSync(
      hook,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(process.moduleLoadList)));\n`,
    );
    const out = path.join(os.tmpdir(), `tsup-month-end-${process.pid}.md`);
    execFileSync(process.execPath, ['--require', hook, BIN, 'monthly', fixture('takasaki-r3'), '--out', out, '--quiet']);
    const loaded = JSON.parse(readFileSync(list, 'utf8')) as string[];
    expect(loaded.filter((m) => /^NativeModule (child_process|crypto)$/u.test(m))).toEqual([]);
    // The report itself is whole: the lazy stand-ins changed nothing it needs.
    expect(readFileSync(out, 'utf8')).toContain('| **合計** | **109** |');
  });
});

describe('the offline app (dist/tsup-report.html, made by scripts/build-app.mjs)', () => {
  const APP = path.join(ROOT, 'dist', 'tsup-report.html');

  test('is one file of at most 4 MB: one inline script allowed by its hash, nothing fetched, no network allowed', () => {
    const html = readFileSync(APP, 'utf8');
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(4 * 1024 * 1024);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/u.exec(html)?.[1];
    expect(csp).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+';/u);
    expect(csp).not.toMatch(/connect-src|unsafe-eval|http/u);
    const scripts = [...html.matchAll(/<script([^>]*)>/gu)];
    expect(scripts.map((s) => s[1])).toEqual(['']);
    expect(html).not.toMatch(/<(?:link|iframe|img|object|embed)\b[^>]*\b(?:src|href)=/u);
  });

  test('`tsup-report app --out` writes that file, replaces an older copy of the app and nothing else', async () => {
    const { mkdtempSync } = await import('node:fs');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tsup-app-'));
    const out = path.join(dir, 'tsup-report.html');
    const run = (args: string[]): number => {
      try {
        execFileSync(process.execPath, [BIN, ...args], { stdio: 'pipe' });
        return 0;
      } catch (error) {
        return (error as { status: number }).status;
      }
    };
    expect(run(['app', '--out', out])).toBe(0);
    expect(readFileSync(out)).toEqual(readFileSync(APP));
    expect(run(['app', '--out', out, '--quiet'])).toBe(0);
    const other = path.join(dir, 'report.html');
    writeFileSync(other, '<!doctype html><p>a report someone keeps</p>');
    expect(run(['app', '--out', other])).toBe(2);
    expect(readFileSync(other, 'utf8')).toContain('someone keeps');
    expect(run(['app', '--out', path.join(dir, 'app.txt')])).toBe(2);
  });
});
