// The synthetic intake logs the benchmarks read (generated into bench/data/, not committed):
// weekdays of 令和3年度 that are not holidays, valid values in a fixed rotation, so that every
// run's totals can be checked against what was written.
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';

export const DATA = path.join(import.meta.dirname, 'data');
export const CHANNELS = ['電話', '来所', 'メール', 'litoko', '思いをつなぐ会'];
const CATEGORIES = ['精神保健', '就労関係', '対人関係', '家庭問題', '犯罪被害', '健康問題', '生活問題', 'その他'];
const OUTCOMES = ['助言', '情報', '他機関連携', '継続', 'その他'];
/** Weekdays of 令和3年度 that are not holidays, so the synthetic logs raise no warnings. */
export const DAYS = (() => {
  const holidays = new Set([
    '2021-04-29',
    '2021-05-03',
    '2021-05-04',
    '2021-05-05',
    '2021-07-22',
    '2021-07-23',
    '2021-08-09',
    '2021-09-20',
    '2021-09-23',
    '2021-11-03',
    '2021-11-23',
    '2022-01-10',
    '2022-02-11',
    '2022-02-23',
    '2022-03-21',
  ]);
  const days: string[] = [];
  for (let t = Date.UTC(2021, 3, 1); t <= Date.UTC(2022, 2, 31); t += 86_400_000) {
    const d = new Date(t);
    const iso = d.toISOString().slice(0, 10);
    const md = iso.slice(5);
    if (d.getUTCDay() % 6 !== 0 && !holidays.has(iso) && md >= '01-04' && md <= '12-28') days.push(iso);
  }
  return days;
})();

export function row(i: number): string[] {
  return [
    `B-${i}`,
    DAYS[i % DAYS.length]!.replace(/-/gu, '/'),
    CHANNELS[i % 5]!,
    CATEGORIES[(i >> 3) % 8]!,
    OUTCOMES[(i >> 6) % 5]!,
    '架空のメモ',
  ];
}
export const HEADER = ['受付番号', '受付日', '受付方法', '主訴', '対応結果', '備考'];

/** `withIds: false` leaves out 受付番号, to show what the duplicate-ID index costs. */
export async function makeCsv(rows: number, withIds = true): Promise<string> {
  const file = path.join(DATA, `intake-${rows}${withIds ? '' : '-no-ids'}.csv`);
  if (existsSync(file)) return file;
  const out = createWriteStream(file);
  const drop = withIds ? 0 : 1;
  out.write(`${HEADER.slice(drop).join(',')}\n`);
  for (let i = 1; i <= rows; i++) {
    if (!out.write(`${row(i).slice(drop).join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return file;
}
