import { configJa } from './config.ja.js';
import { suppressionJa } from './suppression.ja.js';
import { comparisonOmittedJa, compareJa, yearOmittedJa } from './compare.ja.js';
import { combineJa } from './combine.ja.js';
import type { Place, ProblemDetail } from '../problems.js';
import { jaCli } from './cli.ja.js';
import { annotatedJa } from './annotated.ja.js';
import { attributeConfigJa, attributeIssuesJa } from './attributes.ja.js';
import { groupDigits, monthText, type Messages } from './types.js';
import { reportPartsJa } from './report-parts.ja.js';

const list = (items: readonly string[]): string => items.map((s) => `「${s}」`).join('、');
const places = (items: readonly Place[] | undefined): string => (items ?? []).map((p) => ja.place.where(p)).join('、');
const table = (other: ProblemDetail['other']): string =>
  other === undefined ? '' : other.sheet === null ? other.file : `${other.file} シート「${other.sheet}」`;

export const ja: Messages = {
  ...jaCli,
  ...compareJa,
  ...combineJa,
  kindName: { intake: '相談記録', ibasho: '居場所開催記録', distribution: '生理用品配布記録', support: '支援記録' },
  issue: {
    'unreadable-file': (d) => ja.unreadable[(d.reason as keyof Messages['unreadable']) ?? 'other'] ?? ja.unreadable.other,
    'unsupported-format': (d) => ja.refusedFormat[d.format ?? 'other'](d.extension ?? ''),
    'encoding-error': (d) =>
      `文字化けしている文字があります（${d.column ? `「${d.column}」列` : 'この行'}）。ファイルの文字コードを確かめ、Excel で「CSV UTF-8」として保存し直すか、--encoding で文字コードを指定してください。`,
    'no-header': (d) =>
      d.reason === 'ambiguous'
        ? `見出し行が ${(d.candidates ?? []).map((k) => ja.kindName[k]).join('・')} のどちらとも読めます。各列に正式な見出し（例: 受付日・開催日・配布日・実施日）を使ってください。`
        : d.reason === 'empty'
          ? 'ファイルが空です。'
          : d.reason === 'all-sheets-skipped'
            ? 'このブックには記録の見出し行（受付日・開催日・配布日・実施日のある行）があるシートがありません。'
            : '最初の10行に見出し行が見つかりません。1行目（またはタイトルの下）に「受付日」「受付方法」「主訴」「対応結果」などの見出しを入れてください。',
    'missing-column': (d) =>
      `${d.kind ? ja.kindName[d.kind] : '記録'}の見出しに必要な列がありません: ${list(d.missing ?? [])}。列を追加するか、見出しの名前を確かめてください。`,
    'missing-value': (d) => `「${d.column}」が空欄です。値を入力してください。`,
    'invalid-date': (d) => `「${d.column}」の「${d.value}」は日付として読めません。${ja.dateProblem[d.dateProblem ?? 'unrecognised']}`,
    'future-date': (d) => `「${d.column}」の「${d.value}」は未来の日付です（今日は ${d.today}）。入力を確かめてください。`,
    'unknown-value': (d) =>
      d.value === undefined
        ? `「${d.column}」の値が設定のどの区分にも当たりません（入力された値はここには表示しません）。使える値: ${(d.allowed ?? []).join('、')}`
        : `「${d.column}」の「${d.value}」は設定にない値です。${d.suggestion ? `「${d.suggestion}」のことですか？ ` : ''}使える値: ${(d.allowed ?? []).join('、')}`,
    'invalid-number': (d) => `「${d.column}」の「${d.value}」は使えません。${ja.numberProblem[d.numberProblem ?? 'not-a-number']}`,
    'duplicate-id-conflict': (d) =>
      `受付番号「${d.value}」が内容の違う行にも使われています（${places(d.otherPlaces)}）。どちらが正しいか確かめ、番号か内容を直してください。この番号の行はすべて集計から除きました。`,
    'duplicate-row': (d) =>
      `受付番号「${d.value}」と同じ内容の行が既にあります（${places(d.otherPlaces)}）。同じ月を二度出力した可能性があります。1件として数えました。`,
    'outside-service-days': (d) =>
      `${d.value} は${d.dayType === 'holiday' ? `祝日（${d.holidayName ?? ''}）` : d.dayType === 'year-end' ? '年末年始（12/29〜1/3）' : d.dayType === 'saturday' ? '土曜日' : '日曜日'}で、「${d.channel}」の受付日ではありません。日付を確かめてください。`,
    'sheet-skipped': () =>
      'このシートには記録の見出し行（受付日・開催日・配布日・実施日のある行）がないため、記録ではないシートとして読み飛ばしました。',
    'total-row': () => '合計や件数の行とみなし、集計に含めませんでした。',
    'example-row': () => 'ひな形の「記入例」の行（書き替えられていない見本）なので、集計に含めませんでした。',
    'duplicate-file': (d) => `${d.other?.file ?? ''} と中身がまったく同じファイルです（コピー）。1回だけ読みました。`,
    'duplicate-table': (d) => `${table(d.other)} と同じ記録です（同じ月を別の形式でも保存した等）。二重に数えないよう、1回だけ数えました。`,
    'overlapping-table': (d) =>
      `すべての行が ${table(d.other)} に含まれています（累計の出力と月ごとのファイル等）。二重に数えないよう、この表は数えませんでした。`,
    'not-a-log': () => '記録の見出し（受付日・受付方法・開催日・配布日など）がないため、記録ではないファイルとして読み飛ばしました。',
    'open-in-excel': (d) =>
      `${d.workbook ?? ''} は今 Excel で開かれています（このファイルはそのロックファイルです）。保存していない変更はこの集計に入っていません。保存して閉じてから実行し直してください。`,
    'struck-through': (d) =>
      `取り消し線の引かれた行があります（${ja.place.rows(d.rows ?? [], d.rows?.length ?? 0)}）。集計には含めています。取り消した記録なら、その行を削除してください。`,
    'no-data-rows': () => '見出しの下にデータ行がありません。',
    'empty-month': (d) => `${monthText(d.month ?? '')} の相談記録が1件もありません。その月のファイルを入れ忘れていないか確かめてください。`,
    'far-date': (d) =>
      `${monthText(d.month ?? '')}の日付は、集計する${d.fiscalYear}年度から1年以上離れています。年の打ち間違いではないか確かめてください（この報告書には入っていません）。`,
    'comparison-omitted': comparisonOmittedJa,
    'year-omitted': yearOmittedJa,
    skipped: (d) => ja.skipReason[d.skip ?? 'other-format'],
    'id-is-row-number': (d) =>
      `「${d.column}」は 1, 2, 3 … と行ごとの通し番号で、ほかのファイルの番号と重なるため、受付番号ではなく行番号とみなしました（重複の判定に使いません）。`,
    'extra-column': (d) => `列「${d.column}」は集計に使わないため読み飛ばしました（内容は出力しません）。`,
    ...attributeIssuesJa,
  },
  dateProblem: {
    unrecognised: '2021/8/12、2021年8月12日、令和3年8月12日、R3.8.12 のように入力してください。',
    'no-year': '年がありません。2021/8/12 のように年から入力してください。',
    nonexistent: 'その日付は存在しません（月や日を確かめてください）。',
    'era-range': 'その元号にその日付はありません（令和は2019年5月1日から、平成は2019年4月30日まで）。',
    'serial-range': 'Excel の日付シリアル値としては範囲外です（2000年〜2099年）。',
    'unsaved-formula':
      '数式のセルですが、計算結果が保存されていません（Excel 以外のソフトで書き出したブック）。Excel で開いて保存し直してください。',
  },
  numberProblem: {
    'not-a-number': '0以上の整数で入力してください。',
    'not-whole': '整数で入力してください（小数は使えません）。',
    negative: 'マイナスの数は使えません。',
    zero: '1以上の数を入力してください（配布がない行は削除してください）。',
    'too-large': '数が大きすぎます。',
    'unsaved-formula':
      '数式のセルですが、計算結果が保存されていません（Excel 以外のソフトで書き出したブック）。Excel で開いて保存し直してください。',
  },
  unreadable: {
    'not-found': 'ファイルまたはフォルダが見つかりません。名前と場所を確かめてください。',
    permission: 'ファイルを開く権限がありません。',
    'is-directory': 'フォルダです。ファイルを指定してください。',
    'empty-folder': 'フォルダが空です。記録のファイルを入れたフォルダを指定してください。',
    'corrupt-xlsx': 'Excel ファイルが壊れているか、途中で切れています。Excel で開いて保存し直してください。',
    'not-workbook': 'ZIP ファイルですが Excel ブックではありません。Excel で開いて「Excel ブック (.xlsx)」で保存し直してください。',
    'too-large':
      'ブックが大きすぎます（シートのデータが 32 MB、およそ10万行を超えています）。Excel で「CSV UTF-8」として保存すれば大きさの制限なく読めます。',
    'text-as-xlsx':
      '拡張子は .xlsx ですが中身は Excel ブックではありません（CSV などの名前を変えたもの）。Excel で開いて「Excel ブック (.xlsx)」で保存し直してください。',
    'csv-syntax': 'CSV の形式が壊れています（引用符 " が閉じていない等）。',
    'no-space': '作業用の一時ファイルを書けませんでした。ディスクの空き容量を確かめてください。',
    busy: 'ファイルがほかのプログラム（Excel など）で開かれています。閉じてから実行し直してください。',
    other: 'ファイルを読めませんでした。',
  },
  refusedFormat: {
    xls: () =>
      '古い Excel 形式（.xls）は読めません。このままではこの月が集計から抜けます。Excel で開き「名前を付けて保存」で「Excel ブック (.xlsx)」を選んで保存し直してください。',
    ods: () =>
      'LibreOffice の形式（.ods）は読めません。このままではこの月が集計から抜けます。LibreOffice Calc で開き「名前を付けて保存」でファイルの種類に「Excel 2007-365 (.xlsx)」を選んで保存し直してください。',
    xlsb: () => 'Excel バイナリブック（.xlsb）は読めません。Excel で開き「Excel ブック (.xlsx)」で保存し直してください。',
    numbers: () => 'Numbers の形式は読めません。Numbers で「書き出す」→「Excel」を選び、.xlsx で保存してください。',
    et: () => 'WPS Spreadsheets の形式（.et）は読めません。「Excel ブック (.xlsx)」で保存し直してください。',
    encrypted: () => 'パスワード付き（暗号化された）Excel ブックは読めません。Excel でパスワードを解除し、.xlsx で保存し直してください。',
    other: (extension) =>
      `この形式（${extension || '拡張子なし'}）は記録として読めません。CSV（.csv）か Excel ブック（.xlsx）で保存してください。`,
  },
  skipReason: {
    'own-output': 'このツールが作った報告書（または検証用の写し）なので、記録としては読みませんでした。',
    hidden: '隠しファイルなので読み飛ばしました。',
    system: 'システムが作るファイル（Thumbs.db など）なので読み飛ばしました。',
    'other-format': '記録の形式（.csv .tsv .txt .xlsx .xlsm）ではないので読み飛ばしました。',
    'lock-file': 'Excel のロックファイルなので読み飛ばしました。',
    'not-a-log': '記録ではないファイルなので読み飛ばしました。',
    config: '設定ファイルです。',
  },
  severity: { error: 'エラー', warning: '警告', info: '情報' },
  place: {
    stdin: '（標準入力）',
    row: (row) => `${row}行目`,
    sheet: (sheet) => `シート「${sheet}」`,
    at: (row, cell, column) =>
      [row === null ? null : `${row}行目`, cell, column === null ? null : `「${column}」`].filter((p) => p !== null).join(' '),
    where: (p) => [p.file, p.sheet === null ? null : `シート「${p.sheet}」`, `${p.row}行目`].filter((x) => x !== null).join(' '),
    rows: (rows, count) => `${rows.join('、')}行目${count > rows.length ? ` ほか${groupDigits(count - rows.length)}行` : ''}`,
    run: '（入力全体）',
  },
  validate: {
    tableLine: (kind, headerRow, rows) => `${kind}（見出し ${headerRow}行目、データ ${groupDigits(rows)}行）`,
    ok: '問題は見つかりませんでした。',
    summary: (errors, warnings, infos) => `エラー ${errors}件、警告 ${warnings}件、情報 ${infos}件`,
    more: (count) => `ほかに ${count}件あります（すべて見るには --max-errors で上限を上げるか、--format json を使ってください）。`,
    rejectedRows: (count) => `エラーのため集計できない行: ${groupDigits(count)}行`,
    outsidePeriod: '（集計期間外の行なので報告書は止めません）',
    repeated: (rows) => `［同じ問題: ${rows}］`,
  },
  summary: {
    files: (read, skipped, duplicate, refused) =>
      `ファイル: 読んだ ${read}件、読み飛ばし ${skipped}件、重複 ${duplicate}件、読めない ${refused}件`,
    rows: (counted, outOfPeriod, duplicate, rejected, other) =>
      `行: 集計 ${ja.kindName.intake} ${groupDigits(counted.intake)}・${ja.kindName.ibasho} ${groupDigits(counted.ibasho)}・${ja.kindName.distribution} ${groupDigits(counted.distribution)}${counted.support === undefined ? '' : `・${ja.kindName.support} ${groupDigits(counted.support)}`}、期間外 ${groupDigits(outOfPeriod)}、重複 ${groupDigits(duplicate)}、エラー ${groupDigits(rejected)}、空行・合計行 ${groupDigits(other)}`,
    config: (file) => (file === null ? '設定: 組み込みの既定（高崎市社会福祉協議会の設定）' : `設定: ${file}`),
    configBeside: (file) => `注意: 入力のそばに設定ファイル ${file} がありますが使っていません（使うには --config ${file}）。`,
    named: (what, file, detail) =>
      `${what === 'duplicate' ? '重複' : what === 'skipped' ? '読み飛ばし' : '読めない'}: ${file}${detail === '' ? '' : `（${detail}）`}`,
  },
  report: {
    refused: (errors) => `入力に ${errors}件のエラーがあるため、報告書を作りませんでした。`,
    refusedHint: 'tsup-report validate で詳しく確かめて直してください。エラーの行を除いて作るには --skip-invalid を付けてください。',
    refusedConfigHint: (file) =>
      `エラーのほとんどは設定にない値です。記録のそばの設定ファイル ${file} を使っていません。その設定で作るには --config "${file}" を付けてください（--skip-invalid ではほとんどの行が除かれます）。`,
    excluded: (rows, tables) => `エラーのため ${rows}行${tables > 0 ? `と ${tables}個の表` : ''}を集計から除きました（--skip-invalid）。`,
    refusedUnreadableHint:
      '読めない入力があると、その分の記録が抜けた数になるため報告書を作りません。上の案内のとおりに直すか、その入力を外してから実行し直してください。',
    noRecords: '集計できる記録がありません。入力ファイルを確かめてください。',
    asOfBeforeStart: (asOf, start) => `集計月 ${asOf} が開始月 ${start} より前です。--month / --as-of を確かめてください。`,
    asOfOutsideYear: (asOf, fy) => `集計月 ${asOf} は ${fy} に含まれません。--fiscal-year と --as-of を確かめてください。`,
    emptyPeriod: (fy, start, asOf, available) =>
      `${fy}の ${monthText(start)}〜${monthText(asOf)} には記録が1件もないため、報告書を作りませんでした。年を打ち間違えていませんか。記録があるのは ${available} です。`,
    xlsxNeedsOut: 'xlsx 形式は --out ファイル名.xlsx を指定してください。',
    outIsInput: (path) => `出力先 ${path} は入力ファイルです。入力を上書きしないよう、別の名前を指定してください。`,
    written: (path) => `${path} に書き出しました。`,
    cannotWrite: (path, reason) => `${path} に書き出せませんでした: ${reason}`,
  },
  usage: {
    badMonth: (option, value) => `${option} の「${value}」は年月として読めません。2022-02 のように指定してください。`,
    badFiscalYear: (value) => `--fiscal-year の「${value}」は年度として読めません。2021、R3、令和3 のように指定してください。`,
    badFormat: (value, allowed) => `--format の「${value}」は使えません。使える形式: ${allowed.join('、')}`,
    badOutName: (out, extension, suggestion, allowed) =>
      `${extension === '' ? `--out の「${out}」には拡張子がありません` : `--out の拡張子「${extension}」のファイルは作れません`}。「${suggestion}」のように指定してください（使える拡張子: ${allowed.join(' ')}）。`,
    badEncoding: (value, allowed) => `--encoding の「${value}」は使えません。使える文字コード: ${allowed.join('、')}`,
    badNumber: (option, value) => `${option} の「${value}」は使えません。1以上の整数を指定してください。`,
    noInputs: '入力ファイルかフォルダを指定してください。',
    stdinTwice: '標準入力（-）は一度だけ指定できます。',
    badKind: (value, allowed) => `--kind の「${value}」は使えません。使える種類: ${allowed.join('、')}`,
    templateNeedsOut: '--out ファイル名.xlsx を指定してください。',
    appNeedsOut: '--out で書き出すファイル名（.html）を指定してください。例: --out tsup-report.html',
    annotateNeedsXlsx: '--annotate には書き出す .xlsx ファイルの名前を指定してください。',
    wouldOverwrite: (path) => `${path} は既にあります。上書きしないので、別の名前を指定するか、先に移動してください。`,
  },
  ...configJa,
  ...suppressionJa,
  progress: (file, rows) => `読み込み中: ${file}（${groupDigits(rows)}行）`,
  app: {
    title: 'tsup-report 女性支援事業 報告書づくり',
    lead: '相談・居場所・配布の記録（Excel ブックや CSV）を選ぶと、誤りを点検し、年度の累計報告書を作ります。',
    privacy: 'ファイルはこのパソコンの中だけで読みます。どこにも送らず、保存もしません。タブを閉じると、読んだ内容はすべて消えます。',
    otherLanguage: 'English',
    steps: {
      files: '1. 記録のファイルを選ぶ',
      report: '報告書',
      problems: '点検の結果',
      inputs: '読んだファイル',
      downloads: 'ダウンロード',
    },
    dropHint: 'ここにファイルやフォルダをドラッグして置いてください',
    chooseFiles: 'ファイルを選ぶ',
    chooseFolder: 'フォルダを選ぶ',
    configLabel: '設定ファイル（任意）',
    configHint: '目標値などを決めた tsup-report.config.json。選ばなければ、記録と一緒に置いたものか、組み込みの設定を使います。',
    configFromFiles: (file) => `設定: 選んだファイルの中の ${file} を使っています。`,
    configChosen: (file) => `設定: 選んだ設定ファイル ${file} を使っています。`,
    configUnused: (file) => `注意: 設定ファイル ${file} もありますが使っていません（使うには「設定ファイル」で選んでください）。`,
    compareUsed: (file, year) => `前年度同期との比較: ${file}（${year}の報告書）を使っています。`,
    reportUnused: (file, year) =>
      `注意: 報告書 ${file}${year ? `（${year}）` : ''} は、作っている報告の前年度のものではないため使っていません。`,
    reportsHint:
      'このツールで作った報告書（JSON）も選べます。記録と一緒に前年度の報告書を選ぶと、前年度同期と比べます。記録を選ばず、各団体や各窓口の報告書（JSON）だけを選ぶと、合算した報告書を作ります（年度・月が同じもの、伏せていないもの）。',
    combineNeedsTwo: (given) => `合算するには報告書（JSON）を2つ以上選んでください（${given}個でした）。`,
    combineRefused: (count) => `次の ${count}件のファイルは合算できません:`,
    combinedSource: '合算しました',
    kindLabel: '報告書の種類',
    kind: { monthly: '月次（累計表）', annual: '年次（実績のまとめ）' },
    fiscalYearLabel: '年度',
    asOfLabel: '何月まで',
    suppressLabel: '小さい数を伏せる（この数より少ない件数を「x」と表示。空欄なら伏せない）',
    suppressName: '小さい数を伏せる',
    suppressHint: '公表用の資料で、少ない件数から個人が分からないようにするときに使います。',
    skipInvalidLabel: 'エラーのある行を除いて作る',
    status: {
      idle: '記録のファイルを選んでください。',
      working: '読み込んでいます…',
      ready: 'できあがりました。',
      error: '報告書を作れませんでした。理由は下に書いてあります。',
    },
    reading: (file, rows) => `${file} を読んでいます（${groupDigits(rows)}行）…`,
    filesChosen: (count) => `${count}個のファイル`,
    inputColumns: { file: 'ファイル', status: '状態', note: '説明' },
    inputStatus: { read: '読んだ', skipped: '読み飛ばし', duplicate: '重複', refused: '読めない', config: '設定ファイル' },
    duplicateOf: (file) => `${file} と同じ内容なので、一度だけ数えました。`,
    fileChanged: '選んだあとで変更された（または移動された）ファイルがあり、読めませんでした。もう一度選んでください。',
    dropFailed:
      'ドロップされたフォルダを読めませんでした（開く権限がない、場所の名前が長すぎるなど）。「フォルダを選ぶ」で選んでください。',
    problemsNone: '誤りは見つかりませんでした。',
    problemsMore: (count) => `ほかに ${groupDigits(count)}件あります。「点検結果つきの写し」をダウンロードすると、すべて確かめられます。`,
    refusedHint:
      '下の「点検の結果」を見て元のファイルを直し、選び直してください。エラーの行を除いて作るには「エラーのある行を除いて作る」にチェックを入れてください。',
    download: {
      xlsx: 'Excel（.xlsx）',
      md: 'Markdown（.md）',
      html: 'Web ページ（.html）',
      csv: 'CSV（.csv）',
      json: 'JSON（.json）',
      annotated: '点検結果つきの写し（.xlsx）',
      template: '入力用のひな形（.xlsx）',
    },
    downloadsHint: '報告書はダウンロードしたときにだけ、このパソコンに保存されます。',
    annotatedHint: '点検結果つきの写しには、元の記録（備考など）がそのまま入ります。取り扱いに注意してください。',
  },
  sentenceTemplate: {
    unknownPlaceholder: (placeholder, known) => `差し込み ${placeholder} はこの文では使えません。使えるもの: ${known.join('、')}`,
  },
  supportConfig: {
    reservedAgency: (label) => `「${label}」は連携先が空欄の支援を数える行の名前なので、連携先の名前には使えません。別の名前にしてください`,
  },
  attributeConfig: attributeConfigJa,
  annotated: annotatedJa,
  reportParts: reportPartsJa,
  internalError: (detail) =>
    `内部エラーが起きました（ツールの不具合です）。お手数ですが、この表示と実行したコマンドを担当者に知らせてください。\n${detail}`,
};
