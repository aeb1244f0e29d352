import { Readable, pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { detectEncoding, ICONV_NAME } from './encoding.js';
import { ReadError, type InputSource, type RawRow, type RawTable, type ReadOptions } from './types.js';

const HEAD_BYTES = 64 * 1024;

/** A CSV or tab-separated file is one table. Rows stream through csv-parse; nothing is held but the current row. */
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
  const delimiter = detectDelimiter(iconv.decode(head.subarray(0, 16 * 1024), ICONV_NAME[encoding]));

  async function* bytes(): AsyncGenerator<Buffer> {
    yield head;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }

  yield {
    file: source.name,
    sheet: null,
    format: 'csv',
    encoding,
    rows: csvRows(Readable.from(bytes()), encoding, delimiter),
  };
}

async function* csvRows(bytes: Readable, encoding: keyof typeof ICONV_NAME, delimiter: string): AsyncGenerator<RawRow> {
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    // Line ends may be mixed in one file (an old Mac export pasted into a Windows one).
    record_delimiter: ['\r\n', '\n', '\r'],
  });
  const records = pipeline(bytes, iconv.decodeStream(ICONV_NAME[encoding]), parser, () => {
    // Errors surface through the parser's iterator below.
  });
  let row = 0;
  try {
    for await (const record of records as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: record };
    }
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('CSV_')) {
      throw new ReadError('unreadable-file', { reason: 'csv-syntax' }, row + 1);
    }
    throw new ReadError('unreadable-file', { reason: systemReason(error) }, row + 1);
  }
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
