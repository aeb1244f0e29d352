// Links tsc's output (dist/) into a few files for the CLI (dist/bundle/). Node 20 loads each ES
// module separately; one entry file plus a chunk per lazily loaded command instead of ~40
// modules starts a month's validate about 20 ms sooner (of ~100 ms, half of it Node's own).
// exceljs (XLSX only) and iconv-lite (CP932 only, with large tables for every
// encoding) stay outside and are loaded from node_modules only when a run needs them.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist', 'bundle');
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: path.join(root, 'dist', 'cli', 'main.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['exceljs', 'iconv-lite'],
  // CommonJS packages bundled into ES modules (commander, cli-table3) still call require for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
