import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { fixture, ROOT, runCli, useTempDir } from './helpers.js';

const run = promisify(execFile);

/** README "インターネットにつながらない PC で使う": the tarball installs with no registry and no cache, and runs. */
describe('npm run pack:offline', () => {
  let dir = '';
  useTempDir('tsup-offline-', (d) => (dir = d));

  test('installs with npm install -g --offline from an empty cache, no registry reachable, and makes the month-end report', async () => {
    const { stdout } = await run(process.execPath, [path.join(ROOT, 'scripts', 'pack-offline.mjs'), dir]);
    const tarball = stdout.trim().split('\n').pop()!;
    expect(path.basename(tarball)).toMatch(/^tsup-report-\d+\.\d+\.\d+\.tgz$/u);
    const prefix = path.join(dir, 'prefix');
    const cache = path.join(dir, 'empty-cache');
    await mkdir(cache);
    await run(
      'npm',
      [
        'install',
        '-g',
        '--prefix',
        prefix,
        '--cache',
        cache,
        '--offline',
        '--registry',
        'http://127.0.0.1:9/',
        '--no-audit',
        '--no-fund',
        tarball,
      ],
      {
        cwd: dir,
      },
    );
    const installed = path.join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', 'tsup-report', 'bin', 'tsup-report.js');
    const args = ['monthly', fixture('takasaki-r3'), '--format', 'json', '--quiet'];
    const fromTarball = await run(process.execPath, [installed, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C' },
    });
    const fromRepository = await runCli(args, { cwd: dir });
    expect(fromRepository.code).toBe(0);
    expect(fromTarball.stdout).toBe(fromRepository.stdout);
  }, 120_000);
});
