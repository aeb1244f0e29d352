import type { Messages } from './types.js';

/** Mistakes in the config file and their traps, in English. */
export const configEn: Pick<Messages, 'config' | 'configTraps'> = {
  config: {
    invalid: (file) => `The config ${file} has errors:`,
    unreadable: (file, reason) => `Cannot read the config file ${file}: ${reason}`,
    notJson: (file, reason) => `The config file ${file} is not valid JSON: ${reason}`,
    required: 'is required',
    expected: (what) => `expected ${what}`,
    got: (value) => `, got ${value}`,
    typeName: { number: 'a number', string: 'a string', boolean: 'true or false', array: 'a list [...]', object: 'an object {...}' },
    atLeast: (min) => `expected a number ≥ ${min}`,
    atMost: (max) => `expected a number ≤ ${max}`,
    atLeastItems: (min) => `needs at least ${min} item(s)`,
    notEmpty: 'must not be empty',
    wholeNumber: 'expected a whole number',
    monthFormat: 'expected a month like 2021-08 (YYYY-MM)',
    unknownKeys: (keys) => `unknown key(s): ${keys.join(', ')}`,
    duplicateLabel: (text, first) => `"${text}" reads the same as "${first}" in the same list, so a log value could not be told apart`,
    unknownMetric: (metric, known) => `no metric "${metric}"; known metrics: ${known.join(', ')}`,
    unknownMetricLabel: (metric, label, listName) => `metric "${metric}": "${label}" is not in ${listName}`,
    duplicateTargetId: (id) => `target id "${id}" is used twice`,
    evaluationOrder: 'levels must be ordered from the highest min down',
    evaluationFloor: 'the last level must have min 0, so that every result gets an evaluation',
  },
  configTraps: {
    percentMin: (value) =>
      `expected a fraction of the target: write 0.6 for 60% (${value} would mean ${Number((value * 100).toFixed(6))}%; 1.2 is 120%)`,
    notUtf8: (file) =>
      `The config file ${file} is not saved as UTF-8 (Shift_JIS?). Save it again choosing the encoding UTF-8 (in Notepad: Save As, Encoding: UTF-8).`,
    notJsonAt: (file, line, column, reason) => `The config file ${file} is not valid JSON at line ${line}, column ${column} (${reason})`,
    jsonSyntax: (kind, parser) =>
      ({
        'missing-comma': 'expected "," or "}" / "]": is a comma missing after the previous item?',
        'missing-colon': 'expected ":" after the key: is it a full-width "："?',
        'property-name': 'a key must be in double quotes: is there a comma after the last item?',
        'cut-short': 'the file ends too soon: is a "}" or "]" missing?',
        'bad-character': 'a character JSON does not allow: a full-width quote, colon or comma, or text without double quotes?',
        'bad-escape': 'inside "…" a \\ is written \\\\ (for folders, / works as well)',
        'after-end': 'there is text after the closing "}"',
        other: parser,
      })[kind],
    unknownKeyDidYouMean: (key, suggestion) => `unknown key "${key}": did you mean "${suggestion}"?`,
    initExists: (path) => `${path} already exists (init never overwrites). Edit it, or write a new one elsewhere with --out OTHER.json.`,
  },
};
