import { distance } from 'fastest-levenshtein';
import type { LabelItem } from '../config/schema.js';
import { normalizeKey } from '../text.js';

export type CodedMatch = { ok: true; index: number } | { ok: false; suggestion?: string };

/**
 * Matches a typed value against one configured list (labels and aliases) after normalisation.
 * Logs repeat the same few values thousands of times, so every answer is cached by the raw text.
 */
export class CodedMatcher {
  readonly labels: string[];
  private readonly byKey = new Map<string, number>();
  private readonly cache = new Map<string, CodedMatch>();

  constructor(items: readonly LabelItem[]) {
    this.labels = items.map((item) => item.label);
    items.forEach((item, index) => {
      for (const spelling of [item.label, ...(item.aliases ?? [])]) {
        const key = normalizeKey(spelling);
        if (!this.byKey.has(key)) this.byKey.set(key, index);
      }
    });
  }

  match(text: string): CodedMatch {
    let result = this.cache.get(text);
    if (result === undefined) {
      const index = this.byKey.get(normalizeKey(text));
      result = index === undefined ? { ok: false, suggestion: this.suggest(text) } : { ok: true, index };
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(text, result);
    }
    return result;
  }

  /** The label meant by a near-miss: one spelling within a small edit distance, or contained in the value. */
  private suggest(text: string): string | undefined {
    const key = normalizeKey(text);
    if (key === '') return undefined;
    let best: { label: string; score: number } | undefined;
    let tie = false;
    for (const [spelling, index] of this.byKey) {
      const label = this.labels[index]!;
      const contained = spelling.length >= 2 && (key.includes(spelling) || spelling.includes(key));
      const d = contained ? 0.5 : distance(key, spelling);
      const limit = Math.max(1, Math.floor(Math.max(key.length, spelling.length) / 3));
      if (d > limit) continue;
      if (!best || d < best.score) {
        best = { label, score: d };
        tie = false;
      } else if (d === best.score && label !== best.label) {
        tie = true;
      }
    }
    return best && !tie ? best.label : undefined;
  }
}
