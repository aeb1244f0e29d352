import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, runCli } from './helpers.js';

/** SPEC §4 "Which config": the closing summary always says which config was used, and names one left unused. */
describe('which config a run uses, said in the closing summary', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tsup-which-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('run from another folder, the config beside the logs is used and named', async () => {
    const run = await runCli(['monthly', fixture('full-year'), '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Config: ${path.join(fixture('full-year'), 'tsup-report.config.json')}`);
  });

  test('a --config that overrides the one beside the logs: both are named', async () => {
    const chosen = path.join(dir, 'chosen.json');
    await writeFile(chosen, '{}');
    const run = await runCli(['validate', fixture('full-year'), '--config', chosen, '--lang', 'en'], { cwd: dir });
    expect(run.stderr).toContain(`Config: ${chosen}`);
    expect(run.stderr).toContain(
      `the config ${path.join(fixture('full-year'), 'tsup-report.config.json')} beside the inputs is not in use`,
    );
  });

  test('a refusal caused by the wrong config advises --config, not --skip-invalid (which would leave most rows out)', async () => {
    const chosen = path.join(dir, 'other-program.json');
    await writeFile(chosen, '{"program": "別の相談"}');
    const beside = path.join(fixture('full-year'), 'tsup-report.config.json');
    const run = await runCli(['monthly', fixture('full-year'), '--config', chosen, '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`To use it, add --config "${beside}"`);
    expect(run.stderr).not.toContain('or add --skip-invalid to leave those rows out');
    // Errors of another kind keep the usual advice.
    const plain = await runCli(['monthly', fixture('invalid', 'bad-date.csv'), '--lang', 'en'], { cwd: dir });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('or add --skip-invalid to leave those rows out');
  });

  test('a config in a subfolder of the folder given is not silently passed by', async () => {
    const logs = path.join(dir, 'logs');
    await cp(fixture('full-year'), path.join(logs, 'r6'), { recursive: true });
    const run = await runCli(['validate', logs, '--lang', 'en'], { cwd: dir });
    expect(run.stderr).toContain('Config: the built-in default');
    expect(run.stderr).toContain(`the config ${path.join(logs, 'r6', 'tsup-report.config.json')} beside the inputs is not in use`);
  });

  test('--quiet keeps the report alone on stdout but still says that a config beside the logs is not in use', async () => {
    const cwd = path.join(dir, 'quiet');
    await cp(path.join(fixture('full-year'), 'tsup-report.config.json'), path.join(cwd, 'tsup-report.config.json'));
    const run = await runCli(['monthly', fixture('full-year'), '--format', 'json', '--quiet', '--lang', 'en'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr.trim()).toBe(
      `Note: the config ${path.join(fixture('full-year'), 'tsup-report.config.json')} beside the inputs is not in use (use it with --config ${path.join(fixture('full-year'), 'tsup-report.config.json')}).`,
    );
  });

  test('a --config that cannot be read is said in words, never as a bare system code', async () => {
    const missing = await runCli(['monthly', fixture('takasaki-r3'), '--config', path.join(dir, 'nosuch.json'), '--lang', 'ja']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('見つかりません');
    const folder = await runCli(['monthly', fixture('takasaki-r3'), '--config', dir, '--lang', 'en']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('folder');
    expect(`${missing.stderr}${folder.stderr}`).not.toMatch(/E[A-Z]{3,}/u);
  });
});
