import { CODED_LISTS } from '../config/lists.js';
import type { Attribute, CodedList, Config } from '../config/schema.js';
import { EXAMPLE_MARK, exampleCells, templateColumns } from '../records/example.js';
import { GUIDE_MARK, LISTS_MARK } from '../records/header.js';
import type { FieldSpec, Kind } from '../records/kinds.js';
import { VISIT_LABELS } from '../records/people.js';
import { columnLetters } from '../problems.js';
import { fiscalYearOf } from '../report/period.js';
import { fiscalYearLabel } from '../report/wareki.js';
import { loadWorkbookClass } from '../workbook.js';
import { JAPANESE_FONT } from './font.js';
import { displayWidth } from '../text.js';

type Worksheet = import('exceljs').Worksheet;
type DataValidation = import('exceljs').DataValidation;
type Borders = Partial<import('exceljs').Borders>;
/** exceljs keeps validations by address, a range included; its types leave this out. */
export type WithValidations = Worksheet & { dataValidations: { add(address: string, validation: DataValidation): void } };

/** Rows of the template that carry dropdowns and checks; staff add more by copying a row. */
const TEMPLATE_ROWS = 500;
/** Rows ruled from the start, a printed page's worth; any row is ruled once it is filled. */
const RULED_ROWS = 25;

export const SHEET_NAMES: Record<Kind, string> = {
  intake: '相談記録',
  ibasho: '居場所開催記録',
  distribution: '生理用品配布記録',
  support: '支援記録',
};

/** The template's file name without extension, the same in the CLI and the app: 相談記録_令和8年度 (居場所開催記録_… for one kind). */
export function templateFileStem(config: Config, kinds: readonly Kind[], today: Date): string {
  const month = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
  const fiscalYear = fiscalYearLabel(fiscalYearOf(month, config.fiscalYearStartMonth), config.fiscalYearStartMonth);
  return `${kinds.length === 1 ? SHEET_NAMES[kinds[0]!] : SHEET_NAMES.intake}_${fiscalYear}`;
}
const LIST_TITLES: Record<CodedList, string> = {
  channels: '受付方法',
  categories: '主訴',
  outcomes: '対応結果',
  ibashoVenues: '実施団体',
  distributionLocations: '配布場所',
  supportTypes: '支援内容',
  agencies: '連携先',
};
/** The 選択肢 sheet's columns, one per coded list in the config's order. */
const LIST_ORDER: readonly CodedList[] = CODED_LISTS;

/** A font Japanese Excel has, named so that other programs pick a sans-serif Japanese face too. */
const FONT = JAPANESE_FONT;
const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const RULED: Borders = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE8EEF7' } };
const EXAMPLE_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F2F2' } };
const A4_LANDSCAPE_ONE_PAGE_WIDE = { paperSize: 9, orientation: 'landscape' as const, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
const GUIDE_WIDTH = 72;

const GUIDE: Record<Kind, string[]> = {
  intake: [
    '相談記録: 1行に1件の相談を記入します。',
    '受付日は 2021/8/12 のように入力します（令和3年8月12日、R3.8.12 も読めます）。',
    '受付方法・主訴・対応結果はセルの ▼ から選びます。',
    '受付番号は同じ相談を二度数えないために使います。番号を使い回さないでください。',
    '備考・相談員・年代は報告書には出ません（集計にも使いません）。',
  ],
  ibasho: ['居場所開催記録: 1行に1回の開催を記入します。', '実施団体は ▼ から選び、参加者数は 0 以上の整数で入力します。'],
  distribution: [
    '生理用品配布記録: 配布した日と場所ごとに1行記入します。',
    '配布場所は ▼ から選び、配布数は 1 以上の整数で入力します（同じ日に同じ場所で配った数をまとめて構いません）。',
  ],
  support: [
    '支援記録: 同行支援・訪問支援・他機関との調整などの支援1回につき1行記入します。',
    '支援内容と連携先はセルの ▼ から選びます。連携先のない支援は連携先を空欄にします。',
    '受付番号には、その支援のもとになった相談の受付番号を書けます（なくても構いません）。',
    '相談者ID・備考は報告書には出ません（集計にも使いません）。',
  ],
};
const GUIDE_COMMON = [
  `灰色の「${EXAMPLE_MARK}」の行は書き方の見本です。集計には含まれません（消しても残しても構いません）。`,
  '記入が終わったら tsup-report validate でこのブックを検査できます。問題のあるセルの場所と直し方が表示されます。',
];

/**
 * A ready-to-fill workbook: one sheet per kind with the canonical headers, a ruled table with a
 * greyed example row, one dropdown or check per column from the config, printed A4 landscape one
 * page wide with the header on every page, and a 記入方法 (how to fill in) sheet. Its helper
 * sheets are marked so `validate` passes over them. `today` dates the example rows.
 */
export async function renderTemplate(config: Config, kinds: readonly Kind[], today: Date = new Date()): Promise<Uint8Array> {
  const Workbook = await loadWorkbookClass();
  const workbook = new Workbook();
  workbook.creator = 'tsup-report';
  writeGuide(workbook.addWorksheet('記入方法'), config, kinds);

  const lists = workbook.addWorksheet('選択肢', { state: 'hidden' });
  lists.getCell(1, 1).value = `${LISTS_MARK} 受付方法`;
  LIST_ORDER.forEach((list, column) => {
    if (column > 0) lists.getCell(1, column + 1).value = LIST_TITLES[list];
    config[list].forEach((item, i) => {
      lists.getCell(i + 2, column + 1).value = item.label;
    });
  });
  const listRange = (list: CodedList): string => {
    const column = columnLetters(LIST_ORDER.indexOf(list));
    return `'選択肢'!$${column}$2:$${column}$${config[list].length + 1}`;
  };
  const attributeRange = writeAttributeLists(lists, config);

  const exampleDate = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
  for (const kind of kinds) {
    writeKindSheet(workbook.addWorksheet(SHEET_NAMES[kind]), kind, config, { list: listRange, attribute: attributeRange }, exampleDate);
  }
  // The first record sheet is the one shown on opening (the list sheet, hidden, sits before it).
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 2, visibility: 'visible' }];
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The 記入方法 sheet: one wrapped column that fits a portrait A4 page, each row as tall as its text. */
function writeGuide(guide: Worksheet, config: Config, kinds: readonly Kind[]): void {
  guide.getColumn(1).width = GUIDE_WIDTH + 2;
  guide.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const line = (text: string, font: Partial<import('exceljs').Font> = FONT): void => {
    const row = guide.addRow([text]);
    const cell = row.getCell(1);
    cell.font = font;
    cell.alignment = { wrapText: true, vertical: 'top' };
    // Spreadsheet programs do not grow rows to wrapped text written by a library: size them here.
    const size = font.size ?? FONT.size;
    row.height = Math.max(1, Math.ceil(displayWidth(text) / GUIDE_WIDTH)) * size * 1.5;
  };
  line(`${GUIDE_MARK} ${config.organization} ${config.program}`, { ...FONT, bold: true, size: 14 });
  line('');
  for (const kind of kinds) {
    line(`■ ${SHEET_NAMES[kind]}シート`, { ...FONT, bold: true });
    for (const text of kind === 'intake' ? intakeGuide(config) : GUIDE[kind]) line(`・${text}`);
    line('');
  }
  for (const text of GUIDE_COMMON) line(text);
}

/** Where a column's dropdown takes its values from: a coded list's, or an attribute's column on the list sheet. */
interface ListRanges {
  list: (list: CodedList) => string;
  attribute: (attribute: Attribute) => string;
}

function writeKindSheet(sheet: Worksheet, kind: Kind, config: Config, ranges: ListRanges, exampleDate: Date): void {
  const columns = templateColumns(kind, config);
  const last = columnLetters(columns.length - 1);
  const header = sheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { ...RULED, bottom: { style: 'medium' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  const example = sheet.addRow(exampleCells(kind, config, exampleDate));
  for (let row = 2; row <= RULED_ROWS + 2; row++) {
    for (let column = 1; column <= columns.length; column++) {
      const cell = sheet.getCell(row, column);
      cell.border = RULED;
      cell.font = row === example.number ? { ...FONT, italic: true, color: { argb: 'FF7F7F7F' } } : FONT;
      if (row === example.number) cell.fill = EXAMPLE_FILL;
    }
  }
  // Any row with something in it is ruled, past the ruled rows and where pasting replaced the cells' own lines.
  sheet.addConditionalFormatting({
    ref: `A2:${last}${TEMPLATE_ROWS + 1}`,
    rules: [{ type: 'expression', priority: 1, formulae: [`COUNTA($A2:$${last}2)>0`], style: { border: RULED } }],
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.pageSetup = { ...A4_LANDSCAPE_ONE_PAGE_WIDE, printTitlesRow: '1:1' };
  sheet.headerFooter = { oddFooter: '&P / &N' };
  columns.forEach(({ field, attribute }, i) => {
    const column = sheet.getColumn(i + 1);
    const role = field?.role;
    column.width = role === 'private' ? (field!.field === 'notes' ? 40 : 16) : role === 'date' ? (i === 0 ? 22 : 14) : 18;
    if (role === 'date') column.numFmt = 'yyyy/m/d';
    const validation = field ? validationFor(field, ranges.list) : attributeValidation(attribute, ranges.attribute);
    // One range per column: cell by cell, exceljs writes overlapping ranges that Excel "repairs".
    const letter = columnLetters(i);
    if (validation) (sheet as WithValidations).dataValidations.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, validation);
  });
}

/** The check Excel applies to a column's cells: a dropdown, a date, or a whole number; none for free text. */
function validationFor(field: FieldSpec, listRange: (list: CodedList) => string): DataValidation | undefined {
  const common = { allowBlank: true, showErrorMessage: true, errorTitle: field.header };
  switch (field.role) {
    case 'coded':
      return { ...common, type: 'list', formulae: [listRange(field.list!)], error: '一覧から選んでください。' };
    case 'date':
      return {
        ...common,
        type: 'date',
        operator: 'greaterThan',
        formulae: [new Date(Date.UTC(2000, 0, 1))],
        error: '2021/8/12 のような日付を入力してください。',
      };
    case 'count':
      return {
        ...common,
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [field.min ?? 0],
        error: `${field.min ?? 0} 以上の整数を入力してください。`,
      };
    case 'visit':
      return { ...common, type: 'list', formulae: [`"${VISIT_LABELS.join(',')}"`], error: '一覧から選んでください。' };
    default:
      return undefined;
  }
}

// ── SPEC §14: the config's attributes (年代, DV …), each a column with its dropdown ──

/** The attributes' labels (then the unknown label) on the list sheet after the coded lists: where each dropdown reads them. */
function writeAttributeLists(lists: Worksheet, config: Config): (attribute: Attribute) => string {
  const ranges = new Map<Attribute, string>();
  config.attributes.forEach((attribute, a) => {
    const column = LIST_ORDER.length + a + 1;
    const values = [
      ...attribute.labels.map((item) => item.label),
      ...(attribute.unknownLabel === undefined ? [] : [attribute.unknownLabel]),
    ];
    lists.getCell(1, column).value = attribute.header;
    values.forEach((value, i) => {
      lists.getCell(i + 2, column).value = value;
    });
    const letter = columnLetters(column - 1);
    ranges.set(attribute, `'選択肢'!$${letter}$2:$${letter}$${values.length + 1}`);
  });
  return (attribute) => ranges.get(attribute)!;
}

function attributeValidation(attribute: Attribute, range: (attribute: Attribute) => string): DataValidation {
  // Not a stop: an age typed as a number (34) is read into its band, so Excel only warns.
  return {
    type: 'list',
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: attribute.header,
    error: '一覧から選んでください（年齢を数字で書いた場合などは、そのまま進めても構いません）。',
    formulae: [range(attribute)],
  };
}

/** The intake sheet's guide: 年代 is said to stay out of the report only while no attribute counts it. */
function intakeGuide(config: Config): string[] {
  const columns = templateColumns('intake', config);
  const attributes = columns.flatMap((c) => (c.attribute ? [c.header] : []));
  if (attributes.length === 0) return GUIDE.intake;
  const privateOnes = columns.flatMap((c) => (c.field?.role === 'private' ? [c.header] : []));
  return [
    ...GUIDE.intake.slice(0, -1),
    `${attributes.join('・')}は ▼ から選びます。報告書には区分ごとの件数だけが出ます（書いた値そのものは出ません）。`,
    `${privateOnes.join('・')}は報告書には出ません（集計にも使いません）。`,
  ];
}
