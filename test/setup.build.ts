import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const BUILT = [path.join(ROOT, 'dist', 'bundle', 'cli.cjs.cache'), path.join(ROOT, 'dist', 'tsup-report.html')];

/** The newest modification time among the files the bundle is built from. */
function newestSource(): number {
  const files = readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).map((f) => path.join(ROOT, 'src', f));
  files.push(
    ...['bundle.mjs', 'warm-up.mjs', 'config-schema.mjs', 'build-app.mjs', 'build-plugins.mjs', 'app/shims.js'].map((f) =>
      path.join(ROOT, 'scripts', f),
    ),
    path.join(ROOT, 'package-lock.json'),
  );
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

/**
 * The CLI and browser tests run the built command (dist/bundle) and app (dist/tsup-report.html) while the unit tests import src/: so that a
 * stale build is never what is tested, the build is redone first whenever a source is newer.
 * (TSUP_BIN points the CLI tests at another build on purpose, and is left alone.)
 */
export default function setup(): void {
  if (process.env.TSUP_BIN) return;
  let built = 0;
  try {
    built = Math.min(...BUILT.map((file) => statSync(file).mtimeMs));
  } catch {
    built = 0;
  }
  if (built >= newestSource()) return;
  console.log('tsup-report: src/ is newer than dist/bundle or dist/tsup-report.html — building first');
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
