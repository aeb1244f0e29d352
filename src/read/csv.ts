import { CsvError, Parser, type Options } from 'csv-parse';
import { detectEncoding } from './encoding.js';
import { ReadError, type EncodingName, type RawRow, type RawTable, type ReadOptions } from './types.js';

/**
 * Rows handed on together: one await per batch instead of one per row, and few enough that the
 * rows alive when the young generation is collected are few (4,096 cost a fifth more collecting).
 */
const BATCH_ROWS = 256;
/** Bytes given to csv-parse at a time: all the rows of what it is given are made before any is handed on. */
const PARSE_BYTES = 16 * 1024;
/** Bytes decoded and parsed at a time. */
const CHUNK_BYTES = 64 * 1024;
/** Bytes looked at to choose the encoding and the delimiter. */
const HEAD_BYTES = 64 * 1024;

/** A CSV's bytes: all of them, or its first bytes and then every piece in turn (a large file, read as it is parsed). */
export type CsvContent = Uint8Array | { head: Uint8Array; chunks: AsyncIterable<Uint8Array> };

/**
 * A CSV or tab-separated file is one table. Its encoding and delimiter are detected from its
 * first bytes (or the encoding is forced); rows stream through csv-parse in batches.
 */
export async function readCsv(name: string, content: CsvContent, options: ReadOptions): Promise<RawTable> {
  const whole = content instanceof Uint8Array;
  const head = (whole ? content : content.head).subarray(0, HEAD_BYTES);
  const encoding = options.encoding ?? detectEncoding(head, whole && content.length <= HEAD_BYTES);
  const decode = await decoderFor(encoding);
  const delimiter = detectDelimiter(decode(head.subarray(0, 16 * 1024), false));
  const chunks = whole ? slices(content) : content.chunks;
  return { file: name, sheet: null, format: 'csv', encoding, rows: parseCsvChunks(chunks, encoding, delimiter) };
}

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
}

/** Row batches from a CSV's bytes in a known encoding and delimiter. */
async function* parseCsvChunks(
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  encoding: EncodingName,
  delimiter: string,
): AsyncGenerator<RawRow[]> {
  const decode = await decoderFor(encoding);
  async function* text(): AsyncGenerator<string> {
    for await (const chunk of chunks) yield decode(chunk, true);
    yield decode(new Uint8Array(0), false);
  }
  // csv-parse reads UTF-8 bytes itself (BOM, characters across chunks, U+FFFD for bad bytes):
  // decoding first would only make it encode the text back into bytes.
  yield* csvRows(encoding === 'utf8' ? chunks : text(), delimiter);
}

type Decode = (bytes: Uint8Array, more: boolean) => string;

/**
 * Text from bytes, chunk by chunk, a character cut at a chunk's end carried to the next. UTF-8
 * and UTF-16 use the runtime's TextDecoder (a BOM is dropped, undecodable bytes become U+FFFD and
 * are reported per cell); CP932 uses iconv-lite, loaded only for such files.
 */
async function decoderFor(encoding: EncodingName): Promise<Decode> {
  if (encoding === 'cp932') {
    const { default: iconv } = await import('iconv-lite');
    const decoder = iconv.getDecoder('cp932');
    return (bytes, more) => {
      const text = decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return more ? text : text + (decoder.end() ?? '');
    };
  }
  const decoder = new TextDecoder(encoding === 'utf8' ? 'utf-8' : encoding === 'utf16le' ? 'utf-16le' : 'utf-16be');
  return (bytes, more) => decoder.decode(bytes, { stream: more });
}

/** csv-parse's parser core: `parse(chunk, end, push, close)` parses synchronously and returns its error, if any. */
interface ParserCore {
  parse(chunk: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
}

/**
 * Rows from the bytes (or decoded text) of a CSV, a batch per chunk, through csv-parse's parser
 * core (a Parser's `api`, which its own stream transform calls): synchronous, so nothing waits
 * on stream events, and the same in Node and in the browser, where no Node stream exists.
 */
async function* csvRows(
  input: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
  delimiter: string,
): AsyncGenerator<RawRow[]> {
  const core = (
    new Parser({
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      // Line ends may be mixed in one file (an old Mac export pasted into a Windows one).
      record_delimiter: ['\r\n', '\n', '\r'],
    } as Options) as unknown as { api: ParserCore }
  ).api;
  let row = 0;
  let batch: RawRow[] = [];
  const push = (record: string[]): void => {
    batch.push({ row: ++row, cells: record });
  };
  const fail = (error: Error): ReadError => {
    // Only csv-parse's own complaints are about the file; anything else is the tool's bug.
    if (!(error instanceof CsvError)) throw error;
    // The record being parsed when it failed: the ones before it were whole.
    const records = (error as CsvError & { records?: number }).records;
    return new ReadError('unreadable-file', { reason: 'csv-syntax' }, (records ?? row) + 1);
  };
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let at = 0; at < bytes.length; at += PARSE_BYTES) {
      const error = core.parse(bytes.subarray(at, at + PARSE_BYTES), false, push, () => undefined);
      if (error) throw fail(error);
      if (batch.length >= BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
  }
  const error = core.parse(undefined, true, push, () => undefined);
  if (error) throw fail(error);
  if (batch.length > 0) yield batch;
  batch = [];
}

/** Tab when the first lines hold more tabs than commas; Excel's text exports are tab-separated. */
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
