// Links tsc's output (dist/) into a few files for the CLI (dist/bundle/): one entry file plus a
// chunk per lazily loaded command, minified, with iconv-lite linked in (patched, from
// node_modules). exceljs's Workbook (patched lib/, without its streaming and CSV parts) is built
// into one CommonJS file beside it, exceljs-workbook.cjs, with a V8 code cache made here by
// reading and writing a workbook once (src/cli/workbook-cache.ts loads it): a month end starts
// ~220 ms sooner than loading exceljs's ~400 modules one by one.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { onlyCp932Tables, withoutExceljsCsv } from './build-plugins.mjs';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist', 'bundle');
const minify = process.env.TSUP_NO_MINIFY !== '1';

/**
 * Built-ins a package requires as it loads, for features the tool never uses, are required on
 * first use instead (scripts/stubs/lazy-builtin.cjs): commander's child_process (with net and
 * dgram), exceljs's and uuid's crypto. Saves their loading at every start.
 */
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    const lazy = [
      ['commander', 'child_process'],
      ['exceljs', 'crypto'],
      ['uuid', 'crypto'],
    ];
    build.onResolve({ filter: /^(node:)?(child_process|crypto)$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      const wanted = lazy.some(([pkg, builtin]) => builtin === name && args.importer.includes(`${path.sep}${pkg}${path.sep}`));
      return wanted ? { path: `lazy:${name}`, namespace: 'lazy-builtin' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: readFileSync(path.join(root, 'scripts', 'stubs', 'lazy-builtin.cjs'), 'utf8').replace(
        'require(BUILTIN)',
        `require('node:${args.path.slice(5)}')`,
      ),
      loader: 'js',
    }));
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: path.join(root, 'dist', 'cli', 'main.js') },
  outdir,
  bundle: true,
  splitting: true,
  minify,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Loaded from exceljs-workbook.cjs instead (the tests, running src/, import the package).
  external: ['exceljs/lib/doc/workbook.js'],
  plugins: [lazyBuiltins, onlyCp932Tables(root)],
  // CommonJS packages bundled into ES modules (commander, cli-table3, iconv-lite) still call require for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});

const workbookFile = path.join(outdir, 'exceljs-workbook.cjs');
await build({
  entryPoints: [path.join(root, 'node_modules', 'exceljs', 'lib', 'doc', 'workbook.js')],
  outfile: workbookFile,
  bundle: true,
  minify,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  plugins: [withoutExceljsCsv(root), lazyBuiltins],
  logLevel: 'warning',
});

// The code cache: compile the file as src/cli/workbook-cache.ts does, write and read a workbook
// so that the functions a report runs are compiled, and keep what V8 compiled.
const wrap = (source) => `[function (exports, require, module) {${source}\n}][0]`;
const script = new vm.Script(wrap(readFileSync(workbookFile, 'utf8')), { filename: workbookFile });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(workbookFile), module);
const Workbook = module.exports;
const sample = new Workbook();
const sheet = sample.addWorksheet('相談記録');
sheet.addRow(['受付番号', '受付日', '受付方法', '主訴', '対応結果']).font = { bold: true, strike: true };
for (let i = 1; i <= 20; i++)
  sheet.addRow([
    i,
    new Date(Date.UTC(2021, 8, i)),
    '電話',
    { richText: [{ text: '家庭' }, { text: '問題' }] },
    { formula: 'A1', result: '助言' },
  ]);
sheet.mergeCells('B2:B3');
sheet.getColumn(2).numFmt = 'yyyy/m/d';
const read = new Workbook();
await read.xlsx.load(await sample.xlsx.writeBuffer());
read.worksheets[0].eachRow((row) => row.eachCell({ includeEmpty: true }, (cell) => cell.font && cell.value));
writeFileSync(`${workbookFile}.cache`, script.createCachedData());
