import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import { loadCommonJs, wrap, writeCodeCache } from '../src/cli/code-cache.js';

describe('a code cache is used only for the bytes it was made from (src/cli/code-cache.ts)', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'tsup-code-cache-'));
  const file = path.join(folder, 'module.cjs');
  const first = "module.exports = { said: 'first', twice: (n) => n * 2 };";
  // The same length: V8's own check of a cache looks at the length of the source only.
  const other = "module.exports = { said: 'other', twice: (n) => n + n };";

  test('a cache made from the file is used', () => {
    writeFileSync(file, first);
    const made = loadCommonJs(file);
    expect(made.cached).toBe(false);
    writeCodeCache(file, made);
    const again = loadCommonJs(file);
    expect(again).toMatchObject({ cached: true, exports: { said: 'first' } });
  });

  test('the file changed since (same length): the new code runs, compiled without the cache', () => {
    writeFileSync(file, first);
    writeCodeCache(file, loadCommonJs(file));
    writeFileSync(file, other);
    // What V8 alone would run (in an isolate that has not compiled the new code yet): the old code, from its cache, without a word.
    const v8Data = readFileSync(`${file}.cache`).subarray(4 + Buffer.byteLength(first));
    const script = new vm.Script(wrap(other), { filename: file, cachedData: v8Data });
    const module = { exports: {} as { said?: string } };
    (script.runInThisContext() as (e: unknown, r: unknown, m: unknown) => void)(module.exports, undefined, module);
    expect([script.cachedDataRejected, module.exports.said]).toEqual([false, 'first']);
    expect(loadCommonJs(file)).toMatchObject({ cached: false, exports: { said: 'other' } });
  });

  test('a cache cut short or of another file is ignored', () => {
    writeFileSync(file, first);
    writeCodeCache(file, loadCommonJs(file));
    const cache = readFileSync(`${file}.cache`);
    writeFileSync(`${file}.cache`, cache.subarray(0, 10));
    expect(loadCommonJs(file)).toMatchObject({ cached: false, exports: { said: 'first' } });
    writeFileSync(`${file}.cache`, Buffer.alloc(2));
    expect(loadCommonJs(file)).toMatchObject({ cached: false, exports: { said: 'first' } });
  });
});
