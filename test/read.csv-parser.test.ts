import { CsvError, Parser, type Options } from 'csv-parse';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CsvParser, CsvSyntaxError, type CsvSyntaxProblem } from '../src/read/csv-parser.js';

type Outcome = { records: string[][]; failure: { problem: CsvSyntaxProblem; records: number } | null };

const CSV_PARSE_PROBLEM: Record<string, CsvSyntaxProblem> = {
  INVALID_OPENING_QUOTE: 'opening-quote',
  CSV_INVALID_CLOSING_QUOTE: 'closing-quote',
  CSV_QUOTE_NOT_CLOSED: 'quote-not-closed',
};

/** csv-parse with the options the reader used before (src/read/csv.ts at 230cf55), on the text's UTF-8 bytes in pieces. */
function withCsvParse(text: string, delimiter: string, cuts: number[]): Outcome {
  const core = (
    new Parser({
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
    } as Options) as unknown as {
      api: { parse(chunk: Buffer | undefined, end: boolean, push: (r: string[]) => void, close: () => void): Error | undefined };
    }
  ).api;
  const records: string[][] = [];
  const bytes = Buffer.from(text, 'utf8');
  const pieces = piecesOf(bytes.length, cuts).map(([from, to]) => bytes.subarray(from, to));
  for (const [i, piece] of [...pieces, undefined].entries()) {
    const error = core.parse(
      piece,
      i === pieces.length,
      (r) => records.push(r),
      () => undefined,
    );
    if (error) {
      if (!(error instanceof CsvError)) throw error;
      const problem = CSV_PARSE_PROBLEM[error.code];
      if (!problem) throw error;
      return { records, failure: { problem, records: (error as CsvError & { records: number }).records } };
    }
  }
  return { records, failure: null };
}

function withParser(text: string, delimiter: string, cuts: number[]): Outcome {
  const parser = new CsvParser(delimiter);
  const records: string[][] = [];
  try {
    for (const [from, to] of piecesOf(text.length, cuts)) parser.write(text.slice(from, to), (r) => records.push(r));
    parser.end((r) => records.push(r));
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { records, failure: { problem: error.problem, records: error.records } };
  }
  return { records, failure: null };
}

/** [from, to) ranges splitting 0 … length at the given cut points (as fractions of the length, in thousandths). */
function piecesOf(length: number, cuts: number[]): [number, number][] {
  const points = [...new Set(cuts.map((c) => Math.floor((c / 1000) * length)))].filter((p) => p > 0 && p < length).sort((a, b) => a - b);
  const bounds = [0, ...points, length];
  return bounds.slice(1).map((to, i) => [bounds[i]!, to]);
}

/** Text made of what makes CSV hard: quotes, doubled quotes, both delimiters, every line end, NUL, BOM, multi-byte characters. */
const csvText = fc
  .array(fc.constantFrom('a', 'bc', 'あ', '受付', ' ', ',', '\t', '"', '""', '\r', '\n', '\r\n', '\0', '\uFEFF', '𠮷', '1'), {
    maxLength: 40,
  })
  .map((tokens) => tokens.join(''));
/** Mostly well-formed rows: fields, some quoted with delimiters, quotes and line ends inside. */
const field = fc.oneof(
  fc.constantFrom('', 'a', '電話', '2021/8/12', ' x '),
  fc.array(fc.constantFrom('a', ',', '"', '\n', '\r\n', 'あ', '\t'), { maxLength: 6 }).map((t) => `"${t.join('').replace(/"/gu, '""')}"`),
);
const csvRows = fc
  .tuple(
    fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([rows, eol, bom, lastEol]) => `${bom ? '\uFEFF' : ''}${rows.map((r) => r.join(',')).join(eol)}${lastEol ? eol : ''}`);
const cuts = fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 6 });

describe('the CSV parser gives what csv-parse gave', () => {
  test.each([
    ['', ','],
    ['\uFEFF', ','],
    ['a,b\n', ','],
    ['a,b\n\nc', ','],
    ['a,b\n\n', ','],
    ['"a""b",c\r\n"x\ny",', ','],
    ['"a"b', ','],
    ['a"b', ','],
    ['"abc', ','],
    ['"a"\0b,c', ','],
    ['a\tb\r\rc', '\t'],
    ['\uFEFF\uFEFFa', ','],
    [' "a"', ','],
  ])('%j', (text, delimiter) => {
    for (const cut of [[], [1], [500], [999], [100, 300, 600]]) {
      expect(withParser(text, delimiter, cut), JSON.stringify({ text, cut })).toEqual(withCsvParse(text, delimiter, cut));
    }
  });

  test('on any mix of quotes, delimiters, line ends, NUL and BOM, cut into pieces anywhere (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(csvText, csvRows), fc.constantFrom(',', '\t'), cuts, (text, delimiter, at) => {
        expect(withParser(text, delimiter, at)).toEqual(withCsvParse(text, delimiter, at));
      }),
      { numRuns: 3000 },
    );
  });
});
