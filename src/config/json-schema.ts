import { z } from 'zod';
import { DEFAULT_CONFIG } from './default.js';
import { CODED_LISTS, CONFIG_SCHEMA_FILE_NAME } from './lists.js';
import { configSchema } from './schema.js';

export { CONFIG_SCHEMA_FILE_NAME };

type Words = readonly [ja: string, en: string];

const LIST_NAMES: Record<(typeof CODED_LISTS)[number], Words> = {
  channels: ['相談受付方法（累計表の「相談受付方法」の列）', 'Intake channels (the 相談受付方法 columns of the table)'],
  categories: ['主訴（累計表の「主訴」の列）', 'Main concerns (the 主訴 columns)'],
  outcomes: ['対応結果（累計表の「対応結果」の列）', 'Outcomes (the 対応結果 columns)'],
  ibashoVenues: ['居場所の会場・実施団体', 'Gathering (居場所) venues'],
  distributionLocations: ['生理用品の配布場所', 'Sanitary-product handout locations'],
  supportTypes: [
    '支援記録の支援内容（同行支援・訪問支援・他機関との調整 など）',
    'Kinds of support action in the support log (支援記録の「支援内容」)',
  ],
  agencies: ['支援記録の連携先（連携した機関）', 'Agencies a support action worked with (支援記録の「連携先」)'],
};

/** What each key means, in Japanese then English, keyed by its path (`[]` steps into a list's items). */
const DESCRIPTIONS: Record<string, Words> = {
  $schema: [
    'エディタが補完と点検に使うスキーマの場所。ツールは読み飛ばします。',
    'Where the editor finds this schema for completion and checks; the tool ignores it.',
  ],
  program: ['事業名。表題と要約文に使います。', "The programme's name, used in titles and summary sentences."],
  organization: ['実施団体名。', 'The organisation running the programme.'],
  municipality: ['市町村名。表題に使います（「高崎市 女性のためのつながり相談（累計）」）。', 'The municipality, used in titles.'],
  fiscalYearStartMonth: ['年度の始まりの月（1〜12）。4 なら 4月〜翌3月。', 'Month the fiscal year starts (1-12); 4 means April to March.'],
  programStart: [
    '事業の開始年月（YYYY-MM）。その年度は開始月から集計します。null なら毎年度、年度の初めから。',
    'Month the programme began (YYYY-MM): its first year is counted from there. null: every year from its first month.',
  ],
  'channels[].serviceDaysOnly': [
    'true なら、この方法の相談は開所日（土日祝・年末年始以外）にしかない前提で点検します。',
    'true: consultations by this channel are expected on service days only (not weekends, holidays, New Year).',
  ],
  targets: ['年度の目標。annual の「目標と実績」に並びます。', "The fiscal year's targets, shown in the annual report's 目標と実績."],
  'targets[].id': ['目標の識別子（英数字、重複不可）。', "The target's identifier (unique)."],
  'targets[].label': ['目標の名前（例: 「居場所」集会の開催）。', "The target's name as printed."],
  'targets[].metric': [
    '数える指標: intake.total, intake.channel.<ラベル>, intake.category.<ラベル>, intake.outcome.<ラベル>, ibasho.sessions, ibasho.participants, distribution.count, intake.clients, intake.new, intake.attribute.<id>.<ラベル>, support.total, support.type.<ラベル>, support.agency.<ラベル>',
    'What is counted: intake.total, intake.channel.<label>, intake.category.<label>, intake.outcome.<label>, ibasho.sessions, ibasho.participants, distribution.count, intake.clients, intake.new, intake.attribute.<id>.<label>, support.total, support.type.<label>, support.agency.<label>',
  ],
  'targets[].target': ['目標の数（例: 20）。', 'The target number (e.g. 20).'],
  'targets[].unit': ['単位（例: 回、件、名）。', 'The unit printed after numbers (e.g. 回).'],
  'targets[].fiscalYear': [
    'この年度（西暦の開始年、例: 2021）だけの目標にするとき。省略するとどの年度にも使います。',
    'Only for this fiscal year (e.g. 2021); without it the target applies to every year.',
  ],
  evaluation: [
    '評価の段階。min の大きい順に並べ、最後は min 0。達成度が最初に届いた段階が評価です。',
    'Evaluation levels, from the highest min down to a last level with min 0; the first level reached is the evaluation.',
  ],
  'evaluation[].min': [
    '目標に対する割合（小数）。60% なら 0.6、120% なら 1.2。10 以上は誤り（百分率の書き間違い）。',
    'A fraction of the target: 0.6 for 60%, 1.2 for 120%. 10 or more is refused (a percent written by mistake).',
  ],
  'evaluation[].label': ['評価の言葉（例: 概ね達成）。', 'The evaluation word (e.g. 概ね達成).'],
  'evaluation[].sentence': [
    '評価の文（例: 概ね達成された。 →「評価：概ね達成された。」）。',
    'The evaluation sentence (e.g. 概ね達成された。).',
  ],
  sentences: [
    '要約文のひな形。書いた文だけが既定と入れ替わります。',
    'Summary sentence templates; the ones given replace the default one by one.',
  ],
  'sentences.intake': [
    '相談の要約文。{program} {topChannel} {topCategories} {shareText} {total} が使えます。',
    'The intake sentence; placeholders {program} {topChannel} {topCategories} {shareText} {total}.',
  ],
  'sentences.distribution': [
    '配布の要約文。{program} {count} {locationsUsed} が使えます。',
    'The handout sentence; placeholders {program} {count} {locationsUsed}.',
  ],
  'sentences.ibasho': [
    '居場所の要約文。{program} {venuesUsed} {sessions} {participants} が使えます。',
    'The gatherings sentence; placeholders {program} {venuesUsed} {sessions} {participants}.',
  ],
  'sentences.support': [
    '支援記録の要約文（支援記録があるときだけ）。{program} {total} {typeCounts} {topAgency} が使えます。',
    'The support-log sentence (only when support records were read); placeholders {program} {total} {typeCounts} {topAgency}.',
  ],
  'sentences.comparison': ['前年との比較の文。', 'The comparison sentence.'],
  // SPEC §14
  attributes: [
    '相談者の属性（年代、DV の有無など）。属性ごとに、相談記録の列の値を区分ごとに数えた表が報告書に加わります。既定はなし。',
    "Client attributes (age group, DV …): each adds a table counting the log column's values by label. None by default.",
  ],
  'attributes[].id': [
    '属性の識別子（英字で始まる半角英数字と _ -、重複不可）。指標 intake.attribute.<id>.<ラベル> に使います。',
    "The attribute's identifier (letters, digits, _ and -; unique), used in the metric intake.attribute.<id>.<label>.",
  ],
  'attributes[].header': [
    '相談記録の列の見出し（例: 年代）。表の題にもなります。',
    "The log column's header (e.g. 年代), also the table's title.",
  ],
  'attributes[].aliases': ['列の見出しの別の書き方（例: 年齢層）。', 'Other spellings of the header (e.g. 年齢層).'],
  'attributes[].labels': [
    '区分。並び順が表の列の順です。最後に unknownLabel と「未記入」が付きます。',
    "The labels, in the order of the table's columns; unknownLabel and 未記入 follow.",
  ],
  'attributes[].labels[].label': ['報告書に出る区分の名前（例: 30代）。', 'The label printed in reports (e.g. 30代).'],
  'attributes[].labels[].aliases': [
    '記録の中でこの区分として読む別の書き方（例: 30歳代）。',
    'Other spellings in the logs read as this label (e.g. 30歳代).',
  ],
  'attributes[].labels[].range': [
    '年齢の範囲 [最小, 最大]（両端を含む整数）。34 や 34歳 と書かれた年齢をこの区分に数えます。',
    'Ages [min, max], both included: an age typed as 34 or 34歳 counts under this label.',
  ],
  'attributes[].unknownLabel': [
    'どの区分にも当たらない値と空欄を数える区分（例: 不明）。省略すると、当たらない値は誤り、空欄は「未記入」になります。',
    'Where values matching no label, and blank cells, count (e.g. 不明). Without it such a value is an error and a blank is 未記入.',
  ],
  categoriesMultiple: [
    'true なら主訴の欄に複数の主訴を「、」「・」「/」などで区切って書けます（主訴（複数回答）として延べで数えます）。',
    'true: a 主訴 cell may hold several concerns separated by 、 ・ / and the like, counted as mentions (主訴（複数回答）).',
  ],
  // SPEC §15
  suppression: [
    '少ない件数を伏せる設定（公表用）。below を書くと、どの報告書も伏せて作ります（--suppress-below を付けるとそちらが優先）。既定はなし。',
    'Small-count suppression for published reports. With below, every report is suppressed (--suppress-below overrides it). None by default.',
  ],
  'suppression.below': [
    '1 からこの数より一つ少ない件数までを伏せます（3 なら 1〜2件）。2 以上の整数。',
    'Counts from 1 to one below this are hidden (3 hides 1 and 2). A whole number, 2 or more.',
  ],
  'suppression.symbol': [
    '伏せた数の代わりに表示する記号: x（既定）、×、－、* のどれか。--suppress-symbol が優先します。',
    'What a hidden count is printed as: x (default), ×, －, or *. --suppress-symbol overrides it.',
  ],
  'suppression.attributes': [
    '属性の id ごとの、より厳しい数（例: {"ageGroup": 5}）。その属性の表では 1〜4件を伏せます。below 以上の数にします。',
    'A stricter threshold per attribute id (e.g. {"ageGroup": 5}): that attribute\'s tables hide 1 to 4. At least below.',
  ],
  showShares: [
    'true なら累計表の合計の下に「構成比」の行（合計に対する割合、12.3% の形）を加えます。既定は false。',
    "true: the cumulative table gains a 構成比 row under 合計 (each column's share of the total, as 12.3%). Default false.",
  ],
};
for (const list of CODED_LISTS) {
  DESCRIPTIONS[list] = [`${LIST_NAMES[list][0]}。並び順が表の列の順です。`, `${LIST_NAMES[list][1]}, in the order of the columns.`];
  DESCRIPTIONS[`${list}[].label`] = ['報告書に出る名前。', 'The label printed in reports.'];
  DESCRIPTIONS[`${list}[].aliases`] = [
    '記録の中でこの項目として読む別の書き方（例: TEL）。',
    'Other spellings in the logs read as this item (e.g. TEL).',
  ];
}

type JsonSchemaNode = {
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  required?: string[];
  [key: string]: unknown;
};

/**
 * The config file's JSON Schema, from the zod schema the loader checks with: what a file may say,
 * so an editor completes and checks it as it is typed. Every key of the file is optional (keys left
 * out keep the default, SPEC §4), so nothing is required at the top level or in `sentences`.
 */
export function configJsonSchema(): JsonSchemaNode {
  const schema = z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input' }) as JsonSchemaNode;
  delete schema.required;
  const properties = schema.properties!;
  if (properties.sentences) delete properties.sentences.required;
  const top = DEFAULT_CONFIG as unknown as Record<string, unknown>;
  for (const [key, node] of Object.entries(properties)) if (top[key] !== undefined) node.default = top[key];
  properties.$schema = { type: 'string' };
  const missing: string[] = [];
  describe(schema, '', missing);
  if (missing.length > 0) throw new Error(`config keys without a description in src/config/json-schema.ts: ${missing.join(', ')}`);
  return {
    $schema: schema.$schema,
    title: 'tsup-report.config.json',
    description: '女性支援事業 報告書ツール tsup-report の設定 / Config of tsup-report',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

function describe(node: JsonSchemaNode, at: string, missing: string[]): void {
  for (const branch of node.anyOf ?? []) describe(branch, at, missing);
  if (node.items) describe(node.items, `${at}[]`, missing);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const where = at === '' ? key : `${at}.${key}`;
    const words = DESCRIPTIONS[where];
    if (words === undefined) missing.push(where);
    else child.description = `${words[0]}\n${words[1]}`;
    describe(child, where, missing);
  }
}
