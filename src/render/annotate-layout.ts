import type { SourceFile } from '../read/types.js';
import { loadWorkbookClass } from '../workbook.js';
import { displayWidth } from '../text.js';

type Worksheet = import('exceljs').Worksheet;
type DataValidation = import('exceljs').DataValidation;
/** exceljs keeps validations by address, ranges included; its types leave the collection out. */
type WithValidations = Worksheet & {
  dataValidations: { model: Record<string, DataValidation | undefined>; add(address: string, v: DataValidation): void };
};

/** What makes a copied sheet read like its original: widths, dropdowns and checks, hidden or not, the frozen header. */
export interface SheetLayout {
  /** Column widths by 0-based column, where the original set one. */
  widths: (number | undefined)[];
  hiddenColumns: number[];
  /** Data validations as ranges (`B2:B501`), at most one per run of cells with the same check. */
  validations: [string, DataValidation][];
  state: 'visible' | 'hidden' | 'veryHidden';
  frozen: { xSplit?: number; ySplit?: number } | null;
}

/**
 * The layout of every sheet of a workbook input, read once more with exceljs (the first pass left
 * layout unparsed); null for a CSV or anything that cannot be read this way.
 */
export async function workbookLayouts(source: SourceFile): Promise<Map<string, SheetLayout> | null> {
  if (!/\.xls[xm]$/iu.test(source.name)) return null;
  const Workbook = await loadWorkbookClass();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load((await source.read()) as unknown as ArrayBuffer);
  } catch {
    // Read once already, so this is a file changed since: the copy is still made, without the original's layout.
    return null;
  }
  return new Map(workbook.worksheets.map((sheet) => [sheet.name, layoutOf(sheet)]));
}

function layoutOf(sheet: Worksheet): SheetLayout {
  const widths: (number | undefined)[] = [];
  const hiddenColumns: number[] = [];
  for (let index = 0; index < sheet.columnCount; index++) {
    const column = sheet.getColumn(index + 1);
    widths[index] = column.width;
    if (column.hidden) hiddenColumns.push(index);
  }
  const view = (sheet.views as typeof sheet.views | null)?.[0];
  const frozen = view?.state === 'frozen' ? { xSplit: view.xSplit, ySplit: view.ySplit } : null;
  return {
    widths,
    hiddenColumns,
    validations: validationRanges((sheet as WithValidations).dataValidations.model),
    state: sheet.state,
    frozen,
  };
}

/**
 * Cell-by-cell validations (as exceljs reads them) gathered back into one range per run of a
 * column with the same check. Handed to exceljs cell by cell, they would come out as overlapping
 * ranges (it sorts B10 before B2), which Excel offers to "repair".
 */
export function validationRanges(model: Record<string, DataValidation | undefined>): [string, DataValidation][] {
  const byColumn = new Map<string, { row: number; key: string; validation: DataValidation }[]>();
  for (const [address, validation] of Object.entries(model)) {
    const match = /^([A-Z]+)(\d+)$/u.exec(address);
    if (!validation || !match) continue;
    const cells = byColumn.get(match[1]!) ?? byColumn.set(match[1]!, []).get(match[1]!)!;
    cells.push({ row: Number(match[2]), key: JSON.stringify(validation), validation });
  }
  const ranges: [string, DataValidation][] = [];
  for (const [column, cells] of byColumn) {
    cells.sort((a, b) => a.row - b.row);
    let start = 0;
    for (let i = 1; i <= cells.length; i++) {
      const runEnds = i === cells.length || cells[i]!.row !== cells[i - 1]!.row + 1 || cells[i]!.key !== cells[start]!.key;
      if (!runEnds) continue;
      const [first, last] = [cells[start]!, cells[i - 1]!];
      ranges.push([first.row === last.row ? `${column}${first.row}` : `${column}${first.row}:${column}${last.row}`, first.validation]);
      start = i;
    }
  }
  return ranges;
}

/** Sheet references in a validation's formulae renamed as the copy renames sheets (選択肢 → 選択肢(2)). */
function renamedFormulae(validation: DataValidation, renames: ReadonlyMap<string, string>): DataValidation {
  if (renames.size === 0 || !validation.formulae) return validation;
  const formulae = validation.formulae.map((formula: unknown) => {
    if (typeof formula !== 'string') return formula;
    let text = formula;
    for (const [from, to] of renames) {
      const quoted = `'${to.replace(/'/gu, "''")}'!`;
      text = text.split(`'${from.replace(/'/gu, "''")}'!`).join(quoted);
      text = text.replace(new RegExp(`(^|[^'\\w])${from.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}!`, 'gu'), `$1${quoted}`);
    }
    return text;
  });
  return { ...validation, formulae };
}

/** Gives a copied sheet the layout of its original: widths, hidden columns, validations, state, frozen panes. */
export function applyLayout(sheet: Worksheet, layout: SheetLayout, renames: ReadonlyMap<string, string>): void {
  layout.widths.forEach((width, index) => {
    if (width !== undefined) sheet.getColumn(index + 1).width = width;
  });
  for (const index of layout.hiddenColumns) sheet.getColumn(index + 1).hidden = true;
  for (const [range, validation] of layout.validations)
    (sheet as WithValidations).dataValidations.add(range, renamedFormulae(validation, renames));
  sheet.state = layout.state;
  if (layout.frozen) sheet.views = [{ state: 'frozen', ...layout.frozen }];
}

/** Widths for a sheet copied from a CSV (which has none): each column as wide as its widest cell, within reason. */
export class ContentWidths {
  private readonly widest: number[] = [];

  see(column: number, text: string): void {
    const width = displayWidth(text);
    if (width > (this.widest[column] ?? 0)) this.widest[column] = width;
  }

  apply(sheet: Worksheet): void {
    this.widest.forEach((width, index) => {
      sheet.getColumn(index + 1).width = Math.min(50, Math.max(8, width + 2));
    });
  }
}
