import { createRequire } from 'node:module';
import { ServiceCalendar, type Holidays, type HolidayTable } from '../records/service-days.js';

const requirePackage = createRequire(import.meta.url);
const byYear = new Map<string, Holidays>();

/**
 * The national holidays of one year, from @holiday-jp/holiday_jp's per-year tables (1970–2050):
 * a month's log needs one year of a few kilobytes, not the package's whole 230 KB table, whose
 * loading costs ~40 ms of a run. A year the package does not cover has none.
 */
export const holidaysFromPackage: HolidayTable = (year) => {
  let holidays = byYear.get(year);
  if (holidays === undefined) {
    try {
      holidays = requirePackage(`@holiday-jp/holiday_jp/lib/holidays_every_year/${year}.js`) as Holidays;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
      holidays = {};
    }
    byYear.set(year, holidays);
  }
  return holidays;
};

/** The service calendar with the installed package's holidays (scripts and tests use it directly). */
export const packageCalendar = new ServiceCalendar(holidaysFromPackage);
