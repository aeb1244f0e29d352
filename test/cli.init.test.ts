import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { initCommand } from '../src/cli/init.js';
import type { Io } from '../src/cli/io.js';
import { UserError } from '../src/cli/errors.js';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { configFromText } from '../src/config/text.js';
import { messagesFor } from '../src/messages/index.js';
import { ROOT, runCli, useTempDir } from './helpers.js';

function ioIn(cwd: string): Io & { err: () => string } {
  let err = '';
  return {
    stdout: { write: () => true },
    stderr: { write: (s: string | Uint8Array) => ((err += String(s)), true) },
    stdin: () => process.stdin,
    cwd,
    env: {},
    now: () => new Date(),
    err: () => err,
  };
}

describe('init', () => {
  let dir = '';
  useTempDir('tsup-init-', (d) => (dir = d));
  const schemaFile = path.join(ROOT, 'dist', 'tsup-report.config.schema.json');

  test('writes the default with a "$schema" an editor resolves to the schema shipped in the package, and the loader reads it back', async () => {
    const cwd = path.join(dir, 'plain');
    await mkdir(cwd);
    expect(await initCommand({ lang: 'en' }, ioIn(cwd), schemaFile)).toBe(0);
    const text = await readFile(path.join(cwd, 'tsup-report.config.json'), 'utf8');
    const written = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(written)[0]).toBe('$schema');
    expect(written.$schema).toMatch(/^file:\/\//u);
    expect(fileURLToPath(written.$schema as string)).toBe(schemaFile);
    expect(existsSync(schemaFile)).toBe(true);
    expect(await configFromText('tsup-report.config.json', text, messagesFor('en'))).toEqual(DEFAULT_CONFIG);
  });

  test('--out FILE writes there, relative to the working folder', async () => {
    const cwd = path.join(dir, 'out');
    await mkdir(path.join(cwd, 'logs'), { recursive: true });
    const io = ioIn(cwd);
    expect(await initCommand({ lang: 'en', out: path.join('logs', '来年度.json') }, io, schemaFile)).toBe(0);
    const file = path.join(cwd, 'logs', '来年度.json');
    expect(JSON.parse(await readFile(file, 'utf8')).program).toBe(DEFAULT_CONFIG.program);
    expect(existsSync(path.join(cwd, 'tsup-report.config.json'))).toBe(false);
    expect(io.err()).toContain(file);
  });

  test('never overwrites, and says how to write elsewhere (--out), in Japanese too', async () => {
    const cwd = path.join(dir, 'exists');
    await mkdir(cwd);
    const file = path.join(cwd, 'tsup-report.config.json');
    await writeFile(file, '{"program": "自分の事業"}');
    const refusal = await initCommand({ lang: 'en' }, ioIn(cwd), schemaFile).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UserError);
    expect((refusal as UserError).lines.join('\n')).toContain('--out');
    const ja = await initCommand({ lang: 'ja', out: 'tsup-report.config.json' }, ioIn(cwd), schemaFile).catch((error: unknown) => error);
    expect((ja as UserError).lines.join('\n')).toMatch(/上書きしません.*--out/u);
    expect(await readFile(file, 'utf8')).toBe('{"program": "自分の事業"}');
  });

  test('without a built schema (a bare source checkout) the config is written without "$schema"', async () => {
    const cwd = path.join(dir, 'noschema');
    await mkdir(cwd);
    await initCommand({ quiet: true, out: 'c.json' }, ioIn(cwd), path.join(cwd, 'missing.schema.json'));
    expect(Object.keys(JSON.parse(await readFile(path.join(cwd, 'c.json'), 'utf8')))).not.toContain('$schema');
  });

  test('the built command points "$schema" at the schema file inside the package it runs from', async () => {
    const cwd = path.join(dir, 'cli');
    await mkdir(cwd);
    const run = await runCli(['init', '--lang', 'en'], { cwd });
    expect(run.code).toBe(0);
    const written = JSON.parse(await readFile(path.join(cwd, 'tsup-report.config.json'), 'utf8')) as { $schema: string };
    expect(fileURLToPath(written.$schema)).toBe(schemaFile);
  });
});
