import { z } from 'zod';
import { SUPPRESSION_SYMBOLS } from './lists.js';

/** One entry of a coded list (channel, category, …): the label printed in reports and the spellings accepted in logs. */
const labelItem = z
  .object({
    label: z.string().trim().min(1),
    aliases: z.array(z.string().trim().min(1)).optional(),
  })
  .strict();

const channelItem = labelItem.extend({ serviceDaysOnly: z.boolean().optional() }).strict();

const target = z
  .object({
    id: z.string().trim().min(1),
    label: z.string().trim().min(1),
    metric: z.string().trim().min(1),
    target: z.number().nonnegative(),
    unit: z.string(),
    // The target applies to this fiscal year only; without it, to every year.
    fiscalYear: z.number().int().min(1900).max(9999).optional(),
  })
  .strict();

const evaluationLevel = z
  .object({
    // A fraction of the target; 10 or more is a percent written by mistake (1.2 for 120% is fine).
    min: z.number().nonnegative().lt(10),
    label: z.string().trim().min(1),
    /** The seed's evaluation line after 「評価：」, e.g. 「概ね達成された。」. */
    sentence: z.string().trim().min(1).optional(),
  })
  .strict();

const sentenceTemplate = z.string().trim().min(1);

/** The summary sentences of SPEC §8 as templates with named placeholders (checked in sentences.ts). */
const sentences = z
  .object({
    intake: sentenceTemplate,
    distribution: sentenceTemplate,
    ibasho: sentenceTemplate,
    // Sentence 4, said only when support records (支援記録) were read (SPEC §14).
    support: sentenceTemplate,
    // Worded by a later issue (§15 comparison); accepted now so that configs can carry it.
    comparison: sentenceTemplate.optional(),
  })
  .strict();

// ── SPEC §14: client attributes (年代, DV …) and several 主訴 per consultation ──

/** One label of an attribute: its spellings, and for ages the whole numbers it covers (`[30, 39]` for 30代). */
const attributeLabel = labelItem.extend({ range: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional() }).strict();

/** A client attribute counted by label (SPEC §14); ids, labels and ranges are checked further in parse.ts. */
const attribute = z
  .object({
    id: z.string().trim().min(1),
    header: z.string().trim().min(1),
    aliases: z.array(z.string().trim().min(1)).optional(),
    labels: z.array(attributeLabel).min(1).max(1000),
    unknownLabel: z.string().trim().min(1).optional(),
  })
  .strict();

// ── SPEC §15: suppression by default, and shares ──

/** A threshold: counts from 1 to one below it are hidden (1 would hide nothing, so 2 is the least). */
const threshold = z.number().int().min(2);

/**
 * Small-count suppression as the config sets it (SPEC §15): `below` turns it on for every report
 * (--suppress-below overrides it), `symbol` is what a hidden count is printed as, `attributes` gives
 * an attribute (by id) a stricter threshold of its own; ids and thresholds are checked in parse.ts.
 */
const suppression = z
  .object({
    below: threshold.optional(),
    symbol: z.enum(SUPPRESSION_SYMBOLS).optional(),
    attributes: z.record(z.string(), threshold).optional(),
  })
  .strict();

export const configSchema = z
  .object({
    municipality: z.string(),
    program: z.string().trim().min(1),
    organization: z.string(),
    fiscalYearStartMonth: z.number().int().min(1).max(12),
    // null: a program that runs from the start of every year (the default's own start is 2021-08).
    programStart: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'YYYY-MM' })
      .nullable()
      .optional(),
    channels: z.array(channelItem).min(1).max(1000),
    categories: z.array(labelItem).min(1).max(1000),
    outcomes: z.array(labelItem).min(1).max(1000),
    ibashoVenues: z.array(labelItem).min(1),
    distributionLocations: z.array(labelItem).min(1),
    // 支援記録 (SPEC §14): the kinds of support action, and the agencies a 連携先 names.
    supportTypes: z.array(labelItem).min(1).max(1000),
    agencies: z.array(labelItem).min(1).max(1000),
    targets: z.array(target),
    evaluation: z.array(evaluationLevel).min(1),
    sentences,
    // SPEC §14: none by default, so that the seed's report is unchanged.
    attributes: z.array(attribute).max(100),
    categoriesMultiple: z.boolean(),
    // SPEC §15: neither by default, so that the seed's report is unchanged.
    suppression: suppression.optional(),
    showShares: z.boolean().optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type LabelItem = z.infer<typeof labelItem>;
export type ChannelItem = z.infer<typeof channelItem>;
export type Target = z.infer<typeof target>;
export type EvaluationLevel = z.infer<typeof evaluationLevel>;
export type Sentences = z.infer<typeof sentences>;
export type Attribute = z.infer<typeof attribute>;
export type SuppressionConfig = z.infer<typeof suppression>;

export { CODED_LISTS, type CodedList } from './lists.js';
