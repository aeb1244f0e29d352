import { en } from './en.js';
import { ja } from './ja.js';
import type { Lang, Messages } from './types.js';

export type { AppState, DownloadKind, Lang, Messages } from './types.js';
export { LANGS } from './types.js';
export type { CommandName, OptionName, WriteFailure } from './cli-types.js';

const TABLES: Record<Lang, Messages> = { ja, en };

export function messagesFor(lang: Lang): Messages {
  return TABLES[lang];
}
