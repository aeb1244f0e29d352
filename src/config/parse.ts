import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { normalizeKey, quoteValue } from '../text.js';
import type { Messages } from '../messages/index.js';
import { DEFAULT_CONFIG } from './default.js';
import { knownMetricPatterns, labelsOf, parseMetric } from './metrics.js';
import { CODED_LISTS, NO_AGENCY_LABEL, SUPPRESSION_SYMBOLS } from './lists.js';
import { checkSentences, mergeSentences } from './sentences.js';
import { attributeMetricProblem, checkAttributes } from './attributes.js';
import { configSchema, type Config } from './schema.js';

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** The neutral wording of sentence 2 for places other than the seed's 本所 and 支所. */
const PLACES_SENTENCE = '生理用品の配布は{locationsUsed}か所で行い、累計{count}件の配布を行った。';

/**
 * The default as another council's file inherits it: what is true only of the seed's council does
 * not carry over to a file that names its own. A file giving its own organisation or programme
 * but no municipality gets none (not 「高崎市」 in its titles); a file giving its own handout places
 * but no distribution sentence gets the neutral 「…{locationsUsed}か所で行い…」, not the seed's
 * 「社会福祉協議会本所及び、各支所にて」.
 */
function seedSpecificDefaults(given: Record<string, unknown>): Config {
  const ownCouncil = ('organization' in given || 'program' in given) && !('municipality' in given);
  const ownPlaces = 'distributionLocations' in given;
  return {
    ...DEFAULT_CONFIG,
    ...(ownCouncil ? { municipality: '' } : {}),
    ...(ownPlaces ? { sentences: { ...DEFAULT_CONFIG.sentences, distribution: PLACES_SENTENCE } } : {}),
  };
}

/**
 * Checks a config file's parsed JSON and lays it over the default: top-level keys the file gives
 * replace the default's, keys it leaves out keep the default. Pure: the caller reads the file.
 */
export function parseConfig(fileContent: unknown, m: Messages): ConfigResult {
  if (typeof fileContent !== 'object' || fileContent === null || Array.isArray(fileContent)) {
    return { ok: false, problems: [`config: ${m.config.expected(m.config.typeName.object!)}`] };
  }
  const given = fileContent as Record<string, unknown>;
  const defaults = seedSpecificDefaults(given);
  const merged: Record<string, unknown> = { ...defaults, ...given };
  if ('sentences' in given) merged.sentences = mergeSentences(defaults.sentences, given.sentences);
  const parsed = configSchema.safeParse(merged, { reportInput: true });
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? unknownKeyProblems(pathText(issue.path), issue.keys, knownKeysAt(issue.path), m)
        : [describeZodIssue(issue, m)],
    );
    return { ok: false, problems };
  }
  const problems = checkMeaning(parsed.data, m);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config: parsed.data };
}

function pathText(path: readonly PropertyKey[]): string {
  let text = 'config';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return text;
}

function describeZodIssue(issue: z.core.$ZodIssue, m: Messages): string {
  const where = pathText(issue.path);
  const input = (issue as { input?: unknown }).input;
  const got = input === undefined ? '' : m.config.got(quoteValue(JSON.stringify(input) ?? String(input), 60));
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `${where}: ${m.config.required}`;
      // zod 4 says a number with a fraction, where a whole one is wanted, is not of the type "int".
      if (issue.expected === 'int' && typeof input === 'number') return `${where}: ${m.config.wholeNumber}${got}`;
      return `${where}: ${m.config.expected(m.config.typeName[issue.expected] ?? issue.expected)}${got}`;
    case 'too_small':
      if (issue.origin === 'array') return `${where}: ${m.config.atLeastItems(issue.minimum)}`;
      if (issue.origin === 'string') return `${where}: ${m.config.notEmpty}`;
      return `${where}: ${m.config.atLeast(issue.minimum)}${got}`;
    case 'too_big':
      if (isEvaluationMin(issue.path) && typeof input === 'number') return `${where}: ${m.configTraps.percentMin(input)}`;
      return `${where}: ${m.config.atMost(issue.maximum)}${got}`;
    case 'invalid_format':
      return `${where}: ${m.config.monthFormat}${got}`;
    default:
      if (issue.code === 'invalid_value' && isSuppressionSymbol(issue.path))
        return `${where}: ${m.suppression.badSymbol(SUPPRESSION_SYMBOLS)}${got}`;
      if (issue.code === 'invalid_value' || issue.message.includes('int')) return `${where}: ${m.config.wholeNumber}${got}`;
      return `${where}: ${issue.message}${got}`;
  }
}

/** `evaluation[i].min`: its upper bound is there to catch a percent written for a fraction. */
function isEvaluationMin(path: readonly PropertyKey[]): boolean {
  return path.length === 3 && path[0] === 'evaluation' && path[2] === 'min';
}

/** `suppression.symbol`: one of a few symbols (SPEC §15). */
function isSuppressionSymbol(path: readonly PropertyKey[]): boolean {
  return path.length === 2 && path[0] === 'suppression' && path[1] === 'symbol';
}

/** Each unknown key on its own line when one of the known keys is a likely spelling of it. */
function unknownKeyProblems(where: string, keys: string[], known: string[], m: Messages): string[] {
  const guessed = keys.map((key) => ({ key, suggestion: likelyMeant(key, known) }));
  const unguessed = guessed.filter((g) => g.suggestion === undefined).map((g) => g.key);
  return [
    ...guessed.flatMap((g) => (g.suggestion === undefined ? [] : [`${where}: ${m.configTraps.unknownKeyDidYouMean(g.key, g.suggestion)}`])),
    ...(unguessed.length > 0 ? [`${where}: ${m.config.unknownKeys(unguessed)}`] : []),
  ];
}

/** The known key a misspelt one most likely means: same letters but for case, or a few edits away. */
function likelyMeant(key: string, known: string[]): string | undefined {
  if (known.length === 0) return undefined;
  const sameButCase = known.find((k) => k.toLowerCase() === key.toLowerCase());
  if (sameButCase) return sameButCase;
  const best = closest(key, known);
  return distance(key.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** The keys the schema knows for the object at `path` (array indexes step into the items). */
function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: z.ZodType = configSchema;
  for (const step of path) {
    schema = unwrapped(schema);
    if (typeof step === 'number' && schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else if (typeof step === 'string' && schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[step]!;
    else return [];
    if (schema === undefined) return [];
  }
  schema = unwrapped(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : [];
}

function unwrapped(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/** What the schema cannot say: labels that read alike, metrics that name nothing, evaluation order. */
function checkMeaning(config: Config, m: Messages): string[] {
  const problems: string[] = [];
  for (const list of CODED_LISTS) {
    const seen = new Map<string, { text: string; item: number }>();
    config[list].forEach((item, index) => {
      [item.label, ...(item.aliases ?? [])].forEach((text, spellingIndex) => {
        const key = normalizeKey(text);
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, { text, item: index });
        } else if (first.item !== index) {
          const where = spellingIndex === 0 ? `config.${list}[${index}].label` : `config.${list}[${index}].aliases[${spellingIndex - 1}]`;
          problems.push(`${where}: ${m.config.duplicateLabel(text, first.text)}`);
        }
      });
    });
  }

  config.targets.forEach((target, index) => {
    // One id may name a target per fiscal year; two that can apply to the same year clash.
    const clash = config.targets
      .slice(0, index)
      .some(
        (other) =>
          other.id === target.id &&
          (other.fiscalYear === undefined || target.fiscalYear === undefined || other.fiscalYear === target.fiscalYear),
      );
    if (clash) problems.push(`config.targets[${index}].id: ${m.config.duplicateTargetId(target.id)}`);
    const ref = parseMetric(target.metric);
    if (!ref) {
      problems.push(`config.targets[${index}].metric: ${m.config.unknownMetric(target.metric, knownMetricPatterns())}`);
    } else if (ref.kind === 'labelled' && !labelsOf(config, ref.list).includes(ref.label)) {
      problems.push(`config.targets[${index}].metric: ${m.config.unknownMetricLabel(target.metric, ref.label, `config.${ref.list}`)}`);
    } else if (ref.kind === 'attribute') {
      const problem = attributeMetricProblem(config, target.metric, ref, m);
      if (problem !== undefined) problems.push(`config.targets[${index}].metric: ${problem}`);
    }
  });

  config.evaluation.forEach((level, index) => {
    const previous = config.evaluation[index - 1];
    if (previous && level.min >= previous.min) problems.push(`config.evaluation[${index}].min: ${m.config.evaluationOrder}`);
  });
  const last = config.evaluation[config.evaluation.length - 1];
  if (last && last.min !== 0) problems.push(`config.evaluation[${config.evaluation.length - 1}].min: ${m.config.evaluationFloor}`);
  problems.push(...checkSentences(config, m));
  // 支援記録 (SPEC §14): the by-agency table closes with the actions that name no agency.
  config.agencies.forEach((agency, index) => {
    if (normalizeKey(agency.label) === normalizeKey(NO_AGENCY_LABEL)) {
      problems.push(`config.agencies[${index}].label: ${m.supportConfig.reservedAgency(agency.label)}`);
    }
  });
  problems.push(...checkAttributes(config, m));
  problems.push(...checkSuppression(config, m));
  return problems;
}

/** `suppression.attributes` (SPEC §15): each id an attribute of the config, each threshold at least `below` (it can only be stricter). */
function checkSuppression(config: Config, m: Messages): string[] {
  const { below, attributes = {} } = config.suppression ?? {};
  const ids = config.attributes.map((attribute) => attribute.id);
  return Object.entries(attributes).flatMap(([id, threshold]) => {
    const where = `config.suppression.attributes.${id}`;
    if (!ids.includes(id)) return [`${where}: ${m.suppression.unknownAttribute(id, ids)}`];
    return below !== undefined && threshold < below ? [`${where}: ${m.suppression.looserThanBelow(id, threshold, below)}`] : [];
  });
}
