import type { Messages } from '../messages/index.js';
import type { ShownProblem, ValidationResult } from '../pipeline.js';
import { ProblemLog } from '../problems.js';
import { readSources, type InputEntry } from '../read/inputs.js';
import { OUTPUT_MARKER } from '../read/marker.js';
import { baseName } from '../read/sniff.js';
import type { CellValue, RawTable, ReadOptions, SourceFile } from '../read/types.js';
import { problemMessage } from './validation.js';
import { displayWidth } from './width.js';
import { loadWorkbookClass } from '../workbook.js';

type Worksheet = import('exceljs').Worksheet;
type Cell = import('exceljs').Cell;

const FILL = {
  error: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFC7CE' } },
  warning: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF2CC' } },
  info: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE2EFDA' } },
};
const RANK = { error: 0, warning: 1, info: 2 };
const SUMMARY_SHEET = '検証結果';
const MESSAGE_WIDTH = 90;

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
  return renderAnnotated(tables(), [...result.errors, ...result.warnings], m);
}

/**
 * A copy of the inputs (each CSV as a sheet) with every problem cell coloured — errors red,
 * warnings yellow, info green — and carrying a note with the message, after a first sheet
 * 検証結果 listing every problem with a link to its cell. The copy keeps the user's own
 * content, free text included; the messages never quote free text.
 */
export async function renderAnnotated(
  tables: AsyncIterable<RawTable>,
  problems: readonly ShownProblem[],
  m: Messages,
): Promise<Uint8Array> {
  const Workbook = await loadWorkbookClass();
  const workbook = new Workbook();
  workbook.creator = 'tsup-report';
  // Marked as the tool's own output, so that it is passed over when saved among the logs.
  workbook.keywords = OUTPUT_MARKER;
  const taken = new Set<string>([SUMMARY_SHEET.toLowerCase()]);
  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  const copies = new Map<string, Worksheet>();
  const keyOf = (file: string | null, sheet: string | null): string => `${file ?? ''}\u0000${sheet ?? ''}`;

  for await (const table of tables) {
    const wanted = table.sheet ?? baseName(table.file).replace(/\.[^.]+$/u, '');
    const sheet = workbook.addWorksheet(sheetName(wanted, taken));
    copies.set(keyOf(table.file, table.sheet), sheet);
    for await (const batch of table.rows) {
      for (const raw of batch) raw.cells.forEach((value, column) => copyValue(sheet.getCell(raw.row, column + 1), value));
    }
  }

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
    cell.note = cellProblems.map((p) => `${m.severity[p.severity]}: ${problemMessage(p, m)}`).join('\n');
  }

  summary.columns = [
    { header: '種類', width: 8 },
    { header: 'ファイル', width: 36 },
    { header: 'シート', width: 16 },
    { header: '行', width: 7 },
    { header: 'セル', width: 8 },
    { header: '列', width: 14 },
    { header: 'コード', width: 22 },
    { header: '内容', width: MESSAGE_WIDTH },
  ];
  summary.getRow(1).font = { bold: true };
  summary.views = [{ state: 'frozen', ySplit: 1 }];
  summary.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  summary.pageSetup.printTitlesRow = '1:1';
  for (const problem of problems) {
    const sheet = copies.get(keyOf(problem.file, problem.sheet));
    const message = `${problemMessage(problem, m)}${problem.count > 1 ? ` ${m.validate.repeated(m.place.rows(problem.rows, problem.count))}` : ''}`;
    const row = summary.addRow([
      m.severity[problem.severity],
      problem.file ?? m.place.run,
      problem.sheet ?? '',
      problem.row ?? '',
      problem.cell ?? '',
      problem.column ?? '',
      problem.code,
      message,
    ]);
    row.getCell(1).fill = FILL[problem.severity];
    row.alignment = { vertical: 'top' };
    row.getCell(8).alignment = { wrapText: true, vertical: 'top' };
    // Spreadsheet programs do not grow rows to wrapped text written by a library: size them here.
    row.height = 15 * Math.max(1, Math.ceil(displayWidth(message) / MESSAGE_WIDTH));
    if (sheet) {
      const target = problem.cell ?? (problem.row !== null ? `A${problem.row}` : 'A1');
      row.getCell(5).value = { text: problem.cell ?? sheet.name, hyperlink: `#'${sheet.name.replace(/'/gu, "''")}'!${target}` };
      row.getCell(5).font = { color: { argb: 'FF0563C1' }, underline: true };
    }
  }
  if (problems.length === 0) summary.addRow(['', '', '', '', '', '', '', m.validate.ok]);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
