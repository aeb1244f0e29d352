import { existsSync, readFileSync } from 'node:fs';
import { UserError } from './errors.js';
import type { Io } from './io.js';
import { writeAtomically } from './output.js';
import { messagesOf, type CommonOptions } from './run.js';

export interface AppOptions extends Pick<CommonOptions, 'lang' | 'quiet'> {
  out?: string;
}

/** What marks a file as the app itself (page.html's generator line): only such a file is replaced. */
const APP_MARK = '<meta name="generator" content="tsup-report';

/**
 * `tsup-report app --out FILE.html`: a copy of the offline browser app that `npm run build` made
 * (dist/tsup-report.html), for IT to put on the shared drive. An older copy of the app is
 * replaced; any other file is left alone.
 */
export async function appCommand(options: AppOptions, io: Io): Promise<number> {
  const m = messagesOf(options, io);
  const out = options.out;
  if (out === undefined || !/\.html?$/iu.test(out)) throw new UserError(2, [m.usage.appNeedsOut]);
  if (existsSync(out) && !readFileSync(out, 'utf8').slice(0, 2000).includes(APP_MARK))
    throw new UserError(2, [m.usage.wouldOverwrite(out)]);
  // The bundle's chunks live in dist/bundle/, the page beside that folder.
  const page = readFileSync(new URL('../tsup-report.html', import.meta.url));
  await writeAtomically(out, page, m);
  if (!options.quiet) io.stderr.write(`${m.report.written(out)}\n`);
  return 0;
}
