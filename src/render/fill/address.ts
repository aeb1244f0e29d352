/** A cell's place, 1-based: C5 is row 5, column 3. */
export interface Address {
  row: number;
  col: number;
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel's sheet: XFD1048576 is its last cell. */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

/** How an address is written (`C5`, `$C$5`, `c5`): letters then a row number without leading zeros. */
export const ADDRESS_PATTERN = /^\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6}$/u;

/** `C5`, `$C$5` or `c5` → row 5, column 3; undefined when it is not an address or lies beyond Excel's last row or column. */
export function parseAddress(text: string): Address | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/u.exec(text);
  if (!match) return undefined;
  const col = columnNumber(match[1]!.toUpperCase());
  const row = Number(match[2]);
  return col <= MAX_COL && row <= MAX_ROW ? { row, col } : undefined;
}

export function columnNumber(letters: string): number {
  let col = 0;
  for (const letter of letters) col = col * 26 + (letter.charCodeAt(0) - 64);
  return col;
}

export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function addressText(address: Address): string {
  return `${columnLetters(address.col)}${address.row}`;
}

/** `A1:B3` (or `A1` alone) → its corners; undefined when it is not a range. */
export function parseRange(text: string): Range | undefined {
  const [from, to = from] = text.split(':');
  const a = parseAddress(from ?? '');
  const b = parseAddress(to ?? '');
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

export function rangeText(range: Range): string {
  const from = addressText({ row: range.top, col: range.left });
  const to = addressText({ row: range.bottom, col: range.right });
  return from === to ? from : `${from}:${to}`;
}

export function contains(range: Range, address: Address): boolean {
  return address.row >= range.top && address.row <= range.bottom && address.col >= range.left && address.col <= range.right;
}
