// The worker thread of parseInWorker (csv-thread.ts): parses one CSV file exactly as csv.ts does
// on the main thread, and posts its rows in encoded batches, at most BATCHES_AHEAD untaken.
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parseCsvBytes } from './csv.js';
import { BATCHES_AHEAD, BatchEncoder, type CsvJob, type WorkerMessage } from './csv-thread.js';
import { ReadError } from './types.js';

const port = parentPort!;
const job = workerData as CsvJob;
let credits = BATCHES_AHEAD;
let wake: (() => void) | undefined;
port.on('message', () => {
  credits++;
  wake?.();
});

const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

async function run(): Promise<void> {
  const encoder = new BatchEncoder();
  for await (const batch of parseCsvBytes(createReadStream(job.path), job.encoding, job.delimiter)) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    const message = encoder.encode(batch);
    post(message, [message.lengths.buffer as ArrayBuffer, message.codes.buffer as ArrayBuffer, message.addedColumns.buffer as ArrayBuffer]);
  }
  post({ type: 'end' });
}

run().catch((error: unknown) => {
  if (error instanceof ReadError) post({ type: 'read-error', code: error.code, detail: error.detail, row: error.row });
  else post({ type: 'crash', message: (error as Error).stack ?? String(error) });
});
