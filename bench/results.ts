// bench/RESULTS.md holds one section per benchmark script, each between its own markers, so that
// `npm run bench` and `npm run bench:app` each rewrite their own part and keep the other's.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const RESULTS = path.join(import.meta.dirname, 'RESULTS.md');

export async function writeResults(section: 'cli' | 'app', text: string): Promise<void> {
  const begin = `<!-- ${section}: begin -->`;
  const end = `<!-- ${section}: end -->`;
  const block = `${begin}\n${text.trimEnd()}\n${end}`;
  const old = existsSync(RESULTS) ? await readFile(RESULTS, 'utf8') : '';
  const at = old.indexOf(begin);
  const until = old.indexOf(end);
  let next: string;
  if (at >= 0 && until > at) next = old.slice(0, at) + block + old.slice(until + end.length);
  // The file from before the markers was the CLI's section alone.
  else if (section === 'cli' || old === '') next = `${block}\n`;
  else
    next = `${old.includes('<!-- cli: begin -->') ? old.trimEnd() : `<!-- cli: begin -->\n${old.trimEnd()}\n<!-- cli: end -->`}\n\n${block}\n`;
  await writeFile(RESULTS, next);
}
