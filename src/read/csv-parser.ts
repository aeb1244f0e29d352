/**
 * A CSV parser over decoded text, piece by piece, with the rules of RFC 4180 as csv-parse applies
 * them with the options the tool used (relax_column_count, skip_empty_lines: false, record
 * delimiters \r\n, \n and \r, a leading BOM dropped): test/read.csv-parser.test.ts holds the two
 * equal on generated text, failures included. It replaced csv-parse, which reads a byte at a time
 * through a dozen checks and took ~4 times as long on a large log as the rest of reading it.
 */

/** A quote inside an unquoted field, text after a closing quote, or a quote never closed. */
export type CsvSyntaxProblem = 'opening-quote' | 'closing-quote' | 'quote-not-closed';

/** Text that is not CSV. `records` were read whole before it. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly problem: CsvSyntaxProblem,
    readonly records: number,
  ) {
    super(`CSV syntax: ${problem} after ${records} records`);
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const NUL = 0;
const BOM = 0xfeff;

/** Where the current field stands when a piece of text ends. */
const START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Just after a quote inside a quoted field: the next character says whether it closed the field or was doubled. */
const AFTER_QUOTE = 3;

/**
 * V8 keeps a piece of text alive as long as any string sliced from it of 13 characters or more
 * (a "sliced string"): a kept 受付番号 or a cached cell text would hold on to its whole 64 KB piece
 * (a million long 受付番号 kept a 70 MB file's text). Such fields are copied out: joining two
 * parts builds a new flat string, as cheap as the slice (a concatenation sliced again would keep
 * both a copy and a slice of it).
 */
function own(text: string): string {
  return text.length < 13 ? text : [text.slice(0, 1), text.slice(1)].join('');
}

export class CsvParser {
  /** Records pushed so far. */
  records = 0;
  private record: string[] = [];
  private state = START;
  /** The current field's text from earlier pieces, unescaped. */
  private pending = '';
  /** The last piece ended on a CR that ended a record: an LF starting the next piece is part of it. */
  private afterCr = false;
  private first = true;
  private readonly delimiter: number;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Parses the next piece of text; every record it completes is pushed. */
  write(text: string, push: (record: string[]) => void): void {
    const len = text.length;
    if (len === 0) return;
    const delimiter = this.delimiter;
    let pos = 0;
    if (this.first) {
      this.first = false;
      if (text.charCodeAt(0) === BOM) pos = 1;
    }
    if (this.afterCr) {
      this.afterCr = false;
      if (text.charCodeAt(pos) === LF) pos++;
    }
    let record = this.record;
    let state = this.state;
    let pending = this.pending;
    // The current field's text in this piece runs from `start`; a quoted one up to its closing quote `end`.
    let start = pos;
    let end = pos;
    const endRecord = (field: string): void => {
      record.push(field);
      this.records++;
      push(record);
      record = [];
    };
    while (pos < len) {
      if (state === START) {
        if (text.charCodeAt(pos) === QUOTE) {
          state = QUOTED;
          start = ++pos;
          continue;
        }
        state = UNQUOTED;
        start = pos;
      }
      if (state === UNQUOTED) {
        for (; pos < len; pos++) {
          const c = text.charCodeAt(pos);
          if (c === delimiter) {
            record.push(own(pending + text.slice(start, pos)));
            break;
          }
          if (c === LF || c === CR) {
            endRecord(own(pending + text.slice(start, pos)));
            if (c === CR) {
              if (pos + 1 === len) this.afterCr = true;
              else if (text.charCodeAt(pos + 1) === LF) pos++;
            }
            break;
          }
          if (c === QUOTE) throw new CsvSyntaxError('opening-quote', this.records);
        }
        if (pos === len) {
          pending += text.slice(start, len);
          break;
        }
        pending = '';
        state = START;
        pos++;
        continue;
      }
      if (state === QUOTED) {
        const quote = text.indexOf('"', pos);
        if (quote < 0) {
          pending += text.slice(start, len);
          pos = len;
          break;
        }
        state = AFTER_QUOTE;
        end = quote;
        pos = quote + 1;
        continue;
      }
      // AFTER_QUOTE: a doubled quote is one quote of the text; a delimiter or line end closes the field.
      const c = text.charCodeAt(pos);
      if (c === QUOTE) {
        pending += text.slice(start, end) + '"';
        state = QUOTED;
        start = ++pos;
        continue;
      }
      if (c === delimiter) {
        record.push(own(pending + text.slice(start, end)));
      } else if (c === LF || c === CR) {
        endRecord(own(pending + text.slice(start, end)));
        if (c === CR) {
          if (pos + 1 === len) this.afterCr = true;
          else if (text.charCodeAt(pos + 1) === LF) pos++;
        }
      } else if (c === NUL) {
        // csv-parse takes a NUL byte for the end of its input here, closes the quote and reads on unquoted.
        pending += text.slice(start, end);
        state = UNQUOTED;
        start = pos;
        continue;
      } else {
        throw new CsvSyntaxError('closing-quote', this.records);
      }
      pending = '';
      state = START;
      pos++;
    }
    // A field the piece ended in: what of it was read is kept for the next piece.
    if (state === AFTER_QUOTE) pending += text.slice(start, end);
    this.record = record;
    this.state = state;
    this.pending = pending;
  }

  /** The end of the text: the last record, if anything of it was read. */
  end(push: (record: string[]) => void): void {
    if (this.state === QUOTED) throw new CsvSyntaxError('quote-not-closed', this.records);
    if (this.state !== START || this.record.length > 0) {
      this.record.push(own(this.pending));
      this.records++;
      push(this.record);
    }
    this.record = [];
    this.state = START;
    this.pending = '';
  }
}
