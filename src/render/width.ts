/** Width of text in Excel's character units: full-width (Japanese) characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u0000-\u00ff\uff61-\uff9f]/u.test(ch) ? 1 : 2;
  return width;
}
