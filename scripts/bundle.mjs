// Links tsc's output (dist/) into a few files for the CLI (dist/bundle/): one entry file plus a
// chunk per lazily loaded command, minified. exceljs's workbook reader and writer are linked in
// from node_modules (with patches/ applied), which starts a month end ~180 ms sooner than
// loading its ~400 modules one by one; its CSV part is left out (scripts/stubs/). iconv-lite
// (CP932 only, with large tables) stays outside and is loaded only when a run needs it.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist', 'bundle');

/** exceljs's `../csv/csv` (fast-csv, dayjs) becomes a stub: the tool never reads CSV through exceljs. */
const withoutExceljsCsv = {
  name: 'without-exceljs-csv',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/csv\/csv$/ }, (args) =>
      args.importer.includes(`${path.sep}exceljs${path.sep}`)
        ? { path: path.join(root, 'scripts', 'stubs', 'exceljs-csv.cjs') }
        : undefined,
    );
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: path.join(root, 'dist', 'cli', 'main.js') },
  outdir,
  bundle: true,
  splitting: true,
  minify: process.env.TSUP_NO_MINIFY !== '1',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: [],
  plugins: [withoutExceljsCsv],
  // CommonJS packages bundled into ES modules (commander, cli-table3, exceljs) still call require for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
