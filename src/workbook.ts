type WorkbookClass = typeof import('exceljs').Workbook;

/**
 * exceljs's Workbook class alone: its package entry also loads the streaming reader and writer
 * (unzipper, archiver …), which the tool does not use and which doubled the start of a month end.
 * Loaded only by the commands that read or write a workbook.
 */
export async function loadWorkbookClass(): Promise<WorkbookClass> {
  const module = (await import('exceljs/lib/doc/workbook.js')) as { default: WorkbookClass };
  return module.default;
}
