/** Width of text in Excel's character units: full-width (Japanese) characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    // Latin-1 and half-width katakana are narrow; everything else (kanji, kana, full-width forms) is wide.
    width += code <= 0xff || (code >= 0xff61 && code <= 0xff9f) ? 1 : 2;
  }
  return width;
}
