import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { KINDS, type Kind } from '../records/kinds.js';
import { renderTemplate, templateFileStem } from '../render/template.js';
import { UserError } from './errors.js';
import type { Io } from './io.js';
import { writeAtomically } from './output.js';
import { messagesOf, type CommonOptions } from './run.js';

export interface TemplateOptions extends CommonOptions {
  kind?: string;
  out?: string;
}

/** `tsup-report template`: a ready-to-fill workbook from the config. Never replaces an existing file: it may hold typed-in records. */
export async function templateCommand(options: TemplateOptions, io: Io): Promise<number> {
  const m = messagesOf(options, io);
  const kindOption = options.kind ?? 'all';
  const kinds: Kind[] | undefined =
    kindOption === 'all' ? [...KINDS] : (KINDS as readonly string[]).includes(kindOption) ? [kindOption as Kind] : undefined;
  if (!kinds) throw new UserError(2, [m.usage.badKind(kindOption, [...KINDS, 'all'])]);
  if (options.out !== undefined && !/\.xlsx$/iu.test(options.out)) throw new UserError(2, [m.usage.templateNeedsOut]);
  if (options.out !== undefined && existsSync(options.out)) throw new UserError(2, [m.usage.wouldOverwrite(options.out)]);
  const { config } = await loadConfig(options.config, io.cwd, [], m);
  const today = io.now();
  const out = options.out ?? freeName(templateFileStem(config, kinds, today), io.cwd);
  await writeAtomically(path.resolve(io.cwd, out), await renderTemplate(config, kinds, today), m);
  if (!options.quiet) io.stderr.write(`${m.report.written(out)}\n`);
  return 0;
}

/** The stem as an .xlsx name in the current folder; (2), (3) … after it when taken. */
function freeName(stem: string, cwd: string): string {
  let name = `${stem}.xlsx`;
  for (let n = 2; existsSync(path.join(cwd, name)); n++) name = `${stem}(${n}).xlsx`;
  return name;
}
