import type { Messages } from './types.js';

// SPEC §14: the words for client attributes (年代, DV …) and for targets the logs cannot give.

const list = (items: readonly string[]): string => items.map((s) => `"${s}"`).join(' or ');

/** Problems of attribute columns and of targets: the value typed in an attribute column is never among the facts. */
export const attributeIssuesEn: Pick<Messages['issue'], 'attribute-unknown' | 'target-unavailable'> = {
  'attribute-unknown': (d) =>
    `The value in "${d.column}" matches none of the configured labels and was counted as "${d.label}" (the value itself is not shown). Use one of the labels.`,
  'target-unavailable': (d) =>
    d.kind === 'support'
      ? `Target "${d.target}" counts ${d.metric}, but no support log was read, so it cannot be counted. Give the support log too. The target is left out of the report.`
      : `Target "${d.target}" counts ${d.metric}, but no consultation of the period has ${list(d.missing ?? [])} filled in, so it cannot be counted. The target is left out of the report.`,
};

export const attributeConfigEn: Messages['attributeConfig'] = {
  badId: (id) =>
    `id "${id}" must start with a letter and hold only letters, digits, _ and - (it names the metric intake.attribute.<id>.<label>)`,
  duplicateId: (id) => `attribute id "${id}" is used twice`,
  builtInHeader: (text, column) => `"${text}" is read as the log's own column "${column}", so it cannot head an attribute`,
  headerTaken: (text, other) => `"${text}" reads the same as another attribute's header "${other}", so a column could not be told apart`,
  reservedLabel: (text, reserved) => `"${text}" reads the same as "${reserved}", which counts consultations from tables without the column`,
  rangeOrder: (min, max) => `[${min}, ${max}]: write the smaller number first ([${max}, ${min}])`,
  rangeOverlap: (min, max, other) => `[${min}, ${max}] overlaps the range of "${other}": an age must fall into one label only`,
  unknownAttribute: (metric, id) => `metric "${metric}": no attribute "${id}" in config.attributes`,
};
