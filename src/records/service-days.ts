import holidayJp from '@holiday-jp/holiday_jp';
import type { IsoDate } from './dates.js';

export interface ClosedDay {
  dayType: 'saturday' | 'sunday' | 'holiday' | 'year-end';
  holidayName?: string;
  holidayNameEn?: string;
}

const holidays = holidayJp.holidays as Record<string, { name: string; name_en: string } | undefined>;

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
  const holiday = holidays[date];
  if (holiday) return { dayType: 'holiday', holidayName: holiday.name, holidayNameEn: holiday.name_en };
  const monthDay = date.slice(5);
  if (monthDay >= '12-29' || monthDay <= '01-03') return { dayType: 'year-end' };
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 6) return { dayType: 'saturday' };
  if (weekday === 0) return { dayType: 'sunday' };
  return undefined;
}
