import { fiscalYearOf } from './period.js';

/**
 * Japanese-calendar labels through Intl's `ja-JP-u-ca-japanese` calendar, so new eras come with
 * the runtime's ICU data rather than a hand-kept table.
 */
/** Formatters by their options: making one loads the calendar's data (~10 ms), so each is made once. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(month: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormatPart[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const key = JSON.stringify(options);
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: 'UTC', ...options });
    formatters.set(key, format);
  }
  return format.formatToParts(new Date(Date.UTC(y, m - 1, 1)));
}

function part(list: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return list.find((p) => p.type === type)?.value ?? '';
}

/**
 * 令和3年度 for the fiscal year starting in 2021-04. The era is the one in force in the year's
 * second month: the year that began in April 2019 is 令和元年度 (the era changed on 1 May), while
 * the year that began in April 1988 stayed 昭和63年度 (平成 began in January).
 */
export function fiscalYearLabel(fiscalYear: number, startMonth: number): string {
  const secondMonth = new Date(Date.UTC(fiscalYear, startMonth, 1));
  const month = `${secondMonth.getUTCFullYear()}-${String(secondMonth.getUTCMonth() + 1).padStart(2, '0')}`;
  const p = parts(month, { era: 'long', year: 'numeric' });
  return `${part(p, 'era')}${part(p, 'year')}年度`;
}

/** R4年2月 for 2022-02, as the seed writes it under its tables. */
export function shortEraMonth(month: string): string {
  const p = parts(month, { era: 'narrow', year: 'numeric', month: 'numeric' });
  return `${part(p, 'era')}${part(p, 'year')}年${part(p, 'month')}月`;
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
