import { NO_LABELS } from './attribute-cells.js';
import { KIND_FIELDS, type Kind } from './kinds.js';
import type { DistributionRecord, IbashoRecord, IntakeRecord, LogRecord, SupportRecord, Visit } from './types.js';

/** Where a field sits in a row's values: its position in KIND_FIELDS. */
const slot = (kind: Kind, field: string): number => KIND_FIELDS[kind].findIndex((f) => f.field === field);
const SLOT = {
  intake: {
    id: slot('intake', 'id'),
    clientId: slot('intake', 'clientId'),
    visit: slot('intake', 'visit'),
    date: slot('intake', 'date'),
    channel: slot('intake', 'channel'),
    category: slot('intake', 'category'),
    outcome: slot('intake', 'outcome'),
  },
  ibasho: { date: slot('ibasho', 'date'), venue: slot('ibasho', 'venue'), participants: slot('ibasho', 'participants') },
  distribution: { date: slot('distribution', 'date'), location: slot('distribution', 'location'), count: slot('distribution', 'count') },
  support: { date: slot('support', 'date'), type: slot('support', 'type'), agency: slot('support', 'agency') },
};

/** One record of each kind, filled in row after row: a million rows allocate no record (collect.ts reads each at once). */
export interface ScratchRecords {
  intake: IntakeRecord;
  ibasho: IbashoRecord;
  distribution: DistributionRecord;
  support: SupportRecord;
}

export function scratchRecords(): ScratchRecords {
  const placed = { unit: 0, row: 0, date: '' };
  return {
    intake: {
      kind: 'intake',
      ...placed,
      id: null,
      clientId: null,
      visit: null,
      channel: 0,
      category: 0,
      outcome: 0,
      categories: null,
      attributes: NO_LABELS,
    },
    ibasho: { kind: 'ibasho', ...placed, venue: 0, participants: 0 },
    distribution: { kind: 'distribution', ...placed, location: 0, count: 0 },
    support: { kind: 'support', ...placed, type: 0, agency: null },
  };
}

/**
 * The record of a sound row from its values, which sit by the field's position in KIND_FIELDS
 * (so that building it reads fixed slots, whatever the column order of the table), written into
 * the scratch record of its kind. A consultation also carries its 主訴 when a cell may hold
 * several, and its attributes' labels (SPEC §14).
 */
export function recordInto(
  into: ScratchRecords,
  kind: Kind,
  v: readonly (string | number | null)[],
  unit: number,
  row: number,
  categories: readonly number[] | null = null,
  attributes: readonly number[] = NO_LABELS,
): LogRecord {
  switch (kind) {
    case 'intake': {
      const r = into.intake;
      r.unit = unit;
      r.row = row;
      r.id = v[SLOT.intake.id] as string | null;
      r.date = v[SLOT.intake.date] as string;
      r.clientId = v[SLOT.intake.clientId] as string | null;
      r.visit = v[SLOT.intake.visit] as Visit | null;
      r.channel = v[SLOT.intake.channel] as number;
      r.category = v[SLOT.intake.category] as number;
      r.outcome = v[SLOT.intake.outcome] as number;
      r.categories = categories;
      r.attributes = attributes;
      return r;
    }
    case 'ibasho': {
      const r = into.ibasho;
      r.unit = unit;
      r.row = row;
      r.date = v[SLOT.ibasho.date] as string;
      r.venue = v[SLOT.ibasho.venue] as number;
      r.participants = v[SLOT.ibasho.participants] as number;
      return r;
    }
    case 'distribution': {
      const r = into.distribution;
      r.unit = unit;
      r.row = row;
      r.date = v[SLOT.distribution.date] as string;
      r.location = v[SLOT.distribution.location] as number;
      r.count = (v[SLOT.distribution.count] as number | null) ?? 1;
      return r;
    }
    case 'support': {
      const r = into.support;
      r.unit = unit;
      r.row = row;
      r.date = v[SLOT.support.date] as string;
      r.type = v[SLOT.support.type] as number;
      r.agency = v[SLOT.support.agency] as number | null;
      return r;
    }
  }
}
