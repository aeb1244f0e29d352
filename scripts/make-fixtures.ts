/**
 * Builds every file under fixtures/ from code, deterministically (a seeded random generator), so
 * anyone can see how each fixture was made and rebuild it: `npm run fixtures`.
 *
 * fixtures/takasaki-r3/  the seed program's 令和3年度 logs, 2021-08 … 2022-02, in the mix of forms
 *                        real exports take; their totals are the seed report's table exactly.
 * fixtures/full-year/    another program with its own config: a complete fiscal year (令和5年度)
 *                        and two months of the next one.
 * fixtures/invalid/      broken exports, one problem class each.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import CFB from 'cfb';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { packageCalendar } from '../src/cli/holidays.js';
import { FULL_YEAR_CONFIG, fullYearRecords, NEXT_YEAR_MONTHS } from './fixture-data/full-year.js';
import { daysOf, random } from './fixture-data/random.js';
import { csvLine, utcDate, writeCsv } from './fixture-data/write.js';

const ROOT = path.resolve(import.meta.dirname, '..', 'fixtures');

// ---------------------------------------------------------------------------------------------
// The seed report's table (高崎市 女性のためのつながり相談(累計) 令和3年度), typed in from the source
// document: per month, counts by channel, category and outcome in config order.
const CHANNELS = ['電話', '来所', 'メール', 'litoko', '思いをつなぐ会'];
const CATEGORIES = ['精神保健', '就労関係', '対人関係', '家庭問題', '犯罪被害', '健康問題', '生活問題', 'その他'];
const OUTCOMES = ['助言', '情報', '他機関連携', '継続', 'その他'];
const SEED: { month: string; channel: number[]; category: number[]; outcome: number[] }[] = [
  { month: '2021-08', channel: [11, 0, 0, 0, 0], category: [0, 1, 0, 3, 0, 1, 4, 2], outcome: [10, 1, 0, 0, 0] },
  { month: '2021-09', channel: [15, 3, 0, 0, 0], category: [0, 0, 0, 7, 0, 0, 7, 4], outcome: [10, 3, 0, 5, 0] },
  { month: '2021-10', channel: [19, 0, 0, 1, 0], category: [0, 0, 2, 10, 0, 0, 5, 3], outcome: [3, 6, 1, 9, 1] },
  { month: '2021-11', channel: [14, 1, 0, 0, 0], category: [0, 0, 0, 4, 0, 0, 6, 5], outcome: [1, 3, 0, 7, 4] },
  { month: '2021-12', channel: [12, 3, 0, 1, 0], category: [2, 0, 0, 6, 0, 0, 5, 3], outcome: [2, 6, 0, 7, 1] },
  { month: '2022-01', channel: [24, 2, 7, 2, 0], category: [0, 0, 0, 24, 0, 0, 11, 0], outcome: [6, 4, 0, 25, 0] },
  { month: '2022-02', channel: [14, 2, 4, 0, 0], category: [0, 0, 1, 10, 0, 1, 7, 1], outcome: [7, 2, 0, 9, 2] },
];

/** Gatherings: 11 sessions at the two NPOs, 17 participants in all (seed: 2カ所・延べ11回・17名). */
const GATHERINGS: { date: string; venue: string; participants: number }[] = [
  { date: '2021-08-21', venue: 'litoko', participants: 1 },
  { date: '2021-09-11', venue: '思いをつなぐ会', participants: 2 },
  { date: '2021-09-25', venue: 'litoko', participants: 0 },
  { date: '2021-10-09', venue: '思いをつなぐ会', participants: 3 },
  { date: '2021-10-23', venue: 'litoko', participants: 2 },
  { date: '2021-11-13', venue: 'litoko', participants: 1 },
  { date: '2021-11-27', venue: '思いをつなぐ会', participants: 2 },
  { date: '2021-12-11', venue: 'litoko', participants: 2 },
  { date: '2022-01-22', venue: '思いをつなぐ会', participants: 1 },
  { date: '2022-02-05', venue: 'litoko', participants: 2 },
  { date: '2022-02-19', venue: '思いをつなぐ会', participants: 1 },
];

/** Handouts: 313 in all, at the head office and every branch (seed: 累計313件). */
const HANDOUT_LOCATIONS = ['本所', '倉渕支所', '箕郷', '群馬支所', '新町', '榛名支所', '吉井支所'];
const HANDOUT_TOTAL = 313;

// ---------------------------------------------------------------------------------------------

const rand = random(20210801);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
const expand = (labels: string[], counts: number[]): string[] => labels.flatMap((label, i) => Array<string>(counts[i]!).fill(label));

interface Consultation {
  id: string;
  date: string;
  channel: string;
  category: string;
  outcome: string;
  ageGroup: string;
  notes: string;
  counselor: string;
}

/** One month's consultations whose counts by channel, category and outcome are the seed's. */
function consultations(): Map<string, Consultation[]> {
  const byMonth = new Map<string, Consultation[]>();
  let serial = 0;
  for (const seed of SEED) {
    const channels = expand(CHANNELS, seed.channel);
    const categories = shuffle(expand(CATEGORIES, seed.category));
    const outcomes = shuffle(expand(OUTCOMES, seed.outcome));
    const openDays = daysOf(seed.month).filter((d) => !packageCalendar.closedDay(d));
    const anyDays = daysOf(seed.month);
    const rows = channels.map((channel, i) => ({
      channel,
      category: categories[i]!,
      outcome: outcomes[i]!,
      // Phone and visits only happen when the counter is open; the others can come in any day.
      date: pick(channel === '電話' || channel === '来所' ? openDays : anyDays),
    }));
    rows.sort((a, b) => a.date.localeCompare(b.date));
    byMonth.set(
      seed.month,
      rows.map((r) => ({
        ...r,
        id: `R3-${String(++serial).padStart(4, '0')}`,
        ageGroup: pick(['10代', '20代', '30代', '40代', '50代', '60代以上', '不明']),
        notes: pick(['（架空のテスト用メモ）', '架空: 生活費の相談', '架空: 家族との関係', '']),
        counselor: pick(['相談員A', '相談員B', '相談員C']),
      })),
    );
  }
  return byMonth;
}

// ---------------------------------------------------------------------------------------------
// Ways staff write dates and values.

const slashDate = (iso: string): string => iso.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/u, '$1/$2/$3');
const eraDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `令和${y - 2018}年${m}月${d}日`;
};
const eraLetterDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `R${y - 2018}.${m}.${d}`;
};
const fullWidth = (text: string): string => text.replace(/[0-9A-Za-z/]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const excelSerial = (iso: string): number => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'make-fixtures';
  workbook.created = new Date(Date.UTC(2022, 2, 1));
  workbook.modified = new Date(Date.UTC(2022, 2, 1));
  return workbook;
}

// ---------------------------------------------------------------------------------------------

async function takasakiR3(): Promise<void> {
  const dir = path.join(ROOT, 'takasaki-r3');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const months = consultations();
  const month = (m: string): Consultation[] => months.get(m)!;

  // 2021-08: Excel's default Japanese CSV (CP932), canonical headers, a blank line in the middle.
  {
    const rows = month('2021-08');
    const lines = [csvLine(['受付番号', '受付日', '受付方法', '主訴', '対応結果', '年代', '備考', '相談員'])];
    rows.forEach((r, i) => {
      lines.push(csvLine([r.id, slashDate(r.date), r.channel, r.category, r.outcome, r.ageGroup, r.notes, r.counselor]));
      if (i === 4) lines.push(',,,,,,,');
    });
    await writeCsv(path.join(dir, '2021-08_相談記録.csv'), lines, 'cp932');
  }

  // 2021-09: "CSV UTF-8" from Excel (with BOM), alias headers, 和暦 dates, aliases in values.
  {
    const lines = [csvLine(['No', '相談日', '相談方法', '相談内容', '対応', '担当'])];
    for (const r of month('2021-09')) {
      const outcome = r.outcome === '情報' ? '情報提供' : r.outcome;
      lines.push(csvLine([r.id, eraDate(r.date), r.channel === '来所' ? '来所相談' : r.channel, r.category, outcome, r.counselor]));
    }
    await writeCsv(path.join(dir, '2021-09_相談記録.csv'), lines, 'utf8bom');
  }

  // 2021-10: a workbook with a title above the header, alias headers, date cells, a blank row.
  {
    const workbook = newWorkbook();
    const sheet = workbook.addWorksheet('10月');
    sheet.addRow(['令和3年度 女性のためのつながり相談 相談記録（10月分）']);
    sheet.addRow([]);
    sheet.addRow(['番号', '日付', '受付', '主な相談内容', '結果', 'メモ']);
    month('2021-10').forEach((r, i) => {
      const row = sheet.addRow([r.id, utcDate(r.date), r.channel, r.category, r.outcome, r.notes]);
      row.getCell(2).numFmt = 'yyyy/m/d';
      if (i === 9) sheet.addRow(['', null, '', '', '', '']);
    });
    await workbook.xlsx.writeFile(path.join(dir, '2021-10_相談記録.xlsx'));
  }

  // 2021-11: Excel's "Unicode text" (UTF-16LE, tab-separated), R3.11.2 dates, full-width values.
  {
    const lines = [csvLine(['受付番号', '受付日', '受付方法', '主訴', '対応結果', '備考'], '\t')];
    for (const r of month('2021-11')) {
      const channel = r.channel === '電話' ? 'ＴＥＬ' : r.channel;
      lines.push(csvLine([r.id, eraLetterDate(r.date), channel, r.category, r.outcome, r.notes], '\t'));
    }
    await writeCsv(path.join(dir, '2021-11_相談記録.txt'), lines, 'utf16le');
  }

  // 2021-12: a workbook with full-width text dates, a rich-text cell, a formula date and a hidden extra sheet.
  {
    const workbook = newWorkbook();
    const sheet = workbook.addWorksheet('相談記録');
    sheet.addRow(['受付番号', '受付日', '受付方法', '主訴', '対応結果', '年代', '相談員']);
    month('2021-12').forEach((r, i) => {
      const [y, m, d] = r.date.split('-').map(Number) as [number, number, number];
      const date = i === 0 ? { formula: `DATE(${y},${m},${d})`, result: excelSerial(r.date) } : fullWidth(slashDate(r.date));
      const category =
        i === 1 ? { richText: [{ text: r.category.slice(0, 2), font: { bold: true } }, { text: r.category.slice(2) }] } : r.category;
      const row = sheet.addRow([r.id, date, r.channel, category, r.outcome, r.ageGroup, r.counselor]);
      if (i === 0) row.getCell(2).numFmt = 'yyyy/m/d';
    });
    const memo = workbook.addWorksheet('メモ', { state: 'hidden' });
    memo.addRow(['この月は年末年始の休業あり（架空のメモ）']);
    await workbook.xlsx.writeFile(path.join(dir, '2021-12_相談記録.xlsx'));
  }

  // 2022-01: UTF-8 without BOM, ISO dates and Excel serials mixed, exported twice by mistake.
  {
    const lines = [csvLine(['受付番号', '受付日', '受付方法', '主訴', '対応結果', '備考'])];
    month('2022-01').forEach((r, i) => {
      const date = i % 4 === 0 ? String(excelSerial(r.date)) : r.date;
      lines.push(csvLine([r.id, date, r.channel === 'メール' ? 'Eメール' : r.channel, r.category, r.outcome, r.notes]));
    });
    await writeCsv(path.join(dir, '2022-01_相談記録.csv'), lines, 'utf8');
    // The same month exported again from the case system, newest first: other bytes, the same table.
    await writeCsv(path.join(dir, '2022-01_相談記録_再出力.csv'), [lines[0]!, ...lines.slice(1).reverse()], 'utf8');
  }

  // 2022-02: the month-end workbook: consultations, gatherings of the year so far, an instructions sheet.
  {
    const workbook = newWorkbook();
    const intake = workbook.addWorksheet('相談記録');
    intake.addRow(['受付番号', '受付日', '受付方法', '主訴', '対応結果', '年代', '備考', '相談員']);
    month('2022-02').forEach((r, i) => {
      const date = i % 3 === 0 ? eraLetterDate(r.date).replace(/\./gu, '/') : utcDate(r.date);
      const row = intake.addRow([r.id, date, r.channel, r.category, r.outcome, r.ageGroup, r.notes, r.counselor]);
      row.getCell(2).numFmt = 'yyyy/m/d';
    });
    intake.addRow([]);
    const gatherings = workbook.addWorksheet('居場所');
    gatherings.addRow(['令和3年度 居場所開催記録']);
    gatherings.addRow(['開催日', '実施団体', '参加者数']);
    for (const g of GATHERINGS) {
      const row = gatherings.addRow([utcDate(g.date), g.venue === 'litoko' ? 'NPO法人litoko' : g.venue, g.participants]);
      row.getCell(1).numFmt = 'yyyy"年"m"月"d"日"';
    }
    const guide = workbook.addWorksheet('記入方法');
    guide.addRow(['このブックは月末に事務局へ提出してください。']);
    await workbook.xlsx.writeFile(path.join(dir, '2022-02_月次.xlsx'));
  }

  // Handouts: a CP932 CSV kept across the year, one row per handout day and place, with counts.
  {
    const lines = [csvLine(['配布日', '配布場所', '配布数'])];
    let remaining = HANDOUT_TOTAL;
    const days = SEED.flatMap((s) => daysOf(s.month).filter((d) => !packageCalendar.closedDay(d) && d.endsWith('0') === false));
    const chosen = days.filter((_, i) => i % 3 === 0);
    chosen.forEach((day, i) => {
      const location = HANDOUT_LOCATIONS[i % HANDOUT_LOCATIONS.length]!;
      const left = chosen.length - i;
      const count = left === 1 ? remaining : Math.max(1, Math.min(remaining - (left - 1), 1 + Math.floor(rand() * 12)));
      remaining -= count;
      lines.push(csvLine([slashDate(day), location, count >= 10 ? fullWidth(String(count)) : count]));
    });
    if (remaining !== 0) throw new Error(`handouts do not add up: ${remaining} left`);
    await writeCsv(path.join(dir, '生理用品配布記録.csv'), lines, 'cp932');
  }
}

// ---------------------------------------------------------------------------------------------

async function invalid(): Promise<void> {
  const dir = path.join(ROOT, 'invalid');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const header = '受付番号,受付日,受付方法,主訴,対応結果,備考';
  const ok = (n: number, date = '2021/9/1'): string => `R3-9${String(n).padStart(3, '0')},${date},電話,家庭問題,助言,架空メモ`;
  // Each file gets its own range of 受付番号, so that checking the whole folder finds no duplicates across files.
  let fileNumber = 0;
  const csv = (name: string, lines: string[]): Promise<void> => {
    const prefix = `R3-F${++fileNumber}-`;
    return writeFile(path.join(dir, name), `${lines.map((l) => l.replace(/R3-9/gu, prefix)).join('\r\n')}\r\n`);
  };

  await csv('bad-date.csv', [header, ok(1), ok(2, '2021/2/30'), ok(3)]);
  await csv('date-without-year.csv', [header, ok(1), ok(2), ok(3, '9/1')]);
  await csv('unknown-value.csv', [header, ok(1), 'R3-9002,2021/9/1,電活,家庭問題,助言,架空メモ', ok(3)]);
  await csv('missing-column.csv', ['受付番号,受付日,受付方法,対応結果,備考', 'R3-9001,2021/9/1,電話,助言,架空メモ']);
  await csv('missing-value.csv', [header, ok(1), ok(2), 'R3-9003,2021/9/1,電話,,助言,架空メモ']);
  await csv('conflicting-duplicate.csv', [header, ok(1), ok(2), 'R3-9001,2021/9/2,来所,生活問題,継続,架空メモ']);
  await csv('future-date.csv', [header, ok(1), ok(2, '2099/4/1')]);
  await csv('invalid-number.csv', ['開催日,実施団体,参加者数', '2021/9/11,litoko,2', '2021/9/25,思いをつなぐ会,三人']);
  // 2021-09-20 is 敬老の日, a national holiday: a phone consultation then is worth a second look.
  await csv('outside-service-days.csv', [header, ok(1), ok(2, '2021/9/20')]);
  await csv('header-only.csv', [header]);
  await csv('title-rows-only.csv', ['令和3年度 相談記録', '高崎市社会福祉協議会', '']);
  await writeFile(path.join(dir, 'empty.csv'), '');
  // CP932 with a byte pair that is neither valid UTF-8 nor valid CP932 (0x85 0x20) in 主訴 of row 3.
  await writeFile(
    path.join(dir, 'undecodable-bytes.csv'),
    Buffer.concat([
      iconv.encode(`${header}\r\n${ok(1)}\r\n`, 'cp932'),
      iconv.encode('R3-9002,2021/9/1,電話,家庭', 'cp932'),
      Buffer.from([0x85, 0x20]),
      iconv.encode(',助言,架空メモ\r\n', 'cp932'),
    ]),
  );

  // The legacy binary format and an encrypted workbook are both OLE compound files.
  const legacy = CFB.utils.cfb_new();
  CFB.utils.cfb_add(legacy, 'Workbook', Buffer.from('BIFF8 placeholder: a fixture, not a real sheet'));
  await writeFile(path.join(dir, 'legacy.xls'), CFB.write(legacy, { type: 'buffer' }) as Buffer);
  const encrypted = CFB.utils.cfb_new();
  CFB.utils.cfb_add(encrypted, 'EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  CFB.utils.cfb_add(encrypted, 'EncryptedPackage', Buffer.alloc(64, 0x5a));
  await writeFile(path.join(dir, 'encrypted.xlsx'), CFB.write(encrypted, { type: 'buffer' }) as Buffer);
}

async function fullYear(): Promise<void> {
  const dir = path.join(ROOT, 'full-year');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'tsup-report.config.json'), `${JSON.stringify(FULL_YEAR_CONFIG, null, 2)}\n`);
  const { consultations, gatherings, handouts } = fullYearRecords();
  const nextYear = (date: string): boolean => NEXT_YEAR_MONTHS.some((m) => date.startsWith(m));

  // The year's logs kept in one workbook, a sheet per kind, as many small offices do.
  const workbook = newWorkbook();
  const intake = workbook.addWorksheet('相談記録');
  intake.addRow(['受付番号', '受付日', '受付方法', '主訴', '対応結果', '備考']);
  for (const c of consultations.filter((c) => !nextYear(c.date))) {
    intake.addRow([c.id, utcDate(c.date), c.channel, c.category, c.outcome, '架空のメモ']).getCell(2).numFmt = 'yyyy/m/d';
  }
  const ibasho = workbook.addWorksheet('居場所');
  ibasho.addRow(['開催日', '会場', '参加人数']);
  for (const g of gatherings.filter((g) => !nextYear(g.date))) {
    ibasho.addRow([eraDate(g.date), g.venue, g.participants]);
  }
  const handoutSheet = workbook.addWorksheet('配布');
  handoutSheet.addRow(['配布日', '窓口', '件数']);
  for (const h of handouts.filter((h) => !nextYear(h.date))) {
    handoutSheet.addRow([utcDate(h.date), h.location, h.count]).getCell(1).numFmt = 'yyyy/m/d';
  }
  await workbook.xlsx.writeFile(path.join(dir, '令和5年度_記録.xlsx'));

  // The next year has begun: its first exports sit in the same folder.
  const next = (name: string, rows: string[]): Promise<void> => writeCsv(path.join(dir, `令和6年度_${name}.csv`), rows, 'utf8bom');
  await next('相談記録', [
    csvLine(['受付番号', '受付日', '受付方法', '主訴', '対応結果']),
    ...consultations.filter((c) => nextYear(c.date)).map((c) => csvLine([c.id, slashDate(c.date), c.channel, c.category, c.outcome])),
  ]);
  await next('居場所', [
    csvLine(['開催日', '会場', '参加人数']),
    ...gatherings.filter((g) => nextYear(g.date)).map((g) => csvLine([slashDate(g.date), g.venue, g.participants])),
  ]);
  await next('配布', [
    csvLine(['配布日', '窓口', '件数']),
    ...handouts.filter((h) => nextYear(h.date)).map((h) => csvLine([slashDate(h.date), h.location, h.count])),
  ]);
}

await takasakiR3();
await fullYear();
await invalid();
console.log(`fixtures written under ${ROOT}`);
