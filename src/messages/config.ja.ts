import type { Messages } from './types.js';

/** Mistakes in the config file and their traps, in Japanese. */
export const configJa: Pick<Messages, 'config' | 'configTraps'> = {
  config: {
    invalid: (file) => `設定 ${file} に誤りがあります:`,
    unreadable: (file, reason) => `設定ファイル ${file} を読めません: ${reason}`,
    notJson: (file, reason) => `設定ファイル ${file} は JSON として読めません: ${reason}`,
    required: '必須です',
    expected: (what) => `${what}を指定してください`,
    got: (value) => `（指定値: ${value}）`,
    typeName: { number: '数値', string: '文字列', boolean: 'true か false', array: '配列 [...]', object: 'オブジェクト {...}' },
    atLeast: (min) => `${min}以上の数を指定してください`,
    atMost: (max) => `${max}以下の数を指定してください`,
    atLeastItems: (min) => `${min}個以上の項目が必要です`,
    notEmpty: '空にはできません',
    wholeNumber: '整数を指定してください',
    monthFormat: '2021-08 のような年月（YYYY-MM）で指定してください',
    unknownKeys: (keys) => `知らない項目です: ${keys.join('、')}`,
    duplicateLabel: (text, first) => `「${text}」は同じ一覧の「${first}」と同じ文字として扱われるため、どちらの意味か決められません`,
    unknownMetric: (metric, known) => `指標「${metric}」はありません。使える指標: ${known.join('、')}`,
    unknownMetricLabel: (metric, label, listName) => `指標「${metric}」の「${label}」は ${listName} にありません`,
    duplicateTargetId: (id) => `目標の id「${id}」が重複しています`,
    evaluationOrder: 'min の大きい順に並べてください',
    evaluationFloor: '最後の段階の min は 0 にしてください（どの結果にも評価が付くように）',
  },
  configTraps: {
    percentMin: (value) =>
      `目標に対する割合（小数）で指定してください。60% なら 0.6 と書きます（${value} と書くと ${Number((value * 100).toFixed(6))}% の意味になります。120% なら 1.2）`,
    notJsonAt: (file, line, column, reason) => `設定ファイル ${file} の ${line}行目 ${column}文字目が JSON として読めません（${reason}）`,
    notUtf8: (file) =>
      `設定ファイル ${file} は UTF-8 で保存されていません（Shift_JIS など）。メモ帳なら「名前を付けて保存」で文字コードを「UTF-8」にして保存し直してください。`,
    jsonSyntax: (kind) =>
      ({
        'missing-comma': '「,」か「}」「]」が要ります。前の項目の後ろの「,」の書き忘れではありませんか',
        'missing-colon': '項目名の後ろに半角の「:」が要ります。全角の「：」ではありませんか',
        'property-name': '項目名は "…" で囲みます。最後の項目の後ろに余分な「,」がありませんか',
        'cut-short': 'ファイルが途中で終わっています。「}」か「]」の閉じ忘れではありませんか',
        'bad-character': '使えない文字です。全角の記号（”　：　，）や、"…" で囲んでいない文字ではありませんか',
        'bad-escape': '"…" の中の \\ は \\\\ と二つ書きます（フォルダの区切りなら / でも構いません）',
        'after-end': '設定の終わりの「}」の後ろに文字があります',
        // V8's own words are English: the place (line, column and the line shown) is what helps here.
        other: 'JSON の書き方の誤りです。示した場所の前後を確かめてください',
      })[kind],
    unknownKeyDidYouMean: (key, suggestion) => `知らない項目「${key}」です。「${suggestion}」の書き間違いではありませんか？`,
    initExists: (path) =>
      `${path} は既にあります（init は上書きしません）。その設定を編集するか、--out 別の名前.json で別の場所に書いてください。`,
  },
};
