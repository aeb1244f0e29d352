/**
 * A second, made-up program with its own labels and targets, over one complete fiscal year
 * (令和5年度 = 2023-04 … 2024-03) plus two months of the next year. The records are built here,
 * deterministically, so the fixture script writes them and tests compute expected figures from
 * them independently of the tool.
 */
import { packageCalendar } from '../../src/cli/holidays.js';
import { daysOf, random } from './random.js';

export const FULL_YEAR_CONFIG = {
  program: '若年女性のための寄り添い相談',
  organization: '架空市社会福祉協議会',
  fiscalYearStartMonth: 4,
  programStart: '2023-04',
  channels: [
    { label: '電話', aliases: ['TEL'] },
    { label: 'LINE', aliases: ['ライン'] },
    { label: '面談', aliases: ['来所'], serviceDaysOnly: true },
    { label: '訪問' },
  ],
  categories: [
    { label: '生活困窮', aliases: ['生活'] },
    { label: 'DV・家族', aliases: ['DV', '家族'] },
    { label: '仕事' },
    { label: '心身の健康', aliases: ['健康'] },
    { label: '住まい' },
    { label: 'その他' },
  ],
  outcomes: [{ label: '傾聴' }, { label: '情報提供' }, { label: '同行支援' }, { label: '関係機関へつなぐ', aliases: ['つなぎ'] }],
  ibashoVenues: [{ label: 'カフェ結' }, { label: '公民館ひだまり' }, { label: '図書館こもれび' }],
  distributionLocations: [{ label: '市役所' }, { label: '保健センター' }, { label: '中央図書館' }],
  targets: [
    { id: 'consultations', label: '相談対応件数', metric: 'intake.total', target: 300, unit: '件' },
    { id: 'participants', label: '居場所の延べ参加者数', metric: 'ibasho.participants', target: 110, unit: '名' },
    { id: 'handouts', label: '生理用品の配布', metric: 'distribution.count', target: 500, unit: '件' },
  ],
  evaluation: [
    { min: 1.2, label: '大きく上回った' },
    { min: 1.0, label: '達成' },
    { min: 0.8, label: '概ね達成' },
    { min: 0, label: '未達成' },
  ],
};

export interface FullYearConsultation {
  id: string;
  date: string;
  channel: string;
  category: string;
  outcome: string;
}
export interface FullYearGathering {
  date: string;
  venue: string;
  participants: number;
}
export interface FullYearHandout {
  date: string;
  location: string;
  count: number;
}

/** The fiscal year's months, then the next year's first two (out of period for 令和5年度). */
export const FULL_YEAR_MONTHS = [
  '2023-04',
  '2023-05',
  '2023-06',
  '2023-07',
  '2023-08',
  '2023-09',
  '2023-10',
  '2023-11',
  '2023-12',
  '2024-01',
  '2024-02',
  '2024-03',
];
export const NEXT_YEAR_MONTHS = ['2024-04', '2024-05'];

export function fullYearRecords(): { consultations: FullYearConsultation[]; gatherings: FullYearGathering[]; handouts: FullYearHandout[] } {
  const rand = random(20230401);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const labels = (list: { label: string }[]): string[] => list.map((i) => i.label);
  const consultations: FullYearConsultation[] = [];
  const gatherings: FullYearGathering[] = [];
  const handouts: FullYearHandout[] = [];
  let serial = 0;
  for (const month of [...FULL_YEAR_MONTHS, ...NEXT_YEAR_MONTHS]) {
    const open = daysOf(month).filter((d) => !packageCalendar.closedDay(d));
    const all = daysOf(month);
    const perMonth = 18 + Math.floor(rand() * 12);
    const rows: Omit<FullYearConsultation, 'id'>[] = [];
    for (let i = 0; i < perMonth; i++) {
      const channel = pick(labels(FULL_YEAR_CONFIG.channels));
      rows.push({
        channel,
        date: pick(channel === '面談' ? open : all),
        category: pick(labels(FULL_YEAR_CONFIG.categories)),
        outcome: pick(labels(FULL_YEAR_CONFIG.outcomes)),
      });
    }
    rows.sort((a, b) => a.date.localeCompare(b.date));
    for (const row of rows) consultations.push({ id: `K-${String(++serial).padStart(5, '0')}`, ...row });

    const sessions = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < sessions; i++) {
      gatherings.push({ date: pick(all), venue: pick(labels(FULL_YEAR_CONFIG.ibashoVenues)), participants: Math.floor(rand() * 9) });
    }
    const handoutDays = 4 + Math.floor(rand() * 4);
    for (let i = 0; i < handoutDays; i++) {
      handouts.push({
        date: pick(open),
        location: pick(labels(FULL_YEAR_CONFIG.distributionLocations)),
        count: 1 + Math.floor(rand() * 10),
      });
    }
  }
  gatherings.sort((a, b) => a.date.localeCompare(b.date));
  handouts.sort((a, b) => a.date.localeCompare(b.date));
  return { consultations, gatherings, handouts };
}
