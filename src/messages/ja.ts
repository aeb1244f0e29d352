import { groupDigits, type Messages } from './types.js';

const list = (items: readonly string[]): string => items.map((s) => `「${s}」`).join('、');

const unreadableReason: Record<string, string> = {
  'not-found': 'ファイルが見つかりません。パスを確かめてください。',
  permission: 'ファイルを開く権限がありません。',
  directory: 'フォルダの中に読める表（.csv .tsv .txt .xlsx .xlsm）がありません。',
  'corrupt-xlsx': 'Excel ファイルが壊れているか、途中で切れています。Excel で開いて保存し直してください。',
  'not-workbook': 'ZIP ファイルですが Excel ブックではありません。',
  'too-large': 'ブックを展開すると大きすぎます（上限を超えました）。不要なシートを削除して保存し直してください。',
  'csv-syntax': 'CSV の形式が壊れています（引用符 " が閉じていない等）。',
  'no-space': '作業用の一時ファイルを書けませんでした。ディスクの空き容量を確かめてください。',
  other: 'ファイルを読めませんでした。',
};

export const ja: Messages = {
  kindName: { intake: '相談記録', ibasho: '居場所開催記録', distribution: '生理用品配布記録' },
  issue: {
    'unreadable-file': (d) => unreadableReason[d.reason ?? 'other'] ?? unreadableReason.other!,
    'unsupported-format': (d) =>
      d.format === 'encrypted'
        ? 'パスワード付き（暗号化された）Excel ブックは読めません。Excel でパスワードを解除し、.xlsx で保存し直してください。'
        : d.format === 'xls'
          ? '古い Excel 形式（.xls）は読めません。Excel で開き「名前を付けて保存」で「Excel ブック (.xlsx)」を選んで保存し直してください。'
          : `この形式（${d.format ?? '不明'}）は読めません。CSV（.csv）か Excel ブック（.xlsx）で保存してください。`,
    'encoding-error': (d) =>
      `文字化けしている文字があります（${d.column ? `「${d.column}」列` : 'この行'}）。ファイルの文字コードを確かめ、Excel で「CSV UTF-8」として保存し直すか、--encoding で文字コードを指定してください。`,
    'no-header': (d) =>
      d.reason === 'ambiguous'
        ? `見出し行が ${(d.candidates ?? []).map((k) => ja.kindName[k]).join('・')} のどちらとも読めます。各列に正式な見出し（例: 受付日・開催日・配布日）を使ってください。`
        : d.reason === 'empty'
          ? 'ファイルが空です。'
          : d.reason === 'all-sheets-skipped'
            ? 'このブックには記録の見出し行があるシートがありません。'
            : '最初の10行に見出し行が見つかりません。1行目（またはタイトルの下）に「受付日」「受付方法」「主訴」「対応結果」などの見出しを入れてください。',
    'missing-column': (d) =>
      `${d.kind ? ja.kindName[d.kind] : '記録'}の見出しに必要な列がありません: ${list(d.missing ?? [])}。列を追加するか、見出しの名前を確かめてください。`,
    'missing-value': (d) => `「${d.column}」が空欄です。値を入力してください。`,
    'invalid-date': (d) =>
      `「${d.column}」の「${d.value}」は日付として読めません。${ja.dateProblem[d.dateProblem ?? 'unrecognised']}`,
    'future-date': (d) => `「${d.column}」の「${d.value}」は未来の日付です（今日は ${d.today}）。入力を確かめてください。`,
    'unknown-value': (d) =>
      `「${d.column}」の「${d.value}」は設定にない値です。${d.suggestion ? `「${d.suggestion}」のことですか？ ` : ''}使える値: ${(d.allowed ?? []).join('、')}`,
    'invalid-number': (d) =>
      `「${d.column}」の「${d.value}」は使えません。${ja.numberProblem[d.numberProblem ?? 'not-a-number']}`,
    'duplicate-id-conflict': (d) =>
      `受付番号「${d.value}」が内容の違う行にも使われています（${(d.otherPlaces ?? []).join('、')}）。どちらが正しいか確かめ、番号か内容を直してください。この番号の行はすべて集計から除きました。`,
    'duplicate-row': (d) =>
      `受付番号「${d.value}」と同じ内容の行が既にあります（${(d.otherPlaces ?? []).join('、')}）。同じ月を二度出力した可能性があります。1件として数えました。`,
    'outside-service-days': (d) =>
      `${d.value} は${d.dayType === 'holiday' ? `祝日（${d.holidayName ?? ''}）` : d.dayType === 'year-end' ? '年末年始（12/29〜1/3）' : d.dayType === 'saturday' ? '土曜日' : '日曜日'}で、「${d.channel}」の受付日ではありません。日付を確かめてください。`,
    'sheet-skipped': () => 'このシートには記録の見出し行がないため、読み飛ばしました。',
    'extra-column': (d) => `列「${d.column}」は集計に使わないため読み飛ばしました（内容は出力しません）。`,
  },
  dateProblem: {
    unrecognised: '2021/8/12、2021年8月12日、令和3年8月12日、R3.8.12 のように入力してください。',
    'no-year': '年がありません。2021/8/12 のように年から入力してください。',
    nonexistent: 'その日付は存在しません（月や日を確かめてください）。',
    'era-range': 'その元号にその日付はありません（令和は2019年5月1日から、平成は2019年4月30日まで）。',
    'serial-range': 'Excel の日付シリアル値としては範囲外です（2000年〜2099年）。',
    'not-a-date-cell': '日付のセルではありません。',
  },
  numberProblem: {
    'not-a-number': '0以上の整数で入力してください。',
    'not-whole': '整数で入力してください（小数は使えません）。',
    negative: 'マイナスの数は使えません。',
    zero: '1以上の数を入力してください（配布がない行は削除してください）。',
    'too-large': '数が大きすぎます。',
  },
  severity: { error: 'エラー', warning: '警告', info: '情報' },
  place: {
    stdin: '（標準入力）',
    row: (row) => `${row}行目`,
    sheet: (sheet) => `シート「${sheet}」`,
    at: (row, cell, column) =>
      [row === null ? null : `${row}行目`, cell, column === null ? null : `「${column}」`].filter((p) => p !== null).join(' '),
  },
  validate: {
    tableLine: (kind, headerRow, rows) => `${kind}（見出し ${headerRow}行目、データ ${groupDigits(rows)}行）`,
    noData: '見出しの下にデータ行がありません。',
    ok: '問題は見つかりませんでした。',
    summary: (errors, warnings, infos) => `エラー ${errors}件、警告 ${warnings}件、情報 ${infos}件`,
    more: (count) => `ほかに ${count}件あります（すべて見るには --max-errors で上限を上げるか、--format json を使ってください）。`,
    rejectedRows: (count) => `エラーのため集計できない行: ${count}行`,
  },
  report: {
    refused: (errors) => `入力に ${errors}件のエラーがあるため、報告書を作りませんでした。`,
    refusedHint:
      'tsup-report validate で詳しく確かめて直してください。エラーの行を除いて作るには --skip-invalid を付けてください。',
    excluded: (rows, tables) =>
      `エラーのため ${rows}行${tables > 0 ? `と ${tables}個の表` : ''}を集計から除きました（--skip-invalid）。`,
    noRecords: '集計できる記録がありません。入力ファイルを確かめてください。',
    asOfBeforeStart: (asOf, start) => `集計月 ${asOf} が開始月 ${start} より前です。--month / --as-of を確かめてください。`,
    asOfOutsideYear: (asOf, fy) => `集計月 ${asOf} は ${fy} に含まれません。--fiscal-year と --as-of を確かめてください。`,
    xlsxNeedsOut: 'xlsx 形式は --out ファイル名.xlsx を指定してください。',
    outIsInput: (path) => `出力先 ${path} は入力ファイルです。入力を上書きしないよう、別の名前を指定してください。`,
    written: (path) => `${path} に書き出しました。`,
    cannotWrite: (path, reason) => `${path} に書き出せませんでした: ${reason}`,
  },
  usage: {
    badMonth: (option, value) => `${option} の「${value}」は年月として読めません。2022-02 のように指定してください。`,
    badFiscalYear: (value) => `--fiscal-year の「${value}」は年度として読めません。2021、R3、令和3 のように指定してください。`,
    badFormat: (value, allowed) => `--format の「${value}」は使えません。使える形式: ${allowed.join('、')}`,
    badEncoding: (value, allowed) => `--encoding の「${value}」は使えません。使える文字コード: ${allowed.join('、')}`,
    badNumber: (option, value) => `${option} の「${value}」は使えません。1以上の整数を指定してください。`,
    noInputs: '入力ファイルかフォルダを指定してください。',
    stdinTwice: '標準入力（-）は一度だけ指定できます。',
    badKind: (value, allowed) => `--kind の「${value}」は使えません。使える種類: ${allowed.join('、')}`,
    templateNeedsOut: '--out ファイル名.xlsx を指定してください。',
    annotateNeedsXlsx: '--annotate には書き出す .xlsx ファイルの名前を指定してください。',
    wouldOverwrite: (path) => `${path} は既にあります。上書きしないので、別の名前を指定するか、先に移動してください。`,
  },
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
  progress: (file, rows) => `読み込み中: ${file}（${groupDigits(rows)}行）`,
  internalError: (detail) =>
    `内部エラーが起きました（ツールの不具合です）。お手数ですが、この表示と実行したコマンドを担当者に知らせてください。\n${detail}`,
};
