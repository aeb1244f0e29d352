import type { PersonVisit } from '../records/people.js';
import { monthOf } from '../records/dates.js';
import type { PeopleFigures, PeopleRow } from './types.js';

/**
 * 相談者数（実人数） for the report's months (SPEC §14): per month and for the period, `clients` =
 * distinct 相談者ID (the period's is not the sum of the months: a person seen in two months is one
 * person), `new` = consultations marked 新規 — or, for a consultation with an ID and no 新規/継続,
 * the person's earliest consultation among every record read (earlier years included) — and
 * `withoutId` = consultations with no ID. Null when no counted consultation of the period has an
 * ID or a 新規/継続 (the report is then exactly the seed's). Without any ID, `clients` is null:
 * a 新規/継続 column alone gives `new` alone.
 */
export function peopleFigures(visits: readonly PersonVisit[] | null, months: readonly string[]): PeopleFigures | null {
  if (visits === null) return null;
  const inPeriod = new Set(months);
  const counted = visits.filter((v) => inPeriod.has(monthOf(v.date)));
  const hasIds = counted.some((v) => v.client !== null);
  if (!hasIds && !counted.some((v) => v.visit !== null)) return null;

  // Each person's first consultation among all records read: the one that makes them 新規 when no column says.
  const first = new Map<string, PersonVisit>();
  for (const v of visits) {
    if (v.client === null) continue;
    const seen = first.get(v.client);
    if (!seen || v.date < seen.date) first.set(v.client, v);
  }
  const isNew = (v: PersonVisit): boolean => (v.visit !== null ? v.visit === 'new' : v.client !== null && first.get(v.client) === v);

  const rowOf = (these: readonly PersonVisit[]): Omit<PeopleRow, 'month'> => ({
    clients: hasIds ? new Set(these.flatMap((v) => (v.client === null ? [] : [v.client]))).size : null,
    new: these.filter(isNew).length,
    withoutId: hasIds ? these.filter((v) => v.client === null).length : null,
  });
  return {
    months: months.map((month) => ({ month, ...rowOf(counted.filter((v) => monthOf(v.date) === month)) })),
    total: rowOf(counted),
  };
}
