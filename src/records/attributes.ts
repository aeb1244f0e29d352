import { NOT_WRITTEN_LABEL } from '../config/columns.js';
import type { CellValue } from '../read/types.js';
import { normalizeKey } from '../text.js';
import { cellText, isEmptyCell } from './cells.js';

/** One label of an attribute (年代's 30代): its spellings, and for ages the range of numbers it covers. */
export interface AttributeLabel {
  label: string;
  aliases?: readonly string[];
  /** Whole numbers from the first to the second, both included: an age typed as `34` or `34歳` is 30代. */
  range?: readonly [number, number];
}

/** A client attribute of SPEC §14 (年代, DV …) as the config gives it. */
export interface AttributeSpec {
  id: string;
  header: string;
  aliases?: readonly string[];
  labels: readonly AttributeLabel[];
  /** Where values matching no label count (不明); without it such a value is an error. */
  unknownLabel?: string;
}

/**
 * What a cell of an attribute column says: a label's index; the unknown label's (a value no label
 * matches — `typed` — or a blank cell or the unknown label itself, when the attribute has one); or
 * `unknown` when it has none. The raw value is never part of the answer: people type names into
 * the wrong column.
 */
export type AttributeMatch =
  { kind: 'label'; index: number } | { kind: 'unknown-label'; typed: boolean } | { kind: 'blank' } | { kind: 'unknown' };

/** An age as people type it: `34`, `34歳`, `３４才`, or a band's start, `30代`, `30歳代`. */
const AGE = /^(\d{1,3})(?:歳|才)?(代)?$/u;
const BAND = /^(\d{1,3})(?:歳|才)?代$/u;

/** The answers that hold no label index: shared, so that matching a cell allocates nothing. */
const BLANK: AttributeMatch = { kind: 'blank' };
const UNKNOWN: AttributeMatch = { kind: 'unknown' };
const UNKNOWN_TYPED: AttributeMatch = { kind: 'unknown-label', typed: true };
const UNKNOWN_BLANK: AttributeMatch = { kind: 'unknown-label', typed: false };

/** Matches cells of one attribute column against its labels; answers are cached by the raw text (numbers by their value). */
export class AttributeMatcher {
  private readonly byKey = new Map<string, number>();
  /** The unknown label typed as such (不明, or 非該当 chosen from the template's dropdown): an answer, said silently. */
  private readonly unknownKey: string | undefined;
  private readonly byLabel: AttributeMatch[];
  private readonly cache = new Map<string, AttributeMatch>();
  private readonly numberCache = new Map<number, AttributeMatch>();

  constructor(private readonly spec: AttributeSpec) {
    this.byLabel = spec.labels.map((_, index) => ({ kind: 'label', index }));
    this.unknownKey = spec.unknownLabel === undefined ? undefined : normalizeKey(spec.unknownLabel);
    spec.labels.forEach((item, index) => {
      for (const spelling of [item.label, ...(item.aliases ?? [])]) {
        const key = normalizeKey(spelling);
        if (!this.byKey.has(key)) this.byKey.set(key, index);
      }
    });
  }

  match(cell: CellValue | undefined): AttributeMatch {
    // Most cells are text seen before (blank ones included): one lookup.
    if (typeof cell === 'string') return this.cache.get(cell) ?? this.cached(this.cache, cell, () => this.byText(cell));
    if (cell === undefined || isEmptyCell(cell)) return this.blank();
    // A number is matched as it reads first (a flag's `1`), then as an age.
    if (typeof cell === 'number') return this.cached(this.numberCache, cell, () => this.byText(String(cell)));
    return this.byText(cellText(cell));
  }

  private blank(): AttributeMatch {
    return this.spec.unknownLabel === undefined ? BLANK : UNKNOWN_BLANK;
  }

  private cached<K>(cache: Map<K, AttributeMatch>, key: K, find: () => AttributeMatch): AttributeMatch {
    let result = cache.get(key);
    if (result === undefined) {
      result = find();
      if (cache.size > 10_000) cache.clear();
      cache.set(key, result);
    }
    return result;
  }

  private byText(text: string): AttributeMatch {
    if (text.trim() === '') return this.blank();
    const key = normalizeKey(text);
    const index = this.byKey.get(key);
    if (index !== undefined) return this.byLabel[index]!;
    if (key === this.unknownKey) return UNKNOWN_BLANK;
    const age = AGE.exec(key);
    return (age && this.byNumber(Number(age[1]), BAND.test(key))) ?? this.unknown();
  }

  /** The label whose range holds the number; a band (`30代`) must fall wholly in one label's range. */
  private byNumber(n: number, band = false): AttributeMatch | undefined {
    if (!Number.isInteger(n) || n < 0) return undefined;
    const index = this.spec.labels.findIndex(
      (item) => item.range !== undefined && n >= item.range[0] && (band ? n + 9 : n) <= item.range[1],
    );
    return index === -1 ? undefined : this.byLabel[index];
  }

  private unknown(): AttributeMatch {
    return this.spec.unknownLabel === undefined ? UNKNOWN : UNKNOWN_TYPED;
  }
}

/**
 * The columns of an attribute's table, which are also the positions its counts are kept at: the
 * labels in config order, then the unknown label (when there is one), then 未記入 — consultations
 * from tables without the column, and blank cells of an attribute without an unknown label.
 */
export function attributeColumns(spec: AttributeSpec): string[] {
  return [...spec.labels.map((item) => item.label), ...(spec.unknownLabel === undefined ? [] : [spec.unknownLabel]), NOT_WRITTEN_LABEL];
}
