import type { Messages } from './types.js';

const quoted = (items: readonly string[]): string => items.map((s) => `「${s}」`).join('、');

/** Suppression options (SPEC §15), Japanese. */
export const suppressionJa: Pick<Messages, 'suppression'> = {
  suppression: {
    unknownAttribute: (id, known) =>
      known.length === 0
        ? `「${id}」という属性は config.attributes にありません（属性が一つも設定されていません）`
        : `「${id}」という属性は config.attributes にありません。属性の id: ${quoted(known)}`,
    looserThanBelow: (id, threshold, below) =>
      `属性「${id}」の ${threshold} は suppression.below の ${below} より小さい数です。属性ごとの数は、全体より厳しく（${below} 以上に）するときだけ書きます`,
    badSymbol: (allowed) => `伏せた数の記号は ${quoted(allowed)} のどれかにしてください`,
    symbolWithoutBelow:
      '--suppress-symbol は、数を伏せるときの記号です。--suppress-below N と一緒に指定するか、設定の suppression.below を書いてください。',
  },
};
