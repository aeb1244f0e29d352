import { comparisonGrids } from './compare-grids.js';
import { OUTPUT_MARKER } from '../read/marker.js';
import type { Report } from '../report/types.js';
import type { RenderOptions } from './formats.js';
import { JAPANESE_FONT } from './font.js';
import { distributionGrid, gridNotes, hiddenSymbol, ibashoGrid, intakeGrid, partWords, targetGrid, type Grid } from './grid.js';
import { attributeGrids, peopleGrid, supportGrids } from './parts.js';
import { sourcesGrid } from './sources.js';
import { reportNotes, summaryLines, targetTexts } from './text.js';
import { writeSheet } from './xlsx-sheet.js';
import { loadWorkbookClass } from '../workbook.js';

export const XLSX_FONT_NAME = JAPANESE_FONT.name;

/** Characters Excel refuses in a sheet name, and its length limit. */
const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/gu;
const SHEET_NAME_LENGTH = 31;

/**
 * A sheet name Excel accepts for a config label (年代, or 「DV/虐待」): forbidden characters
 * replaced, cut to 31 characters, and numbered when another sheet has it already (case aside).
 */
export function sheetName(label: string, taken: readonly string[]): string {
  const base =
    label
      .replace(SHEET_NAME_FORBIDDEN, '_')
      .replace(/^'+|'+$/gu, '')
      .trim()
      .slice(0, SHEET_NAME_LENGTH) || '_';
  const used = new Set(taken.map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `（${n}）`;
    const name = `${base.slice(0, SHEET_NAME_LENGTH - suffix.length)}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/**
 * One sheet per table (目標と実績, 累計表, [団体別,] [相談者数, each attribute,] 居場所, 生理用品配布[, 支援記録]), styled for printing on A4 landscape:
 * the cumulative table under the seed's title with the summary sentences under it, the targets
 * in the seed's words above their table.
 */
export async function renderXlsx(report: Report, options: RenderOptions = {}): Promise<Uint8Array> {
  const words = partWords(options.lang);
  const Workbook = await loadWorkbookClass();
  const workbook = new Workbook();
  workbook.creator = 'tsup-report';
  workbook.company = report.organization;
  // Marked as the tool's own output, so that it is passed over when saved among the logs.
  workbook.keywords = OUTPUT_MARKER;
  const notes = reportNotes(report);
  const base = { subtitle: report.fiscalYearLabel, formulas: report.suppression === undefined, symbol: hiddenSymbol(report) };

  // A combined report leaves the targets out (each council has its own): no sheet for them.
  if (report.kind === 'annual' && !report.sources) {
    const grid = targetGrid(report);
    writeSheet(workbook.addWorksheet('目標と実績'), [grid], { ...base, before: targetTexts(report), after: [grid.note ?? '', ...notes] });
  }
  // The sentences end with the period note, so the table needs no note of its own (as in the seed).
  writeSheet(workbook.addWorksheet('累計表'), [intakeGrid(report, words)], { ...base, after: [...notes, ...summaryLines(report)] });
  // A sheet of stacked tables ends with the last one's notes (the period note is the same for all).
  const addSheet = (name: string, grids: readonly Grid[]): void =>
    writeSheet(workbook.addWorksheet(name), grids, { ...base, after: [...gridNotes(grids[grids.length - 1]!), ...notes] });
  // A combined report's table by source, beside the cumulative table (SPEC §15).
  const sources = sourcesGrid(report, words);
  if (sources) addSheet(words.sources.sheet, [sources]);
  const people = peopleGrid(report, words);
  if (people) addSheet(words.peopleSheet, [people]);
  // An attribute's sheet is named by its config label, never taking the name of one of the tool's sheets.
  const fixed = ['目標と実績', '累計表', words.sources.sheet, words.peopleSheet, '居場所', '生理用品配布', words.support.sheet];
  for (const attribute of report.intake.attributes ?? []) {
    addSheet(sheetName(attribute.label, [...fixed, ...workbook.worksheets.map((w) => w.name)]), attributeGrids(report, attribute, words));
  }
  addSheet('居場所', [ibashoGrid(report)]);
  addSheet('生理用品配布', [distributionGrid(report)]);
  const support = supportGrids(report, words);
  if (support) addSheet(words.support.sheet, support);
  const compared = comparisonGrids(report);
  if (compared.length > 0)
    addSheet(
      sheetName(
        '比較',
        workbook.worksheets.map((w) => w.name),
      ),
      compared,
    );
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
