import { describe, expect, test } from 'vitest';
import { parseDate } from '../src/records/dates.js';

describe('accepted date forms', () => {
  test.each([
    ['2021-08-12', '2021-08-12'],
    ['2021/8/12', '2021-08-12'],
    ['2021.8.12', '2021-08-12'],
    ['2021年8月12日', '2021-08-12'],
    ['令和3年8月12日', '2021-08-12'],
    ['令和元年5月1日', '2019-05-01'],
    ['R3.8.12', '2021-08-12'],
    ['R3/8/12', '2021-08-12'],
    ['R3-8-12', '2021-08-12'],
    ['r3.8.12', '2021-08-12'],
    ['H31.4.30', '2019-04-30'],
    ['平成31年4月30日', '2019-04-30'],
    ['２０２１／８／１２', '2021-08-12'],
    ['２０２１年８月１２日', '2021-08-12'],
    ['令和３年８月１２日', '2021-08-12'],
    ['Ｒ３．８．１２', '2021-08-12'],
    ['2021/8/12 14:30', '2021-08-12'],
    ['2021-08-12T09:00:00', '2021-08-12'],
    ['2021/8/12 9:05:00', '2021-08-12'],
    ['2021/8/12(木)', '2021-08-12'],
    ['2021/8/12（木）', '2021-08-12'],
    [' 2021/8/12 ', '2021-08-12'],
    ['44420', '2021-08-12'],
    ['2024/2/29', '2024-02-29'],
    // The forms Excel shows and people type (issue 10, finding 14).
    ['2026/10/1(木) 10:00', '2026-10-01'],
    ['2026/10/1 10:00 (木)', '2026-10-01'],
    ['2026/10/1 午前 10:00', '2026-10-01'],
    ['2026/10/1 午後3:05', '2026-10-01'],
    ['2026/10/1 3:05 PM', '2026-10-01'],
    ['2026/10/1 10時5分', '2026-10-01'],
    ['2026年10月1日 10時', '2026-10-01'],
    ['2026/10/1（木曜日）', '2026-10-01'],
    ['2026/10/1(祝)', '2026-10-01'],
    ['20261001', '2026-10-01'],
    ['令8.10.1', '2026-10-01'],
    ['令8年10月1日', '2026-10-01'],
    ['平31.4.30', '2019-04-30'],
    ['昭和40年6月1日', '1965-06-01'],
    ['S40.6.1', '1965-06-01'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toEqual({ ok: true, date: iso });
  });

  test('eight digits typed into a number cell are a date too', () => {
    expect(parseDate(20261001)).toEqual({ ok: true, date: '2026-10-01' });
    expect(parseDate(20261332)).toEqual({ ok: false, problem: 'nonexistent' });
  });

  test('an XLSX date cell is read as its calendar date, never shifted by a time zone', () => {
    expect(parseDate(new Date(Date.UTC(2021, 7, 12)))).toEqual({ ok: true, date: '2021-08-12' });
    // A date cell with a time late in the day stays on its day.
    expect(parseDate(new Date(Date.UTC(2021, 7, 12, 23, 59)))).toEqual({ ok: true, date: '2021-08-12' });
  });

  test('Excel serial numbers of the 1900 system, with a time fraction ignored', () => {
    expect(parseDate(44420)).toEqual({ ok: true, date: '2021-08-12' });
    expect(parseDate(44420.75)).toEqual({ ok: true, date: '2021-08-12' });
    expect(parseDate(36526)).toEqual({ ok: true, date: '2000-01-01' });
    expect(parseDate(73050)).toEqual({ ok: true, date: '2099-12-31' });
  });
});

describe('rejected dates', () => {
  test.each([
    ['2021/2/30', 'nonexistent'],
    ['2022/2/29', 'nonexistent'],
    ['R3.13.1', 'nonexistent'],
    ['2021/0/10', 'nonexistent'],
    ['令和0年5月1日', 'nonexistent'],
    ['8/12', 'no-year'],
    ['8月12日', 'no-year'],
    ['平成31年5月1日', 'era-range'],
    ['令和元年4月30日', 'era-range'],
    ['昨日', 'unrecognised'],
    ['21/8/12', 'unrecognised'],
    ['2021/8', 'unrecognised'],
    ['', 'unrecognised'],
    ['36525', 'serial-range'],
    ['73051', 'serial-range'],
  ])('%s → %s', (text, problem) => {
    expect(parseDate(text)).toEqual({ ok: false, problem });
  });

  test('numbers outside the serial range, booleans and error cells are not dates', () => {
    expect(parseDate(12)).toEqual({ ok: false, problem: 'serial-range' });
    expect(parseDate(true)).toEqual({ ok: false, problem: 'unrecognised' });
    expect(parseDate({ error: '#N/A' })).toEqual({ ok: false, problem: 'unrecognised' });
  });
});
