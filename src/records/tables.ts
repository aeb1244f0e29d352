import type { ProblemLog } from '../problem-log.js';
import type { CheckedTable, Unit } from './types.js';

/** Tables this small are not called contained in another: three rows can match by chance. */
const OVERLAP_MIN_ROWS = 3;

/**
 * A 53-bit hash of a row's content, value by value (two lanes of cyrb53), without building a
 * string: two different rows share one about once in 10^15 pairs, and a table is only ever
 * compared as a whole.
 */
/** The two lanes of the text hashed last by textLanes (no pair allocated per cell). */
let lane1 = 0;
let lane2 = 0;

function textLanes(text: string): void {
  let a1 = 0x9e3779b9;
  let a2 = 0x85ebca6b;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a1 = Math.imul(a1 ^ ch, 2654435761);
    a2 = Math.imul(a2 ^ ch, 1597334677);
  }
  lane1 = a1;
  lane2 = a2;
}

/** A text's own hash, as RowHash.add mixes it in: worked out once for a text met again and again (addTextHash). */
export function textHash(text: string): readonly [number, number] {
  textLanes(text);
  return [lane1, lane2];
}

export class RowHash {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  /** Starts again, for the next row. */
  reset(): this {
    this.h1 = 0xdeadbeef;
    this.h2 = 0x41c6ce57;
    return this;
  }

  /** A text: its own hash (textHash), mixed in. */
  add(text: string): void {
    textLanes(text);
    this.addTextHash(lane1, lane2);
  }

  /** A text by its hash (textHash): the same as add(text). */
  addTextHash(a1: number, a2: number): void {
    this.h1 = Math.imul(this.h1 ^ a1, 2654435761) ^ 0x1f;
    this.h2 = Math.imul(this.h2 ^ a2, 1597334677) ^ 0x1f;
  }

  /** A small whole number (a list index or a count), mixed in without text. */
  addNumber(n: number): this {
    this.h1 = Math.imul(this.h1 ^ (n | 0) ^ 0x9e3779b9, 2654435761);
    this.h2 = Math.imul(this.h2 ^ Math.floor(n / 4294967296) ^ 0x7f4a7c15, 1597334677);
    return this;
  }

  value(): number {
    let h1 = Math.imul(this.h1 ^ (this.h1 >>> 16), 2246822507) ^ Math.imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
    const h2 = Math.imul(this.h2 ^ (this.h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    h1 >>>= 0;
    return 4294967296 * (2097151 & h2) + h1;
  }
}

/**
 * Which tables count (SPEC §2): a table whose rows, as a multiset, equal an earlier table's of
 * the same kind is read twice (`duplicate-table`: the same month exported as CSV and XLSX); a
 * table of at least three rows whose rows are all in a larger table of the same kind is part of
 * it (`overlapping-table`: a month beside the cumulative export). Each such table is counted once.
 */
export function resolveDuplicateTables(tables: readonly CheckedTable[], units: readonly Unit[], log: ProblemLog): Set<CheckedTable> {
  // Sorted only when there is another table of the kind to compare with: a single large log is never sorted.
  const sortedRows = new Map<CheckedTable, Float64Array>();
  const sorted = (table: CheckedTable): Float64Array =>
    sortedRows.get(table) ?? sortedRows.set(table, table.rowHashes.sorted()).get(table)!;
  const kept = new Set<CheckedTable>();
  const say = (code: 'duplicate-table' | 'overlapping-table', table: CheckedTable, other: CheckedTable): void => {
    const { file, sheet } = units[table.unit]!;
    const { file: otherFile, sheet: otherSheet } = units[other.unit]!;
    log.add({ code, file, sheet, row: null, column: null, cell: null, detail: { other: { file: otherFile, sheet: otherSheet } } });
  };

  for (const table of tables) {
    const same =
      table.rowHashes.length === 0
        ? undefined
        : [...kept].find(
            (k) => k.kind === table.kind && k.rowHashes.length === table.rowHashes.length && equalRows(sorted(k), sorted(table)),
          );
    if (same) say('duplicate-table', table, same);
    else kept.add(table);
  }
  for (const table of [...kept]) {
    const size = table.rowHashes.length;
    if (size < OVERLAP_MIN_ROWS) continue;
    const container = [...kept].find(
      (k) => k !== table && k.kind === table.kind && k.rowHashes.length > size && contains(sorted(k), sorted(table)),
    );
    if (container) {
      say('overlapping-table', table, container);
      kept.delete(table);
    }
  }
  return kept;
}

function equalRows(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Whether the sorted multiset `inner` is contained in the sorted multiset `outer`. */
function contains(outer: Float64Array, inner: Float64Array): boolean {
  let o = 0;
  for (const value of inner) {
    while (o < outer.length && outer[o]! < value) o++;
    if (o === outer.length || outer[o] !== value) return false;
    o++;
  }
  return true;
}
