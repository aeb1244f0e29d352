import type { ProblemLog } from '../problem-log.js';
import type { CheckedTable, Unit } from './types.js';

/** Tables this small are not called contained in another: three rows can match by chance. */
const OVERLAP_MIN_ROWS = 3;

/**
 * A 53-bit hash of a row's content, value by value (two lanes of cyrb53), without building a
 * string: two different rows share one about once in 10^15 pairs, and a table is only ever
 * compared as a whole.
 */
export class RowHash {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  /** Starts again, for the next row. */
  reset(): this {
    this.h1 = 0xdeadbeef;
    this.h2 = 0x41c6ce57;
    return this;
  }

  add(text: string): void {
    let { h1, h2 } = this;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    // A separator, so that "ab"+"c" and "a"+"bc" differ.
    this.h1 = Math.imul(h1 ^ 0x1f, 2654435761);
    this.h2 = Math.imul(h2 ^ 0x1f, 1597334677);
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
