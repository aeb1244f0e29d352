import { NO_LABELS } from './attribute-cells.js';
import { KIND_FIELDS, type Kind } from './kinds.js';
import type { LogRecord, Visit } from './types.js';

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

/**
 * The record of a sound row from its values, which sit by the field's position in KIND_FIELDS
 * (so that building it reads fixed slots, whatever the column order of the table). A consultation
 * also carries its 主訴 when a cell may hold several, and its attributes' labels (SPEC §14).
 */
export function recordFrom(
  kind: Kind,
  v: readonly (string | number | null)[],
  unit: number,
  row: number,
  categories: readonly number[] | null = null,
  attributes: readonly number[] = NO_LABELS,
): LogRecord {
  switch (kind) {
    case 'intake':
      return {
        kind: 'intake',
        unit,
        row,
        id: v[SLOT.intake.id] as string | null,
        date: v[SLOT.intake.date] as string,
        clientId: v[SLOT.intake.clientId] as string | null,
        visit: v[SLOT.intake.visit] as Visit | null,
        channel: v[SLOT.intake.channel] as number,
        category: v[SLOT.intake.category] as number,
        outcome: v[SLOT.intake.outcome] as number,
        categories,
        attributes,
      };
    case 'ibasho':
      return {
        kind: 'ibasho',
        unit,
        row,
        date: v[SLOT.ibasho.date] as string,
        venue: v[SLOT.ibasho.venue] as number,
        participants: v[SLOT.ibasho.participants] as number,
      };
    case 'distribution':
      return {
        kind: 'distribution',
        unit,
        row,
        date: v[SLOT.distribution.date] as string,
        location: v[SLOT.distribution.location] as number,
        count: (v[SLOT.distribution.count] as number | null) ?? 1,
      };
    case 'support':
      return {
        kind: 'support',
        unit,
        row,
        date: v[SLOT.support.date] as string,
        type: v[SLOT.support.type] as number,
        agency: v[SLOT.support.agency] as number | null,
      };
  }
}
