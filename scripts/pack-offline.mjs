// `npm run pack:offline`: a tarball for a PC without internet access, installed there with
// `npm install -g ./tsup-report-<version>.tgz --offline` and no registry at all.
//
// The CLI runs from its bundle (dist/bundle: commander, zod, exceljs, iconv-lite … linked in), so
// the tarball carries that bundle, the browser app, the config's JSON Schema and the docs, and a
// package.json whose one dependency — @holiday-jp/holiday_jp, whose per-year holiday tables the
// CLI loads at run time — travels inside the tarball (bundleDependencies). Nothing is installed
// from anywhere, and no install script runs.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// The tarball goes to the folder named as the first argument, else the repository's root.
const destination = path.resolve(process.argv[2] ?? root);
const stage = mkdtempSync(path.join(os.tmpdir(), 'tsup-offline-'));
const own = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const HOLIDAYS = '@holiday-jp/holiday_jp';

for (const needed of [
  'dist/bundle/cli.cjs',
  'dist/bundle/exceljs-workbook.cjs',
  'dist/tsup-report.html',
  'dist/tsup-report.config.schema.json',
]) {
  if (!existsSync(path.join(root, needed))) throw new Error(`${needed} is missing: run npm run build first`);
}

const copy = (from, to = from) => cpSync(path.join(root, from), path.join(stage, to), { recursive: true });
copy('bin');
copy('dist/bundle');
copy('dist/tsup-report.html');
copy('dist/tsup-report.config.schema.json');
copy('README.md');
copy('docs');
copy(path.join('node_modules', HOLIDAYS));

const holidaysVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', HOLIDAYS, 'package.json'), 'utf8')).version;
const manifest = {
  name: own.name,
  version: own.version,
  description: own.description,
  type: own.type,
  license: own.license,
  engines: own.engines,
  bin: own.bin,
  dependencies: { [HOLIDAYS]: holidaysVersion },
  bundleDependencies: [HOLIDAYS],
};
writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const tarball = execFileSync('npm', ['pack', '--pack-destination', destination, '--silent'], { cwd: stage, encoding: 'utf8' }).trim();
rmSync(stage, { recursive: true, force: true });
console.log(path.join(destination, tarball.split('\n').pop()));
