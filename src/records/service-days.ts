import { createRequire } from 'node:module';
import type { IsoDate } from './dates.js';

export interface ClosedDay {
  dayType: 'saturday' | 'sunday' | 'holiday' | 'year-end';
  holidayName?: string;
  holidayNameEn?: string;
}

type Holidays = Record<string, { name: string; name_en: string } | undefined>;

const requirePackage = createRequire(import.meta.url);
const holidaysByYear = new Map<string, Holidays>();

/**
 * The national holidays of one year, from @holiday-jp/holiday_jp's per-year tables (1970–2050):
 * a month's log needs one year of a few kilobytes, not the package's whole 230 KB table, whose
 * loading was a tenth of a small validate's start-up. A year the package does not cover has none.
 */
function holidaysOf(year: string): Holidays {
  let holidays = holidaysByYear.get(year);
  if (holidays === undefined) {
    try {
      holidays = requirePackage(`@holiday-jp/holiday_jp/lib/holidays_every_year/${year}.js`) as Holidays;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
      holidays = {};
    }
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

/**
 * Why the counter is closed on a date, or undefined on a service day. Closed: Saturdays, Sundays,
 * national holidays (from @holiday-jp/holiday_jp, which tracks the Cabinet Office list) and the
 * year-end closure 12/29–1/3.
 */
export function closedDay(date: IsoDate): ClosedDay | undefined {
  // Logs repeat the same few hundred dates: each is looked up once.
  if (cache.has(date)) return cache.get(date);
  const result = lookUp(date);
  cache.set(date, result);
  return result;
}

const cache = new Map<IsoDate, ClosedDay | undefined>();

function lookUp(date: IsoDate): ClosedDay | undefined {
  const holiday = holidaysOf(date.slice(0, 4))[date];
  if (holiday) return { dayType: 'holiday', holidayName: holiday.name, holidayNameEn: holiday.name_en };
  const monthDay = date.slice(5);
  if (monthDay >= '12-29' || monthDay <= '01-03') return { dayType: 'year-end' };
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 6) return { dayType: 'saturday' };
  if (weekday === 0) return { dayType: 'sunday' };
  return undefined;
}
