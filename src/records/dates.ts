// The function's own module: importing date-fns as a whole costs ~70 ms of start-up.
import { isExists } from 'date-fns/isExists';
import type { CellValue } from '../read/types.js';
import { ERA_NAME_PATTERN, eraNamed, gregorianYear } from '../eras.js';
import type { DateProblem } from '../problems.js';

/** A calendar date as `YYYY-MM-DD`: no time, no time zone, and it sorts as text. */
export type IsoDate = string;

export type DateResult = { ok: true; date: IsoDate } | { ok: false; problem: DateProblem };

/** The 1900 date system's integer serials accepted as dates: 2000-01-01 … 2099-12-31. */
export const SERIAL_MIN = 36526;
export const SERIAL_MAX = 73050;

const WESTERN = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/u;
const WESTERN_KANJI = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/u;
const EIGHT_DIGITS = /^(\d{4})(\d{2})(\d{2})$/u;
const ERA_KANJI = new RegExp(`^(${ERA_NAME_PATTERN})(元|\\d{1,2})年(\\d{1,2})月(\\d{1,2})日?$`, 'iu');
const ERA_SHORT = new RegExp(`^(${ERA_NAME_PATTERN})(元|\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{1,2})$`, 'iu');
const NO_YEAR = /^(\d{1,2})[-/.](\d{1,2})$|^(\d{1,2})月(\d{1,2})日?$/u;
const SERIAL = /^\d{5}(\.\d+)?$/u;
/** A time after the date, in the forms Excel and people write: 10:00, 10:00:00, 10時5分, 午前10:00, 午後 3:05, 3:05 PM. */
const TIME_SUFFIX =
  /(?:T|\s*)(?:(?:午前|午後|am|pm)\s*)?\d{1,2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?|時(?:\d{1,2}分)?(?:\d{1,2}秒)?)(?:\s*(?:am|pm))?$/iu;
/** A weekday note: (木), （木曜日）, (祝), (土・祝). */
const WEEKDAY_SUFFIX = /\s*\((?:[日月火水木金土](?:曜日?)?|祝|[日月火水木金土]・祝)\)$/u;

/**
 * Reads every date form staff write: ISO and slashed dates, 年月日, 和暦 (令和3年8月12日, R3.8.12,
 * 令和元年), full-width digits, a trailing time or weekday, XLSX date cells and Excel serials.
 * XLSX date cells are calendar dates, so their UTC fields are read and never shifted.
 */
export function parseDate(value: CellValue): DateResult {
  if (value instanceof Date) return fromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value === 'number') {
    // Digits typed into a number cell: 20261001.
    if (Number.isInteger(value) && value >= 10_000_000 && value <= 99_999_999) return parseDateText(String(value));
    return fromSerial(value);
  }
  if (typeof value !== 'string') return { ok: false, problem: 'unrecognised' };
  return parseDateText(value);
}

export function parseDateText(text: string): DateResult {
  let cleaned = text.normalize('NFKC').trim();
  // A weekday and a time may follow the date in either order: 2026/10/1(木) 10:00, 2026/10/1 10:00 (木).
  for (let previous = ''; previous !== cleaned;) {
    previous = cleaned;
    cleaned = cleaned.replace(WEEKDAY_SUFFIX, '').replace(TIME_SUFFIX, '').trim();
  }
  cleaned = cleaned.replace(/\s+/gu, '');
  let match = WESTERN.exec(cleaned) ?? WESTERN_KANJI.exec(cleaned) ?? EIGHT_DIGITS.exec(cleaned);
  if (match) return fromParts(Number(match[1]), Number(match[2]), Number(match[3]));

  match = ERA_KANJI.exec(cleaned) ?? ERA_SHORT.exec(cleaned);
  if (match) {
    const [, eraName, yearText, month, day] = match;
    const era = eraNamed(eraName!)!;
    const eraYear = yearText === '元' ? 1 : Number(yearText);
    if (eraYear < 1) return { ok: false, problem: 'nonexistent' };
    const result = fromParts(gregorianYear(era, eraYear), Number(month), Number(day));
    if (result.ok && (result.date < era.first || result.date > era.last)) return { ok: false, problem: 'era-range' };
    return result;
  }

  if (SERIAL.test(cleaned)) return fromSerial(Number(cleaned));
  if (NO_YEAR.test(cleaned)) return { ok: false, problem: 'no-year' };
  return { ok: false, problem: 'unrecognised' };
}

function fromSerial(serial: number): DateResult {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < SERIAL_MIN || day > SERIAL_MAX) return { ok: false, problem: 'serial-range' };
  // Serials count days from 1899-12-30 once past Excel's phantom 1900-02-29; every accepted serial is.
  const date = new Date(Date.UTC(1899, 11, 30) + day * 86_400_000);
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function fromParts(year: number, month: number, day: number): DateResult {
  if (!isExists(year, month - 1, day)) return { ok: false, problem: 'nonexistent' };
  return { ok: true, date: isoDate(year, month, day) };
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const months = new Map<IsoDate, string>();

/**
 * `YYYY-MM` of a date. Logs repeat a few hundred dates a million times: each date's month is made
 * once, so that the same string comes back and maps keyed by month find it at once.
 */
export function monthOf(date: IsoDate): string {
  let month = months.get(date);
  if (month === undefined) {
    month = date.slice(0, 7);
    if (months.size > 100_000) months.clear();
    months.set(date, month);
  }
  return month;
}

/** Today's calendar date where the tool runs. */
export function todayIso(now: Date): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
