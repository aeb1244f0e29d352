import type { CliWords } from './cli-types.js';

const quoted = (items: readonly string[]): string => items.map((s) => `「${s}」`).join('、');

/** The CLI's help and commander's errors in Japanese. */
export const jaCli: CliWords = {
  help: {
    heading: {
      usage: '使い方:',
      arguments: '引数:',
      options: 'オプション:',
      commands: 'コマンド:',
      globalOptions: '共通のオプション:',
      examples: '使用例:',
    },
    usage: { options: '[オプション]', command: '[コマンド]', inputs: '記録のファイルかフォルダ' },
    placeholder: {
      file: 'ファイル',
      lang: '言語',
      encoding: '文字コード',
      format: '形式',
      n: '数',
      year: '年度',
      kind: '種類',
      month: '年月',
      symbol: '記号',
    },
    program: '女性のためのつながり相談の記録（Excel/CSV）から月次累計・実績報告を作り、提出前に記録を検査します。',
    command: {
      validate: '記録を検査し、問題をすべてファイル・シート・行・セルの位置つきで一覧にします',
      monthly: '年度の初めから指定の月までの相談件数の累計表を作ります',
      annual: '実績報告を作ります（目標と年度末の見込、達成度と評価、すべての表、まとめの文）',
      template: '設定にもとづく入力用のひな形ブック（選択肢と入力チェックつき）を作ります',
      app: 'Node を入れていないパソコン用に、オフラインで使えるブラウザ版（HTML ファイル1つ）を書き出します',
      init: '組み込みの設定から設定ファイルを書き出します。これを編集して使います（上書きはしません）',
      fill: '報告の数字を、都道府県などから届いた様式（Excel）の指定のセルに書き込みます。様式のほかの部分（書式・数式・図・印刷設定）はそのまま残します',
      combine:
        '複数の団体・窓口が --format json で書き出した同じ年度・同じ月までの報告書を合算し、団体別の内訳とともに1つの報告にします（記録は受け取らず、数だけで合算します）',
    },
    inputs: 'CSV/XLSX のファイルかフォルダ（中のフォルダも読みます）。- は標準入力から CSV を読みます',
    option: {
      config: '設定ファイル（既定: 今のフォルダの tsup-report.config.json、なければ記録のそばのもの、なければ組み込みの設定）',
      lang: 'メッセージの言語: ja（日本語）か en（英語）（既定: システムの言語）',
      encoding: 'CSV の文字コードを指定します: utf8、utf16le、cp932（既定: 自動で判定）',
      quiet: '報告書か問題の一覧のほかは何も表示しません',
      quietAll: '何も表示しません',
      reportOut: 'このファイルに書き出します（形式は拡張子から: .md .csv .xlsx .json .html .txt）',
      reportFormat: 'table | md | csv | xlsx | json | html（既定: --out の拡張子から。なければ画面では table、パイプでは md）',
      skipInvalid: 'エラーのある行で止めずに、その行を除いて作り、何行除いたかを示します',
      suppressBelow: '1〜n-1 の件数を x で伏せ、それを逆算できるセルも伏せます（設定の suppression.below より優先。1 なら伏せません）',
      suppressSymbol: '伏せた数の記号: x、×、－、* のどれか（既定: 設定の suppression.symbol、なければ x）',
      since: '前回 --format json で出した報告書と比べ、件数が変わった月を「前回報告からの訂正」として示します',
      years: '直近 n 年度の合計を年度別の表にします（読み込んだ記録にある年度）',
      compare: '前年度に --format json で書き出した報告書と、同じ月どうしで比べます（前年度同期比較）',
      month: '集計する最後の月（既定: 記録のある最後の月）。--as-of と同じ意味です',
      asOf: '集計する最後の月（既定: 記録のある最後の月。annual ではその後の年度の残りを見込で示します）。--month と同じ意味です',
      fiscalYear: '年度: 2021、R3、令和3 など（既定: 最後の記録の年度）',
      validateFormat: '出力の形式: text か json（既定: text）',
      strict: '警告があっても失敗にします',
      maxErrors: '一覧にする問題の上限（既定: text では 200、json では 1000）',
      annotate: '問題のあるセルに印をつけた入力の写し（.xlsx）も書き出します',
      kind: 'どの記録のひな形か: intake（相談）、ibasho（居場所）、distribution（配布）、support（支援記録）、all（すべて）（既定: all）',
      templateOut: '書き出すブック（.xlsx。既にあるファイルは上書きしません）',
      appOut: '書き出す場所（.html。以前のブラウザ版は置き換え、ほかのファイルは上書きしません）',
      initOut: '設定を書き出すファイル（既定: ./tsup-report.config.json。既にあるファイルは上書きしません）',
      fillMap: 'どの数字をどのシートのどのセルに書くかの対応表（.json。書き方は docs/fill.md）',
      fillOut: '書き込んだ様式を保存するファイル（様式と同じ拡張子。既にあるファイルと様式そのものには書きません）',
    },
    helpOption: 'この使い方を表示します',
    helpCommand: 'コマンドの使い方を表示します',
    version: 'バージョンを表示します',
    examples: {
      validate: [
        'tsup-report validate fixtures/takasaki-r3',
        'tsup-report validate 2022-02.csv --format json',
        'tsup-report validate 2022-02.xlsx --annotate 2022-02_検証.xlsx',
      ],
      monthly: [
        'tsup-report monthly fixtures/takasaki-r3',
        'tsup-report monthly 記録/ --month 2022-02 --out 累計表.xlsx',
        'tsup-report monthly 記録/ --suppress-below 3 --suppress-symbol × --out 公表用_累計表.xlsx',
      ],
      annual: [
        'tsup-report annual fixtures/takasaki-r3 --out 実績報告.xlsx',
        'tsup-report annual fixtures/takasaki-r3 --out 実績報告.html',
        'tsup-report annual 記録/ --fiscal-year R3 --as-of 2022-02 --format md',
      ],
      template: ['tsup-report template --out 相談記録_令和4年度.xlsx', 'tsup-report template --kind ibasho --out 居場所.xlsx'],
      app: ['tsup-report app --out "//share/福祉/tsup-report.html"'],
      init: ['tsup-report init   # できた tsup-report.config.json の事業名・選択肢・目標を編集します'],
      fill: [
        'tsup-report fill 様式1.xlsx --map 様式1.map.json --out 様式1_令和3年度.xlsx 記録/',
        'tsup-report fill 様式1.xlsx --map 様式1.map.json --out 様式1_2月まで.xlsx 記録/ --month 2022-02',
      ],
      combine: [
        'tsup-report combine 高崎市.json 前橋市.json 桐生市.json --out 県合計.xlsx',
        'tsup-report combine 各団体の報告/ --organization 群馬県 --out 県合計.html',
        'tsup-report combine 各団体の報告/ --suppress-below 3 --out 県合計_公表用.xlsx',
      ],
    },
  },
  cliError: {
    unknownCommand: (name) => `「${name}」というコマンドはありません。`,
    unknownOption: (flag) => `「${flag}」というオプションはありません。`,
    didYouMean: (candidates) => `${quoted(candidates)}のことですか？`,
    missingArgument: (name) => `${name}を指定してください。`,
    optionMissingArgument: (option) => `${option} の値を指定してください。`,
    invalidChoice: (option, value, allowed) => `${option} の「${value}」は使えません。使える値: ${allowed.join('、')}`,
    excessArguments: (command, expected, got) =>
      expected === 0
        ? `${command} はファイル名などを受け取りません（${got}個指定されています）。オプションを確かめてください。`
        : `${command} に指定できるのは ${expected}個までです（${got}個指定されています）。`,
    other: () => 'コマンドの指定に誤りがあります。',
    seeHelp: (command) => `（使い方は ${command} --help で表示できます）`,
    conflictingMonths: (month, asOf) =>
      `--month ${month} と --as-of ${asOf} が違う月を指しています。どちらも集計する最後の月なので、一方だけを指定してください。`,
  },
  writeFailure: {
    'no-folder': '書き出し先のフォルダがありません。フォルダの名前と場所を確かめるか、先にフォルダを作ってください。',
    'is-folder': 'これはフォルダです。--out にはフォルダの中に作るファイルの名前まで指定してください（例: 出力/累計表.xlsx）。',
    permission: 'ここに書き込む権限がありません。書き込めるフォルダ（ドキュメントなど）を指定してください。',
    busy: 'ファイルがほかのプログラム（Excel など）で開かれています。閉じてからもう一度実行してください。',
    'no-space': 'ディスクの空き容量が足りないか、ファイルがこの場所には大きすぎます。不要なファイルを消すか、別の場所を指定してください。',
    other: '書き出せませんでした。書き出し先を確かめてください。',
  },
  fill: {
    formArgument: '様式のブック',
    formArgumentHelp: '数字を書き込む様式（.xlsx か .xlsm）。このファイル自体は変更しません',
    needsMap: '--map で対応表のファイル（.json）を指定してください。書き方は docs/fill.md にあります。',
    needsOut:
      '--out で、書き込んだ様式を保存するファイルの名前を指定してください（例: --out 様式1_記入済.xlsx）。様式そのものには書き込みません。',
    outExtension: (out, suggestion) =>
      `--out ${out} は様式と同じ種類のブックの名前にしてください（.xlsx、マクロつきの様式なら .xlsm。拡張子が違うと Excel で開けません）。例: --out ${suggestion}`,
    outIsForm: (out) => `--out ${out} は様式そのものです。様式は上書きしないので、別の名前を指定してください。`,
    formUnreadable: (file, reason) => `様式 ${file} を読めません: ${reason}`,
    formProblem: (file, problem) =>
      ({
        cfb: `様式 ${file} は古い Excel 形式（.xls）か、パスワードで保護されたブックです。Excel で開き、パスワードがあれば外して「Excel ブック (*.xlsx)」として保存し直してから指定してください。`,
        'not-zip': `様式 ${file} は Excel ブック（.xlsx）ではないか、壊れています。Excel で開いて「Excel ブック (*.xlsx)」として保存し直してください。`,
        'not-workbook': `様式 ${file} はブックの中身が壊れていて読めません。Excel で開いて保存し直してください。`,
        'too-large': `様式 ${file} は大きすぎます（1つのシートのデータが 32 MB を超えています）。様式のブックか確かめてください。`,
      })[problem],
    mapUnreadable: (file, reason) => `対応表 ${file} を読めません: ${reason}`,
    mapNotUtf8: (file) =>
      `対応表 ${file} は UTF-8 で保存されていません（Shift_JIS など）。メモ帳なら「名前を付けて保存」で文字コードを「UTF-8」にして保存し直してください。`,
    mapNotJson: (file, reason) => `対応表 ${file} は JSON として読めません: ${reason}`,
    mapNotJsonAt: (file, line, column, reason) => `対応表 ${file} の ${line}行目 ${column}文字目が JSON として読めません（${reason}）`,
    textAfterEnd: '対応表の終わりの「}」の後ろに文字があります',
    mapInvalid: (file) => `対応表 ${file} に誤りがあります:`,
    badAddress: (got) => `C5 のようなセルの番地（列の英字と行の番号）で指定してください（指定値: ${got}）`,
    beyondSheet: (got) => `${got} は Excel のシートの外です（最後のセルは XFD1048576）`,
    atLeastOneCell: '書き込むセルを1つ以上指定してください',
    keysAre: (keys) => `（使える項目: ${keys.join('、')}）`,
    refused: (form, count) => `様式 ${form} に書き込めません。対応表の ${count}か所に問題があります（何も書き出していません）:`,
    entry: (index, sheet, cell) => `cells[${index}]（${sheet}!${cell}）`,
    noSheet: (sheet, sheets) => `「${sheet}」というシートはありません。この様式のシート: ${quoted(sheets)}`,
    notAWorksheet: (sheet) => `「${sheet}」はグラフシートなどで、書き込むセルがありません`,
    formula: 'このセルには数式が入っています。数式は上書きしません。対応表のセルの番地を確かめてください',
    text: 'このセルには文字（見出しなど）が入っています。上書きしないので、対応表のセルの番地を確かめるか、様式のそのセルを空にしてください',
    merged: (range, first) => `結合されたセル ${range} の一部です。結合されたセルには左上の ${first} を指定してください`,
    array: (range) => `配列数式 ${range} の中のセルです（数式の結果なので書き込みません）`,
    duplicate: (first) => `cells[${first}] と同じセルです。1つのセルに書ける数字は1つです`,
    unknownMetric: (metric, known) => `指標「${metric}」はありません。使える指標: ${known.join('、')}`,
    unknownLabel: (metric, label, labels) => `指標「${metric}」の「${label}」は設定にありません。使える名前: ${quoted(labels)}`,
    monthOutside: (month, startMonth, asOf) =>
      `month の ${month} はこの報告の期間（${startMonth}〜${asOf}）の外です。期間は --month（--as-of）と --fiscal-year で決まります`,
    notInLogs: (metric) =>
      `指標「${metric}」の元になる列や記録（相談者ID・属性の列・支援記録）が読み込んだファイルにありません。0 と書く代わりに止めました。ファイルを確かめてください`,
    noMonthlyFigures: (metric) => `指標「${metric}」は期間の合計だけで、月ごとの数はありません。month を外してください`,
    hidden:
      'この数は少数のため伏せられています（--suppress-below か設定の suppression.below）。伏せた数は様式に書きません（--suppress-below を外すか、設定で伏せているときは --suppress-below 1 を付けるか、このセルを対応表から外してください）',
    written: (out, cells) => `${cells}個のセルに書き込み、${out} に保存しました`,
  },
};
