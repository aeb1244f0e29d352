import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { readCsv, systemReason } from './csv.js';
import { readXlsx } from './xlsx.js';
import {
  ReadError,
  type InputSource,
  type RawTable,
  type ReadFailure,
  type ReadOptions,
  type TableOrFailure,
} from './types.js';

export const CSV_EXTENSIONS = ['.csv', '.tsv', '.txt'];
export const XLSX_EXTENSIONS = ['.xlsx', '.xlsm'];
const READABLE_EXTENSIONS = [...CSV_EXTENSIONS, ...XLSX_EXTENSIONS];

export type ResolvedInput = InputSource | ReadFailure;

/**
 * Turns the command line's inputs into sources: files as given, directories as their readable
 * files sorted by name (Excel's own `~$` lock files and hidden files left out), `-` as standard input.
 */
export async function resolveInputs(args: readonly string[], stdin: () => NodeJS.ReadableStream): Promise<ResolvedInput[]> {
  const resolved: ResolvedInput[] = [];
  for (const arg of args) {
    if (arg === '-') {
      resolved.push({ name: '-', path: null, open: stdin });
      continue;
    }
    let info;
    try {
      info = await stat(arg);
    } catch (error) {
      resolved.push(failure(arg, new ReadError('unreadable-file', { reason: systemReason(error) })));
      continue;
    }
    if (!info.isDirectory()) {
      resolved.push(fileSource(arg));
      continue;
    }
    const names = (await readdir(arg))
      .filter((name) => !name.startsWith('~$') && !name.startsWith('.'))
      .filter((name) => READABLE_EXTENSIONS.includes(path.extname(name).toLowerCase()))
      .sort();
    if (names.length === 0) resolved.push(failure(arg, new ReadError('unreadable-file', { reason: 'directory' })));
    for (const name of names) resolved.push(fileSource(path.join(arg, name)));
  }
  return resolved;
}

function fileSource(file: string): InputSource {
  return { name: file, path: file, open: () => createReadStream(file, { flags: 'r' }) };
}

function failure(file: string, error: ReadError, sheet: string | null = null): ReadFailure {
  return { failure: true, file, sheet, row: error.row, code: error.code, detail: error.detail };
}

/** Reads every source in turn. A source that cannot be read becomes a failure item; the others go on. */
export async function* readInputs(inputs: readonly ResolvedInput[], options: ReadOptions): AsyncGenerator<TableOrFailure> {
  for (const input of inputs) {
    if ('failure' in input) {
      yield input;
      continue;
    }
    let current: RawTable | undefined;
    try {
      const reader = await pickReader(input);
      for await (const table of reader(input, options)) {
        current = table;
        yield table;
      }
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      yield failure(input.name, error, current?.sheet ?? null);
    }
  }
}

type Reader = (source: InputSource, options: ReadOptions) => AsyncIterable<RawTable>;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Chooses a reader by the file's first bytes, so a workbook saved under the wrong extension is still understood. */
async function pickReader(source: InputSource): Promise<Reader> {
  if (source.path === null) return readCsv;
  const extension = path.extname(source.path).toLowerCase();
  const head = await firstBytes(source.path, 8);
  if (startsWith(head, OLE_MAGIC)) {
    // The OLE container is both the legacy .xls format and the wrapper Excel puts around encrypted .xlsx.
    const format = extension === '.xls' ? 'xls' : (await isEncryptedPackage(source.path)) ? 'encrypted' : 'xls';
    throw new ReadError('unsupported-format', { format });
  }
  if (startsWith(head, ZIP_MAGIC)) return readXlsx;
  if (extension === '.xls') throw new ReadError('unsupported-format', { format: 'xls' });
  if (XLSX_EXTENSIONS.includes(extension)) {
    throw new ReadError('unreadable-file', { reason: 'corrupt-xlsx' });
  }
  if (!CSV_EXTENSIONS.includes(extension)) throw new ReadError('unsupported-format', { format: extension || '?' });
  return readCsv;
}

async function firstBytes(file: string, count: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    throw new ReadError('unreadable-file', { reason: systemReason(error) });
  } finally {
    await handle?.close();
  }
}

function startsWith(buffer: Buffer, magic: number[]): boolean {
  return magic.every((byte, i) => buffer[i] === byte);
}

/** An encrypted workbook's OLE directory names a stream "EncryptedPackage" (UTF-16LE). */
async function isEncryptedPackage(file: string): Promise<boolean> {
  const marker = Buffer.from('EncryptedPackage', 'utf16le');
  const stream = createReadStream(file, { flags: 'r', highWaterMark: 64 * 1024 });
  let previousTail = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const window = Buffer.concat([previousTail, chunk]);
    if (window.includes(marker)) {
      stream.destroy();
      return true;
    }
    previousTail = window.subarray(Math.max(0, window.length - marker.length));
  }
  return false;
}
