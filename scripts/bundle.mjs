// Links tsc's output (dist/) into the files the installed command runs (dist/bundle/): the whole
// CLI as one CommonJS file, cli.cjs (minified, iconv-lite linked in), with start.cjs, which
// bin/tsup-report.js imports and which loads cli.cjs; and exceljs's Workbook (patched lib/, without
// its streaming and CSV parts) as one more, exceljs-workbook.cjs. Each .cjs gets a V8 code cache
// made here by running it (src/cli/code-cache.ts, which loads them): Node 20 keeps none of its
// own, and compiling them at every start was a third of a month end. CommonJS rather than ES
// modules for that: Node 20 gives an ES module no code cache.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { onlyCp932Tables, withoutExceljsCsv } from './build-plugins.mjs';
import { warmUp } from './warm-up.mjs';

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

/**
 * esbuild escapes what is not ASCII in strings but not in regular expressions (the tool's 合計, 年,
 * 令和 …, zod's and iconv-lite's few): one such character makes V8 hold a whole file as two-byte
 * text, decoded at every start. Escaped as \uXXXX, which means the same character there. A character after a
 * backslash would change meaning, and stops the build.
 */
function asciiOnly(file) {
  const source = readFileSync(file, 'utf8');
  // Without the u flag, a character beyond U+FFFF is matched as its two halves, each escaped.
  if (/\\[\u0080-\uffff]/.test(source)) throw new Error(`${file}: an escaped non-ASCII character`);
  writeFileSync(
    file,
    source.replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

/**
 * Packages a run needs only now and then, each in a file of its own that cli.cjs loads (through
 * its code cache, as cli.cjs itself) when first used: zod (a config file, --compare, --since:
 * 460 KB) and iconv-lite (a CP932 file). In cli.cjs they were read and compared at every start,
 * for nothing most of the time.
 */
const SEPARATE = { zod: 'zod.cjs', 'iconv-lite': 'iconv-lite.cjs' };
const separately = {
  name: 'separately',
  setup(build) {
    build.onResolve({ filter: /^(zod|iconv-lite)$/ }, (args) => ({ path: args.path, namespace: 'separately' }));
    build.onLoad({ filter: /.*/, namespace: 'separately' }, (args) => ({
      contents: [
        `const { loadCommonJs } = require(${JSON.stringify(path.join(root, 'dist', 'cli', 'code-cache.js'))});`,
        `module.exports = loadCommonJs(require('node:path').join(__dirname, ${JSON.stringify(SEPARATE[args.path])})).exports;`,
      ].join('\n'),
      resolveDir: root,
      loader: 'js',
    }));
  },
};

/**
 * jszip (under exceljs) inflates a workbook's parts with pako, JavaScript run cold at every month
 * end; the CLI inflates them with Node's zlib instead, in one call per part. Compressing (a
 * workbook written) stays with pako, so that written files are byte for byte as before. A part
 * zlib cannot inflate ends the reading with an error, as pako's broken output did (by its CRC).
 */
const zlibInflate = {
  name: 'zlib-inflate',
  setup(build) {
    build.onLoad({ filter: /[\\/]jszip[\\/]lib[\\/]flate\.js$/ }, (args) => ({
      contents: `${readFileSync(args.path, 'utf8')}
function ZlibInflateWorker() {
  GenericWorker.call(this, 'FlateWorker/Inflate');
  this.chunks = [];
  this.meta = {};
}
utils.inherits(ZlibInflateWorker, GenericWorker);
ZlibInflateWorker.prototype.processChunk = function (chunk) {
  this.meta = chunk.meta;
  this.chunks.push(utils.transformTo('uint8array', chunk.data));
};
ZlibInflateWorker.prototype.flush = function () {
  GenericWorker.prototype.flush.call(this);
  var data;
  try {
    data = require('node:zlib').inflateRawSync(Buffer.concat(this.chunks));
  } catch (error) {
    this.error(error);
    return;
  }
  this.chunks = [];
  this.push({ data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), meta: this.meta });
};
ZlibInflateWorker.prototype.cleanUp = function () {
  GenericWorker.prototype.cleanUp.call(this);
  this.chunks = [];
};
exports.uncompressWorker = function () {
  return new ZlibInflateWorker();
};
`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: path.join(root, 'dist', 'cli', 'main.js'), start: path.join(root, 'dist', 'cli', 'start.js') },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  minify,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Loaded from exceljs-workbook.cjs instead (the tests, running src/, import the package); a
  // script compiled by node:vm cannot import(), so were the file missing, it is required.
  external: ['exceljs/lib/doc/workbook.js'],
  supported: { 'dynamic-import': false },
  // Strict, as the ES modules it is made of; import.meta.url is the file's own URL.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "'use strict';var __bundleUrl=require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyBuiltins, separately],
  logLevel: 'warning',
});
asciiOnly(path.join(outdir, 'cli.cjs'));
for (const [name, file] of Object.entries(SEPARATE)) {
  await build({
    // zod's ES module build: a fifth smaller than its CommonJS one.
    stdin: { contents: name === 'zod' ? "export * from 'zod';" : `module.exports = require(${JSON.stringify(name)});`, resolveDir: root },
    outfile: path.join(outdir, file),
    bundle: true,
    minify,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    plugins: [onlyCp932Tables(root)],
    logLevel: 'warning',
  });
  asciiOnly(path.join(outdir, file));
}

const workbookFile = path.join(outdir, 'exceljs-workbook.cjs');
await build({
  entryPoints: [path.join(root, 'node_modules', 'exceljs', 'lib', 'doc', 'workbook.js')],
  outfile: workbookFile,
  bundle: true,
  minify,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  plugins: [withoutExceljsCsv(root), lazyBuiltins, zlibInflate],
  logLevel: 'warning',
});

await warmUp(root, outdir);
