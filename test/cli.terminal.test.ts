import { afterEach, describe, expect, test, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import type { Io } from '../src/cli/io.js';
import { Progress, useColour } from '../src/cli/progress.js';
import { fixture, ROOT, runCli } from './helpers.js';

function fakeIo(options: { tty: boolean; env?: Record<string, string> }): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string | Uint8Array) => ((out += String(s)), true), isTTY: options.tty },
    stderr: { write: (s: string | Uint8Array) => ((err += String(s)), true), isTTY: options.tty },
    stdin: () => process.stdin,
    cwd: ROOT,
    env: options.env ?? {},
    now: () => new Date(),
    out: () => out,
    err: () => err,
  };
}

/** The escape character that starts every ANSI colour and cursor sequence. */
const ESC = String.fromCharCode(0x1b);
const ANSI = new RegExp(`${ESC}\\[`, 'u');

describe('terminal manners', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('a progress line appears after about a second, only on a terminal, and is erased at the end', () => {
    vi.useFakeTimers();
    let now = 0;
    let written = '';
    const progress = new Progress(
      { write: (s) => ((written += String(s)), true), isTTY: true },
      true,
      (f, n) => `reading ${f} (${n})`,
      () => now,
    );
    progress.update('a.csv', 10);
    now = 500;
    vi.advanceTimersByTime(500);
    expect(written).toBe('');
    now = 1300;
    progress.update('a.csv', 5000);
    vi.advanceTimersByTime(500);
    expect(written.startsWith('\r\x1b[Kreading a.csv (5000)')).toBe(true);
    progress.done();
    expect(written.endsWith('\r\x1b[K')).toBe(true);

    let silent = '';
    const off = new Progress(
      { write: (s) => ((silent += String(s)), true), isTTY: false },
      false,
      () => 'x',
      () => now,
    );
    off.update('a.csv', 1);
    now = 5000;
    vi.advanceTimersByTime(5000);
    off.done();
    expect(silent).toBe('');
  });

  test('colour only on a terminal, and never with NO_COLOR', () => {
    expect(useColour({ write: () => true, isTTY: true }, {})).toBe(true);
    expect(useColour({ write: () => true, isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColour({ write: () => true, isTTY: false }, {})).toBe(false);
  });

  test('validate colours the severity on a terminal and not with NO_COLOR', async () => {
    const tty = fakeIo({ tty: true });
    expect(await main(['validate', fixture('invalid', 'bad-date.csv'), '--lang', 'en'], tty)).toBe(1);
    expect(tty.out()).toMatch(ANSI);
    const noColour = fakeIo({ tty: true, env: { NO_COLOR: '1' } });
    await main(['validate', fixture('invalid', 'bad-date.csv'), '--lang', 'en'], noColour);
    expect(noColour.out()).not.toMatch(ANSI);
  });

  test('piped: no colour, no progress, nothing on stdout but the report', async () => {
    const validate = await runCli(['validate', fixture('takasaki-r3'), '--lang', 'en']);
    expect(validate.stdout).not.toMatch(ANSI);
    // stderr: the closing summary only, without colour or progress.
    expect(validate.stderr).toMatch(/^Files: /u);
    expect(validate.stderr).not.toMatch(ANSI);
    const json = await runCli(['monthly', fixture('takasaki-r3'), '--format', 'json']);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    expect(json.stderr).toMatch(/^Files: /u);
    expect(json.stderr).not.toContain('\r');
    expect(json.stderr).not.toContain(ESC);
  });

  test('--quiet prints nothing but the report', async () => {
    const result = await runCli([
      'monthly',
      fixture('takasaki-r3'),
      fixture('invalid', 'bad-date.csv'),
      '--skip-invalid',
      '--quiet',
      '--format',
      'md',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});
