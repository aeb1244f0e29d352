import { describe, expect, test } from 'vitest';
import { FULL_YEAR_CONFIG, fullYearRecords } from '../scripts/fixture-data/full-year.js';
import { parseConfig } from '../src/config/parse.js';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { messagesFor } from '../src/messages/index.js';
import { reportFrom } from '../src/pipeline.js';
import type { CellValue } from '../src/read/types.js';
import { changeOf, comparisonSentence, suppressFigures } from '../src/report/compare.js';
import type { ComparedFigures } from '../src/report/types.js';
import { analyseFiles, analyseTables, fixture, memoryTable } from './helpers.js';

const config = { ...DEFAULT_CONFIG, programStart: null };
const intake = (date: string, channel = '電話'): CellValue[] => [date, channel, '家庭問題', '助言'];
const HEADER = ['受付日', '受付方法', '主訴', '対応結果'];

async function monthly(rows: CellValue[][], asOf: string, suppressBelow?: number) {
  const analysis = await analyseTables([memoryTable([HEADER, ...rows])], config);
  const result = reportFrom(analysis, { asOf }, { kind: 'monthly', skipInvalid: false, ...(suppressBelow ? { suppressBelow } : {}) });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

const figures = (total: number | null, prevTotal: number | null): [ComparedFigures, ComparedFigures] => {
  const of = (n: number | null, fiscalYear: number): ComparedFigures => ({
    fiscalYear,
    startMonth: '',
    asOf: '',
    intake: { total: n, channel: {}, category: {}, outcome: {} },
    people: null,
    ibasho: { sessions: 0, participants: 0 },
    distribution: { count: 0 },
    support: null,
  });
  return [of(total, 2022), of(prevTotal, 2021)];
};

describe('前年度同期比較 (SPEC §15)', () => {
  test('from the records read: the previous year’s same months equal the generator’s records, and each change is the difference', async () => {
    const full = parseConfig(FULL_YEAR_CONFIG, messagesFor('en'));
    if (!full.ok) throw new Error('config');
    const analysis = await analyseFiles([fixture('full-year')], full.config);
    const result = reportFrom(analysis, { asOf: '2024-05' }, { kind: 'monthly', skipInvalid: false });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const { previous, change } = result.report;
    const { consultations, gatherings, handouts } = fullYearRecords();
    const lastYear = consultations.filter((c) => c.date >= '2023-04' && c.date < '2023-06');
    const thisYear = consultations.filter((c) => c.date >= '2024-04' && c.date < '2024-06');
    expect(previous).toMatchObject({ fiscalYear: 2023, startMonth: '2023-04', asOf: '2023-05' });
    expect(previous!.intake.total).toBe(lastYear.length);
    for (const { label } of FULL_YEAR_CONFIG.channels) {
      const before = lastYear.filter((c) => c.channel === label).length;
      expect(previous!.intake.channel[label]).toBe(before);
      expect(change!.intake.channel[label]!.diff).toBe(thisYear.filter((c) => c.channel === label).length - before);
    }
    const inMonths = (date: string): boolean => date >= '2023-04' && date < '2023-06';
    expect(previous!.ibasho.participants).toBe(gatherings.filter((g) => inMonths(g.date)).reduce((s, g) => s + g.participants, 0));
    expect(previous!.distribution.count).toBe(handouts.filter((h) => inMonths(h.date)).reduce((s, h) => s + h.count, 0));
    expect(change!.intake.total).toEqual({
      diff: thisYear.length - lastYear.length,
      ratio: Math.round(((thisYear.length - lastYear.length) / lastYear.length) * 1000) / 1000,
    });
    expect(result.report.summary.at(-1)).toContain(`前年度同期（${lastYear.length}件）より`);
  });

  test('the sentence says 増加, 減少 or 同数, and with a previous 0 gives no ratio, in words', () => {
    expect(comparisonSentence(...figures(135, 120))).toBe('相談件数は135件で、前年度同期（120件）より15件（13%）増加した。');
    expect(comparisonSentence(...figures(92, 101))).toBe('相談件数は92件で、前年度同期（101件）より9件（8.9%）減少した。');
    expect(comparisonSentence(...figures(2400, 1600))).toBe('相談件数は2,400件で、前年度同期（1,600件）より800件（50%）増加した。');
    expect(comparisonSentence(...figures(40, 40))).toBe('相談件数は40件で、前年度同期（40件）と同数であった。');
    expect(comparisonSentence(...figures(7, 0))).toBe(
      '相談件数は7件で、前年度同期（0件）より7件増加した（前年度同期が0件のため、増減率は算出できない）。',
    );
    expect(changeOf(7, 0)).toEqual({ diff: 7, ratio: null });
    // A hidden total is never stated or implied.
    expect(comparisonSentence(...figures(null, 40))).toBeNull();
    expect(comparisonSentence(...figures(40, null))).toBeNull();
    expect(changeOf(null, 4)).toEqual({ diff: null, ratio: null });
  });

  test('a config template words the change; {trend} says which way', () => {
    const [now, before] = figures(10, 12);
    expect(comparisonSentence(now, before, '前年度比{diff}件の{trend}（{prevTotal}→{total}件）。')).toBe('前年度比2件の減少（12→10件）。');
  });

  test('last year’s months only in part: no comparison, and a warning naming the missing months', async () => {
    const result = await monthly([intake('2020/9/1'), intake('2021/8/2'), intake('2021/9/1')], '2021-09');
    expect(result.report.previous).toBeUndefined();
    const warning = result.findings.warnings.find((w) => w.code === 'comparison-omitted');
    expect(warning?.detail).toEqual({ comparison: 'partial', months: ['2020-04', '2020-05', '2020-06', '2020-07', '2020-08'] });
  });

  test('an error in last year’s rows: no comparison rather than a wrong one', async () => {
    const lastYear = ['2020/4/1', '2020/5/1', '2020/6/1', '2020/7/1', '2020/8/3', '2020/9/1'].map((d) => intake(d));
    const rows = [...lastYear, intake('2020/6/2', '伝書鳩'), ...['2021/4/1', '2021/9/1'].map((d) => intake(d))];
    const result = await monthly(rows, '2021-09');
    expect(result.report.previous).toBeUndefined();
    expect(result.findings.warnings.find((w) => w.code === 'comparison-omitted')?.detail.comparison).toBe('errors');
  });

  test('no record of last year: nothing to compare and nothing said', async () => {
    const result = await monthly([intake('2021/8/2'), intake('2021/9/1')], '2021-09');
    expect(result.report.previous).toBeUndefined();
    expect(result.findings.warnings.map((w) => w.code)).not.toContain('comparison-omitted');
  });

  test('under suppression: last year’s small counts hidden too, a change hidden whenever either side is', async () => {
    const lastYear = ['2020/4/1', '2020/5/1', '2020/6/1', '2020/7/1', '2020/8/3', '2020/9/1'].flatMap((d) => [intake(d), intake(d)]);
    const rows = [
      ...lastYear,
      intake('2020/9/2', 'メール'),
      ...Array.from({ length: 9 }, () => intake('2021/9/1')),
      intake('2021/8/2', 'メール'),
    ];
    const { report } = await monthly(rows, '2021-09', 3);
    expect(report.previous!.intake.channel['メール']).toBeNull();
    // 電話 alone would then give メール away as total − 電話: hidden with it.
    expect(report.previous!.intake.channel['電話']).toBeNull();
    expect(report.change!.intake.channel['メール']).toEqual({ diff: null, ratio: null });
    expect(report.change!.intake.total.diff).toBe(10 - 13);
  });

  test('support kept only this year: not compared with a 0 for last year', async () => {
    const lastYear = ['2020/4/1', '2020/5/1', '2020/6/1', '2020/7/1', '2020/8/3', '2020/9/1'].map((d) => intake(d));
    const consultations = memoryTable([HEADER, ...lastYear, intake('2021/9/1')]);
    const support = memoryTable(
      [
        ['実施日', '支援内容'],
        ['2021/9/2', '同行支援'],
      ],
      'support.csv',
    );
    const result = reportFrom(
      await analyseTables([consultations, support], config),
      { asOf: '2021-09' },
      { kind: 'monthly', skipInvalid: false },
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.report.support!.total).toBe(1);
    expect(result.report.previous!.support).toBeNull();
    expect(result.report.change!.support).toBeNull();
  });

  test('suppressFigures leaves no sum with a single hidden cell', () => {
    const [, before] = figures(0, 9);
    const hidden = suppressFigures(
      { ...before, intake: { ...before.intake, channel: { 電話: 7, メール: 2 }, outcome: { 助言: 9 } } },
      3,
      false,
    );
    expect(hidden.intake.channel).toEqual({ 電話: null, メール: null });
    expect(hidden.intake.total).toBe(9);
  });
});
