/**
 * Workbooks as other programs write them, where no such program runs here: the XML is written by
 * hand, part by part, the way Japanese Excel, SheetJS and openpyxl write it, each with an
 * `.expected.json` of what a careful person counts (the same form as fixtures/real-world).
 * Also the lived-in copy of fixtures/takasaki-r3 (fixtures/lived-in): a logs folder as staff keep
 * it, with the tool's own report and annotated copy saved in it, a Windows copy, a lock file,
 * system files, a PDF, a memo and a month moved into a subfolder.
 *
 * `npm run fixtures` runs it after scripts/make-fixtures.ts (lived-in copies takasaki-r3).
 */
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { analyse, reportFrom, validationFrom } from '../src/pipeline.js';
import { messagesFor } from '../src/messages/index.js';
import { sourcesFromArgs } from '../src/read/node-files.js';
import { renderCsv } from '../src/render/csv.js';
import { renderXlsx } from '../src/render/xlsx.js';
import { annotateSources } from '../src/render/annotate.js';
import { holidaysFromPackage, packageCalendar } from '../src/cli/holidays.js';

const ROOT = path.resolve(import.meta.dirname, '..', 'fixtures');
const OUT = path.join(ROOT, 'other-writers');
/** Every zip entry gets this date, so that the files are the same on every run. */
const ZIP_DATE = new Date(Date.UTC(2026, 10, 1));

const CHANNELS = DEFAULT_CONFIG.channels.map((c) => c.label);
const CATEGORIES = DEFAULT_CONFIG.categories.map((c) => c.label);
const OUTCOMES = DEFAULT_CONFIG.outcomes.map((c) => c.label);

/** Katakana readings as Japanese Excel's IME stores them beside the text (<rPh>). */
const READINGS: Record<string, string> = {
  受付番号: 'ウケツケバンゴウ',
  受付日: 'ウケツケビ',
  受付方法: 'ウケツケホウホウ',
  主訴: 'シュソ',
  対応結果: 'タイオウケッカ',
  備考: 'ビコウ',
  電話: 'デンワ',
  来所: 'ライショ',
  家庭問題: 'カテイモンダイ',
  生活問題: 'セイカツモンダイ',
  就労関係: 'シュウロウカンケイ',
  助言: 'ジョゲン',
  継続: 'ケイゾク',
  情報: 'ジョウホウ',
};

interface Consultation {
  date: string;
  channel: string;
  category: string;
  outcome: string;
}

/** A small deterministic month of consultations on service days (no weekend, holiday or year-end), so no warning depends on the draw. */
function month(year: number, monthNumber: number, count: number, seed: number): Consultation[] {
  const rows: Consultation[] = [];
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  for (let day = 1; rows.length < count; day = (day % Math.min(days, 20)) + 1) {
    const date = `${year}-${String(monthNumber).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (packageCalendar.closedDay(date)) continue;
    rows.push({
      date,
      channel: ['電話', '電話', '来所', 'メール'][Math.floor(next() * 4)]!,
      category: ['家庭問題', '生活問題', '就労関係', 'その他'][Math.floor(next() * 4)]!,
      outcome: ['助言', '継続', '情報'][Math.floor(next() * 3)]!,
    });
  }
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

/** What a careful person counts, in fixtures/real-world's form. */
function expectation(file: string, how: string, human: string, rows: Consultation[]): object {
  const months: Record<
    string,
    { total: number; channel: Record<string, number>; category: Record<string, number>; outcome: Record<string, number> }
  > = {};
  for (const r of rows) {
    const key = r.date.slice(0, 7);
    const m = (months[key] ??= {
      total: 0,
      channel: Object.fromEntries(CHANNELS.map((l) => [l, 0])),
      category: Object.fromEntries(CATEGORIES.map((l) => [l, 0])),
      outcome: Object.fromEntries(OUTCOMES.map((l) => [l, 0])),
    });
    m.total++;
    m.channel[r.channel]!++;
    m.category[r.category]!++;
    m.outcome[r.outcome]!++;
  }
  return { file, how, human, rows: rows.length, months };
}

/** Excel's 1900-system serial of a date (past 1900-03-01), or the 1904 system's. */
function serial(date: string, date1904 = false): number {
  const days = (Date.parse(`${date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return date1904 ? days - 1462 : days;
}

const escape = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** A shared-strings table; with readings, each string carries its <rPh> runs as Japanese Excel writes them. */
class SharedStrings {
  readonly strings: string[] = [];
  constructor(private readonly furigana: boolean) {}
  index(text: string): number {
    let i = this.strings.indexOf(text);
    if (i === -1) i = this.strings.push(text) - 1;
    return i;
  }
  xml(): string {
    const items = this.strings.map((text) => {
      const reading = this.furigana ? READINGS[text] : undefined;
      const phonetic = reading ? `<rPh sb="0" eb="${text.length}"><t>${reading}</t></rPh><phoneticPr fontId="1"/>` : '';
      return `<si><t>${escape(text)}</t>${phonetic}</si>`;
    });
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;
  }
}

/** Cell XML: a shared string, a number with a style, an inline string or an ISO date (t="d"). */
type Cell = { s: string } | { n: number; style?: number } | { inline: string; reading?: string } | { iso: string } | null;

function sheetXml(rows: { cells: Cell[]; hidden?: boolean; style?: number }[], strings: SharedStrings, merges: string[] = []): string {
  const column = (i: number): string => String.fromCharCode(65 + i);
  const body = rows
    .map((row, r) => {
      const cells = row.cells
        .map((cell, c) => {
          const ref = `${column(c)}${r + 1}`;
          const style = row.style === undefined ? '' : ` s="${row.style}"`;
          if (cell === null) return '';
          if ('s' in cell) return `<c r="${ref}" t="s"${style}><v>${strings.index(cell.s)}</v></c>`;
          if ('n' in cell) return `<c r="${ref}" s="${cell.style ?? row.style ?? 0}"><v>${cell.n}</v></c>`;
          if ('iso' in cell) return `<c r="${ref}" t="d"${style}><v>${cell.iso}</v></c>`;
          const reading = cell.reading ? `<rPh sb="0" eb="${cell.inline.length}"><t>${cell.reading}</t></rPh>` : '';
          return `<c r="${ref}" t="inlineStr"${style}><is><t>${escape(cell.inline)}</t>${reading}</is></c>`;
        })
        .join('');
      return `<row r="${r + 1}"${row.hidden ? ' hidden="1"' : ''}>${cells}</row>`;
    })
    .join('');
  const mergeXml = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${body}</sheetData>${mergeXml}</worksheet>`;
}

/**
 * Styles: 0 General; 1 Excel's short date (id 14); 2 built-in 年月日 (id 31, Japanese Excel's
 * yyyy"年"m"月"d"日", a locale format with no code in the file); 3 built-in 和暦 (id 57); 4 struck through;
 * 5 a short date struck through.
 */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="游ゴシック"/><charset val="128"/></font><font><strike/><sz val="11"/><name val="游ゴシック"/><charset val="128"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="57" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="14" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs></styleSheet>`;

interface Part {
  name: string;
  xml: string;
}

/** A workbook from its sheets, with its parts in the given order and relationship targets absolute or relative. */
async function writeWorkbook(
  file: string,
  sheets: { name: string; part: string; xml: string; hidden?: boolean }[],
  strings: SharedStrings,
  options: { date1904?: string; absolute?: boolean; sheetsFirst?: boolean } = {},
): Promise<void> {
  const target = (part: string): string => (options.absolute ? `/${part}` : part.replace(/^xl\//u, ''));
  const rels = sheets
    .map(
      (s, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target(s.part)}"/>`,
    )
    .join('');
  const n = sheets.length;
  const workbookParts: Part[] = [
    {
      name: 'xl/workbook.xml',
      xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${options.date1904 ? ` date1904="${options.date1904}"` : ''}/><sheets>${sheets
        .map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="${target('xl/styles.xml')}"/><Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="${target('xl/sharedStrings.xml')}"/></Relationships>`,
    },
  ];
  const contentTypes: Part = {
    name: '[Content_Types].xml',
    xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
      .map(
        (s) => `<Override PartName="/${s.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join(
        '',
      )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  };
  const packageRels: Part = {
    name: '_rels/.rels',
    xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  };
  const sheetParts: Part[] = sheets.map((s) => ({ name: s.part, xml: s.xml }));
  const rest: Part[] = [
    { name: 'xl/sharedStrings.xml', xml: strings.xml() },
    { name: 'xl/styles.xml', xml: STYLES },
  ];
  const order = options.sheetsFirst
    ? [contentTypes, ...sheetParts, ...rest, ...workbookParts, packageRels]
    : [contentTypes, packageRels, ...workbookParts, ...rest, ...sheetParts];
  const zip = new JSZip();
  for (const part of order) zip.file(part.name, part.xml, { date: ZIP_DATE });
  await writeFile(path.join(OUT, file), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

async function put(file: string, how: string, human: string, rows: Consultation[]): Promise<void> {
  await writeFile(path.join(OUT, `${file}.expected.json`), `${JSON.stringify(expectation(file, how, human, rows), null, 1)}\n`);
}

const HEADER = ['受付番号', '受付日', '受付方法', '主訴', '対応結果', '備考'];

/** Japanese Excel: shared strings carry the furigana of everything typed through the IME, headers included. */
async function furigana(): Promise<void> {
  const file = 'excel-furigana_R8-11.xlsx';
  const rows = month(2026, 11, 18, 11);
  const strings = new SharedStrings(true);
  const data = rows.map((r, i) => ({
    cells: [
      { n: i + 1 },
      { n: serial(r.date), style: 1 },
      // One value as an inline string with its reading, as some exporters write it.
      i === 0 ? { inline: r.channel, reading: READINGS[r.channel] } : { s: r.channel },
      { s: r.category },
      { s: r.outcome },
      { s: '備考' },
    ] satisfies Cell[],
  }));
  const xml = sheetXml([{ cells: HEADER.map((s) => ({ s })) }, ...data], strings);
  await writeWorkbook(file, [{ name: '11月', part: 'xl/worksheets/sheet1.xml', xml }], strings);
  await put(
    file,
    'XML as Japanese Excel writes it: shared strings with <rPh> furigana runs (ウケツケホウホウ, デンワ …) on headers and values; one inline string with its reading; dates as serials with style 14.',
    '18 rows, November 2026; no reading is ever part of a value.',
    rows,
  );
}

/** A 1904 workbook (date1904="1") whose dates use Japanese Excel's built-in formats 31 and 57, which carry no format code. */
async function builtInJapaneseFormats1904(): Promise<void> {
  const file = 'excel-1904-builtin-ja_R8-05.xlsx';
  const rows = month(2026, 5, 15, 5);
  const strings = new SharedStrings(false);
  const data = rows.map((r, i) => ({
    cells: [
      { n: i + 1 },
      { n: serial(r.date, true), style: i % 2 ? 2 : 3 },
      { s: r.channel },
      { s: r.category },
      { s: r.outcome },
    ] satisfies Cell[],
  }));
  const xml = sheetXml([{ cells: HEADER.slice(0, 5).map((s) => ({ s })) }, ...data], strings);
  await writeWorkbook(file, [{ name: '5月', part: 'xl/worksheets/sheet1.xml', xml }], strings, { date1904: '1' });
  await put(
    file,
    'XML as Japanese Excel writes a workbook in the 1904 date system: date cells with the built-in formats 31 (yyyy"年"m"月"d"日") and 57 (和暦), which are not written into styles.xml.',
    '15 rows, May 2026.',
    rows,
  );
}

/** SheetJS and Google Sheets write ISO dates as t="d" cells, with or without a time and zone. */
async function isoDateCells(): Promise<void> {
  const file = 'sheetjs-iso-dates_R8-10.xlsx';
  const rows = month(2026, 10, 14, 7);
  const strings = new SharedStrings(false);
  const iso = (date: string, i: number): string => [`${date}T00:00:00.000Z`, `${date}T09:30:00`, date, `${date}T00:00:00+09:00`][i % 4]!;
  const data = rows.map((r, i) => ({
    cells: [{ n: i + 1 }, { iso: iso(r.date, i) }, { inline: r.channel }, { inline: r.category }, { inline: r.outcome }] satisfies Cell[],
  }));
  const xml = sheetXml([{ cells: HEADER.slice(0, 5).map((inline) => ({ inline })) }, ...data], strings);
  await writeWorkbook(file, [{ name: 'Sheet1', part: 'xl/worksheets/sheet1.xml', xml }], strings);
  await put(
    file,
    'XML as SheetJS writes dates with cellDates: t="d" cells holding ISO 8601 text (with a time, without, with a zone), strings inline.',
    '14 rows, October 2026 (never 1905).',
    rows,
  );
}

/** Five month sheets stored before xl/workbook.xml (exceljs's own part order), under names that are not sheetN.xml, with absolute targets. */
async function partOrder(): Promise<void> {
  const file = 'parts-sheets-first_R7.xlsx';
  const strings = new SharedStrings(false);
  const all: Consultation[] = [];
  const sheets = [4, 5, 6, 7, 8].map((m, i) => {
    const rows = month(2025, m, 8 + i, 100 + m);
    all.push(...rows);
    const data = rows.map((r, j) => ({
      cells: [
        { s: `${m}-${j + 1}` },
        { n: serial(r.date), style: 1 },
        { s: r.channel },
        { s: r.category },
        { s: r.outcome },
      ] satisfies Cell[],
    }));
    return {
      name: `${m}月`,
      part: `xl/worksheets/month${m}.xml`,
      xml: sheetXml([{ cells: HEADER.slice(0, 5).map((s) => ({ s })) }, ...data], strings),
    };
  });
  await writeWorkbook(file, sheets, strings, { absolute: true, sheetsFirst: true });
  await put(
    file,
    'Five sheets 4月…8月 stored in the zip before xl/sharedStrings.xml and xl/workbook.xml (the order exceljs itself writes), as parts named month4.xml … month8.xml, with absolute relationship targets (/xl/worksheets/…) as openpyxl writes them.',
    '50 rows over Apr–Aug 2025, every sheet under its own name.',
    all,
  );
}

/** Rows hidden by a filter and a row struck through, and a date merged down over rows whose cells Excel leaves out. */
async function struckAndHidden(): Promise<void> {
  const file = 'excel-struck-hidden_R8-11.xlsx';
  const rows = month(2026, 11, 10, 23);
  const strings = new SharedStrings(true);
  const data = rows.map((r, i) => ({
    cells: [
      { n: i + 1 },
      i === 4 ? null : { n: serial(r.date), style: i === 6 ? 5 : 1 },
      { s: r.channel },
      { s: r.category },
      { s: r.outcome },
    ] satisfies Cell[],
    hidden: i === 2 || i === 3,
    ...(i === 6 ? { style: 4 } : {}),
  }));
  // Row 6 (i = 4) has no date cell of its own: the date of row 5 is merged down over it.
  rows[4]!.date = rows[3]!.date;
  const xml = sheetXml([{ cells: HEADER.slice(0, 5).map((s) => ({ s })) }, ...data], strings, ['B5:B6']);
  await writeWorkbook(file, [{ name: '11月', part: 'xl/worksheets/sheet1.xml', xml }], strings);
  await put(
    file,
    'XML as Japanese Excel writes it: rows 4 and 5 hidden (a filter), row 8 struck through (取り消し線), B5:B6 merged with no cell written for B6.',
    '10 rows, November 2026: hidden rows are data, the struck row is counted and warned about.',
    rows,
  );
}

/** fixtures/takasaki-r3 as a logs folder looks after a year of use. */
async function livedIn(): Promise<void> {
  const source = path.join(ROOT, 'takasaki-r3');
  const dir = path.join(ROOT, 'lived-in');
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, '2021年11月'), { recursive: true });
  for (const name of await readdir(source)) {
    // A month moved into a subfolder, as staff file them.
    const into = name.startsWith('2021-11') ? path.join(dir, '2021年11月', name) : path.join(dir, name);
    await copyFile(path.join(source, name), into);
  }
  // The tool's own outputs, saved next to the logs as the README shows.
  const sources = await sourcesFromArgs([source], () => process.stdin);
  const analysis = await analyse(sources, DEFAULT_CONFIG, { today: '2026-11-26', holidays: holidaysFromPackage });
  const report = reportFrom(analysis, {}, { kind: 'annual', skipInvalid: false });
  if (!report.ok) throw new Error(`the seed fixtures do not report: ${report.problem}`);
  await writeFile(path.join(dir, '実績報告.xlsx'), await renderXlsx(report.report));
  await writeFile(path.join(dir, '累計表.csv'), renderCsv(report.report));
  await writeFile(
    path.join(dir, '2022-02_検証.xlsx'),
    await annotateSources(sources, {}, validationFrom(analysis, false), messagesFor('ja')),
  );
  // A Windows copy of the handouts log, Excel's lock file of an open workbook, system files, a document and a memo.
  await copyFile(path.join(source, '生理用品配布記録.csv'), path.join(dir, '生理用品配布記録 - コピー.csv'));
  await writeFile(
    path.join(dir, '~$2022-02_月次.xlsx'),
    Buffer.concat([Buffer.from([6]), Buffer.from('tanaka', 'latin1'), Buffer.alloc(158, 0x20)]),
  );
  await writeFile(path.join(dir, 'Thumbs.db'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array<number>(56).fill(0)]));
  await writeFile(path.join(dir, 'desktop.ini'), '[.ShellClassInfo]\r\nIconResource=C:\\Windows\\system32\\imageres.dll,-3\r\n');
  await writeFile(path.join(dir, '.DS_Store'), Buffer.alloc(64, 0));
  await writeFile(
    path.join(dir, '事業計画.pdf'),
    '%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
  await writeFile(path.join(dir, '引継ぎメモ.txt'), '来月の打合せ: 第2火曜\r\n生理用品の在庫確認をすること\r\n');
}

await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
await furigana();
await builtInJapaneseFormats1904();
await isoDateCells();
await partOrder();
await struckAndHidden();
await livedIn();
console.log(`fixtures written under ${OUT} and ${path.join(ROOT, 'lived-in')}`);
