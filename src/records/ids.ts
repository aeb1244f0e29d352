import type { Config } from '../config/schema.js';
import { columnLetters, type Kind, type Place, type ProblemLog } from '../problems.js';
import type { CheckedTable, RowCounts, Unit } from './collect.js';
import { monthOf, type IsoDate } from './dates.js';
import type { IntakeRecord, LogRecord } from './row.js';

/** Places a message names beside a repeated 受付番号; more would make it unreadable. */
const PLACES_NAMED = 5;

/**
 * Counts each consultation once by its 受付番号, which is unique within a fiscal year (SPEC §3):
 * the same number with the same content again is a re-export (`duplicate-row`, counted once);
 * with other content it is a conflict, and every row with that number is rejected until the
 * staff decide which is right. Before that, numbers that are only row counters (every monthly
 * file numbered 1, 2, 3 …, clashing with the other files) are recognised and set aside.
 */
export function resolveIds(
  tables: readonly CheckedTable[],
  units: readonly Unit[],
  config: Config,
  rows: Record<Kind, RowCounts>,
  log: ProblemLog,
): LogRecord[] {
  const keyOf = (record: IntakeRecord): string => `${fiscalYearOf(record.date, config.fiscalYearStartMonth)}\u0000${record.id}`;
  const withId = (table: CheckedTable): IntakeRecord[] =>
    table.records.filter((r): r is IntakeRecord & { id: string } => r.kind === 'intake' && r.id !== null);

  setAsideRowCounters(tables, units, keyOf, withId, log);

  // Every numbered record by fiscal year and number, in reading order: the first index, or all of them once repeated.
  const records = tables.length === 1 ? tables[0]!.records : tables.flatMap((t) => t.records);
  const first = new Map<number, Map<string, number>>();
  const repeated = new Map<string, number[]>();
  records.forEach((record, index) => {
    if (record.kind !== 'intake' || record.id === null) return;
    const year = fiscalYearOf(record.date, config.fiscalYearStartMonth);
    let numbers = first.get(year);
    if (!numbers) first.set(year, (numbers = new Map()));
    const earlier = numbers.get(record.id);
    if (earlier === undefined) numbers.set(record.id, index);
    else {
      const key = `${year}\u0000${record.id}`;
      (repeated.get(key) ?? repeated.set(key, [earlier]).get(key)!).push(index);
    }
  });
  if (repeated.size === 0) return records;

  const dropped = new Set<number>();
  const place = (record: LogRecord): Place => ({ file: units[record.unit]!.file, sheet: units[record.unit]!.sheet, row: record.row });
  for (const indexes of repeated.values()) {
    const group = indexes.map((i) => records[i] as IntakeRecord & { id: string });
    const head = group[0]!;
    const conflict = group.some((r) => !sameContent(r, head));
    group.forEach((record, i) => {
      if (!conflict && i === 0) return;
      dropped.add(indexes[i]!);
      const { file, sheet, row } = place(record);
      const idColumn = units[record.unit]!.idColumn!;
      const cell = `${columnLetters(idColumn.index)}${row}`;
      const others = (conflict ? group.filter((r) => r !== record) : [head]).slice(0, PLACES_NAMED).map(place);
      const code = conflict ? 'duplicate-id-conflict' : 'duplicate-row';
      log.add({
        code,
        file,
        sheet,
        row,
        column: idColumn.header,
        cell,
        detail: { value: record.id, otherPlaces: others },
        value: record.id,
        month: monthOf(record.date),
      });
      const counts = rows.intake;
      if (conflict) {
        counts.rejected++;
        counts.rejectedByMonth.set(monthOf(record.date), (counts.rejectedByMonth.get(monthOf(record.date)) ?? 0) + 1);
      } else {
        counts.duplicate++;
      }
    });
  }
  return records.filter((_, index) => !dropped.has(index));
}

/**
 * Tables numbered 1 … n in row order whose numbers meet another table's numbers on other
 * content: their numbers count rows, so they are no IDs (one `id-is-row-number` info each).
 */
function setAsideRowCounters(
  tables: readonly CheckedTable[],
  units: readonly Unit[],
  keyOf: (record: IntakeRecord) => string,
  withId: (table: CheckedTable) => IntakeRecord[],
  log: ProblemLog,
): void {
  if (!tables.some((t) => units[t.unit]!.idsCountRows)) return;
  const first = new Map<string, IntakeRecord>();
  const clashing = new Set<number>();
  for (const table of tables) {
    for (const record of withId(table)) {
      const key = keyOf(record);
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, record);
      else if (earlier.unit !== record.unit && !sameContent(earlier, record)) clashing.add(earlier.unit).add(record.unit);
    }
  }
  for (const table of tables) {
    const unit = units[table.unit]!;
    if (!unit.idsCountRows || !clashing.has(table.unit)) continue;
    for (const record of withId(table)) record.id = null;
    const column = unit.idColumn!;
    log.add({
      code: 'id-is-row-number',
      file: unit.file,
      sheet: unit.sheet,
      row: null,
      column: column.header,
      cell: null,
      detail: { column: column.header },
    });
  }
}

function sameContent(a: IntakeRecord, b: IntakeRecord): boolean {
  return a.date === b.date && a.channel === b.channel && a.category === b.category && a.outcome === b.outcome;
}

function fiscalYearOf(date: IsoDate, startMonth: number): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= startMonth ? year : year - 1;
}
