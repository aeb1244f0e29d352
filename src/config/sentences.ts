import type { Messages } from '../messages/index.js';
import type { Config, Sentences } from './schema.js';

/** The placeholders each summary sentence may name (SPEC §8, §14, §15). */
export const SENTENCE_PLACEHOLDERS: Record<keyof Sentences, readonly string[]> = {
  intake: ['program', 'topChannel', 'topCategories', 'shareText', 'total'],
  distribution: ['program', 'count', 'locationsUsed'],
  ibasho: ['program', 'venuesUsed', 'sessions', 'participants'],
  support: ['program', 'total', 'typeCounts', 'topAgency'],
  comparison: ['program', 'total', 'prevTotal', 'diff', 'pct', 'trend'],
};

const PLACEHOLDER = /\{([^{}]*)\}/gu;

/** The placeholders a template names, in order. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/** A template with its placeholders filled in; the caller gives a value for every placeholder the key allows. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/** Every placeholder a config's sentences name that its sentence does not know, said with the ones it does. */
export function checkSentences(config: Config, m: Messages): string[] {
  const problems: string[] = [];
  for (const [key, known] of Object.entries(SENTENCE_PLACEHOLDERS) as [keyof Sentences, readonly string[]][]) {
    const template = config.sentences[key];
    if (template === undefined) continue;
    for (const name of placeholdersOf(template)) {
      if (!known.includes(name)) {
        problems.push(
          `config.sentences.${key}: ${m.sentenceTemplate.unknownPlaceholder(
            `{${name}}`,
            known.map((k) => `{${k}}`),
          )}`,
        );
      }
    }
  }
  return problems;
}

/** Lays a config file's `sentences` over the default's key by key, so a file giving one sentence keeps the others. */
export function mergeSentences(defaults: Sentences, given: unknown): unknown {
  const isObject = typeof given === 'object' && given !== null && !Array.isArray(given);
  return isObject ? { ...defaults, ...given } : given;
}
