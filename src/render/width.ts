import { displayWidth } from '../text.js';

/**
 * Width of a line on a terminal: East Asian wide characters take two columns; box-drawing
 * lines (which cli-table3 draws with) and other ambiguous characters take one, as terminals
 * in a Japanese locale on Windows and Linux draw them.
 */
export function terminalWidth(line: string): number {
  let width = 0;
  for (const ch of line) {
    const code = ch.codePointAt(0)!;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1f64f) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
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
