import type { Config } from './schema.js';

/**
 * The seed program: 高崎市社会福祉協議会「女性のためのつながり相談」, 令和3年度.
 * Aliases are the spellings staff commonly type in their logs.
 */
export const DEFAULT_CONFIG: Config = {
  municipality: '高崎市',
  program: '女性のためのつながり相談',
  organization: '高崎市社会福祉協議会',
  fiscalYearStartMonth: 4,
  // The seed program began in August 2021: 令和3年度 runs from there, every later year from April.
  programStart: '2021-08',
  channels: [
    { label: '電話', aliases: ['TEL', '電話相談', '架電'], serviceDaysOnly: true },
    { label: '来所', aliases: ['来所相談', '面談', '来談', '面接'], serviceDaysOnly: true },
    { label: 'メール', aliases: ['mail', 'email', 'e-mail', 'Eメール', 'メール相談'] },
    { label: 'litoko', aliases: ['リトコ'] },
    { label: '思いをつなぐ会', aliases: ['おもいをつなぐ会', '思いをつなぐ'] },
  ],
  categories: [
    { label: '精神保健', aliases: ['精神', 'メンタル', 'こころ'] },
    { label: '就労関係', aliases: ['就労', '仕事', '労働'] },
    { label: '対人関係', aliases: ['対人', '人間関係'] },
    { label: '家庭問題', aliases: ['家庭', '家族'] },
    { label: '犯罪被害', aliases: ['犯罪', '被害'] },
    { label: '健康問題', aliases: ['健康'] },
    { label: '生活問題', aliases: ['生活', '経済', '生活困窮'] },
    { label: 'その他', aliases: ['他', 'そのほか'] },
  ],
  outcomes: [
    { label: '助言', aliases: ['傾聴・助言', '助言・傾聴'] },
    { label: '情報', aliases: ['情報提供'] },
    { label: '他機関連携', aliases: ['連携', '他機関紹介', '関係機関連携'] },
    { label: '継続', aliases: ['継続相談', '継続支援'] },
    { label: 'その他', aliases: ['他', 'そのほか'] },
  ],
  ibashoVenues: [
    { label: 'litoko', aliases: ['リトコ', '特定非営利活動法人litoko', 'NPO法人litoko'] },
    { label: '思いをつなぐ会', aliases: ['おもいをつなぐ会', '特定非営利活動法人思いをつなぐ会', 'NPO法人思いをつなぐ会'] },
  ],
  distributionLocations: [
    { label: '本所', aliases: ['社協本所', '本会'] },
    { label: '倉渕支所', aliases: ['倉渕'] },
    { label: '箕郷支所', aliases: ['箕郷'] },
    { label: '群馬支所', aliases: ['群馬'] },
    { label: '新町支所', aliases: ['新町'] },
    { label: '榛名支所', aliases: ['榛名'] },
    { label: '吉井支所', aliases: ['吉井'] },
  ],
  // 支援記録 (SPEC §14): the support the programme gives beyond the call, and the seed's 連携団体.
  supportTypes: [
    { label: '同行支援', aliases: ['同行', '付き添い', '付添い', '付添', '同行支援（付き添い）'] },
    { label: '訪問支援', aliases: ['訪問', '家庭訪問', 'アウトリーチ'] },
    { label: '他機関との調整', aliases: ['他機関調整', '関係機関との調整', '関係機関調整', '連絡調整', '調整'] },
  ],
  agencies: [
    { label: '福祉事務所', aliases: ['福祉課', '生活福祉課', '市福祉事務所'] },
    { label: '教育委員会・学校', aliases: ['教育委員会', '学校', '私立学校', '教育委員会・私立学校', '小学校', '中学校', '高校'] },
    {
      label: '県女性相談センター',
      aliases: ['女性相談センター', '女性相談所', '県女性相談所', '女性相談支援センター', '県女性相談支援センター'],
    },
    { label: '男女共同参画センター', aliases: ['男女共同参画', '参画センター'] },
    {
      label: 'ハローワーク・ジョブカフェ',
      aliases: [
        'ハローワーク',
        'ジョブカフェ',
        'ジョブカフェマザーズ',
        'ハローワーク・ジョブカフェマザーズ',
        'マザーズハローワーク',
        '公共職業安定所',
      ],
    },
    { label: '警察', aliases: ['警察署', '交番'] },
    { label: '医療機関', aliases: ['病院', '医院', 'クリニック', '診療所'] },
    { label: 'その他', aliases: ['他', 'そのほか', 'その他の機関'] },
  ],
  targets: [{ id: 'ibasho-sessions', label: '「居場所」集会の開催', metric: 'ibasho.sessions', target: 20, unit: '回' }],
  evaluation: [
    { min: 1.0, label: '達成', sentence: '達成された。' },
    { min: 0.6, label: '概ね達成', sentence: '概ね達成された。' },
    { min: 0, label: '未達成', sentence: '達成されなかった。' },
  ],
  // The seed's three closing sentences (SPEC §8), and sentence 4 for a support log (§14); the period note is added after each.
  sentences: {
    intake: '{program}事業は、{topChannel}での相談が最も多く、主訴は{topCategories}が全体の{shareText}。',
    distribution: '生理用品の配布は社会福祉協議会本所及び、各支所にて配布を行い、累計{count}件の配布を行った。',
    ibasho: '居場所の開設事業については、{venuesUsed}カ所で延べ{sessions}回開設され、{participants}名の利用があった。',
    support: '同行支援等の支援は延べ{total}件（{typeCounts}）行い、連携先は{topAgency}が最も多かった。',
  },
  // SPEC §14: no client attribute and one 主訴 per consultation, as the seed counts.
  attributes: [],
  categoriesMultiple: false,
};
