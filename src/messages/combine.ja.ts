import type { CombineWords, SourceTableWords } from './combine-types.js';
import type { Messages } from './types.js';

const names = (items: readonly string[]): string => items.map((s) => `「${s}」`).join('、');

/** The table by source of a combined report, in Japanese. */
export const sourceTableJa: SourceTableWords = {
  title: '団体別の内訳',
  organization: '団体',
  gatherings: '居場所',
  sessions: '開催回数',
  participants: '参加者数',
  handouts: '生理用品',
  handoutCount: '配布数',
  people: '相談者数',
  clients: '実人数',
  new: '新規',
  support: '支援記録',
  supportTotal: '支援件数',
  overlap: (note) => `注: 相談者数は各団体が数えた数の合計です（${note}）。`,
  sheet: '団体別',
  chart: '団体別の相談件数',
};

const combineWordsJa: CombineWords = {
  argument: '報告書のJSONかフォルダ',
  argumentHelp:
    '各団体が monthly / annual の --format json で書き出した報告書（.json）。フォルダを指定すると、その中の .json をすべて読みます',
  placeholder: '団体名',
  option: {
    organization: '合算した報告の団体名（例: 群馬県）（既定: 各団体の名前を「・」でつないだもの）',
    config:
      '設定ファイル（まとめの文の書き方、題の市町村名、小さい数を伏せる設定 suppression だけを使います）（既定: 組み込みの文、伏せない）',
  },
  needsTwo: (given) =>
    `合算するには報告書（JSON）を2つ以上指定してください（${given}個でした）。各団体が --format json で書き出したファイルを並べるか、それらを入れたフォルダを指定します。`,
  badOrganization: '--organization に団体名を指定してください（空にはできません）。',
  noReportsIn: (folder) => `フォルダ ${folder} に報告書（.json）がありません。各団体の JSON を入れたフォルダを指定してください。`,
  refused: (count) => `次の ${count}件のファイルは合算できません（何も書き出していません）:`,
  line: (file, why) => `- ${file}: ${why}`,
  notJson: 'JSON として読めません。tsup-report の monthly / annual を --format json で書き出したファイルを指定してください。',
  notAReport: 'tsup-report の JSON 形式の報告書ではありません（monthly / annual を --format json で書き出したものを指定してください）。',
  suppressed:
    '--suppress-below で少数を伏せた報告書です。伏せた件数は足し合わせられないため、伏せずに書き出した報告書を送ってもらってください（伏せるのは合算した後に --suppress-below で行います）。',
  inconsistent:
    '合計が月ごとの数の和と合いません（手で書き換えられたか、途中で切れています）。tsup-report で書き出し直したファイルを送ってもらってください。',
  sameFile: (first) => `${first} と同じ報告書です。同じファイルを2回指定していないか確かめてください。`,
  otherYear: (found, expected, first) => `${found}の報告書です。最初の ${first} は${expected}です。同じ年度の報告書だけを合算できます。`,
  otherMonths: (found, expected, first) =>
    `集計の期間が ${found} です。最初の ${first} は ${expected} です。同じ月までの報告書（--month で同じ月を指定して書き出したもの）だけを合算できます。`,
  categoryMode: (multiple, first) =>
    multiple
      ? `主訴を複数回答（言及の数）で数えた報告書です。最初の ${first} は相談1件に主訴1つで数えているため、主訴を足し合わせられません。設定の categoriesMultiple をそろえて書き出し直してください。`
      : `主訴を相談1件に1つで数えた報告書です。最初の ${first} は複数回答（言及の数）で数えているため、主訴を足し合わせられません。設定の categoriesMultiple をそろえて書き出し直してください。`,
  sameOrganization: (organization, first) =>
    `団体名「${organization}」が ${first} と同じです。同じファイルを2回指定していないか確かめてください。別の窓口の報告なら、それぞれの設定の organization に別の名前を付けて書き出し直してください（同じ名前では二重に数えたかどうかが分かりません）。`,
  noOrganization: '団体名（設定の organization）が空です。設定の organization に団体名を入れて書き出し直してください。',
  table: {
    channel: '受付方法',
    category: '主訴',
    outcome: '対応結果',
    venue: '居場所の会場',
    location: '配布場所',
    supportType: '支援内容',
    agency: '連携先',
    attribute: '属性',
  },
  attributeTable: (attribute) => attribute,
  missingLabels: (organization, groups) =>
    `注意: ${organization} の報告には ${groups.map((g) => `${g.table}${g.labels.map((l) => `「${l}」`).join('')}`).join('、')} がないため、その団体の数は 0 として合算しました。`,
  missingAttributes: (organization, attributes) =>
    `注意: ${organization} の報告には ${names(attributes)} の集計がないため、その団体の相談は「未記入」に数えました。`,
  withoutPeople: (organizations) =>
    `注意: ${organizations.join('、')} の報告には相談者数（実人数・新規）がないため、合算した報告には相談者数を載せていません（一部の団体だけの合計になるため）。`,
  withoutClients: (organizations) =>
    `注意: ${organizations.join('、')} の報告には相談者IDがなく実人数がないため、合算した報告の相談者数は新規だけを載せています。`,
  withoutSupport: (organizations) =>
    `注意: ${organizations.join('、')} の報告には支援記録がないため、合算した報告には支援記録を載せていません（一部の団体だけの合計になるため）。`,
  done: (count, organizations) => `${count}団体の報告を合算しました: ${organizations.join('、')}`,
};

/** `combine` (SPEC §15), Japanese. */
export const combineJa: Pick<Messages, 'combine'> = { combine: combineWordsJa };
