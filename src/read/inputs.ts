import type { ProblemDetail } from '../problems.js';
import type { ProblemLog } from '../problem-log.js';
import { readCsv } from './csv.js';
import { CSV_MARKER } from './marker.js';
import { firstBytes, SeenFiles } from './seen.js';
import { baseName, extensionOf, isContainer, judgeName, sniffFormat } from './sniff.js';
import { ReadError, type RawTable, type ReadOptions, type SourceFile } from './types.js';
import { readXlsx } from './xlsx.js';

/** Files from this size up are parsed as they are read, not held whole (a council's year of logs is ~180 KB). */
const STREAM_FROM_BYTES = 8 * 1024 * 1024;
/** Bytes enough to tell a file's kind, encoding and delimiter. */
const HEAD_BYTES = 64 * 1024;

export type InputStatus = 'read' | 'skipped' | 'duplicate' | 'refused' | 'config';

/** What became of one input file: every file found is accounted for (SPEC §2, §10 `inputs`). */
export interface InputEntry {
  file: string;
  status: InputStatus;
  /** Why it was skipped or refused: own-output, lock-file, hidden, system, other-format, not-a-log, unsupported-format, unreadable-file. */
  reason?: string;
  /** The earlier file with the same bytes. */
  duplicateOf?: string;
}

/** A table to check, with the input it came from (the records stage may still find it is not a log). */
export interface SourceTable {
  table: RawTable;
  /** Named on its own rather than found in a folder: then it is always read as a log. */
  explicit: boolean;
  input: InputEntry;
}

/**
 * The input stage, the same for the CLI and the browser app: every file is judged by its name
 * (lock, hidden and system files, documents), compared with the earlier ones (a copy is read
 * once), recognised by its bytes (CSV, XLSX, or a spreadsheet the tool refuses, such as .xls
 * or .ods) and, when it is a log, read into tables. Each file gets its entry in `entries`;
 * what is worth saying goes to `log`.
 */
export async function* readSources(
  files: readonly SourceFile[],
  options: ReadOptions,
  log: ProblemLog,
  entries: InputEntry[],
): AsyncGenerator<SourceTable> {
  const seen = new SeenFiles();
  const names = new Set(files.map((f) => f.name));
  for (const source of inReadingOrder(files)) {
    const entry: InputEntry = { file: source.name, status: 'read' };
    entries.push(entry);
    const fileProblem = (code: 'skipped' | 'open-in-excel' | 'duplicate-file', detail: ProblemDetail): void =>
      log.add({ code, file: source.name, sheet: null, row: null, column: null, cell: null, detail });

    const verdict = judgeName(source.name);
    if (verdict.kind === 'lock') {
      Object.assign(entry, { status: 'skipped', reason: 'lock-file' });
      fileProblem('open-in-excel', { workbook: lockedWorkbook(source.name, verdict.workbook, names) });
      continue;
    }
    if (verdict.kind === 'config') {
      entry.status = 'config';
      continue;
    }
    if (verdict.kind === 'skip' && !source.explicit) {
      Object.assign(entry, { status: 'skipped', reason: verdict.reason });
      fileProblem('skipped', { skip: verdict.reason });
      continue;
    }

    // A large CSV streams through the parser; anything else is read whole (workbooks must be).
    const large = source.chunks !== undefined && source.size >= STREAM_FROM_BYTES;
    let bytes: Uint8Array | undefined;
    let head: Uint8Array;
    try {
      head = large ? await firstBytes(source, HEAD_BYTES) : (bytes = await source.read());
      const original = await seen.find(source, bytes?.length ?? source.size);
      if (original !== undefined) {
        Object.assign(entry, { status: 'duplicate', duplicateOf: original });
        fileProblem('duplicate-file', { other: { file: original, sheet: null } });
        continue;
      }
      if (large && !isContainer(head) && sniffFormat(source.name, head).kind === 'csv') {
        if (isCsvReport(head)) {
          Object.assign(entry, { status: 'skipped', reason: 'own-output' });
          fileProblem('skipped', { skip: 'own-output' });
        } else {
          yield { table: await readCsv(source.name, { head, chunks: source.chunks!() }, options), explicit: source.explicit, input: entry };
        }
        continue;
      }
      bytes ??= await source.read();
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      refuse(entry, log, error);
      continue;
    }

    const format = sniffFormat(source.name, bytes);
    try {
      switch (format.kind) {
        case 'csv': {
          if (isCsvReport(bytes)) {
            Object.assign(entry, { status: 'skipped', reason: 'own-output' });
            fileProblem('skipped', { skip: 'own-output' });
            continue;
          }
          yield { table: await readCsv(source.name, bytes, options), explicit: source.explicit, input: entry };
          break;
        }
        case 'xlsx': {
          const workbook = await readXlsx(source.name, bytes, format.entries);
          if (workbook.ownOutput) {
            Object.assign(entry, { status: 'skipped', reason: 'own-output' });
            fileProblem('skipped', { skip: 'own-output' });
            continue;
          }
          for (const table of workbook.tables) yield { table, explicit: source.explicit, input: entry };
          break;
        }
        case 'refused':
          refuse(entry, log, new ReadError('unsupported-format', { format: format.format }));
          break;
        case 'unreadable':
          refuse(entry, log, new ReadError('unreadable-file', { reason: format.reason }));
          break;
        case 'other':
          refuse(entry, log, new ReadError('unsupported-format', { format: 'other', extension: extensionOf(source.name) }));
          break;
      }
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      refuse(entry, log, error);
    }
  }
}

/** A copy's name as Windows, macOS and browsers make it: `… - コピー`, `…のコピー`, `… - Copy (2)`, `…(1)`, `Copy of …`. */
const COPY_SUFFIX = /(\s*-\s*(コピー|copy)(\s*\(\d+\))?|のコピー(\s*\(\d+\))?|\s*\(\d+\)|\s+copy(\s+\d+)?)$/iu;
const COPY_PREFIX = /^(copy of |コピー ～ )/iu;

/**
 * The order files are read in: by name, each original before its copies, so that a copy is
 * the one called a duplicate (`生理用品配布記録 - コピー.csv` sorts before `生理用品配布記録.csv`).
 */
function inReadingOrder(files: readonly SourceFile[]): SourceFile[] {
  const keyed = files.map((file, index) => {
    const base = baseName(file.name);
    const dot = base.lastIndexOf('.');
    const stem = dot > 0 ? base.slice(0, dot) : base;
    const original = stem.replace(COPY_SUFFIX, '').replace(COPY_PREFIX, '');
    const folder = file.name.slice(0, file.name.length - base.length);
    return { file, index, key: `${folder}${original}${dot > 0 ? base.slice(dot) : ''}`, copy: original !== stem };
  });
  // Files named one by one keep the order they were given in; only a folder's files are sorted.
  return keyed
    .sort((a, b) =>
      a.file.explicit || b.file.explicit
        ? a.index - b.index
        : a.key < b.key
          ? -1
          : a.key > b.key
            ? 1
            : Number(a.copy) - Number(b.copy) || a.index - b.index,
    )
    .map((k) => k.file);
}

/** A file that cannot be read: refused, with the problem that says why and how to fix it. */
export function refuse(entry: InputEntry, log: ProblemLog, error: ReadError, sheet: string | null = null): void {
  Object.assign(entry, { status: 'refused', reason: error.code });
  log.add({ code: error.code, file: entry.file, sheet, row: error.row, column: null, cell: null, detail: error.detail });
}

/** The workbook a lock file stands for: Excel's `~$` name drops the first two characters of long names. */
function lockedWorkbook(lockName: string, rest: string, names: ReadonlySet<string>): string {
  const folder = lockName.slice(0, lockName.length - baseName(lockName).length);
  for (const name of names) {
    if (!name.startsWith(folder) || /[\\/]/u.test(name.slice(folder.length))) continue;
    const base = baseName(name);
    if (base === rest || (base.length > rest.length && base.slice(base.length - rest.length) === rest && base.length - rest.length === 2)) {
      return name;
    }
  }
  return `${folder}${rest}`;
}

/** A CSV report of this tool: its first line names the tool. */
function isCsvReport(bytes: Uint8Array): boolean {
  const firstLine = new TextDecoder().decode(bytes.subarray(0, 1024)).split(/\r?\n/u)[0] ?? '';
  return firstLine.includes(CSV_MARKER);
}
