import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { addMonths, fiscalYearOf, resolvePeriod } from '../src/report/period.js';
import { evaluate, projectYearEnd } from '../src/report/targets.js';
import { fiscalYearLabel, periodNote } from '../src/report/wareki.js';

describe('periods', () => {
  const months = ['2021-08', '2021-09', '2022-02', '2022-04'];

  test('fiscal years start in April by default', () => {
    expect(fiscalYearOf('2022-03', 4)).toBe(2021);
    expect(fiscalYearOf('2022-04', 4)).toBe(2022);
    expect(fiscalYearOf('2022-01', 1)).toBe(2022);
    expect(addMonths('2021-12', 1)).toBe('2022-01');
    expect(addMonths('2021-04', 11)).toBe('2022-03');
  });

  test('without options: the year of the latest record, from its first month with records', () => {
    const result = resolvePeriod({}, months, DEFAULT_CONFIG);
    expect(result).toMatchObject({ ok: true, period: { fiscalYear: 2022, startMonth: '2022-04', asOf: '2022-04', monthsRemaining: 11 } });
  });

  test('the year of --as-of; the program start of the default (2021-08); months without records are listed', () => {
    const result = resolvePeriod({ asOf: '2022-02' }, months, DEFAULT_CONFIG);
    expect(result.ok && result.period.months).toEqual(['2021-08', '2021-09', '2021-10', '2021-11', '2021-12', '2022-01', '2022-02']);
    expect(result.ok && result.period.monthsRemaining).toBe(1);
  });

  test('programStart inside the year is the start even before the first record; outside it, the year starts in its first month', () => {
    const result = resolvePeriod({ fiscalYear: 2021 }, months, { ...DEFAULT_CONFIG, programStart: '2021-07' });
    expect(result).toMatchObject({ ok: true, period: { startMonth: '2021-07', asOf: '2022-02' } });
    const outside = resolvePeriod({ fiscalYear: 2021 }, months, { ...DEFAULT_CONFIG, programStart: '2019-10' });
    expect(outside).toMatchObject({ ok: true, period: { startMonth: '2021-04' } });
  });

  test('the start is never guessed from the data: a forgotten April is an empty April, not a shorter year', () => {
    const config = { ...DEFAULT_CONFIG, programStart: undefined };
    const result = resolvePeriod({}, ['2022-05', '2022-06'], config);
    expect(result).toMatchObject({
      ok: true,
      period: { startMonth: '2022-04', asOf: '2022-06', months: ['2022-04', '2022-05', '2022-06'] },
    });
  });

  test('a period that holds no record at all is refused, naming the months that do', () => {
    // --month 2021-01 typed for 2022-01: 令和2年度 holds nothing.
    expect(resolvePeriod({ asOf: '2021-01' }, months, DEFAULT_CONFIG)).toEqual({
      ok: false,
      problem: 'empty-period',
      fiscalYear: 2020,
      startMonth: '2020-04',
      asOf: '2021-01',
      available: months,
    });
    expect(resolvePeriod({ fiscalYear: 2023 }, months, DEFAULT_CONFIG)).toMatchObject({ ok: false, problem: 'empty-period' });
  });

  test('an as-of before the start, or outside the year, is refused', () => {
    expect(resolvePeriod({ fiscalYear: 2021, asOf: '2021-06' }, months, DEFAULT_CONFIG)).toEqual({
      ok: false,
      problem: 'as-of-before-start',
      asOf: '2021-06',
      startMonth: '2021-08',
    });
    expect(resolvePeriod({ fiscalYear: 2021, asOf: '2022-05' }, months, DEFAULT_CONFIG)).toMatchObject({
      ok: false,
      problem: 'as-of-outside-year',
    });
    expect(resolvePeriod({}, [], DEFAULT_CONFIG)).toEqual({ ok: false, problem: 'no-records' });
  });
});

describe('projection and evaluation', () => {
  test('the seed check: 11 gatherings over Aug–Feb (E=7, R=1) → 12.57 → 13', () => {
    expect(projectYearEnd(11, 7, 1)).toBe(13);
  });

  test('rounds half up exactly', () => {
    // 3 + 3×1/2 = 4.5 → 5; 5 + 5×3/6 = 7.5 → 8
    expect(projectYearEnd(3, 2, 1)).toBe(5);
    expect(projectYearEnd(5, 6, 3)).toBe(8);
    expect(projectYearEnd(0, 5, 7)).toBe(0);
  });

  test('no projection at the year end', () => {
    expect(projectYearEnd(11, 12, 0)).toBe(11);
  });

  test('evaluation picks the first level reached, with exact percentages', () => {
    const levels = DEFAULT_CONFIG.evaluation;
    expect(evaluate(13 / 20, levels)).toBe('概ね達成');
    expect(evaluate(1, levels)).toBe('達成');
    expect(evaluate(12 / 20, levels)).toBe('概ね達成');
    expect(evaluate(0.59, levels)).toBe('未達成');
    expect(evaluate(null, levels)).toBeNull();
  });
});

describe('Japanese calendar labels', () => {
  test('fiscal year and period note', () => {
    expect(fiscalYearLabel(2021, 4)).toBe('令和3年度');
    expect(fiscalYearLabel(2019, 4)).toBe('令和元年度');
    expect(fiscalYearLabel(1988, 4)).toBe('昭和63年度');
    expect(fiscalYearLabel(1989, 4)).toBe('平成元年度');
    expect(fiscalYearLabel(2022, 1)).toBe('令和4年度');
    expect(periodNote('2022-02')).toBe('（R4年2月までの累計）');
    expect(periodNote('2019-04')).toBe('（H31年4月までの累計）');
  });
});
