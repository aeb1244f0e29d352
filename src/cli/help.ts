import { readFileSync } from 'node:fs';
import { Command, type ErrorOptions } from 'commander';
import type { CommandName, Lang, Messages } from '../messages/index.js';
import { displayWidth } from '../text.js';
import type { Io } from './io.js';
import { pickLang } from './options.js';

/**
 * The language of a run, decided before commander is set up so that its help and errors are
 * worded in it too: `--lang ja|en` (or `--lang=ja`) anywhere on the command line, else the system locale.
 */
export function langFromArgv(argv: readonly string[], io: Io): Lang {
  let option: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--lang') option = argv[i + 1];
    else if (arg.startsWith('--lang=')) option = arg.slice('--lang='.length);
  });
  return pickLang(option, io);
}

/**
 * The version in package.json. This module runs as dist/cli/help.js, inside dist/bundle/ and as
 * src/cli/help.ts in the tests: each two folders below the package's root.
 */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

const SUGGESTION = /\n\(Did you mean (?:one of )?(.+)\?\)$/u;

/** How commander words each error it raises; what the quotes hold is put into the message tables' words. */
const COMMANDER_ERRORS: Record<string, RegExp> = {
  'commander.unknownCommand': /^error: unknown command '(.*)'$/u,
  'commander.unknownOption': /^error: unknown option '(.*)'$/u,
  'commander.missingArgument': /^error: missing required argument '(.*)'$/u,
  'commander.optionMissingArgument': /^error: option '(.*)' argument missing$/u,
  'commander.invalidArgument': /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/u,
  'commander.excessArguments': /but got (\d+)\.$/u,
};

/** `--lang <lang>` → `--lang`: an option as the user types it. */
const longFlag = (flags: string): string => flags.split(/[\s,|]+/u).find((part) => part.startsWith('--')) ?? flags;

/** `tsup-report monthly`: the command as the user typed it. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** A commander error in the user's language, from its code and the names its message quotes. */
export function wordCommanderError(message: string, code: string, command: Command, m: Messages): string {
  const e = m.cliError;
  const suggestion = SUGGESTION.exec(message);
  const didYouMean = suggestion ? e.didYouMean(suggestion[1]!.split(', ')) : '';
  const match = COMMANDER_ERRORS[code]?.exec(message.replace(SUGGESTION, ''));
  if (match) {
    switch (code) {
      case 'commander.unknownCommand':
        return e.unknownCommand(match[1]!) + didYouMean;
      case 'commander.unknownOption':
        return e.unknownOption(match[1]!) + didYouMean;
      case 'commander.missingArgument':
        return e.missingArgument(match[1]!);
      case 'commander.optionMissingArgument':
        return e.optionMissingArgument(longFlag(match[1]!));
      case 'commander.invalidArgument':
        return e.invalidChoice(longFlag(match[1]!), match[2]!, match[3]!.split(', '));
      case 'commander.excessArguments':
        return e.excessArguments(commandPath(command), command.registeredArguments.length, Number(match[1]));
    }
  }
  return e.other(message);
}

/**
 * A piece of text a line may not be broken inside: a run of ASCII (a word, a flag, a path) or one
 * wide character, with the brackets and stops that must stay by it (no line starts with 、 or ）).
 */
const WRAP_CHUNK = /\s*[「（『]*(?:[\x21-\x7e]+|[^\s\x21-\x7e])[、。，．）」』：:;,.)]*/gu;

/** commander's wrapping, which breaks only at spaces, made to break between Japanese characters too (Japanese has no spaces). */
export function wrapText(text: string, width: number): string {
  if (width < 40) return text;
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/u)) {
    let line = '';
    for (const chunk of raw.match(WRAP_CHUNK) ?? []) {
      if (line !== '' && displayWidth(line + chunk) > width) {
        lines.push(line);
        line = chunk.trimStart();
      } else {
        line += chunk;
      }
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** A command whose errors, and whose subcommands' errors, are worded from the message tables, with where to find the usage. */
class LocalizedCommand extends Command {
  constructor(
    private readonly m: Messages,
    name?: string,
  ) {
    super(name);
  }

  override createCommand(name?: string): Command {
    return new LocalizedCommand(this.m, name);
  }

  override error(message: string, errorOptions?: ErrorOptions): never {
    const worded = wordCommanderError(message, errorOptions?.code ?? 'commander.error', this, this.m);
    return super.error(`${worded}\n${this.m.cliError.seeHelp(commandPath(this))}`, errorOptions);
  }
}

/**
 * The program, set up so that everything commander prints is in the language of `m`: headings,
 * the help option and command, --version, and (through LocalizedCommand) its errors. Commands
 * made with `.command()` inherit all of it.
 */
export function localizedProgram(m: Messages, io: Io): Command {
  const h = m.help;
  const headings: Record<string, string> = {
    'Usage:': h.heading.usage,
    'Arguments:': h.heading.arguments,
    'Options:': h.heading.options,
    'Commands:': h.heading.commands,
    'Global Options:': h.heading.globalOptions,
  };
  return new LocalizedCommand(m, 'tsup-report')
    .description(h.program)
    .configureHelp({
      styleTitle: (title) => headings[title] ?? title,
      // The descriptions say the choices and defaults themselves, in words.
      optionDescription: (option) => option.description,
      // The name alone: each command's own help gives its usage line.
      subcommandTerm: (command) => command.name(),
      displayWidth,
      boxWrap: wrapText,
    })
    .helpOption('-h, --help', h.helpOption)
    .helpCommand(`help ${h.usage.command}`, h.helpCommand)
    .version(packageVersion(), '-V, --version', h.version)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
}

/** The examples at the end of a command's help. */
export function withExamples(command: Command, name: CommandName, m: Messages): Command {
  const lines = m.help.examples[name].map((line) => `  ${line}`);
  return command.addHelpText('after', `\n${m.help.heading.examples}\n${lines.join('\n')}`);
}

/** Usage lines in the user's words (`[オプション] <記録のファイルかフォルダ...>`), once every command is declared. */
export function localizeUsage(program: Command, m: Messages): void {
  const u = m.help.usage;
  program.usage(`${u.options} ${u.command}`);
  for (const command of program.commands) {
    const args = command.registeredArguments.map((a) => {
      const name = `${a.name()}${a.variadic ? '...' : ''}`;
      return a.required ? `<${name}>` : `[${name}]`;
    });
    command.usage([u.options, ...args].join(' '));
  }
}
