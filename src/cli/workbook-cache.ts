import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { useWorkbookLoader } from '../workbook.js';
import { loadCommonJs } from './code-cache.js';

type WorkbookClass = typeof import('exceljs').Workbook;

/**
 * exceljs's Workbook, built by scripts/bundle.mjs into one CommonJS file beside the CLI's bundle
 * with a V8 code cache (code-cache.ts): compiling its 420 KB at every month end cost ~40 ms.
 * Running from the TypeScript sources (tests), there is no such file and the package is imported
 * as usual.
 */
export function useCachedWorkbook(): void {
  const file = fileURLToPath(new URL('./exceljs-workbook.cjs', import.meta.url));
  if (!existsSync(file)) return;
  let loaded: WorkbookClass | undefined;
  useWorkbookLoader(() => Promise.resolve((loaded ??= loadCommonJs(file).exports as WorkbookClass)));
}
