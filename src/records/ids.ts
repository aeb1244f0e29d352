import type { Config } from '../config/schema.js';
import { columnLetters, type Kind, type Place } from '../problems.js';
import { type ProblemLog } from '../problem-log.js';
import type { CheckedTable, RowCounts, Unit } from './types.js';
import { monthOf } from './dates.js';

/** Places a message names beside a repeated 受付番号; more would make it unreadable. */
const PLACES_NAMED = 5;

/** One numbered record: its table and its index among the table's numbered records. */
interface Ref {
  table: CheckedTable;
  index: number;
}

/**
 * Counts each consultation once by its 受付番号, which is unique within a fiscal year (SPEC §3):
 * the same number with the same content again is a re-export (`duplicate-row`, counted once);
 * with other content it is a conflict, and every row with that number is rejected until the
 * staff decide which is right. Before that, numbers that are only row counters (every monthly
 * file numbered 1, 2, 3 …, clashing with the other files) are recognised and set aside. Records
 * taken back are removed from their table's tally.
 */
export function resolveIds(
  tables: readonly CheckedTable[],
  units: readonly Unit[],
  config: Config,
  rows: Record<Kind, RowCounts>,
  log: ProblemLog,
): void {
  const startMonth = config.fiscalYearStartMonth;
  const rowCounters = new Set<CheckedTable>();
  let groups = repeatedNumbers(tables, rowCounters, startMonth);
  const counters = tables.filter((t) => units[t.unit]!.idsCountRows && clashesElsewhere(t, groups));
  if (counters.length > 0) {
    for (const table of counters) {
      rowCounters.add(table);
      const { file, sheet, idColumn } = units[table.unit]!;
      log.add({
        code: 'id-is-row-number',
        file,
        sheet,
        row: null,
        column: idColumn!.header,
        cell: null,
        detail: { column: idColumn!.header },
      });
    }
    groups = repeatedNumbers(tables, rowCounters, startMonth);
  }

  const place = ({ table, index }: Ref): Place => ({
    file: units[table.unit]!.file,
    sheet: units[table.unit]!.sheet,
    row: table.numbered.record(index).row,
  });
  for (const group of groups) {
    const head = group[0]!;
    const conflict = group.some((r) => !r.table.numbered.sameContent(r.index, head.table.numbered, head.index));
    group.forEach((ref, i) => {
      if (!conflict && i === 0) return;
      const record = ref.table.numbered.record(ref.index);
      ref.table.tally.remove(record);
      ref.table.people?.remove(record.row);
      const { file, sheet, idColumn } = units[ref.table.unit]!;
      const others = (conflict ? group.filter((r) => r !== ref) : [head]).slice(0, PLACES_NAMED).map(place);
      const month = monthOf(record.date);
      log.add({
        code: conflict ? 'duplicate-id-conflict' : 'duplicate-row',
        file,
        sheet,
        row: record.row,
        column: idColumn!.header,
        cell: `${columnLetters(idColumn!.index)}${record.row}`,
        detail: { value: record.id, otherPlaces: others },
        value: record.id,
        month,
      });
      if (conflict) {
        rows.intake.rejected++;
        rows.intake.rejectedByMonth.set(month, (rows.intake.rejectedByMonth.get(month) ?? 0) + 1);
      } else {
        rows.intake.duplicate++;
      }
    });
  }
}

/**
 * The numbered records that share a fiscal year and 受付番号, group by group, in reading order.
 * Most numbers appear once: a 32-bit hash of each (NumberedRecords.key) is sorted (a typed array
 * sorts natively) and only records whose hash repeats are compared exactly — as fast for a million
 * rows as a map, in a fraction of its memory. A hash shared by chance only costs an exact comparison.
 */
function repeatedNumbers(tables: readonly CheckedTable[], leftOut: ReadonlySet<CheckedTable>, startMonth: number): Ref[][] {
  const counted = tables.filter((t) => !leftOut.has(t) && t.numbered.size > 0);
  const all = new Uint32Array(counted.reduce((n, t) => n + t.numbered.size, 0));
  let at = 0;
  for (const { numbered } of counted) for (let i = 0; i < numbered.size; i++) all[at++] = numbered.key(i);
  all.sort();
  const repeated = new Set<number>();
  for (let i = 1; i < all.length; i++) if (all[i] === all[i - 1]) repeated.add(all[i]!);
  if (repeated.size === 0) return [];

  const byNumber = new Map<string, Ref[]>();
  for (const table of counted) {
    for (let index = 0; index < table.numbered.size; index++) {
      if (!repeated.has(table.numbered.key(index))) continue;
      const key = `${table.numbered.fiscalYear(index, startMonth)}\u0000${table.numbered.id(index)}`;
      (byNumber.get(key) ?? byNumber.set(key, []).get(key)!).push({ table, index });
    }
  }
  return [...byNumber.values()].filter((group) => group.length > 1);
}

/** A table numbered 1 … n whose numbers meet another table's on other content: its numbers count rows. */
function clashesElsewhere(table: CheckedTable, groups: readonly Ref[][]): boolean {
  return groups.some((group) =>
    group.some(
      (r) => r.table === table && group.some((s) => s.table !== table && !r.table.numbered.sameContent(r.index, s.table.numbered, s.index)),
    ),
  );
}
