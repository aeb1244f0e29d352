// The function's own module: importing date-fns as a whole costs ~70 ms of start-up.
import { isExists } from 'date-fns/isExists';
import type { CellValue } from '../read/types.js';
import type { DateProblem } from './issues.js';

/** A calendar date as `YYYY-MM-DD`: no time, no time zone, and it sorts as text. */
export type IsoDate = string;

export type DateResult = { ok: true; date: IsoDate } | { ok: false; problem: DateProblem };

/** The 1900 date system's integer serials accepted as dates: 2000-01-01 … 2099-12-31. */
export const SERIAL_MIN = 36526;
export const SERIAL_MAX = 73050;

interface Era {
  first: IsoDate;
  last: IsoDate;
  /** Gregorian year of the era's year 1. */
  base: number;
}

const ERAS: Record<string, Era> = {
  令和: { first: '2019-05-01', last: '9999-12-31', base: 2019 },
  平成: { first: '1989-01-08', last: '2019-04-30', base: 1989 },
  昭和: { first: '1926-12-25', last: '1989-01-07', base: 1926 },
};
const ERA_LETTERS: Record<string, string> = { r: '令和', h: '平成', s: '昭和' };

const WESTERN = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/u;
const WESTERN_KANJI = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/u;
const ERA_KANJI = /^(令和|平成|昭和)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日?$/u;
const ERA_LETTER = /^([rhs])(元|\d{1,2})[-/.](\d{1,2})[-/.](\d{1,2})$/iu;
const NO_YEAR = /^(\d{1,2})[-/.](\d{1,2})$|^(\d{1,2})月(\d{1,2})日?$/u;
const SERIAL = /^\d{5}(\.\d+)?$/u;
const TIME_SUFFIX = /(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?|\s*\d{1,2}時(?:\d{1,2}分)?(?:\d{1,2}秒)?)$/u;
const WEEKDAY_SUFFIX = /\((?:[日月火水木金土]|祝|[日月火水木金土]・祝)\)$/u;

/**
 * Reads every date form staff write: ISO and slashed dates, 年月日, 和暦 (令和3年8月12日, R3.8.12,
 * 令和元年), full-width digits, a trailing time or weekday, XLSX date cells and Excel serials.
 * XLSX date cells are calendar dates, so their UTC fields are read and never shifted.
 */
export function parseDate(value: CellValue): DateResult {
  if (value instanceof Date) return fromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  if (typeof value === 'number') return fromSerial(value);
  if (typeof value !== 'string') return { ok: false, problem: 'unrecognised' };
  return parseDateText(value);
}

export function parseDateText(text: string): DateResult {
  const cleaned = text.normalize('NFKC').trim().replace(WEEKDAY_SUFFIX, '').replace(TIME_SUFFIX, '').replace(/\s+/gu, '');
  let match = WESTERN.exec(cleaned) ?? WESTERN_KANJI.exec(cleaned);
  if (match) return fromParts(Number(match[1]), Number(match[2]), Number(match[3]));

  match = ERA_KANJI.exec(cleaned);
  const letter = match ? undefined : ERA_LETTER.exec(cleaned);
  if (match || letter) {
    const [, eraText, yearText, month, day] = (match ?? letter)!;
    const eraName = match ? eraText! : ERA_LETTERS[eraText!.toLowerCase()]!;
    const era = ERAS[eraName]!;
    const eraYear = yearText === '元' ? 1 : Number(yearText);
    if (eraYear < 1) return { ok: false, problem: 'nonexistent' };
    const result = fromParts(era.base + eraYear - 1, Number(month), Number(day));
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

/** `YYYY-MM` of a date. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/** Today's calendar date where the tool runs. */
export function todayIso(now: Date): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
