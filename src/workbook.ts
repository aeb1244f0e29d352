type WorkbookClass = typeof import('exceljs').Workbook;

/**
 * exceljs's Workbook class alone: its package entry also loads the streaming reader and writer
 * (unzipper, archiver …), which the tool does not use and which doubled the start of a month end.
 * Loaded only by the commands that read or write a workbook. The CLI loads it through a V8 code
 * cache instead (cli/workbook-cache.ts); the browser app bundles it.
 */
let load = async (): Promise<WorkbookClass> => ((await import('exceljs/lib/doc/workbook.js')) as { default: WorkbookClass }).default;

export function loadWorkbookClass(): Promise<WorkbookClass> {
  return load();
}

/** Replaces how the class is loaded (once, at start-up). */
export function useWorkbookLoader(loader: () => Promise<WorkbookClass>): void {
  load = loader;
}
