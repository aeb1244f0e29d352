import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import { wrap } from '../src/cli/workbook-cache.js';
import { BIN, fixture, ROOT } from './helpers.js';

const WORKBOOK = path.join(ROOT, 'dist', 'bundle', 'exceljs-workbook.cjs');

describe('the built CLI (dist/bundle, made by scripts/bundle.mjs)', () => {
  test("exceljs's Workbook is beside it with a V8 code cache this Node accepts", () => {
    const script = new vm.Script(wrap(readFileSync(WORKBOOK, 'utf8')), {
      filename: WORKBOOK,
      cachedData: readFileSync(`${WORKBOOK}.cache`),
    });
    expect(script.cachedDataRejected).toBe(false);
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
