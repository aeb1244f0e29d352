import { sourceTableEn } from './combine.en.js';
import type { ReportPartWords } from './types.js';

/** The report's tables of SPEC §14, in English. */
export const reportPartsEn: ReportPartWords = {
  month: 'Month',
  total: 'Total',
  countText: (count) => `${count}`,
  categoriesMultiple: 'Main concern (several per consultation)',
  people: {
    title: 'People (distinct clients)',
    titleNewOnly: 'New consultations',
    visits: 'Consultations',
    clients: 'People',
    new: 'New',
    withoutId: 'No client ID',
    distinctNote:
      'A person who consulted in several months counts once in the period, so the period’s people are not the sum of the months.',
  },
  attribute: {
    periodTitle: (attribute) => `By ${attribute}`,
    monthsTitle: (attribute) => `By ${attribute} (by month)`,
    count: 'Count',
    share: 'Share',
    chart: (attribute) => `Share by ${attribute}`,
  },
  support: {
    monthsTitle: 'Support actions (by month and type)',
    agencyTitle: 'By partner agency',
    agency: 'Partner agency',
    chart: 'Support actions by type',
    sheet: 'Support',
  },
  peopleSheet: 'People',
  sources: sourceTableEn,
};
