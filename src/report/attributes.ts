import type { Config } from '../config/schema.js';
import { attributeColumns } from '../records/attributes.js';
import type { TallyView } from '../records/tally.js';
import type { AttributeTable, LabelCounts } from './types.js';
import { monthLabel } from './wareki.js';

/**
 * One table per configured attribute (SPEC §14), for the report's months and their total: every
 * label always (zeros included, so that tables keep their columns), in config order, then the
 * attribute's unknown label, then 未記入. Every consultation counts under one label of each
 * attribute, so each month's counts add up to its consultations. Null without attributes.
 */
export function attributeTables(tally: TallyView, config: Pick<Config, 'attributes'>, months: readonly string[]): AttributeTable[] | null {
  if (config.attributes.length === 0) return null;
  return config.attributes.map((attribute, a) => {
    const columns = attributeColumns(attribute);
    const byLabel = (counts: readonly number[] | undefined): LabelCounts =>
      Object.fromEntries(columns.map((label, i) => [label, counts?.[i] ?? 0]));
    const monthRows = months.map((month) => ({ month, label: monthLabel(month), counts: byLabel(tally.intake.get(month)?.attributes[a]) }));
    const total = Object.fromEntries(columns.map((label) => [label, monthRows.reduce((n, row) => n + (row.counts[label] ?? 0), 0)]));
    return { id: attribute.id, label: attribute.header, total, months: monthRows };
  });
}
