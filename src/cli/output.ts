import { realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Messages, WriteFailure } from '../messages/index.js';
import type { SourceFile } from '../read/types.js';
import { UserError } from './errors.js';

function canonical(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** Refuses an output path that is one of the inputs, so a report can never overwrite a log. */
export function assertNotAnInput(out: string, sources: readonly SourceFile[], m: Messages): void {
  assertNotAmong(
    out,
    sources.map((source) => source.name),
    m,
  );
}

/** Refuses an output path that is one of the files read (`-` is standard input). */
export function assertNotAmong(out: string, files: readonly string[], m: Messages): void {
  const target = canonical(out);
  for (const file of files) {
    if (file !== '-' && canonical(file) === target) throw new UserError(2, [m.report.outIsInput(out)]);
  }
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Why a write failed, from the system's error code, to be said in words with its fix. On Windows
 * a workbook open in Excel cannot be replaced (EBUSY, or EPERM on rename); elsewhere EPERM means
 * what EACCES means.
 */
export function writeFailureOf(
  code: string | undefined,
  targetIsFolder: boolean,
  platform: NodeJS.Platform = process.platform,
): WriteFailure {
  if (targetIsFolder || code === 'EISDIR') return 'is-folder';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no-folder';
    case 'EBUSY':
      return 'busy';
    case 'EPERM':
      return platform === 'win32' ? 'busy' : 'permission';
    case 'EACCES':
    case 'EROFS':
      return 'permission';
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return 'no-space';
    default:
      return 'other';
  }
}

/** The line that says a file could not be written, why, and what to do. */
export function cannotWriteLine(out: string, code: string | undefined, m: Messages): string {
  const failure = writeFailureOf(code, isFolder(out));
  return m.report.cannotWrite(out, failure === 'other' && code ? `${m.writeFailure.other} (${code})` : m.writeFailure[failure]);
}

/** Refuses a folder named as the file to write, before any work: its name has no extension to choose a format from. */
export function assertNotAFolder(out: string, m: Messages): void {
  if (isFolder(out)) throw new UserError(2, [m.report.cannotWrite(out, m.writeFailure['is-folder'])]);
}

/**
 * Writes the whole file or nothing: the data goes to a temporary file in the same folder, which
 * is renamed over the target only once complete. A failure leaves no partial file behind. (The
 * temporary name need only be new in its folder, which `wx` checks; no random source is loaded.)
 */
export async function writeAtomically(out: string, data: string | Uint8Array, m: Messages): Promise<void> {
  const directory = path.dirname(path.resolve(out));
  const unique = `${process.pid}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}`;
  const temporary = path.join(directory, `.${path.basename(out)}.${unique}.tmp`);
  try {
    writeFileSync(temporary, data, { flag: 'wx' });
    renameSync(temporary, out);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written, or it is gone already.
    }
    throw new UserError(2, [cannotWriteLine(out, (error as NodeJS.ErrnoException).code, m)]);
  }
}
