import type { Config } from '../config/schema.js';

export interface Period {
  fiscalYear: number;
  /** First month of the fiscal year, `YYYY-MM`. */
  yearStart: string;
  /** Last month of the fiscal year. */
  yearEnd: string;
  startMonth: string;
  asOf: string;
  /** Every month from start to as-of, inclusive. */
  months: string[];
  /** Months after as-of to the year's end (R of the projection). */
  monthsRemaining: number;
}

export type PeriodResult =
  | { ok: true; period: Period }
  | { ok: false; problem: 'no-records' }
  | { ok: false; problem: 'as-of-before-start'; asOf: string; startMonth: string }
  | { ok: false; problem: 'as-of-outside-year'; asOf: string; fiscalYear: number }
  /** The chosen months hold no record of any kind: `available` lists the months that do. */
  | { ok: false; problem: 'empty-period'; fiscalYear: number; startMonth: string; asOf: string; available: string[] };

export interface PeriodRequest {
  fiscalYear?: number;
  asOf?: string;
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return ty * 12 + tm - (fy * 12 + fm);
}

/** The fiscal year a month belongs to: 2022-02 is in fiscal year 2021 when the year starts in April. */
export function fiscalYearOf(month: string, startMonth: number): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m >= startMonth ? y : y - 1;
}

/** A fiscal year's first and last months, and the first month a report of it covers: programStart when it lies in the year. */
export function fiscalYearBounds(fiscalYear: number, config: Config): { yearStart: string; yearEnd: string; startMonth: string } {
  const yearStart = `${String(fiscalYear).padStart(4, '0')}-${String(config.fiscalYearStartMonth).padStart(2, '0')}`;
  const yearEnd = addMonths(yearStart, 11);
  const programStart = config.programStart;
  const startMonth = programStart != null && programStart >= yearStart && programStart <= yearEnd ? programStart : yearStart;
  return { yearStart, yearEnd, startMonth };
}

/**
 * Chooses the report's year and months (SPEC §5). The year is the one asked for, else that of
 * the as-of month, else that of the latest record. The start is programStart when it lies in the
 * year, else the year's first month — never guessed from the data, so a forgotten April shows as
 * an empty April. As-of defaults to the year's latest month with records. Months that hold no
 * record at all are refused: a slip of the year must not print an all-zero table.
 */
export function resolvePeriod(request: PeriodRequest, monthsWithRecords: readonly string[], config: Config): PeriodResult {
  const latest = monthsWithRecords[monthsWithRecords.length - 1];
  const fiscalYear =
    request.fiscalYear ??
    (request.asOf !== undefined ? fiscalYearOf(request.asOf, config.fiscalYearStartMonth) : undefined) ??
    (latest !== undefined ? fiscalYearOf(latest, config.fiscalYearStartMonth) : undefined);
  if (fiscalYear === undefined) return { ok: false, problem: 'no-records' };

  const { yearStart, yearEnd, startMonth } = fiscalYearBounds(fiscalYear, config);
  const inYear = (month: string): boolean => month >= yearStart && month <= yearEnd;
  if (request.asOf !== undefined && !inYear(request.asOf)) {
    return { ok: false, problem: 'as-of-outside-year', asOf: request.asOf, fiscalYear };
  }

  const recordMonths = monthsWithRecords.filter(inYear);
  const asOf = request.asOf ?? recordMonths[recordMonths.length - 1] ?? startMonth;
  if (asOf < startMonth) return { ok: false, problem: 'as-of-before-start', asOf, startMonth };
  if (!recordMonths.some((month) => month >= startMonth && month <= asOf)) {
    return { ok: false, problem: 'empty-period', fiscalYear, startMonth, asOf, available: [...monthsWithRecords] };
  }

  const months: string[] = [];
  for (let month = startMonth; month <= asOf; month = addMonths(month, 1)) months.push(month);
  return {
    ok: true,
    period: { fiscalYear, yearStart, yearEnd, startMonth, asOf, months, monthsRemaining: monthsBetween(asOf, yearEnd) },
  };
}
