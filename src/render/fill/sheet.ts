import { addressText, contains, parseAddress, parseRange, rangeText, type Address, type Range } from './address.js';
import { elementEnd, firstTag, startTags, withAttribute, XmlShapeError, type Tag } from './xml.js';

/**
 * One worksheet's XML, located: its rows and cells with where each is written, its merged
 * ranges and array formulas. Reading what a target cell holds and writing numbers into cells
 * both work on it, so that a write touches the target cells (and the rows that gain one) and
 * nothing else of the sheet.
 */
export interface SheetLayout {
  xml: string;
  sheetData: Tag;
  /** Where sheetData's content ends (its end tag, or the self-closing tag's end). */
  dataEnd: number;
  rows: RowAt[];
  merges: Range[];
  /** Ranges of array formulas (and data tables): their cells other than the first hold a result of the formula, not a value. */
  arrays: Range[];
  /** Column styles from <cols>: what an empty cell of the column is shown with. */
  columnStyles: { min: number; max: number; style: string }[];
}

interface RowAt {
  row: number;
  tag: Tag;
  end: number;
  cells: CellAt[];
}

interface CellAt {
  col: number;
  tag: Tag;
  end: number;
}

export function sheetLayout(xml: string): SheetLayout {
  const sheetData = firstTag(xml, 'sheetData');
  if (!sheetData) throw new XmlShapeError('no <sheetData>');
  const dataEnd = sheetData.selfClosing
    ? sheetData.end
    : elementEnd(xml, sheetData, 'sheetData') - `</${sheetData.prefix}sheetData>`.length;
  const rows: RowAt[] = [];
  let previousRow = 0;
  let from = sheetData.end;
  for (const tag of startTags(xml, 'row', sheetData.end, dataEnd)) {
    if (tag.start < from) continue;
    const end = elementEnd(xml, tag, 'row');
    // A row (or cell) written without r follows the one before it.
    const row = tag.attributes.r === undefined ? previousRow + 1 : Number(tag.attributes.r);
    rows.push({ row, tag, end, cells: tag.selfClosing ? [] : cellsOf(xml, tag.end, end) });
    previousRow = row;
    from = end;
  }
  const ranges = (tags: Tag[], attribute: string): Range[] =>
    tags.flatMap((tag) => {
      const range = parseRange(tag.attributes[attribute] ?? '');
      return range ? [range] : [];
    });
  const cols = startTags(xml, 'col', 0, sheetData.start).flatMap((tag) =>
    tag.attributes.style === undefined
      ? []
      : [{ min: Number(tag.attributes.min), max: Number(tag.attributes.max), style: tag.attributes.style }],
  );
  return {
    xml,
    sheetData,
    dataEnd,
    rows,
    merges: ranges(startTags(xml, 'mergeCell', dataEnd), 'ref'),
    arrays: ranges(
      startTags(xml, 'f', sheetData.end, dataEnd).filter((f) => f.attributes.t === 'array' || f.attributes.t === 'dataTable'),
      'ref',
    ),
    columnStyles: cols,
  };
}

function cellsOf(xml: string, from: number, to: number): CellAt[] {
  const cells: CellAt[] = [];
  let previousCol = 0;
  let after = from;
  for (const tag of startTags(xml, 'c', from, to)) {
    if (tag.start < after) continue;
    const end = elementEnd(xml, tag, 'c');
    const col = tag.attributes.r === undefined ? previousCol + 1 : (parseAddress(tag.attributes.r)?.col ?? previousCol + 1);
    cells.push({ col, tag, end });
    previousCol = col;
    after = end;
  }
  return cells;
}

/** What a target cell holds, as far as writing a number into it goes. */
export type TargetState =
  | { code: 'writable' }
  | { code: 'formula' }
  | { code: 'text' }
  /** Inside a merged range but not its first cell: Excel shows only the first cell's value. */
  | { code: 'merged'; range: string; first: string }
  | { code: 'array'; range: string };

export function targetState(layout: SheetLayout, address: Address): TargetState {
  const array = layout.arrays.find((range) => contains(range, address));
  if (array) return { code: 'array', range: rangeText(array) };
  const merge = layout.merges.find((range) => contains(range, address) && (range.top !== address.row || range.left !== address.col));
  if (merge) return { code: 'merged', range: rangeText(merge), first: addressText({ row: merge.top, col: merge.left }) };
  const cell = findCell(layout, address);
  if (!cell) return { code: 'writable' };
  const content = layout.xml.slice(cell.tag.end, cell.end);
  if (/<([\w.-]+:)?f[\s/>]/u.test(content)) return { code: 'formula' };
  const type = cell.tag.attributes.t;
  if ((type === 's' || type === 'inlineStr' || type === 'str') && /<([\w.-]+:)?(v|is)[\s/>]/u.test(content)) return { code: 'text' };
  return { code: 'writable' };
}

function findCell(layout: SheetLayout, address: Address): CellAt | undefined {
  return layout.rows.find((r) => r.row === address.row)?.cells.find((c) => c.col === address.col);
}

export interface CellWrite {
  address: Address;
  value: number;
}

/**
 * The sheet's XML with each number written into its cell as `<c r="C5" s="…"><v>123</v></c>`:
 * an existing cell keeps its style and loses what it held; a new cell goes in column order into
 * its row (created in row order when missing) with the style Excel showed the empty cell in (the
 * row's, else the column's). The used range (`<dimension>`) and a row's `spans` grow to cover it.
 */
export function writeNumbers(layout: SheetLayout, writes: readonly CellWrite[]): string {
  const { xml, sheetData } = layout;
  const p = sheetData.prefix;
  const byRow = new Map<number, CellWrite[]>();
  for (const write of writes) byRow.set(write.address.row, [...(byRow.get(write.address.row) ?? []), write]);
  const newRowNumbers = [...byRow.keys()].filter((n) => !layout.rows.some((r) => r.row === n)).sort((a, b) => a - b);
  const renumber = newRowNumbers.length > 0 && layout.rows.some((r) => r.tag.attributes.r === undefined);

  const pieces: string[] = [];
  let cursor = sheetData.end;
  const newRow = (n: number): string => {
    const cells = [...byRow.get(n)!].sort((a, b) => a.address.col - b.address.col);
    return `<${p}row r="${n}">${cells.map((w) => cellXml(p, w, styleOfEmpty(layout, undefined, w.address.col))).join('')}</${p}row>`;
  };
  let pendingNew = 0;
  for (const row of layout.rows) {
    while (pendingNew < newRowNumbers.length && newRowNumbers[pendingNew]! < row.row) {
      pieces.push(xml.slice(cursor, row.tag.start), newRow(newRowNumbers[pendingNew]!));
      cursor = row.tag.start;
      pendingNew++;
    }
    const edits = byRow.get(row.row);
    if (edits === undefined && !(renumber && row.tag.attributes.r === undefined)) continue;
    pieces.push(xml.slice(cursor, row.tag.start), rewrittenRow(layout, row, edits ?? []));
    cursor = row.end;
  }
  const rest = newRowNumbers.slice(pendingNew).map(newRow).join('');
  const dataXml = sheetData.selfClosing
    ? `<${p}sheetData>${rest}</${p}sheetData>`
    : `${xml.slice(sheetData.start, sheetData.end)}${pieces.join('')}${xml.slice(cursor, layout.dataEnd)}${rest}`;
  const after = sheetData.selfClosing ? sheetData.end : layout.dataEnd;
  return withDimension(xml.slice(0, sheetData.start), writes) + dataXml + xml.slice(after);
}

function rewrittenRow(layout: SheetLayout, row: RowAt, writes: readonly CellWrite[]): string {
  const { xml } = layout;
  const p = row.tag.prefix;
  const byCol = new Map(writes.map((w) => [w.address.col, w]));
  const added = writes.filter((w) => !row.cells.some((c) => c.col === w.address.col)).sort((a, b) => a.address.col - b.address.col);
  // Cells written without r follow the one before: once a cell is added, each says where it is.
  const renumber = added.length > 0 && row.cells.some((c) => c.tag.attributes.r === undefined);
  const rowStyle = row.tag.attributes.customFormat === '1' || row.tag.attributes.customFormat === 'true' ? row.tag.attributes.s : undefined;
  const addedXml = (w: CellWrite): string => cellXml(p, w, styleOfEmpty(layout, rowStyle, w.address.col));

  let startTag =
    row.tag.attributes.r === undefined ? withAttribute(xml, row.tag, 'r', String(row.row)) : xml.slice(row.tag.start, row.tag.end);
  const spans = row.tag.attributes.spans;
  if (spans !== undefined && added.length > 0) startTag = withSpans(startTag, spans, added);
  const pieces: string[] = [];
  let cursor = row.tag.end;
  let next = 0;
  for (const cell of row.cells) {
    pieces.push(xml.slice(cursor, cell.tag.start));
    while (next < added.length && added[next]!.address.col < cell.col) pieces.push(addedXml(added[next++]!));
    const write = byCol.get(cell.col);
    if (write) pieces.push(cellXml(p, write, cell.tag.attributes.s));
    else if (renumber && cell.tag.attributes.r === undefined)
      pieces.push(withAttribute(xml, cell.tag, 'r', addressText({ row: row.row, col: cell.col })), xml.slice(cell.tag.end, cell.end));
    else pieces.push(xml.slice(cell.tag.start, cell.end));
    cursor = cell.end;
  }
  pieces.push(...added.slice(next).map(addedXml));
  if (row.tag.selfClosing) return `${startTag.replace(/\s*\/>$/u, '>')}${pieces.join('')}</${p}row>`;
  return startTag + pieces.join('') + xml.slice(cursor, row.end);
}

function cellXml(prefix: string, write: CellWrite, style: string | undefined): string {
  const s = style === undefined ? '' : ` s="${style}"`;
  return `<${prefix}c r="${addressText(write.address)}"${s}><${prefix}v>${String(write.value)}</${prefix}v></${prefix}c>`;
}

/** The style an absent cell is shown with: its row's when the row sets one, else its column's. */
function styleOfEmpty(layout: SheetLayout, rowStyle: string | undefined, col: number): string | undefined {
  return rowStyle ?? layout.columnStyles.find((c) => col >= c.min && col <= c.max)?.style;
}

/** `spans="2:5"` widened to the columns added. */
function withSpans(startTag: string, spans: string, added: readonly CellWrite[]): string {
  const match = /^(\d+):(\d+)$/u.exec(spans);
  if (!match) return startTag.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/u, '');
  const cols = added.map((w) => w.address.col);
  const widened = `${Math.min(Number(match[1]), ...cols)}:${Math.max(Number(match[2]), ...cols)}`;
  return startTag.replace(/(\sspans\s*=\s*)("[^"]*"|'[^']*')/u, `$1"${widened}"`);
}

/** `<dimension ref="A1:F20"/>` (the used range, in the part before sheetData) widened to the cells written. */
function withDimension(head: string, writes: readonly CellWrite[]): string {
  const tag = firstTag(head, 'dimension');
  const range = tag && parseRange(tag.attributes.ref ?? '');
  if (!tag || !range) return head;
  const rows = writes.map((w) => w.address.row);
  const cols = writes.map((w) => w.address.col);
  const widened = rangeText({
    top: Math.min(range.top, ...rows),
    left: Math.min(range.left, ...cols),
    bottom: Math.max(range.bottom, ...rows),
    right: Math.max(range.right, ...cols),
  });
  if (widened === rangeText(range)) return head;
  return head.slice(0, tag.start) + withAttribute(head, tag, 'ref', widened) + head.slice(tag.end);
}
