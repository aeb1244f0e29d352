/**
 * The comparison form of a header or coded value: NFKC (full-width → half-width, ㈱ → (株)),
 * no whitespace, control or invisible format characters (a stray BOM or zero-width space),
 * Latin letters lower-cased.
 * "ＴＥＬ ", "tel" and "T E L" all become "tel".
 */
export function normalizeKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{Cc}\p{Cf}]+/gu, '').toLowerCase();
}

/** Excel column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Quote a value for a message, shortened so that one bad cell cannot flood the output. */
export function quoteValue(value: string, max = 40): string {
  const oneLine = value.replace(/[\r\n\t]+/gu, ' ');
  const chars = Array.from(oneLine);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : oneLine;
}
