/**
 * Writes fixtures/program-2y/ from scripts/fixture-data/program.ts: a council's folder in its
 * second December (`npm run fixtures`).
 *
 *   令和6年度_相談記録.csv            CP932, with 相談者ID, 新規/継続, 年代, DV, 備考
 *   令和6年度_支援記録.csv            UTF-8 with BOM
 *   令和6年度_居場所.csv, _配布.csv   UTF-8 with BOM
 *   令和7年度_記録.xlsx               sheets 相談記録 (April … September, no 新規/継続 column:
 *                                     新規 is then the person's first record read) and 支援記録
 *   令和7年度_相談記録_10-12月.csv    UTF-8, without 年代 (those rows count as 未記入)
 *   令和7年度_居場所.csv, _配布.csv
 *   tsup-report.config.json           attributes 年代 and DV, targets
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { MONTHS, PROGRAM_CONFIG, programRecords, type ProgramConsultation } from './fixture-data/program.js';
import { csvLine, utcDate, writeCsv } from './fixture-data/write.js';

const DIR = path.resolve(import.meta.dirname, '..', 'fixtures', 'program-2y');
const slashDate = (iso: string): string => iso.replaceAll('-', '/');
const inMonths = (months: readonly string[]) => (record: { date: string }) => months.includes(record.date.slice(0, 7));

const { consultations, support, gatherings, handouts } = programRecords();
await rm(DIR, { recursive: true, force: true });
await mkdir(DIR, { recursive: true });
await writeFile(path.join(DIR, 'tsup-report.config.json'), `${JSON.stringify(PROGRAM_CONFIG, null, 2)}\n`);

const previousYear = inMonths(MONTHS.previousYear);
const thisYear = inMonths([...MONTHS.thisYearWorkbook, ...MONTHS.thisYearCsv]);

// 令和6年度: the case system's CSV export, in Shift_JIS as Excel saves it.
await writeCsv(
  path.join(DIR, '令和6年度_相談記録.csv'),
  [
    csvLine(['受付番号', '受付日', '相談者ID', '新規/継続', '受付方法', '主訴', '対応結果', '年代', 'DV', '備考']),
    ...consultations
      .filter(previousYear)
      .map((c) =>
        csvLine([c.id, slashDate(c.date), c.clientId ?? '', c.visit, c.channel, c.category, c.outcome, c.ageText, c.dvText, c.notes]),
      ),
  ],
  'cp932',
);
await writeCsv(path.join(DIR, '令和6年度_支援記録.csv'), supportLines(support.filter(previousYear)), 'utf8bom');

// 令和7年度 so far: a workbook kept by hand from April, then the case system's export again.
const workbook = new ExcelJS.Workbook();
workbook.creator = 'make-program';
workbook.created = new Date(Date.UTC(2025, 9, 1));
const intake = workbook.addWorksheet('相談記録');
intake.addRow(['受付番号', '受付日', '相談者ID', '受付方法', '主訴', '対応結果', '年代', 'DV', '備考']);
for (const c of consultations.filter(inMonths(MONTHS.thisYearWorkbook))) {
  // A bare age typed into 年代 is a number in a workbook.
  const age = /^\d+$/u.test(c.ageText) ? Number(c.ageText) : c.ageText;
  intake.addRow([c.id, utcDate(c.date), c.clientId ?? '', c.channel, c.category, c.outcome, age, c.dvText, c.notes]).getCell(2).numFmt =
    'yyyy/m/d';
}
const supportSheet = workbook.addWorksheet('支援記録');
supportSheet.addRow(['実施日', '支援内容', '連携先', '受付番号', '相談者ID', '備考']);
for (const s of support.filter(thisYear)) {
  supportSheet.addRow([utcDate(s.date), s.type, s.agency ?? '', s.id ?? '', s.clientId ?? '', s.notes]).getCell(1).numFmt = 'yyyy/m/d';
}
await workbook.xlsx.writeFile(path.join(DIR, '令和7年度_記録.xlsx'));

await writeCsv(
  path.join(DIR, '令和7年度_相談記録_10-12月.csv'),
  [
    csvLine(['受付番号', '受付日', '相談者ID', '受付方法', '主訴', '対応結果', 'DV', '備考']),
    ...consultations
      .filter(inMonths(MONTHS.thisYearCsv))
      .map((c: ProgramConsultation) =>
        csvLine([c.id, slashDate(c.date), c.clientId ?? '', c.channel, c.category, c.outcome, c.dvText, c.notes]),
      ),
  ],
  'utf8',
);

for (const [year, filter] of [
  ['令和6年度', previousYear],
  ['令和7年度', thisYear],
] as const) {
  await writeCsv(
    path.join(DIR, `${year}_居場所.csv`),
    [
      csvLine(['開催日', '実施団体', '参加者数']),
      ...gatherings.filter(filter).map((g) => csvLine([slashDate(g.date), g.venue, g.participants])),
    ],
    'utf8bom',
  );
  await writeCsv(
    path.join(DIR, `${year}_配布.csv`),
    [csvLine(['配布日', '配布場所', '配布数']), ...handouts.filter(filter).map((h) => csvLine([slashDate(h.date), h.location, h.count]))],
    'utf8bom',
  );
}

function supportLines(rows: typeof support): string[] {
  return [
    csvLine(['実施日', '支援内容', '連携先', '受付番号', '相談者ID', '備考']),
    ...rows.map((s) => csvLine([slashDate(s.date), s.type, s.agency ?? '', s.id ?? '', s.clientId ?? '', s.notes])),
  ];
}
console.log(`fixtures written under ${DIR}`);
