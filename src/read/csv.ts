import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Readable, type Transform } from 'node:stream';
import { detectEncoding } from './encoding.js';
import { parse, type Options } from 'csv-parse';
import { ReadError, type EncodingName, type InputSource, type RawRow, type RawTable, type ReadOptions } from './types.js';

const HEAD_BYTES = 64 * 1024;
/** Files from this size up are parsed on a worker thread (about 100,000 rows of a typical log). */
const THREAD_FROM_BYTES = 4 * 1024 * 1024;
/** Rows handed on together: one await per batch instead of one per row. */
const BATCH_ROWS = 4096;

/** A CSV or tab-separated file is one table. Rows stream through csv-parse; nothing is held but the current batch. */
export async function* readCsv(source: InputSource, options: ReadOptions): AsyncGenerator<RawTable> {
  const input = source.open();
  const iterator = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let ended = false;
  try {
    while (headLength < HEAD_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      headChunks.push(chunk);
      headLength += chunk.length;
    }
  } catch (error) {
    throw new ReadError('unreadable-file', { reason: systemReason(error) });
  }
  const head = Buffer.concat(headChunks);
  const encoding = options.encoding ?? detectEncoding(head, ended);
  const decode = await decoderFor(encoding);
  const delimiter = detectDelimiter(decode(head.subarray(0, 16 * 1024), false));

  if (source.path !== null && (await worthAThread(source.path, ended ? head.length : null, options))) {
    // The worker reads the file again from its start; only its first bytes were read here.
    (input as { destroy?: () => void }).destroy?.();
    const { parseInWorker } = await import('./csv-thread.js');
    const rows = parseInWorker({ path: source.path, encoding, delimiter }, WORKER_URL);
    yield { file: source.name, sheet: null, format: 'csv', encoding, rows };
    return;
  }

  async function* bytes(): AsyncGenerator<Buffer> {
    yield head;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  yield { file: source.name, sheet: null, format: 'csv', encoding, rows: parseCsvBytes(bytes(), encoding, delimiter) };
}

/** Row batches from a CSV's bytes in a known encoding and delimiter. */
export async function* parseCsvBytes(bytes: AsyncIterable<Buffer>, encoding: EncodingName, delimiter: string): AsyncGenerator<RawRow[]> {
  async function* text(): AsyncGenerator<string> {
    const decodeChunk = await decoderFor(encoding);
    for await (const chunk of bytes) yield decodeChunk(chunk, true);
    yield decodeChunk(Buffer.alloc(0), false);
  }
  // csv-parse reads UTF-8 bytes itself (BOM, characters across chunks, U+FFFD for bad bytes):
  // decoding first would only make it encode the text back into bytes.
  yield* csvRows(encoding === 'utf8' ? bytes : text(), delimiter);
}

/** The worker's module beside this one: compiled JavaScript only (tests of the TypeScript sources parse here). */
const WORKER_URL = new URL('./csv-worker.js', import.meta.url);

/**
 * A second thread pays off for files of several megabytes when there is a second core: starting
 * one costs ~30 ms, which a month's log would notice.
 */
async function worthAThread(path: string, size: number | null, options: ReadOptions): Promise<boolean> {
  const threshold = options.threadFromBytes ?? THREAD_FROM_BYTES;
  if ((size !== null && size < threshold) || availableParallelism() < 2 || !existsSync(fileURLToPath(WORKER_URL))) return false;
  try {
    return (size ?? (await stat(path)).size) >= threshold;
  } catch {
    return false;
  }
}

type Decode = (bytes: Uint8Array, more: boolean) => string;

/**
 * Text from bytes, chunk by chunk, a character cut at a chunk's end carried to the next. UTF-8
 * and UTF-16 use the runtime's TextDecoder (a BOM is dropped, undecodable bytes become U+FFFD and
 * are reported per cell); CP932 uses iconv-lite, loaded only for such files.
 */
async function decoderFor(encoding: EncodingName): Promise<Decode> {
  if (encoding === 'cp932') {
    // required rather than imported: Node would first scan this CommonJS package for its exports.
    const iconv = createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');
    const decoder = iconv.getDecoder('cp932');
    return (bytes, more) => (more ? decoder.write(Buffer.from(bytes)) : (decoder.end() ?? ''));
  }
  const decoder = new TextDecoder(encoding === 'utf8' ? 'utf-8' : encoding === 'utf16le' ? 'utf-16le' : 'utf-16be');
  return (bytes, more) => decoder.decode(bytes, { stream: more });
}

async function* csvRows(text: AsyncIterable<string | Buffer>, delimiter: string): AsyncGenerator<RawRow[]> {
  const parser: Transform = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    // Line ends may be mixed in one file (an old Mac export pasted into a Windows one).
    record_delimiter: ['\r\n', '\n', '\r'],
    // Stream option, passed through by csv-parse to its Transform: lets a whole batch buffer up.
    readableHighWaterMark: BATCH_ROWS,
  } as unknown as Options);
  // Kept from the moment the stream starts, so that an error emitted between two reads is not lost.
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure = error;
  });
  Readable.from(text).on('error', (error) => parser.destroy(error)).pipe(parser);
  let row = 0;
  try {
    for (;;) {
      if (failure) throw failure;
      const batch: RawRow[] = [];
      for (let record = parser.read() as string[] | null; record !== null; record = parser.read() as string[] | null) {
        batch.push({ row: ++row, cells: record });
        if (batch.length === BATCH_ROWS) break;
      }
      if (batch.length > 0) {
        yield batch;
        continue;
      }
      if (parser.readableEnded) return;
      if (parser.destroyed && !failure) return;
      await settled(parser);
    }
  } catch (error) {
    const csvError = error as { code?: string; records?: number };
    if (csvError.code?.startsWith('CSV_')) {
      // The record being parsed when it failed: the ones before it were whole.
      throw new ReadError('unreadable-file', { reason: 'csv-syntax' }, (csvError.records ?? row) + 1);
    }
    throw new ReadError('unreadable-file', { reason: systemReason(error) }, row + 1);
  } finally {
    parser.destroy();
  }
}

/** Resolves when the stream has more to read, has ended or has failed (the caller looks which). */
function settled(stream: Transform): Promise<void> {
  if (stream.errored || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('readable', done).off('end', done).off('error', done).off('close', done);
      resolve();
    };
    stream.once('readable', done).once('end', done).once('error', done).once('close', done);
  });
}

/** Tab when the first lines hold more tabs than commas; Excel's "Unicode text" export is tab-separated. */
export function detectDelimiter(sample: string): ',' | '\t' {
  const lines = sample.split(/\r?\n/u).slice(0, 10).join('\n');
  let tabs = 0;
  let commas = 0;
  for (const ch of lines) {
    if (ch === '\t') tabs++;
    else if (ch === ',') commas++;
  }
  return tabs > commas ? '\t' : ',';
}

export function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'not-found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission';
  if (code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT') return 'no-space';
  return 'other';
}
