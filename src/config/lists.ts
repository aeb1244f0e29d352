/** The coded lists of a config, by the key they have in the config file. Kept apart from the zod schema so that reading logs does not load zod. */
export const CODED_LISTS = [
  'channels',
  'categories',
  'outcomes',
  'ibashoVenues',
  'distributionLocations',
  // 支援記録 (SPEC §14): the kinds of support action and the agencies worked with.
  'supportTypes',
  'agencies',
] as const;
export type CodedList = (typeof CODED_LISTS)[number];

/** The by-agency row of support actions whose 連携先 was left blank (SPEC §14): no agency may take it. */
export const NO_AGENCY_LABEL = '未記入';

/** The config's file name, looked for in the working folder and beside the logs. */
export const CONFIG_FILE_NAME = 'tsup-report.config.json';

/** The config's JSON Schema, in the package's dist/ (written at build by scripts/config-schema.mjs). */
export const CONFIG_SCHEMA_FILE_NAME = 'tsup-report.config.schema.json';

/** What a count hidden by suppression is printed as (SPEC §15): `x` unless the config or --suppress-symbol says otherwise. */
export const SUPPRESSION_SYMBOLS = ['x', '×', '－', '*'] as const;
export type SuppressionSymbol = (typeof SUPPRESSION_SYMBOLS)[number];
