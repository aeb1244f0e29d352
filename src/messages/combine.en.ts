import type { CombineWords, SourceTableWords } from './combine-types.js';
import type { Messages } from './types.js';

const names = (items: readonly string[]): string => items.map((s) => `"${s}"`).join(', ');

/** The table by source of a combined report, in English. */
export const sourceTableEn: SourceTableWords = {
  title: 'By organisation',
  organization: 'Organisation',
  gatherings: 'Gatherings',
  sessions: 'Sessions',
  participants: 'Participants',
  handouts: 'Sanitary products',
  handoutCount: 'Handouts',
  people: 'Clients',
  clients: 'Distinct',
  new: 'New',
  support: 'Support',
  supportTotal: 'Actions',
  overlap: (note) => `Note: clients are the sum of each organisation's own counts (${note}: one person may be counted by two).`,
  sheet: 'By organisation',
  chart: 'Consultations by organisation',
};

const combineWordsEn: CombineWords = {
  argument: 'report JSONs or folders',
  argumentHelp: "each organisation's report written by monthly / annual with --format json (.json); a folder gives every .json in it",
  placeholder: 'name',
  option: {
    organization: "the combined report's organisation (for example the prefecture) (default: the organisations' names joined with 「・」)",
    config:
      'a config file: only its summary-sentence templates, municipality (for the title) and suppression settings are used (default: the built-in sentences, nothing hidden)',
  },
  needsTwo: (given) =>
    `Give two or more reports (JSON) to combine (${given} given): the files each organisation wrote with --format json, or a folder holding them.`,
  badOrganization: 'Give --organization a name (it cannot be empty).',
  noReportsIn: (folder) => `The folder ${folder} holds no report (.json). Give the folder with the organisations' JSON files.`,
  refused: (count) => `${count === 1 ? 'This file' : `These ${count} files`} cannot be combined (nothing was written):`,
  line: (file, why) => `- ${file}: ${why}`,
  notJson: 'It is not JSON. Give a file written by tsup-report monthly / annual with --format json.',
  notAReport: 'It is not a tsup-report JSON report (give what monthly or annual wrote with --format json).',
  suppressed:
    'Its small counts are hidden (--suppress-below): hidden counts cannot be added up. Ask for the report written without suppression (suppress after combining, with --suppress-below).',
  inconsistent:
    'Its totals are not the sums of its months (edited by hand, or cut short). Ask for the report written again by tsup-report.',
  sameFile: (first) => `It is the same report as ${first}. Check that no file is given twice.`,
  otherYear: (found, expected, first) =>
    `It is the report of ${found}; the first, ${first}, is of ${expected}. Only reports of the same fiscal year can be combined.`,
  otherMonths: (found, expected, first) =>
    `It covers ${found}; the first, ${first}, covers ${expected}. Only reports up to the same month (written with the same --month) can be combined.`,
  categoryMode: (multiple, first) =>
    multiple
      ? `It counts several 主訴 per consultation (mentions); the first, ${first}, counts one per consultation, so the 主訴 cannot be added up. Write both with the same categoriesMultiple in the config.`
      : `It counts one 主訴 per consultation; the first, ${first}, counts several (mentions), so the 主訴 cannot be added up. Write both with the same categoriesMultiple in the config.`,
  sameOrganization: (organization, first) =>
    `Its organisation "${organization}" is also that of ${first}. Check that no file is given twice; if it is another window's report, give each window its own organization in its config and write the reports again (under one name, double counting cannot be told).`,
  noOrganization: 'Its organisation (organization in the config) is empty. Put the name in the config and write the report again.',
  table: {
    channel: 'channels',
    category: 'categories',
    outcome: 'outcomes',
    venue: 'gathering venues',
    location: 'handout places',
    supportType: 'support types',
    agency: 'agencies',
    attribute: 'attribute',
  },
  attributeTable: (attribute) => `attribute ${attribute}`,
  missingLabels: (organization, groups) =>
    `Note: the report of ${organization} has no ${groups.map((g) => `${g.table} ${names(g.labels)}`).join('; ')}: counted as 0 for it.`,
  missingAttributes: (organization, attributes) =>
    `Note: the report of ${organization} has no table of ${names(attributes)}: its consultations are counted under 「未記入」 (not written).`,
  withoutPeople: (organizations) =>
    `Note: the reports of ${organizations.join(', ')} have no client figures (distinct, new): the combined report leaves them out (they would be the total of some organisations only).`,
  withoutClients: (organizations) =>
    `Note: the reports of ${organizations.join(', ')} have no client IDs, hence no distinct clients: the combined report gives new clients only.`,
  withoutSupport: (organizations) =>
    `Note: the reports of ${organizations.join(', ')} have no support log: the combined report leaves support out (it would be the total of some organisations only).`,
  done: (count, organizations) => `Combined the reports of ${count} organisations: ${organizations.join(', ')}`,
};

/** `combine` (SPEC §15), English. */
export const combineEn: Pick<Messages, 'combine'> = { combine: combineWordsEn };
