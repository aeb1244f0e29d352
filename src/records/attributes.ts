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
 * matches, or a blank cell, when the attribute has one); or `unknown` when it has none. The raw
 * value is never part of the answer: people type names into the wrong column.
 */
export type AttributeMatch =
  { kind: 'label'; index: number } | { kind: 'unknown-label'; typed: boolean } | { kind: 'blank' } | { kind: 'unknown' };

/** An age as people type it: `34`, `34歳`, `３４才`, or a band's start, `30代`, `30歳代`. */
const AGE = /^(\d{1,3})(?:歳|才)?(代)?$/u;
const BAND = /^(\d{1,3})(?:歳|才)?代$/u;

/** Matches cells of one attribute column against its labels; answers are cached by the raw text. */
export class AttributeMatcher {
  private readonly byKey = new Map<string, number>();
  private readonly cache = new Map<string, AttributeMatch>();

  constructor(private readonly spec: AttributeSpec) {
    spec.labels.forEach((item, index) => {
      for (const spelling of [item.label, ...(item.aliases ?? [])]) {
        const key = normalizeKey(spelling);
        if (!this.byKey.has(key)) this.byKey.set(key, index);
      }
    });
  }

  match(cell: CellValue | undefined): AttributeMatch {
    if (cell === undefined || isEmptyCell(cell))
      return this.spec.unknownLabel === undefined ? { kind: 'blank' } : { kind: 'unknown-label', typed: false };
    // A number is matched as it reads first (a flag's `1`), then as an age.
    const text = cellText(cell);
    let result = this.cache.get(text);
    if (result === undefined) {
      result = this.byText(text);
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(text, result);
    }
    return result;
  }

  private byText(text: string): AttributeMatch {
    const key = normalizeKey(text);
    const index = this.byKey.get(key);
    if (index !== undefined) return { kind: 'label', index };
    const age = AGE.exec(key);
    return (age && this.byNumber(Number(age[1]), BAND.test(key))) ?? this.unknown();
  }

  /** The label whose range holds the number; a band (`30代`) must fall wholly in one label's range. */
  private byNumber(n: number, band = false): AttributeMatch | undefined {
    if (!Number.isInteger(n) || n < 0) return undefined;
    const index = this.spec.labels.findIndex(
      (item) => item.range !== undefined && n >= item.range[0] && (band ? n + 9 : n) <= item.range[1],
    );
    return index === -1 ? undefined : { kind: 'label', index };
  }

  private unknown(): AttributeMatch {
    return this.spec.unknownLabel === undefined ? { kind: 'unknown' } : { kind: 'unknown-label', typed: true };
  }
}
