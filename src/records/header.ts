import type { RawRow } from '../read/types.js';
import type { IssueDetail } from './issues.js';
import { KIND_FIELDS, KINDS, type FieldSpec, type Kind } from './kinds.js';
import { cellText, isBlankRow } from './cells.js';
import { normalizeKey } from './text.js';

/** The header rows of a table may be this far down; rows above it are titles. */
export const HEADER_SEARCH_ROWS = 10;

/** First-cell marks of the helper sheets `tsup-report template` writes (instructions, dropdown lists). */
export const GUIDE_MARK = '【記入方法】';
export const LISTS_MARK = '【選択肢】';

/** A helper sheet of the tool's own template: nothing to read and nothing to warn about. */
export function isTemplateHelperSheet(firstRows: readonly RawRow[]): boolean {
  const first = firstRows[0]?.cells[0];
  return typeof first === 'string' && (first.startsWith(GUIDE_MARK) || first.startsWith(LISTS_MARK));
}

export interface MappedColumn {
  spec: FieldSpec;
  /** The field's position in KIND_FIELDS[kind]: where its value goes in a row's values. */
  slot: number;
  index: number;
  /** The header as the file writes it, for messages. */
  header: string;
}

export interface TableLayout {
  kind: Kind;
  headerRow: number;
  columns: MappedColumn[];
  /** Columns no field claims: read past, never output. */
  extras: { index: number; header: string }[];
}

export type HeaderResult =
  | { ok: true; layout: TableLayout }
  | { ok: false; code: 'no-header' | 'missing-column' | 'encoding-error'; row: number | null; detail: IssueDetail };

const LOOKUP: Record<Kind, Map<string, FieldSpec>> = Object.fromEntries(
  KINDS.map((kind) => {
    const map = new Map<string, FieldSpec>();
    for (const spec of KIND_FIELDS[kind]) {
      for (const name of [spec.header, ...spec.aliases]) map.set(normalizeKey(name), spec);
    }
    return [kind, map];
  }),
) as Record<Kind, Map<string, FieldSpec>>;

interface Candidate {
  kind: Kind;
  row: RawRow;
  columns: MappedColumn[];
  extras: { index: number; header: string }[];
  missing: FieldSpec[];
}

function mapRow(kind: Kind, row: RawRow): Candidate {
  const lookup = LOOKUP[kind];
  const columns: MappedColumn[] = [];
  const extras: { index: number; header: string }[] = [];
  row.cells.forEach((cell, index) => {
    const header = cellText(cell).trim();
    if (header === '') return;
    const spec = lookup.get(normalizeKey(header));
    // The first column claiming a field wins; a second 日付 column is one the tool does not use.
    if (spec && !columns.some((c) => c.spec === spec)) columns.push({ spec, slot: KIND_FIELDS[kind].indexOf(spec), index, header });
    else extras.push({ index, header });
  });
  const missing = KIND_FIELDS[kind].filter((spec) => spec.required && !columns.some((c) => c.spec === spec));
  return { kind, row, columns, extras, missing };
}

/**
 * Finds the header row among the first rows and decides the table's kind: the first row that maps
 * every required column of some kind; if it could be several kinds, the one mapping most cells,
 * and a tie is an error. Otherwise reports the nearest kind's missing columns, or no header at all.
 */
export function detectHeader(firstRows: readonly RawRow[]): HeaderResult {
  const rows = firstRows.filter((r) => r.row <= HEADER_SEARCH_ROWS && !isBlankRow(r));
  let nearest: Candidate | undefined;
  for (const row of rows) {
    const candidates = KINDS.map((kind) => mapRow(kind, row));
    const complete = candidates.filter((c) => c.missing.length === 0);
    if (complete.length > 0) {
      const most = Math.max(...complete.map((c) => c.columns.length));
      const best = complete.filter((c) => c.columns.length === most);
      if (best.length > 1) {
        return { ok: false, code: 'no-header', row: row.row, detail: { reason: 'ambiguous', candidates: best.map((c) => c.kind) } };
      }
      const chosen = best[0]!;
      return {
        ok: true,
        layout: { kind: chosen.kind, headerRow: row.row, columns: chosen.columns, extras: chosen.extras },
      };
    }
    for (const c of candidates) {
      const present = c.columns.filter((col) => col.spec.required).length;
      if (present === 0) continue;
      const nearestPresent = nearest ? nearest.columns.filter((col) => col.spec.required).length : 0;
      if (present > nearestPresent || (present === nearestPresent && nearest && c.columns.length > nearest.columns.length)) {
        nearest = c;
      }
    }
  }
  if (nearest) {
    return {
      ok: false,
      code: 'missing-column',
      row: nearest.row.row,
      detail: { kind: nearest.kind, missing: nearest.missing.map((spec) => spec.header) },
    };
  }
  if (rows.some((r) => r.cells.some((cell) => typeof cell === 'string' && cell.includes('\uFFFD')))) {
    return { ok: false, code: 'encoding-error', row: null, detail: {} };
  }
  return { ok: false, code: 'no-header', row: null, detail: { reason: firstRows.length === 0 ? 'empty' : 'none' } };
}
