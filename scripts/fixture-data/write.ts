/** Writing fixture files the way other programs write them: CSV lines, encodings, dates. */
import { writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';

export const utcDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export function csvLine(cells: readonly (string | number)[], delimiter = ','): string {
  return cells
    .map((cell) => {
      const text = String(cell);
      return /[",\n\t]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
    })
    .join(delimiter);
}

export async function writeCsv(file: string, lines: string[], encoding: 'cp932' | 'utf8' | 'utf8bom' | 'utf16le'): Promise<void> {
  const text = `${lines.join('\r\n')}\r\n`;
  let bytes: Buffer;
  if (encoding === 'cp932') bytes = iconv.encode(text, 'cp932');
  else if (encoding === 'utf16le') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  else bytes = Buffer.concat([encoding === 'utf8bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  await writeFile(file, bytes);
}
