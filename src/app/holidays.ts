import holidays from '@holiday-jp/holiday_jp/lib/holidays.js';
import type { Holidays, HolidayTable } from '../records/service-days.js';

/**
 * The package's whole holiday table (1970–2050), bundled into the page: it cannot load a year at
 * a time from disk as the CLI does. Keyed by date, so it answers for any year.
 */
const allHolidays = holidays as unknown as Holidays;

export const bundledHolidays: HolidayTable = () => allHolidays;
