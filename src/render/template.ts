import type { CodedList, Config } from '../config/schema.js';
import { GUIDE_MARK, LISTS_MARK } from '../records/header.js';
import { KIND_FIELDS, type FieldSpec, type Kind } from '../records/kinds.js';
import { loadWorkbookClass } from '../workbook.js';

type Worksheet = import('exceljs').Worksheet;
type DataValidation = import('exceljs').DataValidation;

/** Rows of the template that carry dropdowns and checks; staff add more by copying a row. */
const TEMPLATE_ROWS = 500;

const SHEET_NAMES: Record<Kind, string> = { intake: '相談記録', ibasho: '居場所開催記録', distribution: '生理用品配布記録' };
const LIST_TITLES: Record<CodedList, string> = {
  channels: '受付方法',
  categories: '主訴',
  outcomes: '対応結果',
  ibashoVenues: '実施団体',
  distributionLocations: '配布場所',
};
const LIST_ORDER: CodedList[] = ['channels', 'categories', 'outcomes', 'ibashoVenues', 'distributionLocations'];

function columnLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

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
};

/**
 * A ready-to-fill workbook: one sheet per kind with the canonical headers, a frozen header row,
 * dropdowns for every coded column from the config, date and whole-number checks, and a
 * 記入方法 (how to fill in) sheet. Its helper sheets are marked so `validate` passes over them.
 */
export async function renderTemplate(config: Config, kinds: readonly Kind[]): Promise<Uint8Array> {
  const Workbook = await loadWorkbookClass();
  const workbook = new Workbook();
  workbook.creator = 'tsup-report';

  const guide = workbook.addWorksheet('記入方法');
  guide.getColumn(1).width = 100;
  guide.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
  guide.addRow([`${GUIDE_MARK} ${config.organization} ${config.program}`]).font = { bold: true, size: 14 };
  guide.addRow([]);
  for (const kind of kinds) {
    guide.addRow([`■ ${SHEET_NAMES[kind]}シート`]).font = { bold: true };
    for (const line of GUIDE[kind]) guide.addRow([`・${line}`]);
    guide.addRow([]);
  }
  guide.addRow(['記入が終わったら tsup-report validate でこのブックを検査できます。問題のあるセルの場所と直し方が表示されます。']);

  const lists = workbook.addWorksheet('選択肢', { state: 'hidden' });
  lists.getCell(1, 1).value = `${LISTS_MARK} 受付方法`;
  LIST_ORDER.forEach((list, column) => {
    if (column > 0) lists.getCell(1, column + 1).value = LIST_TITLES[list];
    config[list].forEach((item, i) => {
      lists.getCell(i + 2, column + 1).value = item.label;
    });
  });
  const listRange = (list: CodedList): string => {
    const column = columnLetter(LIST_ORDER.indexOf(list));
    return `'選択肢'!$${column}$2:$${column}$${config[list].length + 1}`;
  };

  for (const kind of kinds) writeKindSheet(workbook.addWorksheet(SHEET_NAMES[kind]), kind, listRange);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

function writeKindSheet(sheet: Worksheet, kind: Kind, listRange: (list: CodedList) => string): void {
  const fields = KIND_FIELDS[kind];
  const header = sheet.addRow(fields.map((f) => f.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  fields.forEach((field, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = field.role === 'private' ? 30 : field.role === 'date' ? 14 : 18;
    if (field.role === 'date') column.numFmt = 'yyyy/m/d';
    const validation = validationFor(field, listRange);
    if (!validation) return;
    for (let row = 2; row <= TEMPLATE_ROWS + 1; row++) sheet.getCell(row, i + 1).dataValidation = validation;
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
    default:
      return undefined;
  }
}
