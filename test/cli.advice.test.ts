import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { UserError } from '../src/cli/errors.js';
import { writeAtomically, writeFailureOf } from '../src/cli/output.js';
import { LANGS, messagesFor } from '../src/messages/index.js';
import { systemReason } from '../src/problems.js';
import { fixture, runCli, useTempDir } from './helpers.js';

// Only renameSync is replaced, and only when a test asks: the rest of node:fs stays real.
const renameFailure = vi.hoisted(() => ({ code: undefined as string | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const renameSync: typeof fs.renameSync = (from, to) => {
    if (renameFailure.code === undefined) return fs.renameSync(from, to);
    throw Object.assign(new Error(`${renameFailure.code}: rename`), { code: renameFailure.code });
  };
  return { ...fs, default: { ...fs, renameSync }, renameSync };
});

const SYSTEM_CODES = /\b(ENOENT|ENOTDIR|EISDIR|EACCES|EBUSY|EPERM|EROFS|ENOSPC)\b/u;

let dir = '';
useTempDir('tsup-advice-', (d) => (dir = d));

describe.each(LANGS)('advice that leads somewhere (%s)', (lang) => {
  const m = messagesFor(lang);

  test.each([
    ['a missing folder', () => path.join(dir, 'no-such-folder'), m.unreadable['not-found']],
    ['an empty folder', () => path.join(dir, `empty-${lang}`), m.unreadable['empty-folder']],
  ])('%s: exit 2 saying so, with or without --skip-invalid, never suggesting it', async (_, input, reason) => {
    await mkdir(path.join(dir, `empty-${lang}`), { recursive: true });
    for (const extra of [[], ['--skip-invalid']]) {
      for (const command of ['monthly', 'annual']) {
        const result = await runCli([command, input(), ...extra, '--lang', lang]);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain(reason);
        expect(result.stderr).toContain(m.report.refusedUnreadableHint);
        expect(result.stderr).not.toContain('--skip-invalid');
        expect(result.stderr).not.toContain(m.report.noRecords);
      }
    }
  });

  test('beside readable logs, a missing folder still stops the report without suggesting --skip-invalid', async () => {
    const result = await runCli(['monthly', fixture('takasaki-r3'), path.join(dir, 'gone'), '--skip-invalid', '--lang', lang]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(m.unreadable['not-found']);
    expect(result.stderr).not.toContain('--skip-invalid');
  });

  test('--out into a folder that does not exist: said in words with the fix, no ENOENT', async () => {
    const out = path.join(dir, 'no-such-folder', 'report.md');
    const result = await runCli(['monthly', fixture('takasaki-r3'), '--out', out, '--lang', lang]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(m.report.cannotWrite(out, m.writeFailure['no-folder']));
    expect(result.stderr).not.toMatch(SYSTEM_CODES);
  });

  test('--out naming a folder: said so before any work, not as a bad --format or EISDIR', async () => {
    for (const format of [[], ['--format', 'md']]) {
      const result = await runCli(['monthly', fixture('takasaki-r3'), '--out', dir, ...format, '--lang', lang]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(m.report.cannotWrite(dir, m.writeFailure['is-folder']));
    }
  });

  test.each(['EBUSY', 'EACCES', 'ENOSPC', 'EIO'])('a write failing with %s says why in words and leaves no file', async (code) => {
    const out = path.join(dir, `${lang}-${code.toLowerCase()}.md`);
    renameFailure.code = code;
    try {
      const error: unknown = await writeAtomically(out, 'data', m).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UserError);
      const line = (error as UserError).lines.join('\n');
      expect(line).toContain(m.writeFailure[writeFailureOf(code, false)]);
      // Only a code without words of its own is shown, beside the words.
      if (code === 'EIO') expect(line).toContain('(EIO)');
      else expect(line).not.toMatch(SYSTEM_CODES);
    } finally {
      renameFailure.code = undefined;
    }
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir).filter((f) => f.includes(`${lang}-${code.toLowerCase()}`))).toEqual([]);
  });

  test('a workbook open in Excel: close it and run again', () => {
    expect(m.writeFailure.busy).toMatch(
      lang === 'ja' ? /Excel など）で開かれています。閉じてからもう一度実行してください/u : /open in .*Excel.*Close it and run again/u,
    );
  });
});

describe('which failure a system error code is', () => {
  test.each([
    ['ENOENT', 'linux', 'no-folder'],
    ['ENOTDIR', 'linux', 'no-folder'],
    ['EISDIR', 'linux', 'is-folder'],
    ['EACCES', 'win32', 'permission'],
    ['EROFS', 'linux', 'permission'],
    ['EBUSY', 'win32', 'busy'],
    ['EBUSY', 'linux', 'busy'],
    // Windows refuses to replace a file Excel holds open with EPERM; elsewhere EPERM is a permission.
    ['EPERM', 'win32', 'busy'],
    ['EPERM', 'linux', 'permission'],
    ['ENOSPC', 'linux', 'no-space'],
    ['EIO', 'linux', 'other'],
  ] as const)('%s on %s → %s', (code, platform, failure) => {
    expect(writeFailureOf(code, false, platform)).toBe(failure);
  });

  test('a target that is a folder is said to be one, whatever the code (Windows says EPERM)', () => {
    expect(writeFailureOf('EPERM', true, 'win32')).toBe('is-folder');
  });

  test.each(LANGS)('reading: every system error is said in words (%s)', (lang) => {
    const m = messagesFor(lang);
    for (const code of ['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EBUSY', 'EPERM']) {
      for (const windows of [true, false]) {
        const reason = systemReason(Object.assign(new Error(code), { code }), windows);
        expect(reason, code).not.toBe('other');
        expect(m.issue['unreadable-file']({ reason })).not.toMatch(SYSTEM_CODES);
      }
    }
  });

  test('reading: EPERM is a file open in Excel on Windows only; elsewhere a protected folder', () => {
    const eperm = Object.assign(new Error('EPERM'), { code: 'EPERM' });
    expect(systemReason(eperm, true)).toBe('busy');
    expect(systemReason(eperm, false)).toBe('permission');
  });
});

describe('--out names a file that says what it is', () => {
  test.each([
    [['--out', '累計表'], '「累計表」には拡張子がありません。「累計表.xlsx」'],
    [['--out', '累計表2', '--format', 'xlsx'], '「累計表2.xlsx」'],
    [['--out', '累計表.xls'], '拡張子「.xls」のファイルは作れません。「累計表.xlsx」'],
    [['--out', '表', '--format', 'md'], '「表.md」'],
  ])('%j is refused with the name to give, never blamed on --format', async (args, expected) => {
    const result = await runCli(['monthly', fixture('takasaki-r3'), ...args], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(expected);
    expect(result.stderr).not.toContain('--format の');
  });

  test('with --format the name may say anything else (report.txt for JSON)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tsup-out-'));
    const out = path.join(dir, 'report.txt');
    const result = await runCli(['monthly', fixture('takasaki-r3'), '--out', out, '--format', 'json', '--quiet']);
    expect(result.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8')).kind).toBe('monthly');
    await rm(dir, { recursive: true, force: true });
  });
});
