/**
 * SPEC §15: a summary sentence never states or implies a hidden count. Each sentence with its
 * figure hidden (by hand, on the seed's report) is worded without it; then random reports are
 * suppressed and every count a sentence states is checked against the published cells.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import type { Config } from '../src/config/schema.js';
import { figuresOf } from '../src/report/compare.js';
import { withComparison } from '../src/report/comparison.js';
import { summaryOf } from '../src/report/summary.js';
import { suppressReport } from '../src/report/suppress.js';
import type { LabelCounts, Report } from '../src/report/types.js';
import { takasakiReport, withParts } from './report-parts.js';

const PLACES_SENTENCE = '生理用品の配布は{locationsUsed}か所で行い、累計{count}件の配布を行った。';

/** The sentences without their period note (its 「R4年2月」 holds digits of its own). */
const sentencesOf = (report: Report, config: Config = DEFAULT_CONFIG): { sentences: string[]; reworded: boolean } => {
  const summary = summaryOf(report, config.sentences);
  return { ...summary, sentences: summary.sentences.map((s) => s.slice(0, s.length - report.periodNote.length)) };
};

/** Whether the sentence states `n` as a number of its own (not as a digit of a larger one). */
const states = (sentence: string, n: number): boolean => new RegExp(`(?<![0-9０-９])${n}(?![0-9０-９])`, 'u').test(sentence);
/** Whether a suppression symbol stands in the sentence as a word (x, ×, －, *). */
const hasSymbol = (sentence: string): boolean => /(?<![A-Za-z])x(?![A-Za-z])|[×－*]/u.test(sentence);

/** The sentence neither states the hidden figure nor prints a symbol for it. */
function expectUnsaid(sentence: string, hidden: number): void {
  expect(states(sentence, hidden), `${sentence} states ${hidden}`).toBe(false);
  expect(hasSymbol(sentence), sentence).toBe(false);
}

describe('each sentence with its figure hidden (the seed’s report, counts hidden by hand)', () => {
  test('sentence 1: a hidden total is not stated; a busiest channel or leading categories that a hidden count could change are left out', async () => {
    const seed = await takasakiReport();
    const full = sentencesOf(seed).sentences[0]!;
    expect(full).toBe('女性のためのつながり相談事業は、電話での相談が最も多く、主訴は家庭問題、生活問題が全体の8割を超えていた。');

    const noTotal = structuredClone(seed);
    noTotal.intake.total.total = null;
    noTotal.intake.total.channel['来所'] = null;
    const [withoutTotal] = sentencesOf(noTotal).sentences;
    expect(withoutTotal).toBe('女性のためのつながり相談事業の相談件数は、個人の特定を防ぐため公表を控えた。');
    expectUnsaid(withoutTotal!, 135);

    // 電話's 109 hidden: the 109 left over could be any channel's, so none is named.
    const noPhone = structuredClone(seed);
    noPhone.intake.total.channel['電話'] = null;
    const phone = sentencesOf(noPhone);
    expect(phone.sentences[0]).toBe('女性のためのつながり相談事業の主訴は、家庭問題、生活問題が全体の8割を超えていた。');
    expect(phone.reworded).toBe(true);
    expectUnsaid(phone.sentences[0]!, 109);

    const noFamily = structuredClone(seed);
    noFamily.intake.total.category['家庭問題'] = null;
    noFamily.intake.total.category['その他'] = null;
    const family = sentencesOf(noFamily);
    expect(family.sentences[0]).toBe('女性のためのつながり相談事業は、電話での相談が最も多かった。');
    expectUnsaid(family.sentences[0]!, 64);
    expectUnsaid(family.sentences[0]!, 18);

    // Small categories hidden (2 and 1 of 135): no hidden one can reach 生活問題's 45, so the sentence stands as it is.
    const small = structuredClone(seed);
    small.intake.total.category['精神保健'] = null;
    small.intake.total.category['就労関係'] = null;
    expect(sentencesOf(small)).toEqual({ sentences: sentencesOf(seed).sentences, reworded: false });

    const neither = structuredClone(noPhone);
    neither.intake.total.category['家庭問題'] = null;
    neither.intake.total.category['その他'] = null;
    expect(sentencesOf(neither).sentences[0]).toBe('女性のためのつながり相談事業の相談件数は、135件であった。');
  });

  test('sentence 1 with several 主訴: a hidden category leaves the share of mentions unknown, so the categories are left out', async () => {
    const multiple = withParts(await takasakiReport(), { categoriesMultiple: true });
    multiple.intake.total.category['精神保健'] = null;
    expect(sentencesOf(multiple).sentences[0]).toBe('女性のためのつながり相談事業は、電話での相談が最も多かった。');
  });

  test('sentence 2: a hidden handout count is not stated; hidden places leave the number of places out', async () => {
    const seed = await takasakiReport();
    const noCount = structuredClone(seed);
    noCount.distribution.count = null;
    noCount.distribution.locations[0]!.count = null;
    const [, withoutCount] = sentencesOf(noCount).sentences;
    expect(withoutCount).toBe('生理用品の配布件数は、個人の特定を防ぐため公表を控えた。');
    expectUnsaid(withoutCount!, seed.distribution.count!);

    const places: Config = { ...DEFAULT_CONFIG, sentences: { ...DEFAULT_CONFIG.sentences, distribution: PLACES_SENTENCE } };
    expect(sentencesOf(seed, places).sentences[1]).toMatch(/^生理用品の配布は\dか所で行い、累計313件の配布を行った。$/u);
    const hiddenPlace = structuredClone(seed);
    const small = hiddenPlace.distribution.locations.find((l) => l.count! > 0)!;
    const hiddenCount = small.count!;
    small.count = null;
    const reworded = sentencesOf(hiddenPlace, places);
    expect(reworded.sentences[1]).toBe('生理用品の配布は、累計313件であった。');
    expect(reworded.reworded).toBe(true);
    expectUnsaid(reworded.sentences[1]!, hiddenCount);
    // The seed's own wording names no number of places: it stands.
    expect(sentencesOf(hiddenPlace).sentences[1]).toBe(sentencesOf(seed).sentences[1]);
  });

  test('sentence 3: hidden sessions, participants or venues are each left out of the sentence', async () => {
    const seed = await takasakiReport();
    expect(sentencesOf(seed).sentences[2]).toBe('居場所の開設事業については、2カ所で延べ11回開設され、17名の利用があった。');
    const variant = (hide: (r: Report) => void): string => {
      const copy = structuredClone(seed);
      hide(copy);
      return sentencesOf(copy).sentences[2]!;
    };
    const noSessions = variant((r) => {
      r.ibasho.sessions = null;
      r.ibasho.venues[0]!.sessions = null;
    });
    expect(noSessions).toBe('居場所の開設事業については、17名の利用があった。');
    expectUnsaid(noSessions, 11);
    const noParticipants = variant((r) => {
      r.ibasho.participants = null;
    });
    expect(noParticipants).toBe('居場所の開設事業については、2カ所で延べ11回開設された。');
    expectUnsaid(noParticipants, 17);
    const litoko = seed.ibasho.venues[0]!.sessions!;
    const noVenue = variant((r) => {
      r.ibasho.venues[0]!.sessions = null;
    });
    expect(noVenue).toBe('居場所の開設事業については、延べ11回開設され、17名の利用があった。');
    expectUnsaid(noVenue, litoko);
    const nothing = variant((r) => {
      r.ibasho.sessions = null;
      r.ibasho.participants = null;
    });
    expect(nothing).toBe('居場所の開設回数と利用者数は、個人の特定を防ぐため公表を控えた。');
  });

  test('sentence 4: a hidden total, a hidden type, an agency that a hidden count could outdo — each left unsaid', async () => {
    const seed = withParts(await takasakiReport(), { support: true });
    const support = seed.support!;
    const full = sentencesOf(seed).sentences[3]!;
    expect(full).toMatch(
      /^同行支援等の支援は延べ\d+件（同行支援\d+件、訪問支援\d+件、他機関との調整\d+件）行い、連携先は.+が最も多かった。$/u,
    );
    const variant = (hide: (r: Report) => void): string => {
      const copy = structuredClone(seed);
      hide(copy);
      return sentencesOf(copy).sentences[3]!;
    };
    const noTotal = variant((r) => {
      r.support!.total = null;
      r.support!.type['同行支援'] = null;
    });
    expect(noTotal).toBe('同行支援等の支援の件数は、個人の特定を防ぐため公表を控えた。');
    expectUnsaid(noTotal, support.total!);
    const noType = variant((r) => {
      r.support!.type['訪問支援'] = null;
      r.support!.type['同行支援'] = null;
    });
    expect(noType).toMatch(/^同行支援等の支援は延べ\d+件行い、連携先は.+が最も多かった。$/u);
    expectUnsaid(noType, support.type['訪問支援']!);
    // The leading agency hidden: what it held could be any hidden agency's, so none is named.
    const top = support.byAgency.filter((a) => a.agency !== '未記入').sort((a, b) => b.total! - a.total!)[0]!;
    const noTop = variant((r) => {
      for (const row of r.support!.byAgency) if (row.agency === top.agency || row.agency === '未記入') row.total = null;
    });
    expect(noTop).toBe(`同行支援等の支援は延べ${support.total}件（${full.slice(full.indexOf('（') + 1, full.indexOf('）'))}）行った。`);
    // (Its count may well be stated as a type's count, which is published: the name is what would tell.)
    expect(noTop).not.toContain(top.agency);
    expect(hasSymbol(noTop)).toBe(false);
  });

  test('the comparison sentence: left out when either year’s total is hidden, and the report says a sentence was', async () => {
    const seed = await takasakiReport();
    const suppressed = suppressReport(seed, 3, DEFAULT_CONFIG);
    const lastYear = { ...figuresOf(seed), fiscalYear: 2020, startMonth: '2020-08', asOf: '2021-02' };
    const shown = withComparison(suppressed, { ...lastYear, intake: { ...lastYear.intake, total: 120 } }, DEFAULT_CONFIG, 3);
    expect(shown.summary.at(-1)).toMatch(/^相談件数は135件で、前年度同期（120件）より15件（13%）増加した。/u);
    // Last year's total of 2 is hidden (below 3): the sentence is left out rather than say 133 more.
    const smallYear = { ...lastYear, intake: { ...lastYear.intake, total: 2, channel: { ...lastYear.intake.channel, 電話: 2, 来所: 0 } } };
    const hidden = withComparison(suppressed, smallYear, DEFAULT_CONFIG, 3);
    expect(hidden.summary).toEqual(suppressed.summary);
    expect(hidden.suppression?.sentences).toBe('reworded');
    expect(hidden.summary.join('')).not.toMatch(/133|前年度同期/u);
  });
});

// ── Random suppressed reports ──

const CHANNELS = ['電話', '来所', 'メール'];
const CATEGORIES = ['家庭問題', '生活問題', '健康問題', 'その他'];
const OUTCOMES = ['助言', '継続'];
const VENUES = ['会場甲', '会場乙'];
const LOCATIONS = ['本所', '支所東', '支所西'];
const TYPES = ['同行支援', '訪問支援'];
const AGENCIES = ['福祉事務所', '警察', '未記入'];

interface Logs {
  /** Per month: consultations [channel, category, outcome], gatherings [venue, participants], handouts by location, support [type, agency]. */
  months: { consultations: [number, number, number][]; gatherings: [number, number][]; handouts: number[]; actions: [number, number][] }[];
  places: boolean;
}

const count = (labels: string[], picks: number[]): LabelCounts =>
  Object.fromEntries(labels.map((label, i) => [label, picks.filter((p) => p === i).length]));
const sum = (counts: LabelCounts): number => Object.values(counts).reduce<number>((n, c) => n + c!, 0);

/** A report counted here from the generated records, as the data builders count. */
function reportOfLogs(logs: Logs): { report: Report; config: Config } {
  const config: Config = {
    ...DEFAULT_CONFIG,
    channels: CHANNELS.map((label) => ({ label })),
    categories: CATEGORIES.map((label) => ({ label })),
    outcomes: OUTCOMES.map((label) => ({ label })),
    ibashoVenues: VENUES.map((label) => ({ label })),
    distributionLocations: LOCATIONS.map((label) => ({ label })),
    targets: [],
    sentences: { ...DEFAULT_CONFIG.sentences, ...(logs.places ? { distribution: PLACES_SENTENCE } : {}) },
  };
  const month = (i: number): string => `2021-${String(8 + i).padStart(2, '0')}`;
  const intakeRow = (list: [number, number, number][]) => ({
    total: list.length,
    channel: count(
      CHANNELS,
      list.map((c) => c[0]),
    ),
    category: count(
      CATEGORIES,
      list.map((c) => c[1]),
    ),
    outcome: count(
      OUTCOMES,
      list.map((c) => c[2]),
    ),
  });
  const gatheringsRow = (list: [number, number][]) => {
    const sessions = count(
      VENUES,
      list.map((g) => g[0]),
    );
    const participants: LabelCounts = Object.fromEntries(
      VENUES.map((venue, v) => [venue, list.filter((g) => g[0] === v).reduce((n, g) => n + g[1], 0)]),
    );
    return { sessions, sessionsTotal: sum(sessions), participants, participantsTotal: sum(participants) };
  };
  const handoutsRow = (counts: number[]): LabelCounts => Object.fromEntries(LOCATIONS.map((l, i) => [l, counts[i]!]));
  const typesOf = (list: [number, number][]): LabelCounts =>
    count(
      TYPES,
      list.map((a) => a[0]),
    );
  const all = logs.months.flatMap((m) => m.consultations);
  const gatherings = logs.months.flatMap((m) => m.gatherings);
  const ibashoTotal = gatheringsRow(gatherings);
  const handouts = LOCATIONS.map((_, l) => logs.months.reduce((n, m) => n + m.handouts[l]!, 0));
  const actions = logs.months.flatMap((m) => m.actions);
  const report: Report = {
    kind: 'annual',
    program: '相談',
    organization: '',
    title: '',
    fiscalYear: 2021,
    fiscalYearLabel: '令和3年度',
    startMonth: month(0),
    asOf: month(logs.months.length - 1),
    periodNote: '',
    intake: {
      months: logs.months.map((m, i) => ({ month: month(i), label: `${8 + i}月`, ...intakeRow(m.consultations) })),
      total: intakeRow(all),
    },
    ibasho: {
      sessions: ibashoTotal.sessionsTotal,
      participants: ibashoTotal.participantsTotal,
      venues: VENUES.map((venue) => ({ venue, sessions: ibashoTotal.sessions[venue]!, participants: ibashoTotal.participants[venue]! })),
      months: logs.months.map((m, i) => ({ month: month(i), label: `${8 + i}月`, ...gatheringsRow(m.gatherings) })),
    },
    distribution: {
      count: handouts.reduce((a, b) => a + b, 0),
      locations: LOCATIONS.map((location, l) => ({ location, count: handouts[l]! })),
      months: logs.months.map((m, i) => ({
        month: month(i),
        label: `${8 + i}月`,
        count: handoutsRow(m.handouts),
        total: m.handouts.reduce((a, b) => a + b, 0),
      })),
    },
    support: {
      total: actions.length,
      type: typesOf(actions),
      months: logs.months.map((m, i) => ({ month: month(i), label: `${8 + i}月`, total: m.actions.length, type: typesOf(m.actions) })),
      byAgency: AGENCIES.map((agency, a) => {
        const mine = actions.filter((x) => x[1] === a);
        return { agency, total: mine.length, type: typesOf(mine) };
      }),
    },
    targets: [],
    targetLines: [],
    summary: [],
    ledger: {} as Report['ledger'],
    inputs: [],
  };
  return { report, config };
}

/** Every count a report publishes, with null where it is hidden, in one order for the report before and after suppression. */
function cells(report: Report): (number | null)[] {
  const labels = (counts: LabelCounts): (number | null)[] => Object.values(counts);
  const { intake, ibasho, distribution, support } = report;
  return [
    ...[...intake.months, intake.total].flatMap((r) => [r.total, ...labels(r.channel), ...labels(r.category), ...labels(r.outcome)]),
    ibasho.sessions,
    ibasho.participants,
    ...ibasho.venues.flatMap((v) => [v.sessions, v.participants]),
    ...ibasho.months.flatMap((m) => [m.sessionsTotal, m.participantsTotal, ...labels(m.sessions), ...labels(m.participants)]),
    distribution.count,
    ...distribution.locations.map((l) => l.count),
    ...distribution.months.flatMap((m) => [m.total, ...labels(m.count)]),
    support!.total,
    ...labels(support!.type),
    ...support!.months.flatMap((m) => [m.total, ...labels(m.type)]),
    ...support!.byAgency.flatMap((a) => [a.total, ...labels(a.type)]),
  ];
}

/** The counts a sentence states: a number followed by 件, 回 or 名 (places used and tenths are worked out from shown counts). */
const statedCounts = (sentence: string): number[] => [...sentence.matchAll(/(\d+)(?=件|回|名)/gu)].map((m) => Number(m[1]));

const logs: fc.Arbitrary<Logs> = fc.record({
  months: fc.array(
    fc.record({
      consultations: fc.array(fc.tuple(fc.nat({ max: 2 }), fc.nat({ max: 3 }), fc.nat({ max: 1 })), { maxLength: 14 }),
      gatherings: fc.array(fc.tuple(fc.nat({ max: 1 }), fc.nat({ max: 6 })), { maxLength: 3 }),
      handouts: fc.array(fc.nat({ max: 6 }), { minLength: 3, maxLength: 3 }),
      actions: fc.array(fc.tuple(fc.nat({ max: 1 }), fc.nat({ max: 2 })), { maxLength: 5 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  places: fc.boolean(),
});

describe('random suppressed reports (fast-check, 300 reports)', () => {
  test('every count a sentence states is a published count, so no hidden count that is not also shown elsewhere is ever stated; no symbol; a name is the true one; any sentence changed by suppression is said to be', () => {
    fc.assert(
      fc.property(logs, fc.integer({ min: 2, max: 6 }), (generated, below) => {
        const { report, config } = reportOfLogs(generated);
        const full = summaryOf(report, config.sentences).sentences;
        const suppressed = suppressReport(report, below, config);
        const before = cells(report);
        const after = cells(suppressed);
        const published = new Set(after.filter((n): n is number => n !== null));
        const hiddenOnly = before.filter((n, i): n is number => after[i] === null && !published.has(n!));
        suppressed.summary.forEach((sentence, s) => {
          for (const n of statedCounts(sentence))
            expect(published.has(n), `「${sentence}」 states ${n}, which no shown cell holds`).toBe(true);
          for (const n of hiddenOnly) expect(statedCounts(sentence)).not.toContain(n);
          expect(hasSymbol(sentence), sentence).toBe(false);
          // A busiest channel, leading categories or top agency named under suppression is the one the full figures name.
          for (const clause of [/は、(.+?)での相談が最も多/u, /主訴は、?(.+?)が全体の(\d+割を[^。]+)/u, /連携先は(.+?)が最も多かった/u]) {
            const named = clause.exec(sentence);
            if (named) expect(clause.exec(full[s]!)?.slice(1)).toEqual(named.slice(1));
          }
        });
        const changed = suppressed.summary.some((sentence, s) => sentence !== full[s]);
        expect(suppressed.suppression?.sentences === 'reworded').toBe(changed);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
