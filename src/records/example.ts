import type { Attribute, Config } from '../config/schema.js';
import { normalizeKey } from '../text.js';
import type { CellValue, RawRow } from '../read/types.js';
import { cellText, isEmptyCell } from './cells.js';
import { KIND_FIELDS, type FieldSpec, type Kind } from './kinds.js';

/** The first cell of the greyed example row of `tsup-report template`. */
export const EXAMPLE_MARK = '記入例';

/** 記入例, or 記入例（2026/11/28） where the first column is the date: the whole cell, nothing else. */
const EXAMPLE_FIRST_CELL = /^記入例(（\d{4}\/\d{1,2}\/\d{1,2}）)?$/u;

/**
 * The example row's cells as the template writes them: 記入例 first (where the first column is
 * the date, with the date after it), then a sample value of each column.
 */
export function exampleCells(kind: Kind, config: Config, date: Date): (string | number | Date)[] {
  return templateColumns(kind, config).map((column, index) =>
    column.field === undefined ? column.attribute.labels[0]!.label : exampleValue(column.field, index, config, date),
  );
}

// ── SPEC §14: the template's columns, with the config's attributes ──

/** A column of the template: a field of the kind, or a configured attribute (年代, DV …) with its dropdown. */
export type TemplateColumn =
  { header: string; field: FieldSpec; attribute?: undefined } | { header: string; field?: undefined; attribute: Attribute };

/**
 * The columns `tsup-report template` writes for a kind, in order: the kind's fields, with the
 * config's attributes where the private 年代 column stands (an attribute read from a column named
 * 年代 or 年齢層 takes its place, so the sheet has one 年代 column, the one that is counted).
 */
export function templateColumns(kind: Kind, config: Pick<Config, 'attributes'>): TemplateColumn[] {
  const fields = KIND_FIELDS[kind].map((field) => ({ header: field.header, field }));
  if (kind !== 'intake' || config.attributes.length === 0) return fields;
  const at = fields.findIndex((column) => column.field.field === 'ageGroup');
  const ageGroup = fields[at]!.field;
  const ageKeys = new Set([ageGroup.header, ...ageGroup.aliases].map(normalizeKey));
  const takesAgeGroup = config.attributes.some((a) => [a.header, ...(a.aliases ?? [])].some((name) => ageKeys.has(normalizeKey(name))));
  const attributes = config.attributes.map((attribute) => ({ header: attribute.header, attribute }));
  return [...fields.slice(0, at), ...attributes, ...fields.slice(takesAgeGroup ? at + 1 : at)];
}

function exampleValue(field: FieldSpec, index: number, config: Config, date: Date): string | number | Date {
  if (index === 0)
    return field.role === 'date'
      ? `${EXAMPLE_MARK}（${date.getUTCFullYear()}/${date.getUTCMonth() + 1}/${date.getUTCDate()}）`
      : EXAMPLE_MARK;
  switch (field.role) {
    case 'date':
      return date;
    case 'coded':
      return config[field.list!][0]?.label ?? '';
    case 'count':
      return Math.max(field.min ?? 0, 3);
    default:
      return field.field === 'ageGroup' ? '30代' : field.field === 'notes' ? '（報告書には出ません）' : '';
  }
}

/**
 * The template's example row, still exactly as the template wrote it (any date): not a record and
 * nothing to warn about. A row that only starts like it — a record typed over the grey row with
 * 記入例 left in its first cell, a note that begins with 記入例 — is read like any other row, so
 * that it is counted or reported, never dropped in silence.
 */
export function isExampleRow(row: RawRow, kind: Kind, config: Config): boolean {
  const first = row.cells[0];
  if (typeof first !== 'string' || !EXAMPLE_FIRST_CELL.test(first.trim())) return false;
  const expected = exampleCells(kind, config, new Date(0));
  const columns = templateColumns(kind, config);
  if (row.cells.length > expected.length && !row.cells.slice(expected.length).every(isEmptyCell)) return false;
  return expected.every((value, index) => index === 0 || columns[index]!.field?.role === 'date' || sameCell(row.cells[index], value));
}

function sameCell(cell: CellValue | undefined, expected: string | number | Date): boolean {
  if (expected === '') return cell === undefined || isEmptyCell(cell);
  return cell !== undefined && !isEmptyCell(cell) && cellText(cell).trim() === String(expected);
}
