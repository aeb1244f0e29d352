import { groupDigits, type Messages } from './types.js';

const list = (items: readonly string[]): string => items.map((s) => `"${s}"`).join(', ');

const unreadableReason: Record<string, string> = {
  'not-found': 'File not found. Check the path.',
  permission: 'No permission to open this file.',
  directory: 'This folder holds no readable table (.csv .tsv .txt .xlsx .xlsm).',
  'corrupt-xlsx': 'The Excel file is damaged or cut short. Open it in Excel and save it again.',
  'not-workbook': 'This is a ZIP file but not an Excel workbook.',
  'too-large': 'The workbook expands to more than the size limit. Delete unneeded sheets and save it again.',
  'csv-syntax': 'The CSV is malformed (for example a quote " that is never closed).',
  'no-space': 'A temporary file could not be written. Check the free disk space.',
  other: 'The file could not be read.',
};

export const en: Messages = {
  kindName: { intake: 'consultation log', ibasho: 'gathering log', distribution: 'handout log' },
  issue: {
    'unreadable-file': (d) => unreadableReason[d.reason ?? 'other'] ?? unreadableReason.other!,
    'unsupported-format': (d) =>
      d.format === 'encrypted'
        ? 'Password-protected (encrypted) workbooks cannot be read. Remove the password in Excel and save as .xlsx.'
        : d.format === 'xls'
          ? 'The old Excel format (.xls) cannot be read. Open it in Excel, choose "Save As" and "Excel Workbook (.xlsx)".'
          : `This format (${d.format ?? 'unknown'}) cannot be read. Save the log as CSV (.csv) or an Excel workbook (.xlsx).`,
    'encoding-error': (d) =>
      `Garbled characters in ${d.column ? `column "${d.column}"` : 'this row'}. Check the file's character encoding: save it from Excel as "CSV UTF-8", or name the encoding with --encoding.`,
    'no-header': (d) =>
      d.reason === 'ambiguous'
        ? `The header row could be a ${(d.candidates ?? []).map((k) => en.kindName[k]).join(' or a ')}. Use the canonical headers (for example 受付日, 開催日 or 配布日).`
        : d.reason === 'empty'
          ? 'The file is empty.'
          : d.reason === 'all-sheets-skipped'
            ? 'No sheet of this workbook has a header row of a log.'
            : 'No header row in the first 10 rows. Put the headers (受付日, 受付方法, 主訴, 対応結果 …) in row 1 or right below the title.',
    'missing-column': (d) =>
      `The ${d.kind ? en.kindName[d.kind] : 'log'} lacks required column(s): ${list(d.missing ?? [])}. Add them or check the header names.`,
    'missing-value': (d) => `"${d.column}" is empty. Fill it in.`,
    'invalid-date': (d) => `"${d.value}" in "${d.column}" is not a date. ${en.dateProblem[d.dateProblem ?? 'unrecognised']}`,
    'future-date': (d) => `"${d.value}" in "${d.column}" is in the future (today is ${d.today}). Check the entry.`,
    'unknown-value': (d) =>
      `"${d.value}" in "${d.column}" is not in the configured list.${d.suggestion ? ` Did you mean "${d.suggestion}"?` : ''} Allowed: ${(d.allowed ?? []).join(', ')}`,
    'invalid-number': (d) =>
      `"${d.value}" in "${d.column}" is not accepted. ${en.numberProblem[d.numberProblem ?? 'not-a-number']}`,
    'duplicate-id-conflict': (d) =>
      `受付番号 "${d.value}" is also used by a row with different content (${(d.otherPlaces ?? []).join(', ')}). Decide which is right and fix the number or the content; every row with this number was left out of the totals.`,
    'duplicate-row': (d) =>
      `A row with 受付番号 "${d.value}" and the same content already exists (${(d.otherPlaces ?? []).join(', ')}), as when a month is exported twice. Counted once.`,
    'outside-service-days': (d) =>
      `${d.value} is ${d.dayType === 'holiday' ? `a national holiday (${d.holidayNameEn ?? d.holidayName ?? ''})` : d.dayType === 'year-end' ? 'in the year-end closure (12/29–1/3)' : d.dayType === 'saturday' ? 'a Saturday' : 'a Sunday'}, when "${d.channel}" is not open. Check the date.`,
    'sheet-skipped': () => 'This sheet has no header row of a log and was skipped.',
    'extra-column': (d) => `Column "${d.column}" is not used and was skipped (its contents are never output).`,
  },
  dateProblem: {
    unrecognised: 'Write it like 2021/8/12, 2021年8月12日, 令和3年8月12日 or R3.8.12.',
    'no-year': 'The year is missing. Write it like 2021/8/12.',
    nonexistent: 'That day does not exist (check the month and day).',
    'era-range': 'That era has no such date (令和 starts on 2019-05-01, 平成 ends on 2019-04-30).',
    'serial-range': 'As an Excel date serial it is out of range (years 2000–2099).',
    'not-a-date-cell': 'The cell does not hold a date.',
  },
  numberProblem: {
    'not-a-number': 'Enter a whole number of 0 or more.',
    'not-whole': 'Enter a whole number (no decimals).',
    negative: 'Negative numbers are not accepted.',
    zero: 'Enter 1 or more (delete rows with no handout).',
    'too-large': 'The number is too large.',
  },
  severity: { error: 'error', warning: 'warning', info: 'info' },
  place: {
    stdin: '(standard input)',
    row: (row) => `row ${row}`,
    sheet: (sheet) => `sheet "${sheet}"`,
    at: (row, cell, column) =>
      [row === null ? null : `row ${row}`, cell, column === null ? null : `(${column})`].filter((p) => p !== null).join(' '),
  },
  validate: {
    tableLine: (kind, headerRow, rows) => `${kind} (header in row ${headerRow}, ${groupDigits(rows)} data rows)`,
    noData: 'There are no data rows below the header.',
    ok: 'No problems found.',
    summary: (errors, warnings, infos) => `${errors} error(s), ${warnings} warning(s), ${infos} info`,
    more: (count) => `${count} more not shown (raise --max-errors, or use --format json to see all).`,
    rejectedRows: (count) => `Rows left out of the totals because of errors: ${count}`,
  },
  report: {
    refused: (errors) => `The inputs have ${errors} error(s), so no report was made.`,
    refusedHint: 'Run tsup-report validate to see and fix them, or add --skip-invalid to leave those rows out.',
    excluded: (rows, tables) =>
      `${rows} row(s)${tables > 0 ? ` and ${tables} table(s)` : ''} with errors were left out of the totals (--skip-invalid).`,
    noRecords: 'There are no records to count. Check the input files.',
    asOfBeforeStart: (asOf, start) => `The report month ${asOf} is before the start month ${start}. Check --month / --as-of.`,
    asOfOutsideYear: (asOf, fy) => `The report month ${asOf} is not in ${fy}. Check --fiscal-year and --as-of.`,
    xlsxNeedsOut: 'The xlsx format needs --out FILE.xlsx.',
    outIsInput: (path) => `The output ${path} is one of the inputs. Choose another name so the input is not overwritten.`,
    written: (path) => `Wrote ${path}.`,
    cannotWrite: (path, reason) => `Could not write ${path}: ${reason}`,
  },
  usage: {
    badMonth: (option, value) => `${option} "${value}" is not a month. Use the form 2022-02.`,
    badFiscalYear: (value) => `--fiscal-year "${value}" is not a fiscal year. Use 2021, R3 or 令和3.`,
    badFormat: (value, allowed) => `--format "${value}" is not available. Use one of: ${allowed.join(', ')}`,
    badEncoding: (value, allowed) => `--encoding "${value}" is not available. Use one of: ${allowed.join(', ')}`,
    badNumber: (option, value) => `${option} "${value}" is not accepted. Give a whole number of 1 or more.`,
    noInputs: 'Name at least one input file or folder.',
    stdinTwice: 'Standard input (-) can be named only once.',
    badKind: (value, allowed) => `--kind "${value}" is not available. Use one of: ${allowed.join(', ')}`,
    templateNeedsOut: 'Name the workbook to write with --out FILE.xlsx.',
    annotateNeedsXlsx: 'Name the .xlsx workbook to write with --annotate FILE.xlsx.',
    wouldOverwrite: (path) => `${path} already exists and is never overwritten. Choose another name or move it first.`,
  },
  config: {
    invalid: (file) => `The config ${file} has errors:`,
    unreadable: (file, reason) => `Cannot read the config file ${file}: ${reason}`,
    notJson: (file, reason) => `The config file ${file} is not valid JSON: ${reason}`,
    required: 'is required',
    expected: (what) => `expected ${what}`,
    got: (value) => `, got ${value}`,
    typeName: { number: 'a number', string: 'a string', boolean: 'true or false', array: 'a list [...]', object: 'an object {...}' },
    atLeast: (min) => `expected a number ≥ ${min}`,
    atMost: (max) => `expected a number ≤ ${max}`,
    atLeastItems: (min) => `needs at least ${min} item(s)`,
    notEmpty: 'must not be empty',
    wholeNumber: 'expected a whole number',
    monthFormat: 'expected a month like 2021-08 (YYYY-MM)',
    unknownKeys: (keys) => `unknown key(s): ${keys.join(', ')}`,
    duplicateLabel: (text, first) => `"${text}" reads the same as "${first}" in the same list, so a log value could not be told apart`,
    unknownMetric: (metric, known) => `no metric "${metric}"; known metrics: ${known.join(', ')}`,
    unknownMetricLabel: (metric, label, listName) => `metric "${metric}": "${label}" is not in ${listName}`,
    duplicateTargetId: (id) => `target id "${id}" is used twice`,
    evaluationOrder: 'levels must be ordered from the highest min down',
    evaluationFloor: 'the last level must have min 0, so that every result gets an evaluation',
  },
  progress: (file, rows) => `Reading ${file} (${groupDigits(rows)} rows)`,
  internalError: (detail) =>
    `Internal error (a bug in tsup-report, not a problem with your files). Please report this text and the command you ran.\n${detail}`,
};
