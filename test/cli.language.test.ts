import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { Command } from 'commander';
import { wordCommanderError, wrapText } from '../src/cli/help.js';
import { displayWidth } from '../src/text.js';
import { messagesFor } from '../src/messages/index.js';
import { fixture, ROOT, runCli } from './helpers.js';

const JA = { LANG: 'ja_JP.UTF-8' };
const COMMANDS = ['validate', 'monthly', 'annual', 'fill', 'combine', 'template', 'app', 'init'];

/** Words commander prints in English: none may reach a Japanese user. */
const COMMANDER_ENGLISH =
  /Usage|Options|Arguments|Commands|display help|error:|unknown|missing|argument|Did you mean|choices|default:|too many|Expected|required|is invalid/iu;

const HELP_CALLS: string[][] = [
  ['--help'],
  ['-h'],
  ['help'],
  ...COMMANDS.flatMap((command) => [
    [command, '--help'],
    ['help', command],
  ]),
];

/** Each kind of mistake commander catches, as a user would make it. */
const MISTAKES: [string, string[]][] = [
  ['a typo in a command', ['montly', fixture('takasaki-r3')]],
  ['a command that does not exist at all', ['report']],
  ['a typo in an option', ['monthly', fixture('takasaki-r3'), '--mnth', '2022-02']],
  ['an option that does not exist', ['validate', fixture('takasaki-r3'), '--verbose']],
  ['no inputs', ['monthly']],
  ['no inputs to validate', ['annual', '--as-of', '2022-02']],
  ['an option without its value', ['monthly', fixture('takasaki-r3'), '--month']],
  ['a value not among the choices', ['validate', fixture('takasaki-r3'), '--lang', 'fr']],
  ['a kind not among the choices', ['template', '--kind', 'support-log', '--out', 'x.xlsx']],
  ['a file name given to a command that takes none', ['template', 'x.xlsx']],
  ['a file name given to init', ['init', 'tsup-report.config.json']],
  ['an unknown option of the program', ['--verison']],
];

describe('everything commander prints is Japanese on a Japanese system', () => {
  test.each(HELP_CALLS.map((args) => [args.join(' '), args]))('%s', async (_, args) => {
    const result = await runCli(args, { env: JA });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^使い方: tsup-report/u);
    expect(result.stdout).not.toMatch(COMMANDER_ENGLISH);
  });

  test.each(MISTAKES)('%s: exit 2, in Japanese, pointing to --help', async (_, args) => {
    const result = await runCli(args, { env: JA });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const output = result.stderr;
    expect(output).not.toMatch(COMMANDER_ENGLISH);
    expect(output).toMatch(/[ぁ-んァ-ヶ一-龠]/u);
    expect(output).toMatch(/（使い方は tsup-report( \w+)? --help で表示できます）\n$/u);
  });

  test('--lang ja speaks Japanese on an English system, --lang en English on a Japanese one', async () => {
    const ja = await runCli(['monthly', '--help', '--lang', 'ja']);
    expect(ja.stdout).toMatch(/^使い方: tsup-report monthly \[オプション\] <記録のファイルかフォルダ\.\.\.>/u);
    const en = await runCli(['monthly', '--lang=en', '--help'], { env: JA });
    expect(en.stdout).toMatch(/^Usage: tsup-report monthly \[options\] <inputs\.\.\.>/u);
  });

  test('--lang before the command counts for the command too', async () => {
    const result = await runCli(['--lang', 'ja', 'validate', path.join(os.tmpdir(), 'tsup-no-such-folder')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(messagesFor('ja').unreadable['not-found']);
    const overridden = await runCli(['--lang', 'ja', 'validate', path.join(os.tmpdir(), 'tsup-no-such-folder'), '--lang', 'en']);
    expect(overridden.stdout).toContain(messagesFor('en').unreadable['not-found']);
  });

  test('a typo in a command gets a Japanese "did you mean"', async () => {
    const result = await runCli(['montly', fixture('takasaki-r3')], { env: JA });
    expect(result.stderr).toBe(
      '「montly」というコマンドはありません。「monthly」のことですか？\n（使い方は tsup-report --help で表示できます）\n',
    );
    const option = await runCli(['annual', fixture('takasaki-r3'), '--asof', '2022-02'], { env: JA });
    expect(option.stderr).toContain('「--asof」というオプションはありません。「--as-of」のことですか？');
  });

  test('help with a typo in the command is the same typo, not the main help with exit 0', async () => {
    const typo = await runCli(['help', 'montly'], { env: JA });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('「montly」というコマンドはありません。「monthly」のことですか？');
    expect(typo.stdout).toBe('');
    const right = await runCli(['help', 'monthly'], { env: JA });
    expect(right.code).toBe(0);
    expect(right.stdout).toContain('使い方: tsup-report monthly');
  });

  test('under LANG=C the same mistakes read as plain English', async () => {
    const command = await runCli(['montly', fixture('takasaki-r3')]);
    expect(command.stderr).toBe('There is no command "montly". Did you mean monthly?\n(tsup-report --help shows how to use it)\n');
    const inputs = await runCli(['monthly']);
    expect(inputs.stderr).toBe('Name the inputs.\n(tsup-report monthly --help shows how to use it)\n');
    const choice = await runCli(['validate', 'x.csv', '--lang', 'fr']);
    expect(choice.stderr).toContain('--lang "fr" is not available. Use one of: ja, en');
    const help = await runCli(['annual', '--help']);
    expect(help.stdout).toMatch(/^Usage: tsup-report annual \[options\] <inputs\.\.\.>\n/u);
    expect(help.stdout).toContain('\nOptions:\n');
    expect(help.stdout).toContain('\nExamples:\n  tsup-report annual ');
  });
});

describe('--version', () => {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

  test.each([['--version'], ['-V']])('%s prints the version of package.json and exits 0, from any folder', async (flag) => {
    const result = await runCli([flag], { cwd: os.tmpdir() });
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('the wording of commander errors', () => {
  const ja = messagesFor('ja');
  const command = new Command('tsup-report');

  test('each error is worded from the names its message quotes', () => {
    expect(wordCommanderError("error: unknown command 'anual'\n(Did you mean annual?)", 'commander.unknownCommand', command, ja)).toBe(
      '「anual」というコマンドはありません。「annual」のことですか？',
    );
    expect(
      wordCommanderError(
        "error: unknown option '--out-file'\n(Did you mean one of --out, --config?)",
        'commander.unknownOption',
        command,
        ja,
      ),
    ).toBe('「--out-file」というオプションはありません。「--out」、「--config」のことですか？');
    expect(
      wordCommanderError(
        "error: option '--lang <言語>' argument 'fr' is invalid. Allowed choices are ja, en.",
        'commander.invalidArgument',
        command,
        ja,
      ),
    ).toBe('--lang の「fr」は使えません。使える値: ja、en');
  });

  test('an error it does not know is still said in Japanese, not in commander’s English', () => {
    const text = wordCommanderError(
      "error: required option '--out <file>' not specified",
      'commander.missingMandatoryOptionValue',
      command,
      ja,
    );
    expect(text).not.toMatch(COMMANDER_ENGLISH);
    expect(text).toBe(ja.cliError.other(''));
  });
});

describe('help text wraps between Japanese characters, not only at spaces', () => {
  test('no line wider than asked; no line starts with a stop or a closing bracket', () => {
    const text = messagesFor('ja').help.option.config + messagesFor('ja').help.command.app;
    const lines = wrapText(text, 50).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(displayWidth(line)).toBeLessThanOrEqual(50);
      expect(line).not.toMatch(/^[、。）」:]/u);
    }
    expect(lines.join('').replace(/\s/gu, '')).toBe(text.replace(/\s/gu, ''));
  });
});
