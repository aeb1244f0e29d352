import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import type { Config } from '../src/config/schema.js';
import { analyse, analyseSources, type Analysis } from '../src/pipeline.js';
import type { InputEntry, SourceTable } from '../src/read/inputs.js';
import { sourcesFromArgs } from '../src/read/node-files.js';
import { holidaysFromPackage } from '../src/cli/holidays.js';
import type { CellValue, RawTable, SourceFile } from '../src/read/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The command under test; TSUP_BIN points the CLI tests at another build (an earlier version, say). */
export const BIN = process.env.TSUP_BIN ?? path.join(ROOT, 'bin', 'tsup-report.js');
export const fixture = (...parts: string[]): string => path.join(ROOT, 'fixtures', ...parts);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the installed command as a user would, in a clean environment without a Japanese locale unless asked. */
export function runCli(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; input?: string | Buffer } = {},
): Promise<CliResult> {
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

/** Tables as the records stage receives them, each from its own input (named on its own unless `inFolder`). */
export async function* sourcesOf(tables: RawTable[], inFolder = false): AsyncGenerator<SourceTable> {
  for (const table of tables) {
    const input: InputEntry = { file: table.file, status: 'read' };
    yield { table, explicit: !inFolder, input };
  }
}

export const TODAY = '2026-11-26';

/** The pipeline over tables built in memory. */
export function analyseTables(tables: RawTable[], config: Config = DEFAULT_CONFIG, today = TODAY): Promise<Analysis> {
  return analyseSources(sourcesOf(tables), config, { today, holidays: holidaysFromPackage });
}

/** The pipeline over files and folders, as the CLI reads them. */
export async function analyseFiles(paths: string[], config: Config = DEFAULT_CONFIG, today = TODAY): Promise<Analysis> {
  return analyse(await sourcesFromArgs(paths, () => process.stdin), config, { today, holidays: holidaysFromPackage });
}

/** The pipeline over source files (held in memory, as the browser app will pass them). */
export function analyseSourceFiles(files: SourceFile[], config: Config = DEFAULT_CONFIG, today = TODAY): Promise<Analysis> {
  return analyse(files, config, { today, holidays: holidaysFromPackage });
}

/** A source file held in memory, as a browser's dropped File would be. */
export function memoryFile(name: string, bytes: Uint8Array | string, explicit = true): SourceFile {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return { name, size: data.length, explicit, read: () => Promise.resolve(data) };
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
