import type { CliWords } from './cli-types.js';

/** The CLI's help and commander's errors in English. */
export const enCli: CliWords = {
  help: {
    heading: {
      usage: 'Usage:',
      arguments: 'Arguments:',
      options: 'Options:',
      commands: 'Commands:',
      globalOptions: 'Global options:',
      examples: 'Examples:',
    },
    usage: { options: '[options]', command: '[command]', inputs: 'inputs' },
    placeholder: {
      file: 'file',
      lang: 'lang',
      encoding: 'name',
      format: 'format',
      n: 'n',
      year: 'year',
      kind: 'kind',
      month: 'YYYY-MM',
    },
    program:
      "Turns the intake logs of the women's support program (Excel/CSV) into the cumulative monthly and annual reports, and checks the logs before submission.",
    command: {
      validate: 'check logs and list every problem with its file, sheet, row and cell',
      monthly: 'the cumulative consultation table of the fiscal year so far',
      annual: 'the achievement summary: targets, projected year end (見込), evaluation, all tables, summary sentences',
      template: 'write a ready-to-fill workbook with dropdowns and checks from the config',
      app: 'write the offline browser app (one HTML file, nothing to install) for PCs without Node',
      init: 'write a config file from the built-in default, to edit (never overwrites)',
    },
    inputs: 'CSV/XLSX files or folders (read with their subfolders); - reads CSV from standard input',
    option: {
      config: 'config file (default: ./tsup-report.config.json, else one beside the logs, else the built-in default)',
      lang: 'language of messages: ja or en (default: from the system locale)',
      encoding: 'force the CSV encoding: utf8, utf16le, cp932 (default: detected)',
      quiet: 'print nothing but the report or the problems',
      quietAll: 'print nothing',
      reportOut: 'write to this file (format from its extension: .md .csv .xlsx .json .html .txt)',
      reportFormat: 'table | md | csv | xlsx | json | html (default: from --out, else table on a terminal, md when piped)',
      skipInvalid: 'leave rows with errors out instead of refusing, and say how many',
      suppressBelow: 'hide counts from 1 to n-1 as x, and the cells that would reveal them',
      since: 'list the months whose figures changed since the last release (its JSON) as corrections',
      years: "add a table of the last n fiscal years' totals (the years the logs hold)",
      compare: "compare with last year's report written with --format json, month for month (year on year)",
      month: 'last month of the report (default: the latest month with records); the same as --as-of',
      asOf: 'count up to this month (default: the latest month with records; annual projects the rest of the year); the same as --month',
      fiscalYear: '2021, R3 or 令和3 (default: the year of the latest record)',
      validateFormat: 'text or json (default: text)',
      strict: 'fail on warnings too',
      maxErrors: 'list at most this many problems (default: 200 in text, 1000 in JSON)',
      annotate: 'also write a copy of the inputs with every problem cell marked',
      kind: 'which log: intake, ibasho, distribution, support or all (default: all)',
      templateOut: 'the workbook to write (never overwritten)',
      appOut: 'where to write it (an older copy of the app is replaced, nothing else)',
      initOut: 'write the config to this file (default: ./tsup-report.config.json; never overwrites)',
    },
    helpOption: 'show this help',
    helpCommand: 'show the help of a command',
    version: 'show the version',
    examples: {
      validate: [
        'tsup-report validate fixtures/takasaki-r3',
        'tsup-report validate 2022-02.csv --format json',
        'tsup-report validate 2022-02.xlsx --annotate 2022-02_検証.xlsx',
      ],
      monthly: ['tsup-report monthly fixtures/takasaki-r3', 'tsup-report monthly logs/ --month 2022-02 --out 累計表.xlsx'],
      annual: [
        'tsup-report annual fixtures/takasaki-r3 --out 実績報告.xlsx',
        'tsup-report annual fixtures/takasaki-r3 --out 実績報告.html',
        'tsup-report annual logs/ --fiscal-year R3 --as-of 2022-02 --format md',
      ],
      template: ['tsup-report template --out 相談記録_令和4年度.xlsx', 'tsup-report template --kind ibasho --out 居場所.xlsx'],
      app: ['tsup-report app --out "//share/福祉/tsup-report.html"'],
      init: ['tsup-report init   # then edit program, labels and targets in tsup-report.config.json'],
    },
  },
  cliError: {
    unknownCommand: (name) => `There is no command "${name}".`,
    unknownOption: (flag) => `There is no option "${flag}".`,
    didYouMean: (candidates) =>
      candidates.length === 1 ? ` Did you mean ${candidates[0]}?` : ` Did you mean one of ${candidates.join(', ')}?`,
    missingArgument: (name) => `Name the ${name}.`,
    optionMissingArgument: (option) => `${option} needs a value.`,
    invalidChoice: (option, value, allowed) => `${option} "${value}" is not available. Use one of: ${allowed.join(', ')}`,
    excessArguments: (command, expected, got) =>
      expected === 0
        ? `${command} takes no file names or other values (${got} given). Check the options.`
        : `${command} takes at most ${expected} (${got} given).`,
    other: (detail) => detail.replace(/^error:\s*/u, '').replace(/^./u, (c) => c.toUpperCase()),
    seeHelp: (command) => `(${command} --help shows how to use it)`,
    conflictingMonths: (month, asOf) =>
      `--month ${month} and --as-of ${asOf} name different months. Both mean the last month of the report: give only one.`,
  },
  writeFailure: {
    'no-folder': 'The folder to write into does not exist. Check its name and place, or create it first.',
    'is-folder': 'That is a folder. Give --out the name of a file inside it (for example out/report.xlsx).',
    permission: 'There is no permission to write here. Choose a folder you can write to (Documents, say).',
    busy: 'The file is open in another program (Excel?). Close it and run again.',
    'no-space': 'The disk is full (or the file is too large for it). Free some space or write somewhere else.',
    other: 'The file could not be written. Check where it is to go.',
  },
};
