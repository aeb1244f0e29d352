import holidayJp from '@holiday-jp/holiday_jp';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { CodedMatcher } from '../src/records/coded.js';
import { parseCount } from '../src/records/numbers.js';
import { packageCalendar } from '../src/cli/holidays.js';

const closedDay = (date: string) => packageCalendar.closedDay(date);
import { columnLetters } from '../src/problems.js';
import { normalizeKey } from '../src/text.js';
import { analyseTables, memoryTable } from './helpers.js';
import type { CellValue } from '../src/read/types.js';
import { messagesFor } from '../src/messages/index.js';
import { KIND_FIELDS } from '../src/records/kinds.js';

describe('coded values', () => {
  const channels = new CodedMatcher(DEFAULT_CONFIG.channels);

  test.each([
    ['電話', 0],
    [' 電話 ', 0],
    ['TEL', 0],
    ['tel', 0],
    ['ＴＥＬ', 0],
    ['来 所', 1],
    ['メール', 2],
    ['ﾒｰﾙ', 2],
    ['E-Mail', 2],
    ['LITOKO', 3],
    ['思いをつなぐ会', 4],
  ])('%s matches label %i', (text, index) => {
    expect(channels.match(text)).toEqual({ ok: true, index });
  });

  test('a near miss suggests the label it is close to', () => {
    expect(channels.match('電活')).toEqual({ ok: false, suggestion: '電話' });
    expect(channels.match('思いをつなぐかい')).toEqual({ ok: false, suggestion: '思いをつなぐ会' });
    expect(new CodedMatcher(DEFAULT_CONFIG.categories).match('家庭問題(DV)')).toEqual({ ok: false, suggestion: '家庭問題' });
  });

  test('a value close to nothing gets no suggestion', () => {
    expect(channels.match('手紙で届いた')).toEqual({ ok: false, suggestion: undefined });
  });

  test('normalisation: NFKC, no spaces, Latin lower-cased', () => {
    expect(normalizeKey(' Ｎｏ． ')).toBe('no.');
    expect(normalizeKey('受付　番号')).toBe('受付番号');
  });
});

describe('counts', () => {
  test.each([
    ['3', 3],
    ['１,２３４', 1234],
    ['1,234', 1234],
    ["'3", 3],
    [' 12 ', 12],
    [7, 7],
    ['0', 0],
  ])('%s → %i', (value, count) => {
    expect(parseCount(value, 0)).toEqual({ ok: true, count });
  });

  test.each([
    ['三人', 'not-a-number'],
    ['NaN', 'not-a-number'],
    ['', 'not-a-number'],
    ['1.5', 'not-whole'],
    [2.5, 'not-whole'],
    ['-2', 'negative'],
    ['12,34', 'not-a-number'],
    ['99999999', 'too-large'],
  ])('%s is rejected as %s', (value, problem) => {
    expect(parseCount(value, 0)).toEqual({ ok: false, problem });
  });

  test('a handout count must be at least 1', () => {
    expect(parseCount('0', 1)).toEqual({ ok: false, problem: 'zero' });
  });
});

describe('service days', () => {
  test.each([
    ['2021-09-20', 'holiday'],
    ['2021-11-03', 'holiday'],
    ['2021-12-29', 'year-end'],
    ['2022-01-03', 'year-end'],
    ['2021-08-14', 'saturday'],
    ['2021-08-15', 'sunday'],
  ])('%s is closed (%s)', (date, dayType) => {
    expect(closedDay(date)?.dayType).toBe(dayType);
  });

  test('an ordinary weekday is open', () => {
    expect(closedDay('2021-08-12')).toBeUndefined();
    expect(closedDay('2022-01-04')).toBeUndefined();
  });

  test('holidays come with their names', () => {
    expect(closedDay('2021-09-20')).toMatchObject({ holidayName: '敬老の日', holidayNameEn: 'Respect for the Aged Day' });
  });

  test("every holiday of the package's full table is found in its per-year tables, and nothing else is", () => {
    const all = holidayJp.holidays as Record<string, { name: string; name_en: string }>;
    const dates = Object.keys(all);
    expect(dates.length).toBeGreaterThan(1000);
    for (const date of dates) {
      expect(closedDay(date), date).toEqual({ dayType: 'holiday', holidayName: all[date]!.name, holidayNameEn: all[date]!.name_en });
    }
    // Every weekday of a year, outside the year-end closure: closed exactly when the full table says so.
    for (let t = Date.UTC(2023, 0, 4); t < Date.UTC(2023, 11, 29); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const weekday = new Date(t).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      expect(closedDay(date)?.dayType === 'holiday', date).toBe(date in all);
    }
    // Years the package does not cover have no holidays (weekends and the year-end still count).
    expect(closedDay('2099-05-05')).toBeUndefined();
  });
});

test('Excel column letters', () => {
  expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
});

describe('a formula saved without its result', () => {
  test('is said to be one, with "open and save it in Excel", in a date and in a count column', async () => {
    const unsaved: CellValue = { error: '' };
    const { log } = await analyseTables([
      memoryTable(
        [KIND_FIELDS.intake.map((f) => f.header), ['R3-1', unsaved, '電話', '家庭問題', '助言']],
        'written-by-a-script.xlsx',
        '相談記録',
      ),
      memoryTable(
        [
          ['開催日', '実施団体', '参加者数'],
          ['2021/8/3', 'litoko', unsaved],
        ],
        'gatherings.xlsx',
        '居場所',
      ),
    ]);
    const problems = log.list();
    expect(problems.map((p) => [p.code, p.detail.dateProblem ?? p.detail.numberProblem])).toEqual([
      ['invalid-date', 'unsaved-formula'],
      ['invalid-number', 'unsaved-formula'],
    ]);
    const ja = messagesFor('ja');
    expect(ja.issue['invalid-date'](problems[0]!.detail)).toContain('Excel で開いて保存し直してください');
  });
});
