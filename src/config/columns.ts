/**
 * The headers (and aliases) of the intake log's own columns, which an attribute's header may not
 * take (SPEC §14): a column named 主訴 is the 主訴, never an attribute. The config cannot import
 * records/kinds.ts (records import the config), so the names are listed here and a test holds them
 * equal to KIND_FIELDS.intake. 年代 and 年齢層 are not among them: that column is read past unless
 * an attribute claims it.
 */
export const INTAKE_COLUMN_NAMES: readonly string[] = [
  ...['受付番号', '番号', '相談番号', 'No', 'No.', 'ID'],
  ...['受付日', '相談日', '受付年月日', '相談年月日', '日付', '年月日', '日時', 'date'],
  ...['受付方法', '相談受付方法', '相談方法', '受付', 'channel'],
  ...['主訴', '相談内容', '主な相談内容', '相談種別', 'category'],
  ...['対応結果', '対応', '結果', 'outcome'],
  ...['相談者ID', '相談者番号', 'ケース番号', 'ケースID', '利用者番号', '相談者No', '相談者No.'],
  ...['新規/継続', '初回/継続', '相談区分', '新規継続', '新規・継続'],
  ...['備考', 'メモ', '相談内容メモ', '記録'],
  ...['相談員', '担当', '担当者'],
];

/** The label every attribute table ends with: consultations from tables without the column, or left blank there. */
export const NOT_WRITTEN_LABEL = '未記入';

/** An attribute's id is part of a metric's name (`intake.attribute.<id>.<label>`): letters, digits, `_` and `-`, no dot. */
export const ATTRIBUTE_ID = /^[A-Za-z][A-Za-z0-9_-]*$/u;
