import type { Messages } from '../messages/index.js';
import { normalizeKey } from '../text.js';
import { ATTRIBUTE_ID, INTAKE_COLUMN_NAMES, NOT_WRITTEN_LABEL } from './columns.js';
import type { Config } from './schema.js';

const BUILT_IN = new Map(INTAKE_COLUMN_NAMES.map((name) => [normalizeKey(name), name]));

/**
 * What the schema cannot say of `attributes` (SPEC §14): ids that can name a metric, once each;
 * headers that are no column of the log's own and no other attribute's; labels (with the unknown
 * label and 未記入) that read apart; age ranges in order and not overlapping.
 */
export function checkAttributes(config: Config, m: Messages): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const headers = new Map<string, { text: string; attribute: number }>();
  config.attributes.forEach((attribute, a) => {
    const at = `config.attributes[${a}]`;
    if (!ATTRIBUTE_ID.test(attribute.id)) problems.push(`${at}.id: ${m.attributeConfig.badId(attribute.id)}`);
    else if (ids.has(attribute.id)) problems.push(`${at}.id: ${m.attributeConfig.duplicateId(attribute.id)}`);
    ids.add(attribute.id);

    [attribute.header, ...(attribute.aliases ?? [])].forEach((text, i) => {
      const where = i === 0 ? `${at}.header` : `${at}.aliases[${i - 1}]`;
      const key = normalizeKey(text);
      const builtIn = BUILT_IN.get(key);
      const other = headers.get(key);
      if (builtIn !== undefined) problems.push(`${where}: ${m.attributeConfig.builtInHeader(text, builtIn)}`);
      else if (other !== undefined && other.attribute !== a) problems.push(`${where}: ${m.attributeConfig.headerTaken(text, other.text)}`);
      else headers.set(key, { text, attribute: a });
    });

    const spellings = new Map<string, { text: string; label: number }>();
    const spell = (text: string, label: number, where: string): void => {
      const key = normalizeKey(text);
      const first = spellings.get(key);
      if (key === normalizeKey(NOT_WRITTEN_LABEL)) problems.push(`${where}: ${m.attributeConfig.reservedLabel(text, NOT_WRITTEN_LABEL)}`);
      else if (first !== undefined && first.label !== label) problems.push(`${where}: ${m.config.duplicateLabel(text, first.text)}`);
      else if (first === undefined) spellings.set(key, { text, label });
    };
    attribute.labels.forEach((item, l) => {
      spell(item.label, l, `${at}.labels[${l}].label`);
      (item.aliases ?? []).forEach((alias, i) => spell(alias, l, `${at}.labels[${l}].aliases[${i}]`));
    });
    if (attribute.unknownLabel !== undefined) spell(attribute.unknownLabel, -1, `${at}.unknownLabel`);

    attribute.labels.forEach((item, l) => {
      if (item.range === undefined) return;
      const [min, max] = item.range;
      const where = `${at}.labels[${l}].range`;
      if (min > max) {
        problems.push(`${where}: ${m.attributeConfig.rangeOrder(min, max)}`);
        return;
      }
      const overlapping = attribute.labels
        .slice(0, l)
        .find((other) => other.range !== undefined && other.range[0] <= other.range[1] && other.range[0] <= max && min <= other.range[1]);
      if (overlapping) problems.push(`${where}: ${m.attributeConfig.rangeOverlap(min, max, overlapping.label)}`);
    });
  });
  return problems;
}

/** What is wrong with `intake.attribute.<id>.<label>`: no attribute of that id, or no such label of it (its unknownLabel counts). */
export function attributeMetricProblem(
  config: Config,
  metric: string,
  ref: { id: string; label: string },
  m: Messages,
): string | undefined {
  const a = config.attributes.findIndex((attribute) => attribute.id === ref.id);
  if (a === -1) return m.attributeConfig.unknownAttribute(metric, ref.id);
  const attribute = config.attributes[a]!;
  const labels = [...attribute.labels.map((item) => item.label), ...(attribute.unknownLabel === undefined ? [] : [attribute.unknownLabel])];
  return labels.includes(ref.label) ? undefined : m.config.unknownMetricLabel(metric, ref.label, `config.attributes[${a}].labels`);
}
