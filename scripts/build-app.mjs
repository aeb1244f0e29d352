// Builds the offline browser app (SPEC §13): src/app/main.ts and the CLI's own read → records →
// report → render modules, bundled by esbuild for the browser, inlined with the page's style into
// one HTML file, dist/tsup-report.html. A Content-Security-Policy in the page allows that one
// inline script (by its hash) and inline styles, and nothing else: no request can leave it.
//
// The Node built-ins the bundled packages name are replaced by their browser ports (buffer,
// events, util, stream-browserify, path-browserify, process) or, where the tool never reaches
// them (exceljs's file and stream helpers, its encryptor), by an empty module.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { onlyCp932Tables, withoutExceljsCsv } from './build-plugins.mjs';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist', 'tsup-report.html');
const fromRoot = (...parts) => path.join(root, ...parts);
const empty = fromRoot('scripts', 'app', 'empty.cjs');
const { version } = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8'));

/** `node:`-prefixed names resolve as the bare ones, so that one alias table covers both. */
const nodePrefix = {
  name: 'node-prefix',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => build.resolve(args.path.slice(5), { kind: args.kind, resolveDir: args.resolveDir }));
  },
};

const bundled = await build({
  entryPoints: [fromRoot('src', 'app', 'main.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: ['chrome109', 'edge109'],
  minify: process.env.TSUP_NO_MINIFY !== '1',
  legalComments: 'none',
  charset: 'utf8',
  define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
  inject: [fromRoot('scripts', 'app', 'shims.js')],
  alias: {
    buffer: 'buffer',
    events: 'events',
    util: 'util',
    stream: 'stream-browserify',
    path: 'path-browserify',
    process: 'process/browser.js',
    fs: empty,
    crypto: empty,
    module: empty,
    zlib: empty,
    os: empty,
  },
  plugins: [nodePrefix, withoutExceljsCsv(root), onlyCp932Tables(root)],
  logLevel: 'warning',
});
// `</script` inside the code would end the inline script early.
const script = bundled.outputFiles[0].text.replace(/<\/script/giu, '<\\/script');
const style = readFileSync(fromRoot('src', 'app', 'page.css'), 'utf8');
const scriptHash = createHash('sha256').update(script, 'utf8').digest('base64');
const csp = [
  "default-src 'none'",
  `script-src 'sha256-${scriptHash}'`,
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const page = readFileSync(fromRoot('src', 'app', 'page.html'), 'utf8');
// Replaced by function, so that `$` in the code is never read as a replacement pattern.
// The script's element is written whole: whitespace around the placeholder would change the hash.
const html = page
  .replace('%CSP%', () => csp)
  .replace('%VERSION%', () => version)
  .replace(/<style>\s*%STYLE%\s*<\/style>/u, () => `<style>${style}</style>`)
  .replace(/<script>\s*%SCRIPT%\s*<\/script>/u, () => `<script>${script}</script>`);
if (!html.includes(`<script>${script}</script>`) || html.includes('%STYLE%')) throw new Error('src/app/page.html lost a placeholder');
writeFileSync(out, html);
console.log(`dist/tsup-report.html: ${(statSync(out).size / 1024 / 1024).toFixed(2)} MB`);
