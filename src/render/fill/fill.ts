import type { Config } from '../../config/schema.js';
import { XLSX_DATA_LIMIT } from '../../read/xlsx.js';
import type { Report } from '../../report/types.js';
import { addressText, parseAddress } from './address.js';
import { figureOf, type FigureProblem } from './figures.js';
import type { MapEntry } from './map.js';
import { sheetLayout, targetState, writeNumbers, type CellWrite, type SheetLayout } from './sheet.js';
import { definedNamesOf, hasFormulas, sheetsToRecalculate, withoutFormulaResults } from './recalc.js';
import { withFullCalcOnLoad, workbookParts, type WorkbookParts } from './workbook.js';
import { XmlShapeError } from './xml.js';
import { findPart, openZip, PartTooLargeError, readPartText, replaceParts, ZipFormatError, type ZipArchive } from './zip.js';

/**
 * `fill` (SPEC §15): the report's figures written into the cells of a form the prefecture sent,
 * as numbers, with everything else in the workbook left as it was. The workbook is never loaded
 * into a spreadsheet model and saved again (which drops what the model does not know: pictures,
 * print settings, controls); the target sheets' XML is edited where the cells are, and every
 * other part of the zip is copied byte for byte.
 */

/** Why an entry of the map cannot be written. */
export type EntryProblem =
  | FigureProblem
  | { code: 'no-sheet'; sheets: string[] }
  | { code: 'not-a-worksheet' }
  | { code: 'formula' }
  | { code: 'text' }
  | { code: 'merged'; range: string; first: string }
  | { code: 'array'; range: string }
  /** The same cell as an earlier entry: which of the two figures belongs there is the map's to say. */
  | { code: 'duplicate'; first: number };

export interface FillProblem {
  entry: MapEntry;
  problem: EntryProblem;
}

export type FillResult = { ok: true; bytes: Uint8Array; cells: number } | { ok: false; problems: FillProblem[] };

export type FormProblem = 'not-zip' | 'cfb' | 'not-workbook' | 'too-large';

/** The form cannot be filled at all: not an .xlsx (an .xls, a password-protected workbook), or damaged. */
export class FormError extends Error {
  constructor(readonly problem: FormProblem) {
    super(problem);
  }
}

export interface Form {
  zip: ZipArchive;
  parts: WorkbookParts;
  /** The worksheets, each with its XML located; read when the form is opened, so that a damaged part is said before anything else. */
  worksheets: { name: string; part: string; layout: SheetLayout }[];
}

/** CFB, the container of .xls files and of password-protected .xlsx files. */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The form's zip and its sheets; throws FormError when it is not a workbook this can fill. */
export function openForm(bytes: Uint8Array): Form {
  if (CFB_SIGNATURE.every((byte, i) => bytes[i] === byte)) throw new FormError('cfb');
  try {
    // Bounds on each part inflated and on the sheets together keep a zip bomb named as a form from filling memory.
    const zip = openZip(bytes, XLSX_DATA_LIMIT);
    const parts = workbookParts(zip);
    const entries = parts.sheets.flatMap((sheet) => {
      const entry = findPart(zip, sheet.part);
      return sheet.worksheet && entry ? [{ sheet, entry }] : [];
    });
    if (entries.reduce((n, { entry }) => n + entry.uncompressedSize, 0) > XLSX_DATA_LIMIT) throw new FormError('too-large');
    const worksheets = entries.map(({ sheet, entry }) => ({
      name: sheet.name,
      part: sheet.part,
      layout: sheetLayout(readPartText(zip, entry)),
    }));
    return { zip, parts, worksheets };
  } catch (error) {
    if (error instanceof FormError) throw error;
    if (error instanceof PartTooLargeError) throw new FormError('too-large');
    if (error instanceof ZipFormatError) throw new FormError('not-zip');
    if (error instanceof XmlShapeError) throw new FormError('not-workbook');
    throw error;
  }
}

/** Every entry checked against the form and the report; the filled workbook only when none has a problem. */
export function fillForm(form: Form, entries: readonly MapEntry[], report: Report, config: Config): FillResult {
  const problems: FillProblem[] = [];
  const writes = new Map<string, CellWrite[]>();
  const seen = new Map<string, number>();
  for (const entry of entries) {
    const fail = (problem: EntryProblem): void => void problems.push({ entry, problem });
    // The map's checks (mapFromText) let only addresses within the sheet through.
    const address = parseAddress(entry.cell)!;
    const listed = form.parts.sheets.some((s) => s.name === entry.sheet);
    const sheet = form.worksheets.find((s) => s.name === entry.sheet);
    const key = `${entry.sheet}!${addressText(address)}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, entry.index);
    else fail({ code: 'duplicate', first });
    if (!listed) fail({ code: 'no-sheet', sheets: form.parts.sheets.map((s) => s.name) });
    else if (!sheet) fail({ code: 'not-a-worksheet' });
    else {
      const state = targetState(sheet.layout, address);
      if (state.code !== 'writable') fail(state);
    }
    const figure = figureOf(entry.metric, entry.month, report, config);
    if (!figure.ok) fail(figure.problem);
    else if (sheet && first === undefined) writes.set(sheet.part, [...(writes.get(sheet.part) ?? []), { address, value: figure.value }]);
  }
  if (problems.length > 0) return { ok: false, problems };

  return { ok: true, bytes: filledWorkbook(form, writes), cells: entries.length };
}

/**
 * The form with the numbers written, the saved results of formulas that may read them dropped
 * and a recalculation on load asked for (recalc.ts says why both); every other part as it was.
 */
function filledWorkbook(form: Form, writes: ReadonlyMap<string, CellWrite[]>): Uint8Array {
  const { worksheets } = form;
  const stale = sheetsToRecalculate(worksheets, new Set(writes.keys()), definedNamesOf(form.parts.workbookXml));
  const encoder = new TextEncoder();
  const replaced = new Map<string, Uint8Array>();
  for (const { part, layout } of worksheets) {
    const cells = writes.get(part);
    const written = cells ? writeNumbers(layout, cells) : layout.xml;
    const xml = stale.has(part) ? withoutFormulaResults(sheetLayout(written)) : written;
    if (xml !== layout.xml) replaced.set(part, encoder.encode(xml));
  }
  if (worksheets.some(({ layout }) => hasFormulas(layout))) {
    const recalculating = withFullCalcOnLoad(form.parts.workbookXml);
    if (recalculating !== null) replaced.set(form.parts.workbookPart, encoder.encode(recalculating));
  }
  return replaceParts(form.zip, replaced);
}
