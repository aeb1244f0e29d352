import type { Messages } from './types.js';

// SPEC §14: the words for client attributes (年代, DV …) and for targets the logs cannot give.

const list = (items: readonly string[]): string => items.map((s) => `「${s}」`).join('か');

/** Problems of attribute columns and of targets: the value typed in an attribute column is never among the facts. */
export const attributeIssuesJa: Pick<Messages['issue'], 'attribute-unknown' | 'target-unavailable'> = {
  'attribute-unknown': (d) =>
    `「${d.column}」の値が設定のどの区分にも当たらないため「${d.label}」として数えました（入力された値は表示しません）。区分の名前で入力してください。`,
  'target-unavailable': (d) =>
    d.kind === 'support'
      ? `目標「${d.target}」の指標 ${d.metric} は、支援記録が1件も読み込まれていないため数えられません。支援記録のファイルを一緒に指定してください。この目標は報告書に載せていません。`
      : `目標「${d.target}」の指標 ${d.metric} は、この期間の相談記録に${list(d.missing ?? [])}の記入がないため数えられません。この目標は報告書に載せていません。`,
};

export const attributeConfigJa: Messages['attributeConfig'] = {
  badId: (id) => `id「${id}」には英字で始まる半角英数字と _ - だけを使ってください（指標 intake.attribute.<id>.<ラベル> の名前になります）`,
  duplicateId: (id) => `属性の id「${id}」が重複しています`,
  builtInHeader: (text, column) => `「${text}」は相談記録の列「${column}」として読まれるため、属性の見出しには使えません`,
  headerTaken: (text, other) => `「${text}」は別の属性の見出し「${other}」と同じ文字として扱われるため、どちらの列か決められません`,
  reservedLabel: (text, reserved) => `「${text}」は、列のない表の相談を数える「${reserved}」と同じ読みのため使えません`,
  rangeOrder: (min, max) => `[${min}, ${max}] は小さい数を先に書いてください（[${max}, ${min}]）`,
  rangeOverlap: (min, max, other) =>
    `[${min}, ${max}] が「${other}」の範囲と重なっています。一つの年齢が二つの区分に入らないようにしてください`,
  unknownAttribute: (metric, id) => `指標「${metric}」の属性「${id}」は config.attributes にありません`,
};
