import type { SourceFile } from './types.js';

/**
 * Files already met, to find a later one with exactly the same bytes (`… - コピー.csv`,
 * `…(1).xlsx`): only files of the same size are ever hashed, and only equal hashes compared.
 */
export class SeenFiles {
  private readonly bySize = new Map<number, { source: SourceFile; hash?: number }[]>();

  /** The name of an earlier file with these bytes, if any; remembers this one otherwise. */
  async find(source: SourceFile, size: number): Promise<string | undefined> {
    const sameSize = this.bySize.get(size);
    if (!sameSize) {
      this.bySize.set(size, [{ source }]);
      return undefined;
    }
    const hash = await hashOf(source);
    for (const earlier of sameSize) {
      earlier.hash ??= await hashOf(earlier.source);
      if (earlier.hash === hash && equalBytes(await earlier.source.read(), await source.read())) return earlier.source.name;
    }
    sameSize.push({ source, hash });
    return undefined;
  }
}

/** FNV-1a over a file's bytes, read a piece at a time when it can be. */
async function hashOf(source: SourceFile): Promise<number> {
  let hash = 0x811c9dc5;
  for await (const chunk of source.chunks ? source.chunks() : [await source.read()]) {
    for (let i = 0; i < chunk.length; i++) hash = Math.imul(hash ^ chunk[i]!, 16777619);
  }
  return hash >>> 0;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The first `count` bytes of a file (fewer when it is shorter), without reading the rest. */
export async function firstBytes(source: SourceFile, count: number): Promise<Uint8Array> {
  if (!source.chunks) return (await source.read()).subarray(0, count);
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of source.chunks()) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= count) break;
  }
  const head = new Uint8Array(Math.min(count, length));
  let at = 0;
  for (const part of parts) {
    head.set(part.subarray(0, head.length - at), at);
    at += Math.min(part.length, head.length - at);
    if (at >= head.length) break;
  }
  return head;
}
