import { carriesOutputMarker } from './marker.js';
import { ReadError, type CellValue, type RawRow, type RawTable } from './types.js';
import type { ZipEntry } from './zip.js';
import { loadWorkbookClass } from '../workbook.js';

type Worksheet = import('exceljs').Worksheet;
type Cell = import('exceljs').Cell;

/**
 * The most sheet data (uncompressed XML of the worksheets and shared strings) a workbook may hold:
 * about 100,000 rows of a log. exceljs's reader keeps the whole workbook in memory, about 15 times
 * this size (~500 MB at the limit); a year of a council's logs is well under 1 MB.
 */
export const XLSX_DATA_LIMIT = 32 * 1024 * 1024;
/** Real sheet XML compresses 5–20 times; a zip bomb of repeated bytes a thousand times. */
const BOMB_RATIO = 200;
const BOMB_MIN_BYTES = 1024 * 1024;

export interface XlsxContent {
  /** The workbook carries the marker of the tool's own reports and annotated copies. */
  ownOutput: boolean;
  tables: RawTable[];
}

/**
 * Worksheet parts that hold layout, not values: left unparsed (a filled-in template carries a
 * data validation per column and row range). Cells, merged ranges and the styles that strike a
 * row through are still read.
 */
const LAYOUT_NODES = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'autoFilter',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
];

/**
 * Every worksheet of a workbook is a table, read with exceljs's full reader, which sees what
 * Excel shows: shared strings without their furigana, merged cells, every part whatever its
 * order in the zip (with the fixes in patches/exceljs+4.4.0.patch). Reading is in memory and
 * deterministic; workbooks beyond XLSX_DATA_LIMIT are refused before anything is unpacked.
 */
export async function readXlsx(name: string, bytes: Uint8Array, entries: readonly ZipEntry[]): Promise<XlsxContent> {
  refuseOversized(entries);
  const Workbook = await loadWorkbookClass();
  const workbook = new Workbook();
  try {
    // exceljs's types ask for a Node Buffer; it reads any Uint8Array.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: LAYOUT_NODES } as object);
  } catch {
    // Whatever exceljs (or the unzip under it) throws here is about these bytes: the file is damaged.
    throw new ReadError('unreadable-file', { reason: 'corrupt-xlsx' });
  }
  const ownOutput = carriesOutputMarker(workbook.keywords ?? '');
  return { ownOutput, tables: ownOutput ? [] : workbook.worksheets.map((sheet) => sheetTable(name, sheet)) };
}

function refuseOversized(entries: readonly ZipEntry[]): void {
  let data = 0;
  for (const entry of entries) {
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > BOMB_MIN_BYTES && ratio > BOMB_RATIO) throw new ReadError('unreadable-file', { reason: 'too-large' });
    if (/^\/?xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/u.test(entry.name)) data += entry.uncompressedSize;
  }
  if (data > XLSX_DATA_LIMIT) throw new ReadError('unreadable-file', { reason: 'too-large' });
}

function sheetTable(file: string, sheet: Worksheet): RawTable {
  return {
    file,
    sheet: sheet.name,
    format: 'xlsx',
    encoding: null,
    rows: (async function* () {
      const rows = sheetRows(sheet);
      if (rows.length > 0) yield rows;
    })(),
  };
}

/** The sheet's rows that hold anything, hidden and filtered-out rows included. */
function sheetRows(sheet: Worksheet): RawRow[] {
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: CellValue[] = [];
    let filled = 0;
    let struck = 0;
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const value = cellValue(cell.value);
      cells[column - 1] = value;
      if (value !== null && !(typeof value === 'string' && value.trim() === '')) {
        filled++;
        if (isStruck(cell)) struck++;
      }
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows.push(struck > 0 && struck === filled ? { row: number, cells, struck: true } : { row: number, cells });
  });
  return rows;
}

/** A cell drawn with a line through it: its font, or every run of its rich text. */
function isStruck(cell: Cell): boolean {
  if (cell.font?.strike) return true;
  const value = cell.value as { richText?: { font?: { strike?: boolean } }[] } | null;
  return Array.isArray(value?.richText) && value.richText.length > 0 && value.richText.every((run) => run.font?.strike === true);
}

/** Turns one exceljs cell value into what the tool reads: text, number, date, boolean or an error cell. */
export function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isNaN(value) ? { error: '#VALUE!' } : value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { error: '#VALUE!' } : value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((run) => run.text ?? '').join('');
    if (typeof v.error === 'string') return { error: v.error };
    if ('formula' in v || 'sharedFormula' in v) {
      // A formula whose workbook was never recalculated and saved has no cached result to read.
      if (v.result === undefined || v.result === null) return { error: '' };
      return cellValue(v.result);
    }
    // A hyperlink cell shows its text.
    if ('text' in v) return cellValue(v.text);
  }
  throw new Error(`unexpected exceljs cell value: ${Object.prototype.toString.call(value)}`);
}
