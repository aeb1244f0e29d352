import { decodeEntities, startTags } from './xml.js';
import type { SheetLayout } from './sheet.js';

/**
 * Formulas that read the filled cells must show the new figures when the form is opened, not the
 * results saved with the empty form. Two things together see to it:
 *
 * - the workbook asks for a full recalculation on load (workbook.ts withFullCalcOnLoad), which
 *   Excel honours for every dependency it knows (other sheets, defined names, INDIRECT);
 * - the saved results of the formulas that may read a filled cell are dropped (the formulas
 *   themselves stay), because LibreOffice, by default, shows saved results as they are and
 *   computes only formulas that have none.
 *
 * Which formulas may read a filled cell is decided by sheet, erring on the side of dropping: every
 * formula of a filled sheet, and every formula of a sheet whose formulas name such a sheet, use a
 * defined name, a structured or external reference ([…]), a 3-D reference (Sheet1:Sheet3!A1) or
 * INDIRECT — until no further sheet is reached. Sheets whose formulas read none of that keep their
 * part byte for byte, as every other part does.
 */
export function sheetsToRecalculate(
  sheets: readonly { name: string; part: string; layout: SheetLayout }[],
  filled: ReadonlySet<string>,
  definedNames: readonly string[],
): Set<string> {
  const reached = new Set(filled);
  const formulas = new Map(sheets.map((sheet) => [sheet.part, formulaTexts(sheet.layout).map((f) => f.toUpperCase())]));
  const names = definedNames.map((name) => name.toUpperCase());
  for (let grown = true; grown;) {
    grown = false;
    const reachedNames = sheets.filter((s) => reached.has(s.part)).map((s) => s.name.toUpperCase());
    for (const sheet of sheets) {
      if (reached.has(sheet.part)) continue;
      const mayRead = (formula: string): boolean =>
        INDIRECT_OR_WIDE.test(formula) ||
        names.some((name) => formula.includes(name)) ||
        reachedNames.some((name) => formula.includes(`${name}!`) || formula.includes(`${quotedSheet(name)}!`));
      if (formulas.get(sheet.part)!.some(mayRead)) {
        reached.add(sheet.part);
        grown = true;
      }
    }
  }
  return reached;
}

/** INDIRECT, a structured or external reference, or a 3-D reference across sheets. */
const INDIRECT_OR_WIDE = /INDIRECT\s*\(|\[|(?:'[^']*:[^']*'|[^\s'!():,]+:[^\s'!():,]+)!/u;

/** `'様式 1'!`, as a formula quotes a sheet name (a quote inside doubled). */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/gu, "''")}'`;
}

export function hasFormulas(layout: SheetLayout): boolean {
  return startTags(layout.xml, 'f', layout.sheetData.end, layout.dataEnd).length > 0;
}

function formulaTexts(layout: SheetLayout): string[] {
  return startTags(layout.xml, 'f', layout.sheetData.end, layout.dataEnd).flatMap((tag) => {
    if (tag.selfClosing) return [];
    const close = layout.xml.indexOf('</', tag.end);
    return [decodeEntities(layout.xml.slice(tag.end, close))];
  });
}

/** The defined names of the workbook that formulas may use (not Excel's own, such as _xlnm.Print_Area). */
export function definedNamesOf(workbookXml: string): string[] {
  return startTags(workbookXml, 'definedName')
    .map((tag) => tag.attributes.name ?? '')
    .filter((name) => name !== '' && !name.startsWith('_xlnm.'));
}

/** The sheet with the saved result of every formula cell left out (`<v>` and the result's type `t`); the formulas stay. */
export function withoutFormulaResults(layout: SheetLayout): string {
  const { xml } = layout;
  const pieces: string[] = [];
  let cursor = 0;
  for (const row of layout.rows) {
    for (const cell of row.cells) {
      const content = xml.slice(cell.tag.end, cell.end);
      if (cell.tag.selfClosing || !/<([\w.-]+:)?f[\s/>]/u.test(content)) continue;
      const startTag = xml.slice(cell.tag.start, cell.tag.end).replace(/\st\s*=\s*("[^"]*"|'[^']*')/u, '');
      const withoutValue = content.replace(/<([\w.-]+:)?v(\s[^>]*)?(\/>|>[^<]*<\/([\w.-]+:)?v>)/u, '');
      pieces.push(xml.slice(cursor, cell.tag.start), startTag, withoutValue);
      cursor = cell.end;
    }
  }
  pieces.push(xml.slice(cursor));
  return pieces.join('');
}
