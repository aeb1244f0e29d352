/** The commands of the CLI, each with its own help. */
export type CommandName = 'validate' | 'monthly' | 'annual' | 'template' | 'app' | 'init';

/** Every option the CLI declares, by what it means (the same flag may mean another thing elsewhere: --out, --format, --quiet). */
export type OptionName =
  | 'config'
  | 'lang'
  | 'encoding'
  | 'quiet'
  | 'quietAll'
  | 'reportOut'
  | 'reportFormat'
  | 'skipInvalid'
  | 'suppressBelow'
  | 'compare'
  | 'years'
  | 'since'
  | 'month'
  | 'asOf'
  | 'fiscalYear'
  | 'validateFormat'
  | 'strict'
  | 'maxErrors'
  | 'annotate'
  | 'kind'
  | 'templateOut'
  | 'appOut'
  | 'initOut';

/** commander's help screens in one language (src/cli/help.ts puts them in place). */
export interface HelpWords {
  /** commander's own headings, as it names them. */
  heading: { usage: string; arguments: string; options: string; commands: string; globalOptions: string; examples: string };
  /** The parts of a usage line: [options] [command] <inputs...>. */
  usage: { options: string; command: string; inputs: string };
  /** What an option's value is, as the help shows it: --config <file>. */
  placeholder: { file: string; lang: string; encoding: string; format: string; n: string; year: string; kind: string; month: string };
  program: string;
  command: Record<CommandName, string>;
  inputs: string;
  option: Record<OptionName, string>;
  helpOption: string;
  helpCommand: string;
  version: string;
  examples: Record<CommandName, string[]>;
}

/** commander's errors in one language, worded from what each error is about, plus the CLI's own usage mistakes. */
export interface CliErrorWords {
  unknownCommand: (name: string) => string;
  unknownOption: (flag: string) => string;
  /** After an unknown command or option (on the same line): the names it may have meant. */
  didYouMean: (candidates: readonly string[]) => string;
  missingArgument: (name: string) => string;
  optionMissingArgument: (option: string) => string;
  invalidChoice: (option: string, value: string, allowed: readonly string[]) => string;
  excessArguments: (command: string, expected: number, got: number) => string;
  /** Any other mistake on the command line, as commander words it. */
  other: (detail: string) => string;
  /** The line after every such error: where the usage is explained. */
  seeHelp: (command: string) => string;
  /** --month and --as-of both given, naming different months. */
  conflictingMonths: (month: string, asOf: string) => string;
}

/** Why a file could not be written, with what to do about it. */
export type WriteFailure = 'no-folder' | 'is-folder' | 'permission' | 'busy' | 'no-space' | 'other';

export interface CliWords {
  help: HelpWords;
  cliError: CliErrorWords;
  writeFailure: Record<WriteFailure, string>;
}
