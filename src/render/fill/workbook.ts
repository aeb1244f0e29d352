import { findPart, readPartText, type ZipArchive } from './zip.js';
import { attributeByLocalName, elementEnd, firstTag, startTags, withAttribute, XmlShapeError } from './xml.js';

/** A sheet as the workbook lists it: its tab name and the part that holds it. */
export interface SheetPart {
  name: string;
  /** The zip entry: `xl/worksheets/sheet1.xml`. */
  part: string;
  /** Worksheets hold cells; chart sheets and dialog sheets do not. */
  worksheet: boolean;
}

export interface WorkbookParts {
  /** `xl/workbook.xml`, or wherever the package's root relationship points. */
  workbookPart: string;
  workbookXml: string;
  sheets: SheetPart[];
}

const OFFICE_DOCUMENT = /\/officeDocument$/u;
const WORKSHEET = /\/worksheet$/u;

/**
 * The sheets of a workbook, each resolved to its part through the workbook's relationships
 * (`<sheet name="様式1" r:id="rId3"/>` → rId3 → `worksheets/sheet3.xml`), the way Excel finds them:
 * a part's file name says nothing about which tab it is.
 */
export function workbookParts(zip: ZipArchive): WorkbookParts {
  const root = relationships(zip, '_rels/.rels', '');
  const workbookPart = root.find((r) => OFFICE_DOCUMENT.test(r.type))?.target ?? 'xl/workbook.xml';
  const workbook = findPart(zip, workbookPart);
  if (!workbook) throw new XmlShapeError(`no ${workbookPart}`);
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const rels = relationships(zip, `${folder}_rels/${workbookPart.slice(folder.length)}.rels`, folder);
  const xml = readPartText(zip, workbook);
  const sheets = startTags(xml, 'sheet').map((tag) => {
    const id = attributeByLocalName(tag, 'id');
    const rel = rels.find((r) => r.id === id);
    return { name: tag.attributes.name ?? '', part: rel?.target ?? '', worksheet: rel !== undefined && WORKSHEET.test(rel.type) };
  });
  return { workbookPart, workbookXml: xml, sheets };
}

interface Relationship {
  id: string;
  type: string;
  /** The part's name in the zip. */
  target: string;
}

function relationships(zip: ZipArchive, part: string, folder: string): Relationship[] {
  const entry = findPart(zip, part);
  if (!entry) return [];
  return startTags(readPartText(zip, entry), 'Relationship')
    .filter((tag) => tag.attributes.TargetMode !== 'External')
    .map((tag) => ({
      id: tag.attributes.Id ?? '',
      type: tag.attributes.Type ?? '',
      target: resolveTarget(folder, tag.attributes.Target ?? ''),
    }));
}

/** A relationship's target as a zip entry name: relative to the source part's folder, or from the package root when it starts with `/`. */
function resolveTarget(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}

/**
 * The workbook told to recalculate every formula when it is opened (`<calcPr fullCalcOnLoad="1"/>`),
 * or null when it says so already. The figures written change what formulas elsewhere in the form
 * compute (a 合計 row, a sheet that sums another); their results saved in the form are those of
 * the empty form. Asking for a full recalculation edits one small part and covers every
 * dependency Excel and LibreOffice know (other sheets, defined names, INDIRECT), where dropping
 * the saved results of the dependent formulas would mean tracing those dependencies here and
 * editing every sheet that holds one.
 */
export function withFullCalcOnLoad(xml: string): string | null {
  const calcPr = firstTag(xml, 'calcPr');
  if (calcPr) {
    const value = calcPr.attributes.fullCalcOnLoad;
    if (value === '1' || value === 'true') return null;
    return xml.slice(0, calcPr.start) + withAttribute(xml, calcPr, 'fullCalcOnLoad', '1') + xml.slice(calcPr.end);
  }
  // calcPr's place in the workbook's sequence: after sheets, functionGroups, externalReferences and definedNames.
  const before = ['definedNames', 'externalReferences', 'functionGroups', 'sheets']
    .map((name) => ({ name, tag: firstTag(xml, name) }))
    .find((found) => found.tag !== undefined);
  if (!before?.tag) throw new XmlShapeError('no <sheets> in the workbook');
  const at = elementEnd(xml, before.tag, before.name);
  return `${xml.slice(0, at)}<${before.tag.prefix}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
}
