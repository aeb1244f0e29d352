import { createReadStream } from 'node:fs';
import { systemReason } from './csv.js';
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
  // exceljs's streaming reader now and then fails on a sound workbook under load: twice in about
  // a dozen full test runs it finished its zip entries before reading xl/workbook.xml and threw
  // on the missing model. A failure before any sheet was handed on is therefore tried once more
  // from a fresh stream; a damaged file fails both times and is reported as damaged. Known
  // upstream as exceljs#3064: a worksheet reached before xl/workbook.xml, which exceljs's own
  // writer puts last (a fix reading the zip's central directory is proposed in protobi/exceljs#86).
  let handedOn = false;
  for (let attempt = 1; ; attempt++) {
    try {
      for await (const table of readWorkbookOnce(source)) {
        handedOn = true;
        yield table;
      }
      return;
    } catch (error) {
      const retry = !handedOn && attempt === 1 && source.path !== null && error instanceof ReadError && error.detail.reason === 'corrupt-xlsx';
      if (!retry) throw error;
    }
  }
}

async function* readWorkbookOnce(source: InputSource): AsyncGenerator<RawTable> {
  const { default: ExcelJS } = await import('exceljs');
  const guard = new StallGuard();
  const input: NodeJS.ReadableStream = source.path !== null ? createReadStream(source.path, { flags: 'r' }) : source.open();
  input.on('data', () => guard.progress());
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input as never, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as StreamWorkbook;

  let sheets = 0;
  try {
    const worksheets = reader[Symbol.asyncIterator]();
    for (let next = await guard.race(worksheets.next()); !next.done; next = await guard.race(worksheets.next())) {
      sheets++;
      const worksheet = next.value;
      const date1904 = reader.properties?.model?.date1904 === true;
      yield {
        file: source.name,
        sheet: worksheet.name ?? `Sheet${sheets}`,
        format: 'xlsx',
        encoding: null,
        rows: worksheetRows(worksheet, date1904, guard),
      };
    }
  } catch (error) {
    throw asReadError(error);
  } finally {
    guard.dispose();
    (input as { destroy?: () => void }).destroy?.();
  }
  if (sheets === 0) throw new ReadError('unreadable-file', { reason: 'not-workbook' });
}

/** Rows handed on together, so the consumer awaits once per batch. */
const BATCH_ROWS = 256;

async function* worksheetRows(worksheet: StreamWorksheet, date1904: boolean, guard: StallGuard): AsyncGenerator<RawRow[]> {
  let lastRow = 0;
  let batch: RawRow[] = [];
  try {
    const rows = worksheet[Symbol.asyncIterator]();
    for (let next = await guard.race(rows.next()); !next.done; next = await guard.race(rows.next())) {
      const row = next.value;
      guard.progress();
      lastRow = row.number;
      const cells: CellValue[] = [];
      for (let column = 1; column <= row.cellCount; column++) {
        const cell = row.getCell(column);
        cells.push(cellValue(cell.value, cell.numFmt, date1904));
      }
      batch.push({ row: row.number, cells });
      if (batch.length === BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    throw asReadError(error, lastRow + 1);
  }
  if (batch.length > 0) yield batch;
}

/** Seconds without a byte read or a row parsed after which a workbook counts as stalled. */
const STALL_SECONDS = 3;

/**
 * Some damaged zips make the unzip stream wait forever for data that never comes, with nothing
 * left running: the process would simply end, reporting nothing. The guard watches for progress
 * (bytes read, rows parsed) and, after STALL_SECONDS without any, fails the read as damaged.
 */
class StallGuard {
  private ticks = 0;
  private readonly timer: NodeJS.Timeout;
  /** Rejects the step being awaited now. One per step, so nothing piles up over a million rows. */
  private failCurrent: ((error: Error) => void) | undefined;

  constructor() {
    let seen = 0;
    let idle = 0;
    this.timer = setInterval(() => {
      if (this.ticks !== seen) {
        seen = this.ticks;
        idle = 0;
      } else if (++idle >= STALL_SECONDS) {
        this.failCurrent?.(new ReadError('unreadable-file', { reason: 'corrupt-xlsx' }));
      }
    }, 1000);
  }

  progress(): void {
    this.ticks++;
  }

  race<T>(step: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.failCurrent = reject;
      step.then(resolve, reject);
    });
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}

function asReadError(error: unknown, row: number | null = null): ReadError {
  if (error instanceof ReadError) return error;
  const reason = systemReason(error);
  // Anything that is not a file-system failure is the workbook's own damage.
  return new ReadError('unreadable-file', { reason: reason === 'other' ? 'corrupt-xlsx' : reason }, row);
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
