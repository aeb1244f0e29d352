import type { Messages } from './types.js';

const quoted = (items: readonly string[]): string => items.map((s) => `"${s}"`).join(', ');

/** Suppression options (SPEC §15), English. */
export const suppressionEn: Pick<Messages, 'suppression'> = {
  suppression: {
    unknownAttribute: (id, known) =>
      known.length === 0
        ? `no attribute "${id}" in config.attributes (the config has no attributes)`
        : `no attribute "${id}" in config.attributes; the attribute ids are ${quoted(known)}`,
    looserThanBelow: (id, threshold, below) =>
      `attribute "${id}": ${threshold} is below suppression.below (${below}); a threshold per attribute can only be stricter (${below} or more)`,
    badSymbol: (allowed) => `the symbol for a hidden count must be one of ${quoted(allowed)}`,
    symbolWithoutBelow:
      '--suppress-symbol sets the symbol for hidden counts: give --suppress-below N with it, or set suppression.below in the config.',
  },
};
