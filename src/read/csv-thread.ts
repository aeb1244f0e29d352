import { Worker } from 'node:worker_threads';
import { ReadError, type EncodingName, type RawRow } from './types.js';

/**
 * Parsing a large CSV on a second thread. csv-parse is most of the time of a large run; on a
 * worker thread it runs alongside the checks and counts of this one. Rows cross the threads in
 * batches as typed arrays of codes: a cell seen before in its column is sent as a number and
 * rebuilt here as the same string, so the few distinct values of coded columns and dates are
 * neither copied nor allocated again per row. Only new values cross as strings.
 */

export interface CsvJob {
  path: string;
  encoding: EncodingName;
  delimiter: string;
}

/** A batch of rows from the worker: codes per cell, and the strings this side has not seen yet. */
export interface EncodedBatch {
  type: 'rows';
  firstRow: number;
  /** Cells in each row (csv-parse keeps ragged rows ragged). */
  lengths: Uint32Array;
  /** Per cell, in row order: the value's index in its column's dictionary, or RAW. */
  codes: Int32Array;
  /** The RAW cells' values, in order. */
  raw: string[];
  /** Values entering the dictionaries with this batch, and their columns. */
  added: string[];
  addedColumns: Uint32Array;
}

export type WorkerMessage =
  | EncodedBatch
  | { type: 'end' }
  | { type: 'read-error'; code: ReadError['code']; detail: ReadError['detail']; row: number | null }
  | { type: 'crash'; message: string };

const RAW = -1;
/** Longer values (free text) are rarely repeated: they cross as they are. */
const MAX_INTERNED_LENGTH = 40;
/** A column with this many distinct values (受付番号, free text) stops being interned. */
const MAX_INTERNED_PER_COLUMN = 4096;
/** Batches the worker may send before this thread has taken them: bounds the memory in flight. */
export const BATCHES_AHEAD = 4;

/** The worker's side: turns row batches into EncodedBatch messages, remembering what it has sent. */
export class BatchEncoder {
  private readonly dictionaries: (Map<string, number> | null)[] = [];

  encode(batch: readonly RawRow[]): EncodedBatch {
    let cellCount = 0;
    for (const row of batch) cellCount += row.cells.length;
    const lengths = new Uint32Array(batch.length);
    const codes = new Int32Array(cellCount);
    const raw: string[] = [];
    const added: string[] = [];
    const addedColumns: number[] = [];
    let at = 0;
    for (let r = 0; r < batch.length; r++) {
      const cells = batch[r]!.cells as string[];
      lengths[r] = cells.length;
      for (let column = 0; column < cells.length; column++) {
        const value = cells[column]!;
        let dictionary = this.dictionaries[column];
        if (dictionary === undefined) dictionary = this.dictionaries[column] = new Map();
        let code = dictionary === null ? undefined : dictionary.get(value);
        if (code === undefined) {
          if (dictionary !== null && value.length <= MAX_INTERNED_LENGTH) {
            code = dictionary.size;
            dictionary.set(value, code);
            added.push(value);
            addedColumns.push(column);
            if (dictionary.size === MAX_INTERNED_PER_COLUMN) this.dictionaries[column] = null;
          } else {
            code = RAW;
            raw.push(value);
          }
        }
        codes[at++] = code;
      }
    }
    return { type: 'rows', firstRow: batch[0]?.row ?? 1, lengths, codes, raw, added, addedColumns: Uint32Array.from(addedColumns) };
  }
}

/** This thread's side: rebuilds the rows, cells of a column sharing one string per distinct value. */
export class BatchDecoder {
  private readonly dictionaries: string[][] = [];

  decode(batch: EncodedBatch): RawRow[] {
    for (let i = 0; i < batch.added.length; i++) {
      const column = batch.addedColumns[i]!;
      (this.dictionaries[column] ??= []).push(batch.added[i]!);
    }
    const rows: RawRow[] = new Array<RawRow>(batch.lengths.length);
    let at = 0;
    let rawAt = 0;
    for (let r = 0; r < batch.lengths.length; r++) {
      const length = batch.lengths[r]!;
      const cells = new Array<string>(length);
      for (let column = 0; column < length; column++) {
        const code = batch.codes[at++]!;
        cells[column] = code === RAW ? batch.raw[rawAt++]! : this.dictionaries[column]![code]!;
      }
      rows[r] = { row: batch.firstRow + r, cells };
    }
    return rows;
  }
}

/**
 * Row batches of a CSV file parsed by the worker at `workerUrl`, which reads the file itself.
 * Failures come back as they would from parsing here: a ReadError for the file's problems, an
 * Error (a bug) for anything else. Stopping early ends the worker.
 */
export async function* parseInWorker(job: CsvJob, workerUrl: URL): AsyncGenerator<RawRow[]> {
  // A small young generation: the worker's garbage is short-lived cell strings (1M rows: 190 -> 167 MB peak, same time).
  const worker = new Worker(workerUrl, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  const inbox: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  const receive = (message: WorkerMessage): void => {
    inbox.push(message);
    wake?.();
  };
  worker.on('message', receive);
  worker.on('error', (error) => receive({ type: 'crash', message: error.stack ?? String(error) }));
  worker.on('exit', (code) => receive({ type: 'crash', message: `the CSV worker stopped (exit code ${code})` }));
  const decoder = new BatchDecoder();
  try {
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      const message = inbox.shift()!;
      switch (message.type) {
        case 'rows':
          // Asked for before this batch is checked, so that parsing goes on meanwhile.
          worker.postMessage('more');
          yield decoder.decode(message);
          break;
        case 'end':
          return;
        case 'read-error':
          throw new ReadError(message.code, message.detail, message.row);
        case 'crash':
          throw new Error(message.message);
      }
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
