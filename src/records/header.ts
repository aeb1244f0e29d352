import type { ProblemDetail } from '../problems.js';
import type { RawRow } from '../read/types.js';
import { headerHintKey, normalizeKey } from '../text.js';
import { cellText, isBlankRow } from './cells.js';
import { KIND_FIELDS, KINDS, type FieldSpec, type Kind } from './kinds.js';

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
  /** Every column with a header, claimed or not (for checking each cell decoded). */
  named: { index: number; header: string }[];
  /** Columns of the config's attributes (SPEC §14): intake tables only, empty without attributes. */
  attributes: readonly AttributeColumn[];
}

/** A column a configured attribute reads: the attribute's position in config.attributes. */
export interface AttributeColumn {
  attribute: number;
  index: number;
  header: string;
}

export type HeaderResult =
  | { ok: true; layout: TableLayout }
  /** No row of the first ten names a required column of any kind: not a log at all. */
  | { ok: false; code: 'no-header'; notALog: true; hasDateColumn: false; row: null; detail: ProblemDetail }
  | {
      ok: false;
      code: 'no-header' | 'missing-column' | 'encoding-error';
      notALog: false;
      hasDateColumn: boolean;
      row: number | null;
      detail: ProblemDetail;
    };

/** How well a header cell names a field: the canonical header beats an alias, an exact match beats one after dropping hints. */
const enum Rank {
  Canonical = 0,
  Alias = 1,
  HintCanonical = 2,
  HintAlias = 3,
}

const LOOKUP: Record<Kind, Map<string, { spec: FieldSpec; canonical: boolean }>> = Object.fromEntries(
  KINDS.map((kind) => {
    const map = new Map<string, { spec: FieldSpec; canonical: boolean }>();
    for (const spec of KIND_FIELDS[kind]) {
      map.set(normalizeKey(spec.header), { spec, canonical: true });
      for (const alias of spec.aliases) if (!map.has(normalizeKey(alias))) map.set(normalizeKey(alias), { spec, canonical: false });
    }
    return [kind, map];
  }),
) as Record<Kind, Map<string, { spec: FieldSpec; canonical: boolean }>>;

interface Candidate {
  kind: Kind;
  row: RawRow;
  columns: MappedColumn[];
  extras: { index: number; header: string }[];
  missing: FieldSpec[];
}

/**
 * Maps one row's cells to a kind's fields. Each field goes to the column that names it best
 * (canonical, then alias, then either after dropping hints; the first column on a tie); the
 * other columns are extras. So 「相談内容（詳細）」 next to 主訴 is an ignored free-text column.
 */
function mapRow(kind: Kind, row: RawRow): Candidate {
  const lookup = LOOKUP[kind];
  const best = new Map<FieldSpec, { index: number; header: string; rank: Rank }>();
  const headers: { index: number; header: string }[] = [];
  row.cells.forEach((cell, index) => {
    const header = cellText(cell).trim();
    if (header === '') return;
    headers.push({ index, header });
    const exact = lookup.get(normalizeKey(header));
    const hinted = exact ? undefined : lookup.get(headerHintKey(header));
    const match = exact ?? hinted;
    if (!match) return;
    const rank = exact ? (match.canonical ? Rank.Canonical : Rank.Alias) : match.canonical ? Rank.HintCanonical : Rank.HintAlias;
    const current = best.get(match.spec);
    if (!current || rank < current.rank) best.set(match.spec, { index, header, rank });
  });
  const claimed = new Set([...best.values()].map((b) => b.index));
  const columns: MappedColumn[] = [...best.entries()]
    .map(([spec, { index, header }]) => ({ spec, slot: KIND_FIELDS[kind].indexOf(spec), index, header }))
    .sort((a, b) => a.index - b.index);
  const extras = headers.filter((h) => !claimed.has(h.index));
  const missing = KIND_FIELDS[kind].filter((spec) => spec.required && !best.has(spec));
  return { kind, row, columns, extras, missing };
}

const hasDate = (c: Candidate): boolean => c.columns.some((col) => col.spec.role === 'date');
const requiredPresent = (c: Candidate): number => c.columns.filter((col) => col.spec.required).length;

/** A candidate with its date column is nearer than one without; then the one with more required columns, then more columns. */
function nearer(a: Candidate, b: Candidate): boolean {
  const scoreA = [Number(hasDate(a)), requiredPresent(a), a.columns.length];
  const scoreB = [Number(hasDate(b)), requiredPresent(b), b.columns.length];
  const first = scoreA.findIndex((value, i) => value !== scoreB[i]);
  return first !== -1 && scoreA[first]! > scoreB[first]!;
}

/**
 * Finds the header row among the first rows and decides the table's kind: the first row that maps
 * every required column of some kind; if it could be several kinds, the one mapping most cells,
 * and a tie is an error. Otherwise reports the nearest kind's missing columns, or no header at
 * all; `hasDateColumn` tells whether any row named a date column (a sheet without one is not a log).
 */
export function detectHeader(firstRows: readonly RawRow[]): HeaderResult {
  const rows = firstRows.filter((r) => r.row <= HEADER_SEARCH_ROWS && !isBlankRow(r));
  let nearest: Candidate | undefined;
  let dateSeen = false;
  for (const row of rows) {
    const candidates = KINDS.map((kind) => mapRow(kind, row));
    if (candidates.some(hasDate)) dateSeen = true;
    const complete = candidates.filter((c) => c.missing.length === 0);
    if (complete.length > 0) {
      const most = Math.max(...complete.map((c) => c.columns.length));
      const best = complete.filter((c) => c.columns.length === most);
      if (best.length > 1) {
        const detail: ProblemDetail = { reason: 'ambiguous', candidates: best.map((c) => c.kind) };
        return { ok: false, code: 'no-header', notALog: false, hasDateColumn: true, row: row.row, detail };
      }
      const chosen = best[0]!;
      const named = [...chosen.columns, ...chosen.extras].sort((a, b) => a.index - b.index);
      const layout = { kind: chosen.kind, headerRow: row.row, columns: chosen.columns, extras: chosen.extras, named, attributes: [] };
      return { ok: true, layout };
    }
    for (const c of candidates) {
      if (requiredPresent(c) > 0 && (!nearest || nearer(c, nearest))) nearest = c;
    }
  }
  if (nearest) {
    return {
      ok: false,
      code: 'missing-column',
      notALog: false,
      hasDateColumn: dateSeen,
      row: nearest.row.row,
      detail: { kind: nearest.kind, missing: nearest.missing.map((spec) => spec.header) },
    };
  }
  if (rows.some((r) => r.cells.some((cell) => typeof cell === 'string' && cell.includes('\uFFFD')))) {
    return { ok: false, code: 'encoding-error', notALog: false, hasDateColumn: false, row: null, detail: {} };
  }
  return {
    ok: false,
    code: 'no-header',
    notALog: true,
    hasDateColumn: false,
    row: null,
    detail: { reason: firstRows.length === 0 ? 'empty' : 'none' },
  };
}

// ── SPEC §14: the columns of configured attributes ──

/**
 * An intake layout with the columns of the config's attributes (年代, DV …): each attribute takes
 * the column that names it best (its header, then an alias, then either after dropping hints),
 * among the columns no field of the log reads — the extras, and the private 年代 column, which an
 * attribute named 年代 takes over. A column goes to one attribute only, the best-named first.
 */
export function withAttributeColumns(
  layout: TableLayout,
  attributes: readonly { header: string; aliases?: readonly string[] }[],
): TableLayout {
  if (layout.kind !== 'intake' || attributes.length === 0) return layout;
  const read = new Set(layout.columns.filter((c) => c.spec.role !== 'private').map((c) => c.index));
  const open = layout.named.filter((column) => !read.has(column.index));
  const claims: { attribute: number; index: number; header: string; rank: Rank }[] = [];
  attributes.forEach((attribute, a) => {
    const canonical = normalizeKey(attribute.header);
    const aliases = new Set((attribute.aliases ?? []).map(normalizeKey));
    for (const { index, header } of open) {
      const exact = normalizeKey(header);
      const hinted = headerHintKey(header);
      const rank =
        exact === canonical
          ? Rank.Canonical
          : aliases.has(exact)
            ? Rank.Alias
            : hinted === canonical
              ? Rank.HintCanonical
              : aliases.has(hinted)
                ? Rank.HintAlias
                : undefined;
      if (rank !== undefined) claims.push({ attribute: a, index, header, rank });
    }
  });
  if (claims.length === 0) return layout;
  claims.sort((x, y) => x.rank - y.rank || x.attribute - y.attribute || x.index - y.index);
  const found: AttributeColumn[] = [];
  for (const { attribute, index, header } of claims) {
    if (found.some((f) => f.attribute === attribute || f.index === index)) continue;
    found.push({ attribute, index, header });
  }
  const taken = new Set(found.map((f) => f.index));
  return {
    ...layout,
    columns: layout.columns.filter((c) => !taken.has(c.index)),
    extras: layout.extras.filter((e) => !taken.has(e.index)),
    attributes: found.sort((x, y) => x.attribute - y.attribute),
  };
}
