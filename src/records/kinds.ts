import type { CodedList } from '../config/lists.js';
import type { Kind } from '../problems.js';

export { KINDS, type Kind } from '../problems.js';

/**
 * How a column's cells are read:
 * - `id`: kept as text, used to find the same record exported twice;
 * - `date`: a calendar date;
 * - `coded`: must match a label (or alias) of the config list named by `list`;
 * - `count`: a whole number;
 * - `private`: free text or personal data — read past, never copied anywhere;
 * - `client`: a pseudonymous 相談者ID — read to count people (distinct), never output or echoed;
 * - `visit`: 新規 or 継続 (first contact or not).
 */
export type FieldRole = 'id' | 'date' | 'coded' | 'count' | 'private' | 'client' | 'visit';

export interface FieldSpec {
  field: string;
  header: string;
  aliases: readonly string[];
  required: boolean;
  role: FieldRole;
  list?: CodedList;
  /** Smallest accepted value of a count. */
  min?: number;
}

/** 相談者ID, in a consultation log and in a support log alike. */
const CLIENT_ID_HEADER = '相談者ID';
const CLIENT_ID_ALIASES = ['相談者番号', 'ケース番号', 'ケースID', '利用者番号', '相談者No', '相談者No.'];

export const KIND_FIELDS: Record<Kind, readonly FieldSpec[]> = {
  intake: [
    { field: 'id', header: '受付番号', aliases: ['番号', '相談番号', 'No', 'No.', 'ID'], required: false, role: 'id' },
    {
      field: 'date',
      header: '受付日',
      aliases: ['相談日', '受付年月日', '相談年月日', '日付', '年月日', '日時', 'date'],
      required: true,
      role: 'date',
    },
    {
      field: 'channel',
      header: '受付方法',
      aliases: ['相談受付方法', '相談方法', '受付', 'channel'],
      required: true,
      role: 'coded',
      list: 'channels',
    },
    {
      field: 'category',
      header: '主訴',
      aliases: ['相談内容', '主な相談内容', '相談種別', 'category'],
      required: true,
      role: 'coded',
      list: 'categories',
    },
    { field: 'outcome', header: '対応結果', aliases: ['対応', '結果', 'outcome'], required: true, role: 'coded', list: 'outcomes' },
    { field: 'clientId', header: CLIENT_ID_HEADER, aliases: CLIENT_ID_ALIASES, required: false, role: 'client' },
    { field: 'visit', header: '新規/継続', aliases: ['初回/継続', '相談区分', '新規継続', '新規・継続'], required: false, role: 'visit' },
    { field: 'ageGroup', header: '年代', aliases: ['年齢層'], required: false, role: 'private' },
    { field: 'notes', header: '備考', aliases: ['メモ', '相談内容メモ', '記録'], required: false, role: 'private' },
    { field: 'counselor', header: '相談員', aliases: ['担当', '担当者'], required: false, role: 'private' },
  ],
  ibasho: [
    { field: 'date', header: '開催日', aliases: ['日付', '実施日'], required: true, role: 'date' },
    { field: 'venue', header: '実施団体', aliases: ['会場', '団体', '場所'], required: true, role: 'coded', list: 'ibashoVenues' },
    { field: 'participants', header: '参加者数', aliases: ['参加人数', '利用者数', '人数'], required: true, role: 'count', min: 0 },
  ],
  distribution: [
    { field: 'date', header: '配布日', aliases: ['日付'], required: true, role: 'date' },
    {
      field: 'location',
      header: '配布場所',
      aliases: ['場所', '窓口'],
      required: true,
      role: 'coded',
      list: 'distributionLocations',
    },
    { field: 'count', header: '配布数', aliases: ['件数', '配布件数', '数量'], required: false, role: 'count', min: 1 },
  ],
  // 支援記録 (SPEC §14): one row per support action. Its 受付番号 links to a consultation (several
  // actions may share one), so it is no record ID: content for finding a table read twice, nothing
  // more. Its 相談者ID counts no one here and, like 備考, is read past.
  support: [
    { field: 'date', header: '実施日', aliases: ['支援日', '日付'], required: true, role: 'date' },
    { field: 'type', header: '支援内容', aliases: ['支援種別', '支援の種類'], required: true, role: 'coded', list: 'supportTypes' },
    { field: 'agency', header: '連携先', aliases: ['連携機関', '同行先', '紹介先'], required: false, role: 'coded', list: 'agencies' },
    { field: 'consultation', header: '受付番号', aliases: [], required: false, role: 'id' },
    { field: 'clientId', header: CLIENT_ID_HEADER, aliases: CLIENT_ID_ALIASES, required: false, role: 'private' },
    { field: 'notes', header: '備考', aliases: ['メモ'], required: false, role: 'private' },
  ],
};
