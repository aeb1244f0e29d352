import type { IsoDate } from './dates.js';

export interface ClosedDay {
  dayType: 'saturday' | 'sunday' | 'holiday' | 'year-end';
  holidayName?: string;
  holidayNameEn?: string;
}

/** The national holidays of one year, by date. */
export type Holidays = Readonly<Record<string, { name: string; name_en: string } | undefined>>;

/**
 * Where the national holidays come from, a year at a time: @holiday-jp/holiday_jp's per-year
 * tables, loaded by the Node CLI (cli/holidays.ts) or bundled by the browser app. Passed
 * in, so that this module stays free of Node.
 */
export type HolidayTable = (year: string) => Holidays;

/**
 * Why the counter is closed on a date, or undefined on a service day. Closed: Saturdays, Sundays,
 * national holidays (from @holiday-jp/holiday_jp, which tracks the Cabinet Office list) and the
 * year-end closure 12/29–1/3.
 */
export class ServiceCalendar {
  /** Logs repeat the same few hundred dates: each is looked up once. */
  private readonly cache = new Map<IsoDate, ClosedDay | undefined>();

  constructor(private readonly holidaysOf: HolidayTable) {}

  closedDay(date: IsoDate): ClosedDay | undefined {
    if (this.cache.has(date)) return this.cache.get(date);
    const result = this.lookUp(date);
    this.cache.set(date, result);
    return result;
  }

  private lookUp(date: IsoDate): ClosedDay | undefined {
    const holiday = this.holidaysOf(date.slice(0, 4))[date];
    if (holiday) return { dayType: 'holiday', holidayName: holiday.name, holidayNameEn: holiday.name_en };
    const monthDay = date.slice(5);
    if (monthDay >= '12-29' || monthDay <= '01-03') return { dayType: 'year-end' };
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 6) return { dayType: 'saturday' };
    if (weekday === 0) return { dayType: 'sunday' };
    return undefined;
  }
}
