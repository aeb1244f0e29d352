import type { CellValue } from '../read/types.js';
import { normalizeKey } from '../text.js';
import type { IsoDate } from './dates.js';
import type { MappedColumn, TableLayout } from './header.js';
import { textHash, type RowHash } from './tables.js';

/** Texts kept per column; a column of ever new texts (dates with times) starts again beyond it. */
const KEPT = 10_000;

/** A 受付番号 in plain ASCII needs no NFKC. */
export const ASCII = /^[\x20-\x7e]*$/u;

/** How the row reader treats a column: its text as it is (受付番号, 相談者ID), not at all (free text), or through what it was read as before. */
const TEXT = 0;
const SKIPPED = 1;
const READ_BEFORE = 2;

interface ColumnPlan {
  column: MappedColumn;
  index: number;
  slot: number;
  how: typeof TEXT | typeof SKIPPED | typeof READ_BEFORE;
  /** Part of the row's content hash (not a free-text column, not a 相談者ID). */
  hashed: boolean;
  isDate: boolean;
  /** READ_BEFORE: each text the full check found sound, with its value. */
  values: Map<string, Known>;
  /** A date column's sound dates typed as digits and separators, by plainDateKey: no text to hash. */
  dates: Map<number, Known>;
  /**
   * The texts met last and their values, looked through before the map: comparing a few short
   * texts is cheaper than hashing the cell's text, new in every row, for a map. A coded column has
   * a handful of values; a date column's rows share the date of the row before, or a new one.
   */
  recentTexts: string[];
  recentValues: Known[];
  /** Where the next text met goes in `recent…`, replacing the oldest. */
  recentNext: number;
}

/** Texts kept in a column's `recent…`: a coded column's usual values; a date column's last only. */
const RECENT_CODED = 8;
const RECENT_DATES = 1;

/** A sound cell's value, and for a text value (a date, 新規/継続) its hash, worked out once. */
interface Known {
  value: string | number;
  hash: readonly [number, number] | null;
}

/** Printable ASCII without a space at either end, as most 受付番号 are typed: its own value, as readCell would make it. */
function isPlain(text: string): boolean {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) === 0x20 || text.charCodeAt(n - 1) === 0x20) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

const isSeparator = (c: number): boolean => c === 0x2f || c === 0x2d || c === 0x2e;

/**
 * A date typed as ASCII digits and separators only — 2021/9/1, 2021-09-01, 2021.9.1 — as one
 * number of its year, month and day; -1 for any other text. The full check (dates.ts) reads every
 * text of this form by its year, month and day alone, so texts with one number have one answer
 * (test/records.known-cells.test.ts holds it so).
 */
export function plainDateKey(text: string): number {
  const n = text.length;
  if (n < 8 || n > 10) return -1;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    year = year * 10 + digit;
  }
  if (!isSeparator(text.charCodeAt(4))) return -1;
  // The month ends at the second separator, the day at the end: one or two digits each.
  let at = 5;
  let month = 0;
  for (; at < n && at < 8 && !isSeparator(text.charCodeAt(at)); at++) {
    const digit = text.charCodeAt(at) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    month = month * 10 + digit;
  }
  if (at === 5 || at === 8 || at === n) return -1;
  const dayFrom = ++at;
  let day = 0;
  for (; at < n; at++) {
    const digit = text.charCodeAt(at) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    day = day * 10 + digit;
  }
  const dayDigits = n - dayFrom;
  return dayDigits === 1 || dayDigits === 2 ? year * 10_000 + month * 100 + day : -1;
}

/**
 * The row check's fast path. A log repeats the same few texts in its coded and date columns a
 * million times: the value the full check (RowValidator) found for a text in a column is kept, and
 * a row whose every such cell is a text met before, whose other cells are plain text holding no
 * undecodable byte (U+FFFD), is read here without checking anything twice. Any other row — a cell
 * new to its column, empty, a number or date cell from a workbook, a problem — is left to the full
 * check, which gives every value and problem.
 */
export class KnownCells {
  private layout: TableLayout | null = null;
  private plans: ColumnPlan[] = [];
  private readonly byColumn = new Map<MappedColumn, ColumnPlan>();
  /** Named columns that no field reads (extras, attributes): their cells are only looked at for U+FFFD. */
  private others: number[] = [];

  /**
   * Reads the row's columns into `values` (by slot) and `hash`, returning its date; false when a
   * cell needs the full check (what was written to `values` and `hash` is then to be redone).
   */
  read(layout: TableLayout, cells: readonly CellValue[], values: (string | number | null)[], hash: RowHash): IsoDate | null | false {
    if (layout !== this.layout) this.plan(layout);
    let date: IsoDate | null = null;
    for (const plan of this.plans) {
      const cell = cells[plan.index];
      if (plan.how === READ_BEFORE) {
        if (typeof cell !== 'string') return false;
        if (plan.isDate) {
          const key = plainDateKey(cell);
          const known = key < 0 ? undefined : plan.dates.get(key);
          if (known !== undefined) {
            values[plan.slot] = date = known.value as IsoDate;
            hash.addTextHash(known.hash![0], known.hash![1]);
            continue;
          }
        }
        const texts = plan.recentTexts;
        let at = 0;
        while (at < texts.length && texts[at] !== cell) at++;
        let known: Known | undefined;
        if (at < texts.length) known = plan.recentValues[at]!;
        else {
          known = plan.values.get(cell);
          if (known === undefined) return false;
          at = plan.recentNext;
          texts[at] = cell;
          plan.recentValues[at] = known;
          plan.recentNext = (at + 1) % (plan.isDate ? RECENT_DATES : RECENT_CODED);
        }
        const { value } = known;
        values[plan.slot] = value;
        if (plan.isDate) date = value as IsoDate;
        if (known.hash === null) hash.addNumber(value as number);
        else hash.addTextHash(known.hash[0], known.hash[1]);
        continue;
      }
      if (typeof cell === 'string' && plan.how === TEXT && isPlain(cell)) {
        values[plan.slot] = cell;
        if (plan.hashed) hash.add(cell);
        continue;
      }
      if (cell !== undefined && cell !== null && (typeof cell !== 'string' || cell.includes('\uFFFD'))) return false;
      if (plan.how === SKIPPED) {
        values[plan.slot] = null;
        continue;
      }
      const text = cell ?? '';
      if (text.trim() === '') {
        values[plan.slot] = null;
        if (plan.hashed) hash.add(`\u0001?${normalizeKey(text)}`);
        continue;
      }
      // Most numbers are plain ASCII; only others need NFKC (full-width Ｒ３－０１ is R3-01).
      const value = (ASCII.test(text) ? text : text.normalize('NFKC')).trim();
      values[plan.slot] = value;
      if (plan.hashed) hash.add(value);
    }
    for (const index of this.others) {
      const cell = cells[index];
      if (typeof cell === 'string' ? cell.includes('\uFFFD') : cell !== undefined && cell !== null) return false;
    }
    return date;
  }

  /** The full check found `text` sound in `column`, as `value`. */
  remember(column: MappedColumn, text: string, value: string | number): void {
    const plan = this.byColumn.get(column);
    if (plan?.how !== READ_BEFORE || text.includes('\uFFFD')) return;
    if (plan.values.size >= KEPT) plan.values.clear();
    const known = { value, hash: typeof value === 'number' ? null : textHash(value) };
    plan.values.set(text, known);
    const key = plan.isDate ? plainDateKey(text) : -1;
    if (key >= 0) plan.dates.set(key, known);
  }

  private plan(layout: TableLayout): void {
    this.layout = layout;
    this.byColumn.clear();
    this.plans = layout.columns.map((column) => {
      const { role } = column.spec;
      const how = role === 'id' || role === 'client' ? TEXT : role === 'private' ? SKIPPED : READ_BEFORE;
      const plan: ColumnPlan = {
        column,
        index: column.index,
        slot: column.slot,
        how,
        hashed: role !== 'private' && role !== 'client',
        isDate: role === 'date',
        values: new Map(),
        dates: new Map(),
        recentTexts: [],
        recentValues: [],
        recentNext: 0,
      };
      this.byColumn.set(column, plan);
      return plan;
    });
    const read = new Set(layout.columns.map((c) => c.index));
    this.others = layout.named.map((c) => c.index).filter((index) => !read.has(index));
  }
}
