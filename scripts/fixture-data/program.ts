/**
 * A made-up two-year programme (令和6年度 complete, 令和7年度 April … December) with what the seed
 * does not have: 相談者ID, 新規/継続, 年代 typed every way staff type it (bands, 歳代, bare ages,
 * full-width digits, names and junk), a DV flag, and a 支援記録 log. The records are built here,
 * deterministically; `scripts/make-program.ts` writes them and tests compute every expected figure
 * from them, never from the tool.
 */
import { packageCalendar } from '../../src/cli/holidays.js';
import { daysOf, random } from './random.js';

export const PROGRAM_CONFIG = {
  municipality: '架空市',
  program: '女性のためのつながり相談',
  organization: '架空市社会福祉協議会',
  fiscalYearStartMonth: 4,
  programStart: '2024-04',
  attributes: [
    {
      id: 'ageGroup',
      header: '年代',
      aliases: ['年齢層'],
      labels: [
        { label: '10代以下', range: [0, 19] },
        { label: '20代', range: [20, 29] },
        { label: '30代', range: [30, 39] },
        { label: '40代', range: [40, 49] },
        { label: '50代', range: [50, 59] },
        { label: '60代', range: [60, 69] },
        { label: '70代以上', range: [70, 120] },
      ],
      unknownLabel: '不明',
    },
    { id: 'dv', header: 'DV', labels: [{ label: '該当', aliases: ['○', '有', '1'] }], unknownLabel: '非該当' },
  ],
  targets: [
    { id: 'consultations', label: '相談対応件数', metric: 'intake.total', target: 400, unit: '件' },
    { id: 'support', label: '同行支援等', metric: 'support.total', target: 60, unit: '件' },
  ],
};

export const AGE_LABELS = PROGRAM_CONFIG.attributes[0]!.labels.map((l) => l.label);
export const UNKNOWN_AGE = '不明';
/** Rows from a table without the attribute's column (SPEC §14). */
export const NOT_WRITTEN = '未記入';

const CHANNELS = ['電話', '来所', 'メール', 'litoko', '思いをつなぐ会'];
const CATEGORIES = ['精神保健', '就労関係', '対人関係', '家庭問題', '犯罪被害', '健康問題', '生活問題', 'その他'];
const OUTCOMES = ['助言', '情報', '他機関連携', '継続', 'その他'];
export const SUPPORT_TYPES = ['同行支援', '訪問支援', '他機関との調整'];
export const AGENCIES = [
  '福祉事務所',
  '教育委員会・学校',
  '県女性相談センター',
  '男女共同参画センター',
  'ハローワーク・ジョブカフェ',
  '警察',
  '医療機関',
  'その他',
];

/** Months each file holds: what a council's folder looks like in its second December. */
export const MONTHS = {
  previousYear: monthsFrom('2024-04', 12),
  thisYearWorkbook: monthsFrom('2025-04', 6),
  thisYearCsv: monthsFrom('2025-10', 3),
};

export interface ProgramConsultation {
  id: string;
  date: string;
  channel: string;
  category: string;
  outcome: string;
  /** null: the cell is left empty. */
  clientId: string | null;
  /** What the 新規/継続 cell says (only the previous year's file has the column). */
  visit: '新規' | '継続';
  /** The 年代 cell as typed, and the label it must count under. */
  ageText: string;
  ageLabel: string;
  /** The DV cell as typed, and 該当 / 非該当. */
  dvText: string;
  dv: '該当' | '非該当';
  notes: string;
}

export interface ProgramSupport {
  date: string;
  type: string;
  /** The label it counts under; null when the 連携先 cell is empty. */
  agency: string | null;
  id: string | null;
  clientId: string | null;
  notes: string;
}

export interface ProgramRecords {
  consultations: ProgramConsultation[];
  support: ProgramSupport[];
  gatherings: { date: string; venue: string; participants: number }[];
  handouts: { date: string; location: string; count: number }[];
}

/** Ways an age is typed, each with the band it belongs to, and values that belong to none. */
function ageTexts(age: number, rand: () => number): string {
  const band = Math.min(70, Math.floor(age / 10) * 10);
  const forms = [
    band >= 70 ? '70代以上' : band < 20 ? '10代以下' : `${band}代`,
    band >= 20 && band < 70 ? `${band}歳代` : String(age),
    String(age),
    `${age}歳`,
    `${String(age).replace(/[0-9]/gu, (d) => String.fromCharCode(0xff10 + Number(d)))}歳`,
  ];
  return forms[Math.floor(rand() * forms.length)]!;
}

function ageLabelOf(age: number): string {
  if (age < 20) return '10代以下';
  if (age >= 70) return '70代以上';
  return `${Math.floor(age / 10) * 10}代`;
}

/** Junk typed into 年代 (a name in the wrong column among them): counted as 不明, never echoed. */
const AGE_JUNK = ['山田花子', 'わからない', '?', '不詳'];

export function programRecords(): ProgramRecords {
  const rand = random(20240401);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

  const clients = Array.from({ length: 70 }, (_, i) => ({
    id: `K${String(i + 1).padStart(3, '0')}`,
    age: 15 + Math.floor(rand() * 66),
    dv: rand() < 0.25,
  }));
  const lastSeen = new Map<string, string>();

  const consultations: ProgramConsultation[] = [];
  const months = [...MONTHS.previousYear, ...MONTHS.thisYearWorkbook, ...MONTHS.thisYearCsv];
  let serial = 0;
  for (const month of months) {
    const days = daysOf(month).filter((d) => !packageCalendar.closedDay(d));
    const count = 18 + Math.floor(rand() * 20);
    const dates = Array.from({ length: count }, () => pick(days)).sort();
    for (const date of dates) {
      serial += 1;
      const withoutId = rand() < 0.08;
      // Later months bring fewer new people: most consultations are with someone already known.
      const client = withoutId ? null : pick(clients.slice(0, Math.min(clients.length, 12 + serial / 6)));
      const previous = client ? lastSeen.get(client.id) : undefined;
      // Staff mark someone 新規 again after half a year away: the column and "first record read" differ.
      const visit = client === null ? pick(['新規', '継続'] as const) : !previous || daysBetween(previous, date) > 180 ? '新規' : '継続';
      if (client) lastSeen.set(client.id, date);
      const junk = rand() < 0.05;
      const blank = !junk && rand() < 0.05;
      const age = client?.age ?? 20 + Math.floor(rand() * 50);
      const ageText = junk ? pick(AGE_JUNK) : blank ? '' : ageTexts(age, rand);
      const dvTrue = client?.dv ?? rand() < 0.2;
      const dvText = dvTrue ? pick(['○', '有', '1', '該当']) : pick(['', '', '', 'なし']);
      consultations.push({
        id: `P${String(serial).padStart(4, '0')}`,
        date,
        channel: pick(CHANNELS.slice(0, 3)),
        category: pick(CATEGORIES),
        outcome: pick(OUTCOMES),
        clientId: client?.id ?? null,
        visit,
        ageText,
        ageLabel: junk || blank ? UNKNOWN_AGE : ageLabelOf(age),
        dvText,
        dv: dvTrue ? '該当' : '非該当',
        notes: `架空の相談メモ${serial}`,
      });
    }
  }

  const support: ProgramSupport[] = [];
  for (const month of months) {
    const days = daysOf(month).filter((d) => !packageCalendar.closedDay(d));
    const count = 2 + Math.floor(rand() * 6);
    for (let i = 0; i < count; i++) {
      const date = pick(days);
      const linked = consultations.filter((c) => c.date <= date && c.clientId !== null).at(-1 - Math.floor(rand() * 5));
      const agency = rand() < 0.15 ? null : pick(AGENCIES);
      support.push({
        date,
        type: pick(SUPPORT_TYPES),
        agency,
        id: linked && rand() < 0.7 ? linked.id : null,
        clientId: linked?.clientId ?? null,
        notes: `架空の支援メモ${support.length + 1}`,
      });
    }
  }
  support.sort((a, b) => a.date.localeCompare(b.date));

  const gatherings = months.flatMap((month) => {
    const saturdays = daysOf(month).filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6);
    return [
      { date: saturdays[1]!, venue: 'litoko', participants: Math.floor(rand() * 5) },
      ...(rand() < 0.6 ? [{ date: saturdays[3] ?? saturdays[2]!, venue: '思いをつなぐ会', participants: Math.floor(rand() * 4) }] : []),
    ];
  });
  const handouts = months.flatMap((month) =>
    ['本所', '倉渕支所', '新町支所'].map((location) => ({ date: `${month}-15`, location, count: 1 + Math.floor(rand() * 12) })),
  );
  return { consultations, support, gatherings, handouts };
}

function monthsFrom(first: string, count: number): string[] {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(y, m - 1 + i, 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}
