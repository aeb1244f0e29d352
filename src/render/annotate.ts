import type { Messages } from '../messages/index.js';
import type { ShownProblem, ValidationResult } from '../pipeline.js';
import { ROWS_KEPT } from '../problems.js';
import { ProblemLog } from '../problem-log.js';
import { JAPANESE_FONT } from './font.js';
import { readSources, type InputEntry } from '../read/inputs.js';
import { OUTPUT_MARKER } from '../read/marker.js';
import { baseName } from '../read/sniff.js';
import type { CellValue, RawTable, ReadOptions, SourceFile } from '../read/types.js';
import { applyLayout, ContentWidths, workbookLayouts, type SheetLayout } from './annotate-layout.js';
import { problemMessage } from './validation.js';
import { displayWidth } from '../text.js';
import { loadWorkbookClass } from '../workbook.js';

type Worksheet = import('exceljs').Worksheet;
type Cell = import('exceljs').Cell;

const FILL = {
  error: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFC7CE' } },
  warning: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF2CC' } },
  info: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE2EFDA' } },
};
const RANK = { error: 0, warning: 1, info: 2 };
const MESSAGE_WIDTH = 90;
const FILE_WIDTH = 44;
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE8EEF7' } };
const NOTICE_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFCE4D6' } };
/** A font Japanese Excel has, named so that other programs pick a sans-serif Japanese face too. */
const FONT = JAPANESE_FONT;

/** Where the original of a copied sheet is laid out: its workbook's sheets, or null for a CSV. */
export type LayoutLookup = (file: string) => Promise<Map<string, SheetLayout> | null>;

/** An Excel sheet name: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = (wanted.replace(/[:\\/?*[\]]/gu, '_').trim() || 'Sheet').slice(0, 31);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - `(${n})`.length)}(${n})`;
  taken.add(name.toLowerCase());
  return name;
}

function copyValue(cell: Cell, value: CellValue): void {
  if (value === null) return;
  if (value instanceof Date) {
    cell.value = value;
    cell.numFmt = 'yyyy/m/d';
  } else if (typeof value === 'object') {
    // Error cells are copied as what they showed; a formula without a cached result as a marker.
    cell.value = value.error === '' ? '(=…)' : value.error;
  } else {
    // Strings go in as text cells: a value such as "=1+1" is never turned into a formula.
    cell.value = value;
  }
}

/**
 * `validate --annotate` and the page's annotated download: the inputs read once more, the same
 * way (the first pass kept no rows in memory), and copied with their problems marked.
 */
export async function annotateSources(
  sources: readonly SourceFile[],
  readOptions: ReadOptions,
  result: ValidationResult,
  m: Messages,
): Promise<Uint8Array> {
  const entries: InputEntry[] = [];
  async function* tables(): AsyncGenerator<RawTable> {
    for await (const source of readSources(sources, readOptions, new ProblemLog(), entries)) yield source.table;
  }
  const byName = new Map(sources.map((source) => [source.name, source]));
  const layouts: LayoutLookup = async (file) => {
    const source = byName.get(file);
    return source ? workbookLayouts(source) : null;
  };
  return renderAnnotated(tables(), [...result.errors, ...result.warnings], m, layouts);
}

/**
 * A copy of the inputs (each CSV as a sheet) with every problem cell coloured — errors red,
 * warnings yellow, info green — and carrying a note with the message, after a first sheet
 * (検証結果) that says the copy holds the inputs' free text and lists every problem with a link
 * to its cell. Each sheet keeps its original's widths, dropdowns and checks, and stays hidden if
 * it was; a CSV's columns are as wide as their content. The messages never quote free text.
 */
export async function renderAnnotated(
  tables: AsyncIterable<RawTable>,
  problems: readonly ShownProblem[],
  m: Messages,
  layouts: LayoutLookup = () => Promise.resolve(null),
): Promise<Uint8Array> {
  const Workbook = await loadWorkbookClass();
  const workbook = new Workbook();
  // The creator signs the notes on problem cells (patches/exceljs+4.4.0.patch).
  workbook.creator = 'tsup-report';
  // Marked as the tool's own output, so that it is passed over when saved among the logs.
  workbook.keywords = OUTPUT_MARKER;
  const words = m.annotated;
  const taken = new Set<string>([words.sheetName.toLowerCase()]);
  const summary = workbook.addWorksheet(words.sheetName);
  const copies = new Map<string, Worksheet>();
  const keyOf = (file: string | null, sheet: string | null): string => `${file ?? ''}\u0000${sheet ?? ''}`;
  const laidOut: { sheet: Worksheet; file: string; original: string }[] = [];

  for await (const table of tables) {
    const wanted = table.sheet ?? baseName(table.file).replace(/\.[^.]+$/u, '');
    const sheet = workbook.addWorksheet(sheetName(wanted, taken));
    copies.set(keyOf(table.file, table.sheet), sheet);
    // Columns as wide as their content; a workbook's own widths, where it set them, replace these below.
    const widths = new ContentWidths();
    for await (const batch of table.rows) {
      for (const raw of batch) {
        raw.cells.forEach((value, column) => {
          copyValue(sheet.getCell(raw.row, column + 1), value);
          widths.see(column, value instanceof Date ? '2000/12/31' : typeof value === 'object' || value === null ? '' : String(value));
        });
      }
    }
    widths.apply(sheet);
    sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    if (table.sheet !== null) laidOut.push({ sheet, file: table.file, original: table.sheet });
  }
  await copyLayouts(laidOut, layouts);

  // Each problem marks the cell of every row it lists (a problem repeated on many rows lists its first ones).
  const bySheetAndCell = new Map<string, ShownProblem[]>();
  for (const problem of problems) {
    const sheet = copies.get(keyOf(problem.file, problem.sheet));
    if (!sheet) continue;
    const column = problem.cell?.replace(/\d+$/u, '') ?? 'A';
    const rows = problem.rows.length > 0 ? problem.rows : [problem.row ?? 1];
    for (const row of rows) {
      const key = `${sheet.name}\u0000${column}${row}`;
      bySheetAndCell.set(key, [...(bySheetAndCell.get(key) ?? []), problem]);
    }
  }
  for (const [key, cellProblems] of bySheetAndCell) {
    const [name, address] = key.split('\u0000') as [string, string];
    const cell = workbook.getWorksheet(name)!.getCell(address);
    const worst = [...cellProblems].sort((a, b) => RANK[a.severity] - RANK[b.severity])[0]!;
    cell.fill = FILL[worst.severity];
    const lines = cellProblems.map((p) => `${m.severity[p.severity]}: ${problemMessage(p, m)}`);
    cell.note = [...new Set(lines)].join('\n');
  }

  writeSummary(summary, collapsed(problems, m), copies, keyOf, m);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Each copied sheet given its original's layout, sheets renamed in the copy renamed in its dropdowns' formulae too. */
async function copyLayouts(laidOut: readonly { sheet: Worksheet; file: string; original: string }[], layouts: LayoutLookup): Promise<void> {
  const files = new Map<string, { sheet: Worksheet; original: string }[]>();
  for (const { sheet, file, original } of laidOut) files.set(file, [...(files.get(file) ?? []), { sheet, original }]);
  for (const [file, sheets] of files) {
    const layout = await layouts(file);
    if (!layout) continue;
    const renames = new Map(
      sheets.filter(({ sheet, original }) => sheet.name !== original).map(({ sheet, original }) => [original, sheet.name]),
    );
    for (const { sheet, original } of sheets) {
      const sheetLayout = layout.get(original);
      if (sheetLayout) applyLayout(sheet, sheetLayout, renames);
    }
  }
}

/**
 * One line per problem as a person reads it: the same message of the same kind in the same file
 * and sheet (a month exported twice, the same warning on every row) is one line with its rows.
 */
function collapsed(problems: readonly ShownProblem[], m: Messages): ShownProblem[] {
  const lines = new Map<string, ShownProblem>();
  for (const problem of problems) {
    const key = [problem.severity, problem.code, problem.file, problem.sheet, problemMessage(problem, m)].join('\u0000');
    const line = lines.get(key);
    if (!line) {
      lines.set(key, { ...problem, rows: [...problem.rows] });
      continue;
    }
    const rows = [...line.rows, ...(problem.rows.length > 0 ? problem.rows : problem.row !== null ? [problem.row] : [])];
    if (line.rows.length === 0 && line.row !== null) rows.unshift(line.row);
    line.rows = [...new Set(rows)].sort((a, b) => a - b).slice(0, ROWS_KEPT);
    line.count += problem.count;
  }
  return [...lines.values()];
}

function writeSummary(
  summary: Worksheet,
  problems: readonly ShownProblem[],
  copies: ReadonlyMap<string, Worksheet>,
  keyOf: (file: string | null, sheet: string | null) => string,
  m: Messages,
): void {
  const words = m.annotated;
  const columns = words.columns;
  const widths = [8, FILE_WIDTH, 16, 7, 14, 14, 22, MESSAGE_WIDTH];
  widths.forEach((width, index) => (summary.getColumn(index + 1).width = width));
  summary.mergeCells(1, 1, 1, widths.length);
  const notice = summary.getCell(1, 1);
  notice.value = `${words.notice}\n${words.correctInOriginal}`;
  notice.font = { ...FONT, bold: true, color: { argb: 'FF9C0006' } };
  notice.fill = NOTICE_FILL;
  notice.alignment = { wrapText: true, vertical: 'middle' };
  summary.getRow(1).height = 36;
  const header = summary.addRow([
    columns.severity,
    columns.file,
    columns.sheet,
    columns.row,
    columns.cell,
    columns.column,
    columns.problem,
    columns.message,
  ]);
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });
  summary.views = [{ state: 'frozen', ySplit: 2 }];
  summary.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  summary.pageSetup.printTitlesRow = '1:2';
  for (const problem of problems) {
    const sheet = copies.get(keyOf(problem.file, problem.sheet));
    const message = `${problemMessage(problem, m)}${problem.count > 1 ? ` ${m.validate.repeated(m.place.rows(problem.rows, problem.count))}` : ''}`;
    const row = summary.addRow([
      m.severity[problem.severity],
      problem.file ?? m.place.run,
      // The tab staff will open: the copy's, with the original's name when the copy had to rename it.
      sheet && problem.sheet !== null && sheet.name !== problem.sheet
        ? words.renamedSheet(sheet.name, problem.sheet)
        : (problem.sheet ?? ''),
      problem.row ?? '',
      problem.cell ?? '',
      problem.column ?? '',
      words.problem[problem.code],
      message,
    ]);
    row.font = FONT;
    row.getCell(1).fill = FILL[problem.severity];
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(4).alignment = { vertical: 'top', horizontal: 'center' };
    // Spreadsheet programs do not grow rows to wrapped text written by a library: size them here,
    // generously, as text wraps at word and path breaks before the column's edge.
    const linesOf = (text: string, width: number): number => Math.ceil(displayWidth(text) / (width * 0.85));
    const lines = Math.max(linesOf(message, MESSAGE_WIDTH), linesOf(problem.file ?? '', FILE_WIDTH), 1);
    row.height = 15 * lines;
    if (sheet && sheet.state === 'visible') {
      const target = problem.cell ?? (problem.row !== null ? `A${problem.row}` : 'A1');
      row.getCell(5).value = { text: problem.cell ?? words.goToSheet, hyperlink: `#'${sheet.name.replace(/'/gu, "''")}'!${target}` };
      row.getCell(5).font = { ...FONT, color: { argb: 'FF0563C1' }, underline: true };
    }
  }
  if (problems.length === 0) summary.addRow(['', '', '', '', '', '', '', m.validate.ok]).font = FONT;
}
