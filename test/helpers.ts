import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import type { Config } from '../src/config/schema.js';
import { messagesFor } from '../src/messages/index.js';
import { analyse, type Analysis } from '../src/pipeline.js';
import type { CellValue, RawTable, TableOrFailure } from '../src/read/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'tsup-report.js');
export const fixture = (...parts: string[]): string => path.join(ROOT, 'fixtures', ...parts);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the installed command as a user would, in a clean environment without a Japanese locale unless asked. */
export function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string; input?: string | Buffer } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C', ...options.env },
        encoding: 'buffer',
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8') });
      },
    );
    if (options.input !== undefined) child.stdin!.end(options.input);
    else child.stdin!.end();
  });
}

/** A table built in memory: rows given as arrays of cells, numbered from 1 like a spreadsheet. */
export function memoryTable(rows: CellValue[][], name = 'memory.csv', sheet: string | null = null): RawTable {
  return {
    file: name,
    sheet,
    format: sheet === null ? 'csv' : 'xlsx',
    encoding: null,
    rows: (async function* () {
      yield rows.map((cells, i) => ({ row: i + 1, cells }));
    })(),
  };
}

export async function* tablesOf(...tables: TableOrFailure[]): AsyncGenerator<TableOrFailure> {
  yield* tables;
}

export function analyseTables(tables: TableOrFailure[], config: Config = DEFAULT_CONFIG, today = '2026-11-26'): Promise<Analysis> {
  return analyse(tablesOf(...tables), config, { today, messages: messagesFor('en') });
}

export const INTAKE_HEADER: CellValue[] = ['受付番号', '受付日', '受付方法', '主訴', '対応結果'];

/** A fresh temporary folder for the enclosing file or describe block, handed to `receive` and removed afterwards. */
export function useTempDir(prefix: string, receive: (dir: string) => void): void {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    receive(dir);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
}
