import type { Messages } from '../messages/index.js';
import type { ValidationResult } from '../pipeline.js';
import { ProblemLog } from '../problems.js';
import { readSources, type InputEntry } from '../read/inputs.js';
import type { RawTable, ReadOptions, SourceFile } from '../read/types.js';
import { renderAnnotated } from '../render/annotate.js';

/** `validate --annotate`: the inputs read once more, the same way, and copied with their problems marked. */
export async function annotatedWorkbook(
  sources: readonly SourceFile[],
  readOptions: ReadOptions,
  result: ValidationResult,
  m: Messages,
): Promise<Uint8Array> {
  const entries: InputEntry[] = [];
  async function* tables(): AsyncGenerator<RawTable> {
    for await (const source of readSources(sources, readOptions, new ProblemLog(), entries)) yield source.table;
  }
  return renderAnnotated(tables(), [...result.errors, ...result.warnings], m);
}
