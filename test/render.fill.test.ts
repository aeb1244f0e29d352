import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { messagesFor } from '../src/messages/index.js';
import { reportFrom } from '../src/pipeline.js';
import { listZip } from '../src/read/zip.js';
import { fillForm, openForm, type FillProblem } from '../src/render/fill/fill.js';
import { mapFromText, type MapEntry } from '../src/render/fill/map.js';
import type { Report } from '../src/report/types.js';
import { analyseFiles, fixture, ROOT } from './helpers.js';

const FORM = fixture('forms', '様式1.xlsx');
const LIBREOFFICE_FORM = fixture('forms', '様式1_libreoffice.xlsx');
const MAP_TEXT = readFileSync(fixture('forms', '様式1.map.json'), 'utf8');
const CHANNELS = DEFAULT_CONFIG.channels.map((c) => c.label);

let report: Report;
let suppressed: Report;
beforeAll(async () => {
  const analysis = await analyseFiles([fixture('takasaki-r3')]);
  const result = reportFrom(analysis, {}, { kind: 'annual', skipInvalid: false });
  const hidden = reportFrom(analysis, {}, { kind: 'annual', skipInvalid: false, suppressBelow: 3 });
  if (!result.ok || !hidden.ok) throw new Error('the fixture makes a report');
  report = result.report;
  suppressed = hidden.report;
});

function mapEntries(text = MAP_TEXT): MapEntry[] {
  const map = mapFromText('様式1.map.json', text, messagesFor('en'));
  if (!map.ok) throw new Error(map.lines.join('\n'));
  return map.entries;
}

function fill(entries: MapEntry[], form = FORM, withReport = report): Uint8Array {
  const result = fillForm(openForm(readFileSync(form)), entries, withReport, DEFAULT_CONFIG);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.bytes;
}

function problemsOf(entries: { sheet: string; cell: string; metric: string; month?: string }[], withReport = report): FillProblem[] {
  const numbered = entries.map((entry, index) => ({ index, ...entry }));
  const result = fillForm(openForm(readFileSync(FORM)), numbered, withReport, DEFAULT_CONFIG);
  if (result.ok) throw new Error('expected a refusal');
  return result.problems;
}

/** Each zip entry's stored bytes (local header, data, descriptor) as the repo's own reader locates them. */
function storedEntries(bytes: Uint8Array): Map<string, Buffer> {
  const entries = listZip(bytes).sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  const buffer = Buffer.from(bytes);
  const directory = buffer.readUInt32LE(buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
  return new Map(
    entries.map((entry, i) => [entry.name, buffer.subarray(entry.localHeaderOffset, entries[i + 1]?.localHeaderOffset ?? directory)]),
  );
}

async function partsOf(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) parts.set(name, await file.async('nodebuffer'));
  return parts;
}

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** What the map's cells should hold: the report's own figures, by the map's layout of the form. */
function expectedFigures(): Record<string, number | null> {
  const months = report.intake.months;
  return {
    ...Object.fromEntries(CHANNELS.map((label, i) => [`C${6 + i}`, report.intake.total.channel[label]!])),
    ...Object.fromEntries(months.map((row, i) => [`${'CDEFGHI'[i]}14`, row.total])),
    C16: report.ibasho.sessions,
    C17: report.ibasho.participants,
    C20: report.distribution.count,
  };
}

describe.each([
  ['made with exceljs', FORM],
  ['saved by LibreOffice (data descriptors, its own XML)', LIBREOFFICE_FORM],
])('filling the form %s from fixtures/takasaki-r3', (_, form) => {
  test('the named cells hold the report figures as numbers, in their own style', async () => {
    const original = (await workbookOf(readFileSync(form))).getWorksheet('様式1')!;
    const sheet = (await workbookOf(fill(mapEntries(), form))).getWorksheet('様式1')!;
    expect(report.intake.months).toHaveLength(7);
    for (const [address, value] of Object.entries(expectedFigures())) {
      expect(sheet.getCell(address).value, address).toBe(value);
      expect(sheet.getCell(address).style, address).toEqual(original.getCell(address).style);
    }
  });

  test('every zip entry but the filled sheet, the sheet reading it and workbook.xml is byte for byte as it was', async () => {
    const before = storedEntries(readFileSync(form));
    const after = storedEntries(fill(mapEntries(), form));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...before.keys()].filter((name) => !before.get(name)!.equals(after.get(name)!));
    expect(changed.sort()).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
    // …and what the unchanged entries hold, unpacked by another zip reader.
    const [beforeParts, afterParts] = [await partsOf(readFileSync(form)), await partsOf(fill(mapEntries(), form))];
    for (const [name, content] of beforeParts) if (!changed.includes(name)) expect(afterParts.get(name)!.equals(content), name).toBe(true);
    // The third sheet has formulas of its own, which read nothing of the form.
    expect(changed).not.toContain('xl/worksheets/sheet3.xml');
  });

  test('formulas that read the filled cells keep their formula and lose the result saved with the empty form', async () => {
    const parts = await partsOf(fill(mapEntries(), form));
    const sheet1 = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    const sheet2 = parts.get('xl/worksheets/sheet2.xml')!.toString('utf8');
    expect(sheet1).toMatch(/<c r="C11" s="\d+"><f( aca="false")?>SUM\(C6:C10\)<\/f><\/c>/u);
    expect(sheet1).toMatch(/<c r="J14"( s="\d+")?><f( aca="false")?>SUM\(C14:I14\)<\/f><\/c>/u);
    expect(sheet2).toMatch(/<c r="B1"( s="\d+")?><f( aca="false")?>様式1!C11<\/f><\/c>/u);
    expect(sheet2).toMatch(/<c r="B3"( s="\d+")?><f( aca="false")?>相談合計\*1<\/f><\/c>/u);
    expect(parts.get('xl/workbook.xml')!.toString('utf8')).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/u);
  });

  test('the changed parts differ from the form only where they must', async () => {
    const before = await partsOf(readFileSync(form));
    const after = await partsOf(fill(mapEntries(), form));
    const workbook = after.get('xl/workbook.xml')!.toString('utf8');
    expect(workbook.replace(/ fullCalcOnLoad="1"/u, '')).toBe(before.get('xl/workbook.xml')!.toString('utf8'));
    const sheet2 = before.get('xl/worksheets/sheet2.xml')!.toString('utf8');
    expect(after.get('xl/worksheets/sheet2.xml')!.toString('utf8')).toBe(withoutResults(sheet2));
    // The filled sheet with the target cells and the row made for one taken out, and spans set aside, is the form's.
    const targets = Object.keys(expectedFigures());
    const normal = (xml: string): string =>
      targets
        .reduce((text, address) => text.replace(new RegExp(`<c r="${address}"[^>]*?(/>|>.*?</c>)`, 'u'), ''), xml)
        .replace(/<row r="20"><\/row>/u, '')
        .replace(/ spans="[^"]*"/gu, '');
    const filled = after.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(normal(filled)).toBe(normal(withoutResults(before.get('xl/worksheets/sheet1.xml')!.toString('utf8'))));
  });

  test('the picture, print setup, defined names, merged cells and other sheets are still there', async () => {
    const original = await workbookOf(readFileSync(form));
    const filled = await workbookOf(fill(mapEntries(), form));
    const sheet = filled.getWorksheet('様式1')!;
    const before = original.getWorksheet('様式1')!;
    expect(sheet.getImages()).toHaveLength(1);
    const corners = (image: ReturnType<ExcelJS.Worksheet['getImages']>[number]): number[] => [
      image.range.tl.nativeCol,
      image.range.tl.nativeRow,
      image.range.br.nativeCol,
      image.range.br.nativeRow,
    ];
    expect(corners(sheet.getImages()[0]!)).toEqual(corners(before.getImages()[0]!));
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(before.pageSetup.paperSize);
    expect(sheet.pageSetup.printArea).toBe(before.pageSetup.printArea);
    expect(sheet.headerFooter.oddFooter).toBe(before.headerFooter.oddFooter);
    expect(filled.definedNames.getRanges('相談合計').ranges).toEqual(original.definedNames.getRanges('相談合計').ranges);
    expect(sheet.getCell('E22').isMerged).toBe(true);
    expect(filled.worksheets.map((ws) => ws.name)).toEqual(['様式1', '集計', '記入例']);
    expect(filled.getWorksheet('記入例')!.getCell('B2').value).toEqual(original.getWorksheet('記入例')!.getCell('B2').value);
  });
});

/** A sheet's XML with the saved result of every formula cell taken out, as fill leaves it. */
function withoutResults(xml: string): string {
  return xml.replace(
    /<c ([^>]*)>(<f[^>]*>[^<]*<\/f>|<f[^>]*\/>)<v>[^<]*<\/v><\/c>/gu,
    (_, attributes: string, formula: string) => `<c ${attributes.replace(/ t="[^"]*"/u, '')}>${formula}</c>`,
  );
}

describe('the XML written', () => {
  test('a number in an existing empty cell keeps its style: <c r="C6" s="…"><v>109</v></c>', async () => {
    const original = (await partsOf(readFileSync(FORM))).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    const style = /<c r="C6" s="(\d+)"\/>/u.exec(original)![1];
    const filled = (await partsOf(fill(mapEntries()))).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(filled).toContain(`<c r="C6" s="${style}"><v>${report.intake.total.channel['電話']}</v></c>`);
  });

  test('cells that did not exist go into their row in column order, and a missing row in row order', async () => {
    const filled = (await partsOf(fill(mapEntries()))).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    const row14 = /<row r="14"[^>]*>(.*?)<\/row>/u.exec(filled)![1]!;
    expect([...row14.matchAll(/<c r="([A-Z]+)14"/gu)].map((m) => m[1])).toEqual(['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    const rows = [...filled.matchAll(/<row r="(\d+)"/gu)].map((m) => Number(m[1]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(filled).toContain(`<row r="20"><c r="C20"><v>${report.distribution.count}</v></c></row>`);
  });
});

describe('refusals: every entry that cannot be written is named, and nothing is written', () => {
  const at = (sheet: string, cell: string, metric = 'intake.total', month?: string) => ({
    sheet,
    cell,
    metric,
    ...(month ? { month } : {}),
  });

  test('a formula, a heading, a cell inside a merged range, a sheet the form does not have', () => {
    const problems = problemsOf([at('様式1', 'C11'), at('様式1', 'B6'), at('様式1', 'E22'), at('様式１', 'C6'), at('様式1', 'D22')]);
    expect(problems.map((p) => [p.entry.index, p.problem])).toEqual([
      [0, { code: 'formula' }],
      [1, { code: 'text' }],
      [2, { code: 'merged', range: 'D22:E22', first: 'D22' }],
      [3, { code: 'no-sheet', sheets: ['様式1', '集計', '記入例'] }],
    ]);
  });

  test('a metric the report does not know, a label not in the config, a month outside the period', () => {
    const problems = problemsOf([
      at('様式1', 'C6', 'intake.totl'),
      at('様式1', 'C7', 'intake.channel.FAX'),
      at('様式1', 'C8', 'intake.total', '2022-03'),
      at('様式1', 'C9', 'intake.total', '2021-07'),
      at('様式1', 'C10', 'intake.total', report.asOf),
    ]);
    expect(problems.map((p) => [p.entry.index, p.problem.code])).toEqual([
      [0, 'unknown-metric'],
      [1, 'unknown-label'],
      [2, 'month-outside'],
      [3, 'month-outside'],
    ]);
    expect(problems[1]!.problem).toMatchObject({ label: 'FAX', labels: CHANNELS });
    expect(problems[2]!.problem).toEqual({ code: 'month-outside', month: '2022-03', startMonth: report.startMonth, asOf: report.asOf });
  });

  test('the same cell twice, however it is spelt', () => {
    const problems = problemsOf([at('様式1', 'C6'), at('様式1', 'c6', 'intake.channel.電話'), at('様式1', '$C$6')]);
    expect(problems.map((p) => [p.entry.index, p.problem])).toEqual([
      [1, { code: 'duplicate', first: 0 }],
      [2, { code: 'duplicate', first: 0 }],
    ]);
  });

  test('a count hidden by --suppress-below is refused, not written', () => {
    const hidden = CHANNELS.find((label) => suppressed.intake.total.channel[label] === null);
    const hiddenCategory = Object.keys(suppressed.intake.total.category).find((label) => suppressed.intake.total.category[label] === null);
    expect(hidden ?? hiddenCategory).toBeDefined();
    const metric = hidden ? `intake.channel.${hidden}` : `intake.category.${hiddenCategory}`;
    const problems = problemsOf([at('様式1', 'C6', metric), at('様式1', 'C7', 'intake.total')], suppressed);
    expect(problems.map((p) => [p.entry.index, p.problem])).toEqual([[0, { code: 'hidden' }]]);
  });

  test('every problem of the map at once, in its order', () => {
    const problems = problemsOf([at('様式1', 'C11'), at('様式1', 'C6'), at('様式1', 'C7', 'nope'), at('無い', 'A1', 'nope')]);
    expect(problems.map((p) => [p.entry.index, p.problem.code])).toEqual([
      [0, 'formula'],
      [2, 'unknown-metric'],
      [3, 'no-sheet'],
      [3, 'unknown-metric'],
    ]);
  });
});

test("docs/fill.md's example is the map of fixtures/forms, and the map passes its checks", () => {
  const docs = readFileSync(path.join(ROOT, 'docs', 'fill.md'), 'utf8');
  const example = /### 例 \/ Example[\s\S]*?```json\n([\s\S]*?)```/u.exec(docs)![1]!;
  expect(JSON.parse(example)).toEqual(JSON.parse(MAP_TEXT));
  expect(mapEntries(example)).toHaveLength(15);
});
