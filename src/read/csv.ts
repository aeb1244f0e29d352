import { CsvParser, CsvSyntaxError } from './csv-parser.js';
import { detectEncoding } from './encoding.js';
import { ReadError, type EncodingName, type RawRow, type RawTable, type ReadOptions } from './types.js';

/** Rows handed on together: one await per batch instead of one per row. */
const BATCH_ROWS = 4096;
/** Bytes decoded and parsed at a time. */
const CHUNK_BYTES = 64 * 1024;
/** Bytes looked at to choose the encoding and the delimiter. */
const HEAD_BYTES = 64 * 1024;

/** A CSV's bytes: all of them, or its first bytes and then every piece in turn (a large file, read as it is parsed). */
export type CsvContent = Uint8Array | { head: Uint8Array; chunks: AsyncIterable<Uint8Array> };

/**
 * A CSV or tab-separated file is one table. Its encoding and delimiter are detected from its
 * first bytes (or the encoding is forced); rows stream through the parser (csv-parser.ts) in batches.
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
  let decode: Decode | undefined;
  async function* text(): AsyncGenerator<string> {
    for await (const chunk of chunks) {
      // csv-parse, which read UTF-8 bytes itself, took UTF-16LE's BOM at their start to mean UTF-16LE.
      decode ??= encoding === 'utf8' && chunk[0] === 0xff && chunk[1] === 0xfe ? textDecoder('utf-16le') : await decoderFor(encoding);
      yield decode(chunk, true);
    }
    if (decode) yield decode(new Uint8Array(0), false);
  }
  yield* csvRows(text(), delimiter);
}

type Decode = (bytes: Uint8Array, more: boolean) => string;

/**
 * Text from bytes, chunk by chunk, a character cut at a chunk's end carried to the next. UTF-8
 * and UTF-16 use the runtime's TextDecoder (undecodable bytes become U+FFFD and are reported per
 * cell); CP932 uses iconv-lite, loaded only for such files. UTF-16's BOM is dropped by its
 * decoder, UTF-8's by the parser (as csv-parse did: it read the bytes, and its BOM, itself).
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
  return encoding === 'utf8' ? textDecoder('utf-8') : textDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be', false);
}

function textDecoder(label: string, keepBom = true): Decode {
  const decoder = new TextDecoder(label, { ignoreBOM: keepBom });
  return (bytes, more) => decoder.decode(bytes, { stream: more });
}

/** Rows from the decoded text of a CSV, a batch per piece of text: synchronous within a piece, the same in Node and in the browser. */
async function* csvRows(input: AsyncIterable<string>, delimiter: string): AsyncGenerator<RawRow[]> {
  const parser = new CsvParser(delimiter);
  let row = 0;
  let batch: RawRow[] = [];
  const push = (record: string[]): void => {
    batch.push({ row: ++row, cells: record });
  };
  // The record being parsed when it failed: the ones before it were whole.
  const fail = (error: unknown): unknown =>
    error instanceof CsvSyntaxError ? new ReadError('unreadable-file', { reason: 'csv-syntax' }, error.records + 1) : error;
  try {
    for await (const text of input) {
      parser.write(text, push);
      while (batch.length >= BATCH_ROWS) yield batch.splice(0, BATCH_ROWS);
    }
    parser.end(push);
  } catch (error) {
    throw fail(error);
  }
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
