import { sourceTableJa } from './combine.ja.js';
import type { ReportPartWords } from './types.js';

/** The report's tables of SPEC §14, in Japanese (the words of prefectural and municipal 女性相談 reports). */
export const reportPartsJa: ReportPartWords = {
  month: '月',
  total: '合計',
  countText: (count) => `${count}件`,
  categoriesMultiple: '主訴（複数回答）',
  people: {
    title: '相談者数（実人数）',
    titleNewOnly: '新規の相談',
    visits: '延べ件数',
    clients: '実人数',
    new: '新規',
    withoutId: 'ID未記入',
    distinctNote: '期間の実人数は、複数月に相談した人を1人として数えるため、各月の合計とは一致しません。',
  },
  attribute: {
    periodTitle: (attribute) => `${attribute}別`,
    monthsTitle: (attribute) => `月別・${attribute}別`,
    count: '件数',
    share: '構成比',
    chart: (attribute) => `${attribute}別の構成比`,
  },
  support: {
    monthsTitle: '支援記録（月別・支援内容別）',
    agencyTitle: '連携先別',
    agency: '連携先',
    chart: '支援内容別の件数',
    sheet: '支援記録',
  },
  peopleSheet: '相談者数',
  sources: sourceTableJa,
};
