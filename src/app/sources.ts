import type { SourceFile } from '../read/types.js';

/** A file the page was given: its own name, or its path within a dropped or chosen folder. */
export interface PickedFile {
  file: File;
  /** Path inside the folder it came from, `logs/2022年1月/2022-01.csv`; empty when picked alone. */
  path: string;
}

/** The page's files as the pipeline's sources: a file picked alone is read as a log whatever it is, a folder's files are judged. */
export function sourcesFromFiles(picked: readonly PickedFile[]): SourceFile[] {
  // The input stage puts a folder's files in reading order itself, as for the CLI.
  return picked.map(({ file, path }) => ({
    name: path || file.name,
    size: file.size,
    explicit: path === '',
    read: async () => new Uint8Array(await file.arrayBuffer()),
    chunks: () => streamChunks(file),
  }));
}

async function* streamChunks(file: File): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
  } finally {
    reader.releaseLock();
  }
}
