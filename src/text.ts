/**
 * The comparison form of a header or coded value: NFKC (full-width → half-width, ㈱ → (株)),
 * no whitespace, control or invisible format characters (a stray BOM or zero-width space),
 * Latin letters lower-cased.
 * "ＴＥＬ ", "tel" and "T E L" all become "tel".
 */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\p{Cc}\p{Cf}]+/gu, '')
    .toLowerCase();
}

/**
 * A header without the hints people add to it (SPEC §1): what follows a line break, a trailing
 * bracket and marks such as ※ — `受付日⏎(例 2026/10/1)`, `受付方法（電話・来所等）`, `主訴※` — in
 * comparison form.
 */
export function headerHintKey(header: string): string {
  let text = header.normalize('NFKC').trim();
  const lineBreak = text.search(/[\r\n]/u);
  if (lineBreak > 0) text = text.slice(0, lineBreak);
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text
      .replace(/\s*(\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|<[^<>]*>|〔[^〔〕]*〕)\s*$/u, '')
      .replace(/[※*]+\s*$/u, '')
      .replace(/^\s*[※*]+/u, '');
  }
  return normalizeKey(text);
}

/** Quote a value for a message, shortened so that one bad cell cannot flood the output. */
export function quoteValue(value: string, max = 40): string {
  const oneLine = value.replace(/[\r\n\t]+/gu, ' ');
  const chars = Array.from(oneLine);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : oneLine;
}

/**
 * Width of text in display columns (and Excel's character units): full-width (Japanese)
 * characters take two. Shared by the renderers and by the config's error marks.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    // Latin-1 and half-width katakana are narrow; everything else (kanji, kana, full-width forms) is wide.
    width += code <= 0xff || (code >= 0xff61 && code <= 0xff9f) ? 1 : 2;
  }
  return width;
}
