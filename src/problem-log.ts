import { ROWS_KEPT, type Problem, type ProblemCode, type ProblemReport } from './problems.js';

/** Distinct problems kept in memory; beyond this only the counts per code grow. */
export const PROBLEMS_KEPT = 10_000;

/** The problems of a run as later stages read them: nothing to add to the run's own log. */
export interface ProblemsView {
  readonly counts: Partial<Record<ProblemCode, number>>;
  readonly dropped: Partial<Record<ProblemCode, number>>;
  list(): Problem[];
  /** A copy with further problems added (a report period's own). */
  with(extra: readonly ProblemReport[]): ProblemsView;
}

/**
 * Every problem of a run, with memory bounded however many rows are wrong: the same problem
 * (code, file, sheet, column, value) on many rows is one entry with its count and first rows;
 * past PROBLEMS_KEPT distinct entries, further ones are only counted.
 */
export class ProblemLog implements ProblemsView {
  private readonly entries = new Map<string, Problem & { order: [number, number] }>();
  /** Occurrences (rows) per code, every one of them. */
  readonly counts: Partial<Record<ProblemCode, number>> = {};
  /** Occurrences per code of problems not kept because the log was full. */
  readonly dropped: Partial<Record<ProblemCode, number>> = {};
  /** Files in the order first met, each with its sheets in the order first met. */
  private readonly files = new Map<string, { order: number; sheets: Map<string, number> }>();

  add(report: ProblemReport): void {
    const occurrences = report.repeated?.count ?? 1;
    const rows = report.repeated?.rows ?? (report.row === null ? [] : [report.row]);
    this.counts[report.code] = (this.counts[report.code] ?? 0) + occurrences;
    const key = [report.code, report.file, report.sheet, report.column, report.value].join('\u0000');
    const existing = this.entries.get(key);
    const isRow = report.month !== undefined;
    if (existing) {
      existing.count += occurrences;
      for (const row of rows) if (existing.rows.length < ROWS_KEPT) existing.rows.push(row);
      if (existing.months !== null) {
        if (!isRow || report.month === null) existing.months = null;
        else if (!existing.months.includes(report.month!)) existing.months.push(report.month!);
      }
      return;
    }
    if (this.entries.size >= PROBLEMS_KEPT) {
      this.dropped[report.code] = (this.dropped[report.code] ?? 0) + occurrences;
      return;
    }
    this.entries.set(key, {
      code: report.code,
      file: report.file,
      sheet: report.sheet,
      row: report.row,
      column: report.column,
      cell: report.cell,
      detail: report.detail,
      ...(report.value !== undefined ? { value: report.value } : {}),
      count: occurrences,
      rows: rows.slice(0, ROWS_KEPT),
      months: isRow && report.month !== null ? [report.month!] : null,
      order: this.placeOrder(report.file, report.sheet),
    });
  }

  /** A copy with further problems added, leaving this log as it is (a period's problems for one report). */
  with(extra: readonly ProblemReport[]): ProblemLog {
    const copy = new ProblemLog();
    for (const [key, entry] of this.entries)
      copy.entries.set(key, { ...entry, rows: [...entry.rows], months: entry.months && [...entry.months] });
    Object.assign(copy.counts, this.counts);
    Object.assign(copy.dropped, this.dropped);
    for (const [file, place] of this.files) copy.files.set(file, { order: place.order, sheets: new Map(place.sheets) });
    for (const report of extra) copy.add(report);
    return copy;
  }

  /** Notes that a file (and sheet) was read, so that its problems sort in reading order even when found later. */
  register(file: string, sheet: string | null): void {
    this.placeOrder(file, sheet);
  }

  /** Every kept problem in input order: by file and sheet as first met, then by row. */
  list(): Problem[] {
    return [...this.entries.values()]
      .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || (a.row ?? 0) - (b.row ?? 0))
      .map(({ order: _order, ...problem }) => problem);
  }

  /** Where a file and sheet sort: files as first met (the whole run last), a file's own problems before its sheets'. */
  private placeOrder(file: string | null, sheet: string | null): [number, number] {
    if (file === null) return [Number.MAX_SAFE_INTEGER, 0];
    let place = this.files.get(file);
    if (!place) {
      place = { order: this.files.size, sheets: new Map() };
      this.files.set(file, place);
    }
    const { order: fileOrder, sheets } = place;
    if (sheet === null) return [fileOrder, -1];
    if (!sheets.has(sheet)) sheets.set(sheet, sheets.size);
    return [fileOrder, sheets.get(sheet)!];
  }
}
