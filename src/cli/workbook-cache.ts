import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { useWorkbookLoader } from '../workbook.js';

type WorkbookClass = typeof import('exceljs').Workbook;

/**
 * exceljs's Workbook, built by scripts/bundle.mjs into one CommonJS file beside the CLI's bundle
 * with a V8 code cache made at build time: compiling its 420 KB at every month end cost ~40 ms.
 * A cache from another V8 (Node upgraded since the build) is rejected by V8 and the file is
 * compiled as usual. Running from the TypeScript sources (tests), there is no such file and the
 * package is imported as usual.
 */
export function useCachedWorkbook(): void {
  const file = fileURLToPath(new URL('./exceljs-workbook.cjs', import.meta.url));
  if (!existsSync(file)) return;
  let loaded: WorkbookClass | undefined;
  useWorkbookLoader(() => Promise.resolve((loaded ??= compile(file))));
}

function compile(file: string): WorkbookClass {
  const cache = `${file}.cache`;
  const script = new vm.Script(wrap(readFileSync(file, 'utf8')), {
    filename: file,
    ...(existsSync(cache) ? { cachedData: readFileSync(cache) } : {}),
  });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (exports: unknown, require: NodeRequire, module: { exports: unknown }) => void)(
    module.exports,
    createRequire(file),
    module,
  );
  return module.exports as WorkbookClass;
}

/** The CommonJS module wrapper: the file's code as a function of its exports, require and module. */
export function wrap(source: string): string {
  return `[function (exports, require, module) {${source}\n}][0]`;
}
