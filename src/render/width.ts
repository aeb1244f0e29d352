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

/** Characters a line should not begin with (Japanese line-breaking rules): they stay on the line before. */
const NO_LINE_START = new Set([...'、。，．・：；？！）」』】〕〉》ー']);

/** Text cut into lines of at most `width` display columns (a closing mark may hang one character over). */
export function wrapToWidth(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line !== '' && displayWidth(line + ch) > width && !NO_LINE_START.has(ch)) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line !== '') lines.push(line);
  return lines;
}
