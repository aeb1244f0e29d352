import type { Config } from '../config/schema.js';

/** Suppression as one run applies it (SPEC §11, §15). */
export interface Suppression {
  /** Counts from 1 to below−1 are hidden. */
  below: number;
  /** What a hidden count is printed as. */
  symbol: string;
  /** Attribute id → the stricter threshold its tables are hidden under (only those above `below`). */
  attributes: Record<string, number>;
  /** Whether the threshold was asked for on the command line or set in the config. */
  from: 'option' | 'config';
}

/**
 * The suppression a run applies: --suppress-below, else the config's `suppression.below`; none
 * without either, or with a threshold of 1 (it hides no count: `--suppress-below 1` turns the
 * config's suppression off for one run). The symbol is --suppress-symbol's, else the config's,
 * else x. An attribute's threshold applies where it is stricter than the one in force.
 */
export function suppressionFor(config: Pick<Config, 'suppression'>, below?: number, symbol?: string): Suppression | null {
  const chosen = below ?? config.suppression?.below;
  if (chosen === undefined || chosen <= 1) return null;
  return { ...settingsOf(config, chosen, symbol), from: below === undefined ? 'config' : 'option' };
}

/** A threshold given as a number (by a caller that has already chosen it) with the config's symbol and attribute thresholds. */
export function settingsOf(config: Pick<Config, 'suppression'>, below: number, symbol?: string): Suppression {
  const stricter = Object.entries(config.suppression?.attributes ?? {}).filter(([, threshold]) => threshold > below);
  return { below, symbol: symbol ?? config.suppression?.symbol ?? 'x', attributes: Object.fromEntries(stricter), from: 'option' };
}
