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
      symbol: 'symbol',
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
      fill: "write the report's figures into named cells of a form (Excel) the prefecture sent, keeping everything else in it (styles, formulas, pictures, print settings)",
      combine:
        'combine the reports that several organisations or windows wrote with --format json (same fiscal year, same months) into one report with a table by organisation (counts only, never a record)',
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
      suppressBelow:
        "hide counts from 1 to n-1 as x, and the cells that would reveal them (over the config's suppression.below; 1 hides nothing)",
      suppressSymbol: "the symbol for a hidden count: x, ×, －, or * (default: the config's suppression.symbol, else x)",
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
      fillMap: 'the map of which figure goes into which sheet and cell (.json; see docs/fill.md)',
      fillOut: 'the filled form to write (same extension as the form; never an existing file, never the form itself)',
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
      monthly: [
        'tsup-report monthly fixtures/takasaki-r3',
        'tsup-report monthly logs/ --month 2022-02 --out 累計表.xlsx',
        'tsup-report monthly logs/ --suppress-below 3 --suppress-symbol × --out published.xlsx',
      ],
      annual: [
        'tsup-report annual fixtures/takasaki-r3 --out 実績報告.xlsx',
        'tsup-report annual fixtures/takasaki-r3 --out 実績報告.html',
        'tsup-report annual logs/ --fiscal-year R3 --as-of 2022-02 --format md',
      ],
      template: ['tsup-report template --out 相談記録_令和4年度.xlsx', 'tsup-report template --kind ibasho --out 居場所.xlsx'],
      app: ['tsup-report app --out "//share/福祉/tsup-report.html"'],
      init: ['tsup-report init   # then edit program, labels and targets in tsup-report.config.json'],
      fill: [
        'tsup-report fill form1.xlsx --map form1.map.json --out form1_R3.xlsx logs/',
        'tsup-report fill form1.xlsx --map form1.map.json --out form1_to-Feb.xlsx logs/ --month 2022-02',
      ],
      combine: [
        'tsup-report combine takasaki.json maebashi.json kiryu.json --out prefecture.xlsx',
        'tsup-report combine reports/ --organization "Gunma Prefecture" --out prefecture.html',
        'tsup-report combine reports/ --suppress-below 3 --out prefecture_public.xlsx',
      ],
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
  fill: {
    formArgument: 'form',
    formArgumentHelp: 'the form to fill in (.xlsx or .xlsm); the file itself is never changed',
    needsMap: 'Give the map of cells with --map (a .json file; docs/fill.md shows how to write it).',
    needsOut:
      'Give the file to write the filled form to with --out (for example --out form1_filled.xlsx); the form itself is never written.',
    outExtension: (out, suggestion) =>
      `--out ${out} must name the same kind of workbook as the form (.xlsx, or .xlsm for a form with macros; Excel will not open it otherwise), for example --out ${suggestion}`,
    outIsForm: (out) => `--out ${out} is the form itself, which is never overwritten. Give another name.`,
    formUnreadable: (file, reason) => `The form ${file} cannot be read: ${reason}`,
    formProblem: (file, problem) =>
      ({
        cfb: `The form ${file} is an old Excel file (.xls) or a password-protected workbook. Open it in Excel, remove any password and save it as "Excel Workbook (*.xlsx)", then name that file.`,
        'not-zip': `The form ${file} is not an Excel workbook (.xlsx), or it is damaged. Open it in Excel and save it as "Excel Workbook (*.xlsx)".`,
        'not-workbook': `The form ${file} cannot be read: the workbook inside is damaged. Open it in Excel and save it again.`,
        'too-large': `The form ${file} is too large (a sheet holds more than 32 MB of data). Check that it is the form.`,
      })[problem],
    mapUnreadable: (file, reason) => `The map ${file} cannot be read: ${reason}`,
    mapNotUtf8: (file) =>
      `The map ${file} is not saved as UTF-8 (Shift_JIS?). In Notepad, "Save As" with the encoding "UTF-8" and run again.`,
    mapNotJson: (file, reason) => `The map ${file} is not valid JSON: ${reason}`,
    mapNotJsonAt: (file, line, column, reason) => `The map ${file} is not valid JSON at line ${line}, column ${column} (${reason})`,
    textAfterEnd: 'there is text after the closing "}" of the map',
    mapInvalid: (file) => `The map ${file} has mistakes:`,
    badAddress: (got) => `expected an address like C5 (column letters, then the row number), got ${got}`,
    beyondSheet: (got) => `${got} lies outside an Excel sheet (its last cell is XFD1048576)`,
    atLeastOneCell: 'name at least one cell to fill',
    keysAre: (keys) => `(the keys are: ${keys.join(', ')})`,
    refused: (form, count) =>
      `The form ${form} was not filled: ${count === 1 ? 'an entry' : `${count} entries`} of the map ${count === 1 ? 'has' : 'have'} problems (nothing was written):`,
    entry: (index, sheet, cell) => `cells[${index}] (${sheet}!${cell})`,
    noSheet: (sheet, sheets) => `there is no sheet "${sheet}"; the form's sheets: ${sheets.map((s) => `"${s}"`).join(', ')}`,
    notAWorksheet: (sheet) => `"${sheet}" is a chart sheet (or another sheet without cells)`,
    formula: 'the cell holds a formula, which is never overwritten; check the address in the map',
    text: 'the cell holds text (a heading?), which is not overwritten; check the address in the map, or empty the cell in the form',
    merged: (range, first) => `the cell is part of the merged cells ${range}; name their first cell, ${first}`,
    array: (range) => `the cell lies in the array formula ${range} (it shows the formula's result)`,
    duplicate: (first) => `the same cell as cells[${first}]; a cell holds one figure`,
    unknownMetric: (metric, known) => `no metric "${metric}"; known metrics: ${known.join(', ')}`,
    unknownLabel: (metric, label, labels) => `metric "${metric}": "${label}" is not in the config; the labels are: ${labels.join(', ')}`,
    monthOutside: (month, startMonth, asOf) =>
      `month ${month} lies outside the report's period (${startMonth} to ${asOf}); --month (--as-of) and --fiscal-year set the period`,
    notInLogs: (metric) =>
      `metric "${metric}" counts a column or log (相談者ID, an attribute's column, 支援記録) that the inputs do not have; stopped rather than write 0. Check the files`,
    noMonthlyFigures: (metric) => `metric "${metric}" has a figure for the period only, none by month; leave out "month"`,
    hidden:
      "this count is hidden as a small count (--suppress-below or the config's suppression.below), and a hidden count is never written into the form (leave out --suppress-below, give --suppress-below 1 when the config hides counts, or leave this cell out of the map)",
    written: (out, cells) => `Filled ${cells} ${cells === 1 ? 'cell' : 'cells'} and wrote ${out}`,
  },
};
