import { configEn } from './config.en.js';
import { suppressionEn } from './suppression.en.js';
import { comparisonOmittedEn, compareEn, yearOmittedEn } from './compare.en.js';
import { combineEn } from './combine.en.js';
import type { Place, ProblemDetail } from '../problems.js';
import { enCli } from './cli.en.js';
import { annotatedEn } from './annotated.en.js';
import { attributeConfigEn, attributeIssuesEn } from './attributes.en.js';
import { reportPartsEn } from './report-parts.en.js';
import { groupDigits, type Messages } from './types.js';

const list = (items: readonly string[]): string => items.map((s) => `"${s}"`).join(', ');
const places = (items: readonly Place[] | undefined): string => (items ?? []).map((p) => en.place.where(p)).join('; ');
const table = (other: ProblemDetail['other']): string =>
  other === undefined ? '' : other.sheet === null ? other.file : `${other.file} sheet "${other.sheet}"`;

export const en: Messages = {
  ...enCli,
  ...compareEn,
  ...combineEn,
  kindName: { intake: 'consultation log', ibasho: 'gathering log', distribution: 'handout log', support: 'support log' },
  issue: {
    'unreadable-file': (d) => en.unreadable[(d.reason as keyof Messages['unreadable']) ?? 'other'] ?? en.unreadable.other,
    'unsupported-format': (d) => en.refusedFormat[d.format ?? 'other'](d.extension ?? ''),
    'encoding-error': (d) =>
      `Garbled characters in ${d.column ? `column "${d.column}"` : 'this row'}. Check the file's character encoding: save it from Excel as "CSV UTF-8", or name the encoding with --encoding.`,
    'no-header': (d) =>
      d.reason === 'ambiguous'
        ? `The header row could be a ${(d.candidates ?? []).map((k) => en.kindName[k]).join(' or a ')}. Use the canonical headers (for example 受付日, 開催日, 配布日 or 実施日).`
        : d.reason === 'empty'
          ? 'The file is empty.'
          : d.reason === 'all-sheets-skipped'
            ? 'No sheet of this workbook has the header row of a log (one with 受付日, 開催日, 配布日 or 実施日).'
            : 'No header row in the first 10 rows. Put the headers (受付日, 受付方法, 主訴, 対応結果 …) in row 1 or right below the title.',
    'missing-column': (d) =>
      `The ${d.kind ? en.kindName[d.kind] : 'log'} lacks required column(s): ${list(d.missing ?? [])}. Add them or check the header names.`,
    'missing-value': (d) => `"${d.column}" is empty. Fill it in.`,
    'invalid-date': (d) => `"${d.value}" in "${d.column}" is not a date. ${en.dateProblem[d.dateProblem ?? 'unrecognised']}`,
    'future-date': (d) => `"${d.value}" in "${d.column}" is in the future (today is ${d.today}). Check the entry.`,
    'unknown-value': (d) =>
      d.value === undefined
        ? `The value in "${d.column}" matches none of the configured labels (the value itself is not shown here). Allowed: ${(d.allowed ?? []).join(', ')}`
        : `"${d.value}" in "${d.column}" is not in the configured list.${d.suggestion ? ` Did you mean "${d.suggestion}"?` : ''} Allowed: ${(d.allowed ?? []).join(', ')}`,
    'invalid-number': (d) => `"${d.value}" in "${d.column}" is not accepted. ${en.numberProblem[d.numberProblem ?? 'not-a-number']}`,
    'duplicate-id-conflict': (d) =>
      `受付番号 "${d.value}" is also used by a row with different content (${places(d.otherPlaces)}). Decide which is right and fix the number or the content; every row with this number was left out of the totals.`,
    'duplicate-row': (d) =>
      `A row with 受付番号 "${d.value}" and the same content already exists (${places(d.otherPlaces)}), as when a month is exported twice. Counted once.`,
    'outside-service-days': (d) =>
      `${d.value} is ${d.dayType === 'holiday' ? `a national holiday (${d.holidayNameEn ?? d.holidayName ?? ''})` : d.dayType === 'year-end' ? 'in the year-end closure (12/29–1/3)' : d.dayType === 'saturday' ? 'a Saturday' : 'a Sunday'}, when "${d.channel}" is not open. Check the date.`,
    'sheet-skipped': () =>
      'This sheet has no header row of a log (one with 受付日, 開催日, 配布日 or 実施日), so it was skipped as not a log.',
    'total-row': () => 'Taken as a total or count line and not counted.',
    'example-row': () => "The template's example row (記入例), left as the template wrote it: not counted.",
    'duplicate-file': (d) => `This file has exactly the same bytes as ${d.other?.file ?? ''} (a copy). It was read once.`,
    'duplicate-table': (d) =>
      `These are the same records as ${table(d.other)} (the same month saved in another form?). They were counted once.`,
    'overlapping-table': (d) =>
      `Every row of this table is also in ${table(d.other)} (a cumulative export beside the monthly files?). So that nothing is counted twice, this table was not counted.`,
    'not-a-log': () => 'No header of a log (受付日, 受付方法, 開催日, 配布日 …), so the file was skipped as not a log.',
    'open-in-excel': (d) =>
      `${d.workbook ?? ''} is open in Excel right now (this is its lock file). Changes not yet saved are not in this run: save and close it, then run again.`,
    'struck-through': (d) =>
      `Rows are struck through (${en.place.rows(d.rows ?? [], d.rows?.length ?? 0)}). They are counted; if they are cancelled entries, delete the rows.`,
    'no-data-rows': () => 'There are no data rows below the header.',
    'empty-month': (d) => `There is no consultation at all in ${d.month ?? ''}. Check that the month's file was not left out.`,
    'far-date': (d) =>
      `Dated ${d.month ?? ''}: more than a year away from fiscal year ${d.fiscalYear}. Check the year for a typing slip (these rows are not in this report).`,
    'comparison-omitted': comparisonOmittedEn,
    'year-omitted': yearOmittedEn,
    skipped: (d) => en.skipReason[d.skip ?? 'other-format'],
    'id-is-row-number': (d) =>
      `"${d.column}" numbers the rows 1, 2, 3 … and clashes with other files' numbers, so it is taken as a row number, not a 受付番号 (not used to find duplicates).`,
    'extra-column': (d) => `Column "${d.column}" is not used and was skipped (its contents are never output).`,
    ...attributeIssuesEn,
  },
  dateProblem: {
    unrecognised: 'Write it like 2021/8/12, 2021年8月12日, 令和3年8月12日 or R3.8.12.',
    'no-year': 'The year is missing. Write it like 2021/8/12.',
    nonexistent: 'That day does not exist (check the month and day).',
    'era-range': 'That era has no such date (令和 starts on 2019-05-01, 平成 ends on 2019-04-30).',
    'serial-range': 'As an Excel date serial it is out of range (years 2000–2099).',
    'unsaved-formula':
      'This is a formula whose result was never saved (a workbook written by another program). Open it in Excel and save it again.',
  },
  numberProblem: {
    'not-a-number': 'Enter a whole number of 0 or more.',
    'not-whole': 'Enter a whole number (no decimals).',
    negative: 'Negative numbers are not accepted.',
    zero: 'Enter 1 or more (delete rows with no handout).',
    'too-large': 'The number is too large.',
    'unsaved-formula':
      'This is a formula whose result was never saved (a workbook written by another program). Open it in Excel and save it again.',
  },
  unreadable: {
    'not-found': 'File or folder not found. Check the name and the place.',
    permission: 'No permission to open this file.',
    'is-directory': 'This is a folder; name a file.',
    'empty-folder': 'The folder is empty. Name the folder that holds the log files.',
    'corrupt-xlsx': 'The Excel file is damaged or cut short. Open it in Excel and save it again.',
    'not-workbook': 'This is a ZIP file but not an Excel workbook. Open it in Excel and save it as "Excel Workbook (.xlsx)".',
    'too-large':
      'The workbook is too large (more than 32 MB of sheet data, about 100,000 rows). Save it from Excel as "CSV UTF-8", which is read whatever its size.',
    'text-as-xlsx':
      'The name ends in .xlsx but the file is not an Excel workbook (a renamed CSV?). Open it in Excel and save it as "Excel Workbook (.xlsx)".',
    'csv-syntax': 'The CSV is malformed (for example a quote " that is never closed).',
    'no-space': 'A temporary file could not be written. Check the free disk space.',
    busy: 'The file is open in another program (Excel?). Close it and run again.',
    other: 'The file could not be read.',
  },
  refusedFormat: {
    xls: () =>
      'The old Excel format (.xls) cannot be read, so this month would be missing from the totals. Open it in Excel, choose "Save As" and "Excel Workbook (.xlsx)".',
    ods: () =>
      'LibreOffice\'s format (.ods) cannot be read, so this month would be missing from the totals. Open it in LibreOffice Calc, choose "Save As" and the file type "Excel 2007-365 (.xlsx)".',
    xlsb: () => 'Excel binary workbooks (.xlsb) cannot be read. Open it in Excel and save it as "Excel Workbook (.xlsx)".',
    numbers: () => 'Numbers files cannot be read. In Numbers choose "Export To" → "Excel" and save as .xlsx.',
    et: () => 'WPS Spreadsheets files (.et) cannot be read. Save it as "Excel Workbook (.xlsx)".',
    encrypted: () => 'Password-protected (encrypted) workbooks cannot be read. Remove the password in Excel and save as .xlsx.',
    other: (extension) =>
      `This format (${extension || 'no extension'}) cannot be read as a log. Save the log as CSV (.csv) or an Excel workbook (.xlsx).`,
  },
  skipReason: {
    'own-output': 'A report or annotated copy written by this tool: not read as a log.',
    hidden: 'A hidden file: skipped.',
    system: 'A file the system makes (Thumbs.db …): skipped.',
    'other-format': 'Not a log format (.csv .tsv .txt .xlsx .xlsm): skipped.',
    'lock-file': 'An Excel lock file: skipped.',
    'not-a-log': 'Not a log: skipped.',
    config: 'The config file.',
  },
  severity: { error: 'error', warning: 'warning', info: 'info' },
  place: {
    stdin: '(standard input)',
    row: (row) => `row ${row}`,
    sheet: (sheet) => `sheet "${sheet}"`,
    at: (row, cell, column) =>
      [row === null ? null : `row ${row}`, cell, column === null ? null : `(${column})`].filter((p) => p !== null).join(' '),
    where: (p) => [p.file, p.sheet === null ? null : `sheet "${p.sheet}"`, `row ${p.row}`].filter((x) => x !== null).join(' '),
    rows: (rows, count) =>
      `row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}${count > rows.length ? ` and ${groupDigits(count - rows.length)} more` : ''}`,
    run: '(all inputs)',
  },
  validate: {
    tableLine: (kind, headerRow, rows) => `${kind} (header in row ${headerRow}, ${groupDigits(rows)} data rows)`,
    ok: 'No problems found.',
    summary: (errors, warnings, infos) => `${errors} error(s), ${warnings} warning(s), ${infos} info`,
    more: (count) => `${count} more not shown (raise --max-errors, or use --format json to see all).`,
    rejectedRows: (count) => `Rows left out of the totals because of errors: ${groupDigits(count)}`,
    outsidePeriod: ' (in rows outside the report period, so the report goes ahead)',
    repeated: (rows) => `[the same on ${rows}]`,
  },
  summary: {
    files: (read, skipped, duplicate, refused) =>
      `Files: ${read} read, ${skipped} skipped, ${duplicate} duplicate, ${refused} not readable`,
    rows: (counted, outOfPeriod, duplicate, rejected, other) =>
      `Rows: counted ${groupDigits(counted.intake)} consultations, ${groupDigits(counted.ibasho)} gatherings, ${groupDigits(counted.distribution)} handout rows${counted.support === undefined ? '' : `, ${groupDigits(counted.support)} support actions`}; ${groupDigits(outOfPeriod)} out of period, ${groupDigits(duplicate)} duplicate, ${groupDigits(rejected)} with errors, ${groupDigits(other)} blank or total lines`,
    config: (file) => (file === null ? 'Config: the built-in default (高崎市社会福祉協議会)' : `Config: ${file}`),
    configBeside: (file) => `Note: the config ${file} beside the inputs is not in use (use it with --config ${file}).`,
    named: (what, file, detail) =>
      `${what === 'duplicate' ? 'Duplicate' : what === 'skipped' ? 'Skipped' : 'Not readable'}: ${file}${detail === '' ? '' : ` (${detail})`}`,
  },
  report: {
    refused: (errors) => `The inputs have ${errors} error(s), so no report was made.`,
    refusedHint: 'Run tsup-report validate to see and fix them, or add --skip-invalid to leave those rows out.',
    refusedConfigHint: (file) =>
      `Most errors are values the config does not list, and the config beside the logs, ${file}, is not in use. To use it, add --config "${file}" (--skip-invalid would leave most rows out).`,
    excluded: (rows, tables) =>
      `${rows} row(s)${tables > 0 ? ` and ${tables} table(s)` : ''} with errors were left out of the totals (--skip-invalid).`,
    refusedUnreadableHint:
      'An input that cannot be read would leave its records out of the figures, so no report is made. Do as the message above says, or leave that input out, then run again.',
    noRecords: 'There are no records to count. Check the input files.',
    asOfBeforeStart: (asOf, start) => `The report month ${asOf} is before the start month ${start}. Check --month / --as-of.`,
    asOfOutsideYear: (asOf, fy) => `The report month ${asOf} is not in ${fy}. Check --fiscal-year and --as-of.`,
    emptyPeriod: (fy, start, asOf, available) =>
      `There is no record at all in ${fy} from ${start} to ${asOf}, so no report was made. A slip of the year? Records exist in ${available}.`,
    xlsxNeedsOut: 'The xlsx format needs --out FILE.xlsx.',
    outIsInput: (path) => `The output ${path} is one of the inputs. Choose another name so the input is not overwritten.`,
    written: (path) => `Wrote ${path}.`,
    cannotWrite: (path, reason) => `Could not write ${path}: ${reason}`,
  },
  usage: {
    badMonth: (option, value) => `${option} "${value}" is not a month. Use the form 2022-02.`,
    badFiscalYear: (value) => `--fiscal-year "${value}" is not a fiscal year. Use 2021, R3 or 令和3.`,
    badFormat: (value, allowed) => `--format "${value}" is not available. Use one of: ${allowed.join(', ')}`,
    badOutName: (out, extension, suggestion, allowed) =>
      `${extension === '' ? `--out "${out}" has no extension` : `--out: the tool cannot write a "${extension}" file`}; give a name such as "${suggestion}" (extensions: ${allowed.join(' ')}).`,
    badEncoding: (value, allowed) => `--encoding "${value}" is not available. Use one of: ${allowed.join(', ')}`,
    badNumber: (option, value) => `${option} "${value}" is not accepted. Give a whole number of 1 or more.`,
    noInputs: 'Name at least one input file or folder.',
    stdinTwice: 'Standard input (-) can be named only once.',
    badKind: (value, allowed) => `--kind "${value}" is not available. Use one of: ${allowed.join(', ')}`,
    templateNeedsOut: 'Name the workbook to write with --out FILE.xlsx.',
    appNeedsOut: 'Give the file to write with --out, ending in .html, e.g. --out tsup-report.html',
    annotateNeedsXlsx: 'Name the .xlsx workbook to write with --annotate FILE.xlsx.',
    wouldOverwrite: (path) => `${path} already exists and is never overwritten. Choose another name or move it first.`,
  },
  ...configEn,
  ...suppressionEn,
  progress: (file, rows) => `Reading ${file} (${groupDigits(rows)} rows)`,
  app: {
    title: "tsup-report: women's support programme reports",
    lead: "Choose the intake, gathering and handout logs (Excel workbooks or CSV): the page checks them and makes the fiscal year's cumulative report.",
    privacy: 'Files are read on this PC only. Nothing is sent anywhere or stored; closing the tab forgets everything.',
    otherLanguage: '日本語',
    steps: { files: '1. Choose the log files', report: 'Report', problems: 'Check results', inputs: 'Files read', downloads: 'Downloads' },
    dropHint: 'Drag files or folders here',
    chooseFiles: 'Choose files',
    chooseFolder: 'Choose a folder',
    configLabel: 'Config file (optional)',
    configHint:
      'A tsup-report.config.json with targets and lists. Without one, the page uses one found among the logs, or the built-in config.',
    configFromFiles: (file) => `Config: ${file}, found among the chosen files.`,
    configChosen: (file) => `Config: ${file}, chosen as the config file.`,
    configUnused: (file) => `Note: the config file ${file} is not used (choose it as the config file to use it).`,
    compareUsed: (file, year) => `Compared with the same months a year earlier: ${file} (the report of ${year}).`,
    reportUnused: (file, year) =>
      `Note: the report ${file}${year ? ` (${year})` : ''} is not used: it is not of the year before the report's.`,
    reportsHint:
      "Reports this tool wrote (JSON) can be chosen too. Last year's report chosen with the logs is compared with; reports alone, of several councils or windows, are combined into one (the same year and months, none with hidden counts).",
    combineNeedsTwo: (given) => `Choose at least two reports (JSON) to combine (${given} chosen).`,
    combineRefused: (count) => `${count} file(s) cannot be combined:`,
    combinedSource: 'combined',
    kindLabel: 'Report',
    kind: { monthly: 'Monthly (cumulative table)', annual: 'Annual (achievement summary)' },
    fiscalYearLabel: 'Fiscal year',
    asOfLabel: 'Up to month',
    suppressLabel: 'Hide small counts (below this number, shown as x; empty: hide none)',
    suppressName: 'Hide small counts',
    suppressHint: 'For published figures, so that nobody can be recognised from a small count.',
    skipInvalidLabel: 'Leave out rows with errors',
    status: {
      idle: 'Choose the log files.',
      working: 'Reading…',
      ready: 'Done.',
      error: 'The report could not be made. The reason is below.',
    },
    reading: (file, rows) => `Reading ${file} (${groupDigits(rows)} rows)…`,
    filesChosen: (count) => `${count} file${count === 1 ? '' : 's'}`,
    inputColumns: { file: 'File', status: 'Status', note: 'Note' },
    inputStatus: { read: 'read', skipped: 'skipped', duplicate: 'duplicate', refused: 'not readable', config: 'config file' },
    duplicateOf: (file) => `Same content as ${file}; counted once.`,
    fileChanged: 'A file was changed (or moved) after it was chosen and could not be read. Choose it again.',
    dropFailed: 'The dropped folder could not be read (no permission, or a path too long). Choose it with "Choose a folder".',
    problemsNone: 'No problems found.',
    problemsMore: (count) => `${groupDigits(count)} more. Download the annotated copy to see every one.`,
    refusedHint: 'See the check results below, fix the files and choose them again, or tick "Leave out rows with errors".',
    download: {
      xlsx: 'Excel (.xlsx)',
      md: 'Markdown (.md)',
      html: 'Web page (.html)',
      csv: 'CSV (.csv)',
      json: 'JSON (.json)',
      annotated: 'Annotated copy of the logs (.xlsx)',
      template: 'Entry template (.xlsx)',
    },
    downloadsHint: 'A report is saved on this PC only when you download it.',
    annotatedHint: 'The annotated copy holds the logs as they are, notes included: handle it with care.',
  },
  sentenceTemplate: {
    unknownPlaceholder: (placeholder, known) => `this sentence has no placeholder ${placeholder}; it knows ${known.join(', ')}`,
  },
  supportConfig: {
    reservedAgency: (label) =>
      `"${label}" names the row of support actions without a 連携先, so no agency can be called that; choose another name`,
  },
  attributeConfig: attributeConfigEn,
  annotated: annotatedEn,
  reportParts: reportPartsEn,
  internalError: (detail) =>
    `Internal error (a bug in tsup-report, not a problem with your files). Please report this text and the command you ran.\n${detail}`,
};
