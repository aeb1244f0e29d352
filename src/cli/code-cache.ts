import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * A CommonJS file of the built CLI (dist/bundle/cli.cjs, exceljs-workbook.cjs) compiled with the V8
 * code cache made for it at build time (scripts/bundle.mjs), `<file>.cache`: Node 20 keeps no
 * cache of its own, and compiling the CLI and exceljs at every start was a third of a month end's
 * work. The cache holds the very bytes of the file it was made from, and is used only while the
 * file still holds them: V8 checks only a cache's length and version, so a rebuilt or edited file
 * of the same length would otherwise run the old code. V8 rejects a cache from another version
 * itself (Node upgraded since the build); either way the file is compiled as usual.
 */
export interface LoadedFile {
  exports: unknown;
  script: vm.Script;
  /** The cache was there, made from this file, and accepted by V8. */
  cached: boolean;
}

export function loadCommonJs(file: string): LoadedFile {
  const source = readFileSync(file);
  const cachedData = cacheFor(file, source);
  const script = new vm.Script(wrap(source.toString('utf8')), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, path.dirname(file));
  return { exports: module.exports, script, cached: cachedData !== undefined && script.cachedDataRejected === false };
}

/** Writes the cache of a loaded file: what V8 has compiled of it so far, so run it first through what it should keep. */
export function writeCodeCache(file: string, loaded: LoadedFile): void {
  const source = readFileSync(file);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(source.length);
  const temporary = `${file}.cache.${process.pid}`;
  writeFileSync(temporary, Buffer.concat([length, source, loaded.script.createCachedData()]));
  renameSync(temporary, `${file}.cache`);
}

/** V8's data from the file's cache, when the cache was made from exactly these bytes. */
function cacheFor(file: string, source: Buffer): Buffer | undefined {
  const cacheFile = `${file}.cache`;
  if (!existsSync(cacheFile)) return undefined;
  const cache = readFileSync(cacheFile);
  if (cache.length < 4) return undefined;
  const length = cache.readUInt32LE(0);
  if (length !== source.length || cache.length < 4 + length || !source.equals(cache.subarray(4, 4 + length))) return undefined;
  return cache.subarray(4 + length);
}

/** The CommonJS module wrapper: the file's code as a function of exports, require, module and its own path. */
export function wrap(source: string): string {
  return `[function (exports, require, module, __filename, __dirname) {${source}\n}][0]`;
}
