import { ERAS } from '../eras.js';
import { fiscalYearOf } from './period.js';

interface EraYear {
  /** 令和 */
  name: string;
  /** R */
  letter: string;
  year: number;
}

/**
 * The era and its year on the first day of a month: 令和 3 for 2021-08. From the era table dates
 * are read with (src/eras.ts), which a test holds equal to Intl's Japanese calendar: making an
 * Intl `ja-JP-u-ca-japanese` formatter loads the calendar's data, ~30 ms of every report's start.
 * Months before the table's first era (no log holds one) still ask Intl.
 */
function eraYear(month: string): EraYear {
  const first = `${month}-01`;
  const era = ERAS.find((e) => first >= e.first && first <= e.last);
  if (era) {
    const letter = era.names.find((name) => /^[a-z]$/u.test(name))!.toUpperCase();
    return { name: era.names[0]!, letter, year: Number(month.slice(0, 4)) - era.base + 1 };
  }
  const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
  const part = (era: 'long' | 'narrow', type: 'era' | 'year'): string =>
    new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: 'UTC', era, year: 'numeric' })
      .formatToParts(date)
      .find((p) => p.type === type)!.value;
  const year = part('long', 'year');
  return { name: part('long', 'era'), letter: part('narrow', 'era'), year: year === '元' ? 1 : Number(year) };
}

/**
 * 令和3年度 for the fiscal year starting in 2021-04. The era is the one in force in the year's
 * second month: the year that began in April 2019 is 令和元年度 (the era changed on 1 May), while
 * the year that began in April 1988 stayed 昭和63年度 (平成 began in January).
 */
export function fiscalYearLabel(fiscalYear: number, startMonth: number): string {
  const secondMonth = new Date(Date.UTC(fiscalYear, startMonth, 1));
  const month = `${secondMonth.getUTCFullYear()}-${String(secondMonth.getUTCMonth() + 1).padStart(2, '0')}`;
  const { name, year } = eraYear(month);
  return `${name}${year === 1 ? '元' : year}年度`;
}

/** R4年2月 for 2022-02, as the seed writes it under its tables. */
export function shortEraMonth(month: string): string {
  const { letter, year } = eraYear(month);
  return `${letter}${year}年${Number(month.slice(5, 7))}月`;
}

/** （R4年2月までの累計） */
export function periodNote(asOf: string): string {
  return `（${shortEraMonth(asOf)}までの累計）`;
}

/** 8月 for 2021-08. */
export function monthLabel(month: string): string {
  return `${Number(month.slice(5, 7))}月`;
}

/** 令和3年度 (2021-08〜2022-02), 令和4年度 (2022-04〜2022-05): the months that hold records, by fiscal year. */
export function monthsByFiscalYear(months: readonly string[], startMonth: number): string {
  const byYear = new Map<number, string[]>();
  for (const month of months) {
    const year = fiscalYearOf(month, startMonth);
    byYear.set(year, [...(byYear.get(year) ?? []), month]);
  }
  return [...byYear].map(([year, list]) => `${fiscalYearLabel(year, startMonth)}（${list[0]}〜${list[list.length - 1]}）`).join('、');
}
