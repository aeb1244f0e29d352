import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { systemReason, type UnreadableReason } from '../problems.js';
import { ReadError, type SourceFile } from './types.js';

/**
 * The file system is read synchronously: the command does nothing else meanwhile, and a month
 * end of ten files spent ~25 ms waiting on the thread pool for asynchronous reads.
 *
 * The command line's inputs as source files: a file as named, a folder as every file inside it
 * (recursively, sorted by path, named relative to the folder given), `-` as standard input. A
 * path that cannot be opened still becomes a source, whose reading fails with the reason.
 */
export async function sourcesFromArgs(args: readonly string[], stdin: () => NodeJS.ReadableStream): Promise<SourceFile[]> {
  const sources: SourceFile[] = [];
  for (const arg of args) {
    if (arg === '-') {
      sources.push(stdinSource(stdin));
      continue;
    }
    let info;
    try {
      info = statSync(arg);
    } catch (error) {
      sources.push(failingSource(arg, systemReason(error, process.platform === 'win32')));
      continue;
    }
    if (!info.isDirectory()) {
      sources.push(fileSource(arg, info.size, true));
      continue;
    }
    const found = walk(arg);
    if (found.length === 0) sources.push(failingSource(arg, 'empty-folder'));
    sources.push(...found);
  }
  return sources;
}

/** Every file under a folder, subfolders included, sorted by path. */
function walk(folder: string): SourceFile[] {
  const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  const files: SourceFile[] = [];
  for (const entry of entries) {
    const full = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    let info;
    try {
      info = statSync(full);
    } catch (error) {
      files.push(failingSource(full, systemReason(error, process.platform === 'win32')));
      continue;
    }
    if (info.isFile()) files.push(fileSource(full, info.size, false));
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function fileSource(file: string, size: number, explicit: boolean): SourceFile {
  return {
    name: file,
    size,
    explicit,
    read: async () => {
      try {
        return readFileSync(file, { flag: 'r' });
      } catch (error) {
        throw new ReadError('unreadable-file', { reason: systemReason(error, process.platform === 'win32') });
      }
    },
    chunks: async function* () {
      try {
        for await (const chunk of createReadStream(file, { flags: 'r', highWaterMark: 64 * 1024 })) yield chunk as Buffer;
      } catch (error) {
        throw new ReadError('unreadable-file', { reason: systemReason(error, process.platform === 'win32') });
      }
    },
  };
}

function failingSource(name: string, reason: UnreadableReason): SourceFile {
  return {
    name,
    size: 0,
    explicit: true,
    read: () => Promise.reject(new ReadError('unreadable-file', { reason })),
  };
}

function stdinSource(stdin: () => NodeJS.ReadableStream): SourceFile {
  let bytes: Promise<Buffer> | undefined;
  return {
    name: '-',
    size: 0,
    explicit: true,
    read: () => {
      bytes ??= (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of stdin() as AsyncIterable<Buffer | string>)
          chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        return Buffer.concat(chunks);
      })();
      return bytes;
    },
  };
}
