/** The commands of the CLI, each with its own help. */
export type CommandName = 'validate' | 'monthly' | 'annual' | 'template' | 'app' | 'init' | 'fill' | 'combine';

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
  | 'suppressSymbol'
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
  | 'initOut'
  | 'fillMap'
  | 'fillOut';

/** commander's help screens in one language (src/cli/help.ts puts them in place). */
export interface HelpWords {
  /** commander's own headings, as it names them. */
  heading: { usage: string; arguments: string; options: string; commands: string; globalOptions: string; examples: string };
  /** The parts of a usage line: [options] [command] <inputs...>. */
  usage: { options: string; command: string; inputs: string };
  /** What an option's value is, as the help shows it: --config <file>. */
  placeholder: {
    file: string;
    lang: string;
    encoding: string;
    format: string;
    n: string;
    year: string;
    kind: string;
    month: string;
    /** --suppress-symbol's value (SPEC §15). */
    symbol: string;
  };
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
  fill: FillWords;
}

/** Why a form cannot be filled at all (src/render/fill/fill.ts FormProblem). */
export type FormProblemWord = 'not-zip' | 'cfb' | 'not-workbook' | 'too-large';

/** `fill` (SPEC §15): its options, the form, the map, and why a map entry cannot be written. */
export interface FillWords {
  /** The placeholder of the form argument in the usage line. */
  formArgument: string;
  formArgumentHelp: string;
  needsMap: string;
  needsOut: string;
  /** --out is not named as the form's kind of workbook (.xlsx, or .xlsm for a form with macros): Excel would refuse to open it. */
  outExtension: (out: string, suggestion: string) => string;
  outIsForm: (out: string) => string;
  /** The form cannot be opened: `reason` is the system's reason in words (not found, no permission, open in Excel …). */
  formUnreadable: (file: string, reason: string) => string;
  formProblem: (file: string, problem: FormProblemWord) => string;
  mapUnreadable: (file: string, reason: string) => string;
  mapNotUtf8: (file: string) => string;
  mapNotJson: (file: string, reason: string) => string;
  mapNotJsonAt: (file: string, line: number, column: number, reason: string) => string;
  /** Text after the map's closing brace. */
  textAfterEnd: string;
  mapInvalid: (file: string) => string;
  badAddress: (got: string) => string;
  beyondSheet: (got: string) => string;
  atLeastOneCell: string;
  keysAre: (keys: string[]) => string;
  /** Before the list of entries that cannot be written: nothing was written. */
  refused: (form: string, count: number) => string;
  /** A map entry as the list names it: its index and sheet!cell. */
  entry: (index: number, sheet: string, cell: string) => string;
  noSheet: (sheet: string, sheets: string[]) => string;
  notAWorksheet: (sheet: string) => string;
  formula: string;
  text: string;
  merged: (range: string, first: string) => string;
  array: (range: string) => string;
  duplicate: (first: number) => string;
  unknownMetric: (metric: string, known: string[]) => string;
  unknownLabel: (metric: string, label: string, labels: string[]) => string;
  monthOutside: (month: string, startMonth: string, asOf: string) => string;
  noMonthlyFigures: (metric: string) => string;
  notInLogs: (metric: string) => string;
  hidden: string;
  written: (out: string, cells: number) => string;
}
