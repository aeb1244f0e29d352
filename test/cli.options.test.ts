import { describe, expect, test } from 'vitest';
import { parseAsOfOptions, parseFiscalYearOption } from '../src/cli/options.js';
import { UserError } from '../src/cli/errors.js';
import { messagesFor } from '../src/messages/index.js';
import { fixture, runCli } from './helpers.js';

const m = messagesFor('en');

describe('--fiscal-year: every era a date may be written in', () => {
  test.each([
    ['2021', 2021],
    ['R3', 2021],
    ['r3', 2021],
    ['令和3', 2021],
    ['令和3年度', 2021],
    ['令和元年度', 2019],
    ['令3', 2021],
    ['H31', 2019],
    ['平成元年度', 1989],
    // Refused before, though 昭和 dates were read.
    ['S63', 1988],
    ['昭和63年度', 1988],
    ['Ｒ３', 2021],
  ])('%s → %i', (text, year) => {
    expect(parseFiscalYearOption(text, m)).toBe(year);
  });

  test.each(['R', '令和', '3', 'X3', '令和三'])('%s is a usage error', (text) => {
    expect(() => parseFiscalYearOption(text, m)).toThrow(UserError);
  });
});

describe('--month and --as-of: one option under two names, on both reports', () => {
  test('either name gives the month; both, when they name the same month however written', () => {
    expect(parseAsOfOptions({ month: '2022-02' }, m)).toBe('2022-02');
    expect(parseAsOfOptions({ asOf: '2022/2' }, m)).toBe('2022-02');
    expect(parseAsOfOptions({ month: '2022年2月', asOf: '2022-02' }, m)).toBe('2022-02');
    expect(parseAsOfOptions({}, m)).toBeUndefined();
  });

  test('two different months are a usage error naming both', () => {
    const refusal = (() => {
      try {
        parseAsOfOptions({ month: '2022-01', asOf: '2022-02' }, m);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(UserError);
    expect((refusal as UserError).exitCode).toBe(2);
    expect((refusal as UserError).lines.join('\n')).toMatch(/--month 2022-01.*--as-of 2022-02/u);
  });

  test.each(['monthly', 'annual'])('%s: --month and --as-of give the same report; differing, exit 2 naming both', async (command) => {
    const [byMonth, byAsOf, conflict] = await Promise.all([
      runCli([command, fixture('takasaki-r3'), '--month', '2021-12', '--format', 'json']),
      runCli([command, fixture('takasaki-r3'), '--as-of', '2021-12', '--format', 'json']),
      runCli([command, fixture('takasaki-r3'), '--month', '2021-12', '--as-of', '2022-01', '--lang', 'ja']),
    ]);
    expect(byMonth.code).toBe(0);
    expect(JSON.parse(byMonth.stdout).asOf).toBe('2021-12');
    expect(byAsOf.stdout).toBe(byMonth.stdout);
    expect(conflict.code).toBe(2);
    expect(conflict.stdout).toBe('');
    expect(conflict.stderr).toContain('--month 2021-12 と --as-of 2022-01');
  });
});

/** The long options a command's help lists. */
async function optionsInHelp(command: string): Promise<string[]> {
  const help = await runCli([command, '--help']);
  return [...help.stdout.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gmu)].map((match) => match[1]!).sort();
}

describe('each command lists only the options that apply to it', () => {
  test('template: --kind, --out, --config, --lang, --quiet (it reads no CSV, so no --encoding)', async () => {
    expect(await optionsInHelp('template')).toEqual(['--config', '--help', '--kind', '--lang', '--out', '--quiet']);
  });

  test('init takes --out', async () => {
    expect(await optionsInHelp('init')).toEqual(['--help', '--lang', '--out', '--quiet']);
  });

  test('monthly and annual both take --month and --as-of', async () => {
    for (const command of ['monthly', 'annual'])
      expect(await optionsInHelp(command)).toEqual(expect.arrayContaining(['--as-of', '--month']));
  });
});
