import { ReadError, type CellValue, type InputSource, type RawRow, type RawTable } from './types.js';

interface StreamCell {
  value: unknown;
  numFmt?: string;
}
interface StreamRow {
  number: number;
  cellCount: number;
  getCell(column: number): StreamCell;
}
interface StreamWorksheet extends AsyncIterable<StreamRow> {
  name?: string;
}
interface StreamWorkbook extends AsyncIterable<StreamWorksheet> {
  properties?: { model?: { date1904?: boolean } };
}

/**
 * Every worksheet of a workbook is a table, read with exceljs's streaming reader so that memory
 * stays flat however many rows there are. Sheets arrive in workbook order; each must be read
 * through before the next.
 */
export async function* readXlsx(source: InputSource): AsyncGenerator<RawTable> {
  if (source.path !== null) await refuseZipBomb(source.path);
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source.path ?? (source.open() as never), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as StreamWorkbook;

  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      sheets++;
      const date1904 = reader.properties?.model?.date1904 === true;
      yield {
        file: source.name,
        sheet: worksheet.name ?? `Sheet${sheets}`,
        format: 'xlsx',
        encoding: null,
        rows: worksheetRows(worksheet, date1904),
      };
    }
  } catch (error) {
    throw asReadError(error);
  }
  if (sheets === 0) throw new ReadError('unreadable-file', { reason: 'not-workbook' });
}

async function* worksheetRows(worksheet: StreamWorksheet, date1904: boolean): AsyncGenerator<RawRow> {
  let lastRow = 0;
  try {
    for await (const row of worksheet) {
      lastRow = row.number;
      const cells: CellValue[] = [];
      for (let column = 1; column <= row.cellCount; column++) {
        const cell = row.getCell(column);
        cells.push(cellValue(cell.value, cell.numFmt, date1904));
      }
      yield { row: row.number, cells };
    }
  } catch (error) {
    throw asReadError(error, lastRow + 1);
  }
}

function asReadError(error: unknown, row: number | null = null): ReadError {
  if (error instanceof ReadError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ReadError('unreadable-file', { reason: 'not-found' });
  if (code === 'EACCES' || code === 'EPERM') return new ReadError('unreadable-file', { reason: 'permission' });
  return new ReadError('unreadable-file', { reason: 'corrupt-xlsx' }, row);
}

/** Turns one exceljs cell value into what the tool reads: text, number, date, boolean or an error cell. */
export function cellValue(value: unknown, numFmt: string | undefined, date1904: boolean): CellValue {
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
      if (typeof v.result === 'number' && isDateFormat(numFmt)) return excelSerialToDate(v.result, date1904);
      return cellValue(v.result, undefined, date1904);
    }
    if ('text' in v) return cellValue(v.text, numFmt, date1904);
  }
  return String(value);
}

/** The same test exceljs applies to plain cells: a number format with date letters outside quotes and brackets. */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhMsb]+/u.test(numFmt.replace(/\[[^\]]*\]/gu, '').replace(/"[^"]*"/gu, ''));
}

function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** A part may expand this much before its compression ratio is looked at: real sheets of 1M rows stay below. */
const BOMB_MIN_BYTES = 100 * 1024 * 1024;
/** Real sheet XML compresses 5–20 times; a bomb of repeated bytes a thousand times. */
const BOMB_RATIO = 200;
/** No part of a workbook staff could have saved is this large. */
const PART_MAX_BYTES = 4 * 1024 * 1024 * 1024;

interface ZipDirectory {
  files: { path: string; compressedSize: number; uncompressedSize: number }[];
}

/**
 * Reads the zip's central directory (sizes only, nothing is inflated) and refuses a workbook
 * whose parts would expand far beyond anything Excel writes, before any of it is unpacked.
 */
async function refuseZipBomb(file: string): Promise<void> {
  const { Open } = await import('unzipper');
  let directory: ZipDirectory;
  try {
    directory = await Open.file(file);
  } catch (error) {
    throw asReadError(error);
  }
  for (const part of directory.files) {
    const ratio = part.uncompressedSize / Math.max(1, part.compressedSize);
    if (part.uncompressedSize > PART_MAX_BYTES || (part.uncompressedSize > BOMB_MIN_BYTES && ratio > BOMB_RATIO)) {
      throw new ReadError('unreadable-file', { reason: 'too-large' });
    }
  }
}
