import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { messagesFor } from '../src/messages/index.js';
import { listZip } from '../src/read/zip.js';
import { fillForm, FormError, openForm } from '../src/render/fill/fill.js';
import { mapFromText } from '../src/render/fill/map.js';
import { definedNamesOf, sheetsToRecalculate, withoutFormulaResults } from '../src/render/fill/recalc.js';
import { sheetLayout, targetState, writeNumbers } from '../src/render/fill/sheet.js';
import { withFullCalcOnLoad } from '../src/render/fill/workbook.js';
import { openZip, replaceParts } from '../src/render/fill/zip.js';
import type { Report } from '../src/report/types.js';

/**
 * fill's parts on XML and zips written here by hand: the shapes other writers give a sheet
 * (namespace prefixes, rows and cells without r, an empty sheetData, row and column styles),
 * what a target cell may hold, the recalculation, and the zip rewriting.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const sheetXml = (body: string, head = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}">${head}${body}</worksheet>`;
const write = (xml: string, ...cells: [number, number, number][]): string =>
  writeNumbers(
    sheetLayout(xml),
    cells.map(([row, col, value]) => ({ address: { row, col }, value })),
  );

/** A workbook of the sheets given (name → sheet XML), as small as Excel and exceljs open; `chart` adds a chart sheet. */
async function miniWorkbook(sheets: Record<string, string>, options: { chart?: string; workbookExtra?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  const names = Object.keys(sheets);
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const chart = options.chart === undefined ? '' : `<sheet name="${options.chart}" sheetId="99" r:id="rIdChart"/>`;
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${names.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}${chart}</sheets>${options.workbookExtra ?? ''}</workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdChart" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
  );
  names.forEach((name, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, sheets[name]!));
  if (options.chart !== undefined) zip.file('xl/chartsheets/sheet1.xml', `<chartsheet xmlns="${MAIN}"/>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function cellsOf(bytes: Uint8Array, sheet: string): Promise<Record<string, unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const values: Record<string, unknown> = {};
  workbook.getWorksheet(sheet)!.eachRow((row) => row.eachCell((cell) => void (values[cell.address] = cell.value)));
  return values;
}

/** A report whose every figure is `n`, for the metrics these tests name. */
const reportOf = (n: number): Report =>
  ({
    startMonth: '2021-08',
    asOf: '2021-08',
    intake: {
      total: { total: n, channel: {}, category: {}, outcome: {} },
      months: [{ month: '2021-08', label: '8月', total: n, channel: {}, category: {}, outcome: {} }],
    },
    ibasho: { sessions: n, participants: n, venues: [], months: [] },
    distribution: { count: n, locations: [], months: [] },
  }) as unknown as Report;

describe('writing numbers into sheet XML as other writers shape it', () => {
  test('an empty sheetData (written as <sheetData/>) gets its row; the used range grows to cover it', () => {
    const xml = sheetXml('<sheetData/>', '<dimension ref="A1"/>');
    expect(write(xml, [2, 2, 5])).toBe(
      sheetXml('<sheetData><row r="2"><c r="B2"><v>5</v></c></row></sheetData>', '<dimension ref="A1:B2"/>'),
    );
  });

  test('cells of a new row are in column order, whatever the order of the map', () => {
    const xml = sheetXml('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>');
    expect(write(xml, [3, 4, 40], [1, 3, 30], [3, 2, 20], [1, 2, 10])).toBe(
      sheetXml(
        '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>10</v></c><c r="C1"><v>30</v></c></row><row r="3"><c r="B3"><v>20</v></c><c r="D3"><v>40</v></c></row></sheetData>',
      ),
    );
  });

  test('elements with a namespace prefix (<x:row>, as the Open XML SDK writes them) get new ones with the same prefix', () => {
    const xml = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(write(xml, [1, 3, 7], [3, 1, 8])).toBe(
      `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="C1"><x:v>7</x:v></x:c></x:row><x:row r="3"><x:c r="A3"><x:v>8</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    );
  });

  test('rows and cells written without r are where they follow; once something is added before them they say where they are', async () => {
    const xml = sheetXml(
      '<sheetData><row><c><v>1</v></c><c t="s"><v>0</v></c></row><row><c><v>3</v></c></row><row r="5"><c r="B5"><v>4</v></c></row></sheetData>',
    );
    const layout = sheetLayout(xml);
    expect(layout.rows.map((r) => [r.row, r.cells.map((c) => c.col)])).toEqual([
      [1, [1, 2]],
      [2, [1]],
      [5, [2]],
    ]);
    expect(targetState(layout, { row: 1, col: 2 })).toEqual({ code: 'text' });
    const written = write(xml, [1, 1, 10], [2, 3, 30], [4, 1, 40], [5, 1, 50]);
    const sheet = await cellsOf(await miniWorkbook({ S: written.replace('<c t="s"><v>0</v></c>', '<c r="B1"><v>2</v></c>') }), 'S');
    expect(sheet).toEqual({ A1: 10, B1: 2, A2: 3, C2: 30, A4: 40, A5: 50, B5: 4 });
  });

  test("a new cell takes the style the empty cell was shown in: its row's (customFormat), else its column's", () => {
    const xml = sheetXml(
      '<sheetData><row r="1" s="3" customFormat="1"><c r="A1" s="1"><v>1</v></c></row><row r="2" spans="1:1"><c r="A2"><v>2</v></c></row></sheetData>',
      '<cols><col min="3" max="4" width="9" style="5"/></cols>',
    );
    const written = write(xml, [1, 2, 7], [2, 3, 8], [2, 5, 9], [1, 1, 6]);
    expect(written).toContain('<row r="1" s="3" customFormat="1"><c r="A1" s="1"><v>6</v></c><c r="B1" s="3"><v>7</v></c></row>');
    expect(written).toContain('<row r="2" spans="1:5"><c r="A2"><v>2</v></c><c r="C2" s="5"><v>8</v></c><c r="E2"><v>9</v></c></row>');
  });

  test('an existing cell loses what it held and its type, and keeps its style', () => {
    const xml = sheetXml(`<sheetData><row r="1"><c r="A1" s="2" t="b" cm="1"><v>1</v></c><c r='B1' s='4'/></row></sheetData>`);
    expect(write(xml, [1, 1, 12], [1, 2, 0.5])).toContain('<c r="A1" s="2"><v>12</v></c><c r="B1" s="4"><v>0.5</v></c>');
  });
});

describe('what a target cell holds', () => {
  const layout = sheetLayout(
    sheetXml(
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>見出し</t></is></c><c r="B1" t="str"><v>文字</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1" s="2"/></row>' +
        '<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">B2*2</f><v>0</v></c><c r="B2"><f t="array" ref="B2:C3">TRANSPOSE(E1:F2)</f><v>1</v></c><c r="C2"><v>2</v></c></row>' +
        '<row r="3"><c r="A3"><f t="shared" si="0"/><v>0</v></c><c r="C3"><v>4</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="E5:F6"/></mergeCells>',
    ),
  );
  test.each([
    ['A1', { row: 1, col: 1 }, { code: 'text' }],
    ['B1', { row: 1, col: 2 }, { code: 'text' }],
    ['C1 (an error value, no formula)', { row: 1, col: 3 }, { code: 'writable' }],
    ['D1 (styled, empty)', { row: 1, col: 4 }, { code: 'writable' }],
    ['A2 (a shared formula)', { row: 2, col: 1 }, { code: 'formula' }],
    ['A3 (a cell of the shared formula)', { row: 3, col: 1 }, { code: 'formula' }],
    ['C2 (in an array formula)', { row: 2, col: 3 }, { code: 'array', range: 'B2:C3' }],
    ['F6 (in a merged range)', { row: 6, col: 6 }, { code: 'merged', range: 'E5:F6', first: 'E5' }],
    ['E5 (the first cell of a merged range)', { row: 5, col: 5 }, { code: 'writable' }],
    ['Z99 (nothing there)', { row: 99, col: 26 }, { code: 'writable' }],
  ])('%s', (_, address, state) => {
    expect(targetState(layout, address)).toEqual(state);
  });
});

describe('formulas that may read a filled cell', () => {
  const layoutOf = (formulas: string[]): ReturnType<typeof sheetLayout> =>
    sheetLayout(
      sheetXml(
        `<sheetData><row r="1">${formulas.map((f, i) => `<c r="${String.fromCharCode(65 + i)}1"><f>${f}</f><v>0</v></c>`).join('')}</row></sheetData>`,
      ),
    );
  const sheets = [
    { name: '様式 1', part: 'form', layout: layoutOf(['SUM(A2:A9)']) },
    { name: '集計', part: 'reads-form', layout: layoutOf(["'様式 1'!A2+1"]) },
    { name: '転記', part: 'reads-reads', layout: layoutOf(['集計!A1']) },
    { name: '名前', part: 'name', layout: layoutOf(['合計値*2']) },
    { name: '間接', part: 'indirect', layout: layoutOf(['INDIRECT("A"&amp;B1)']) },
    { name: '三次元', part: '3d', layout: layoutOf(['SUM(Sheet1:Sheet3!A1)']) },
    { name: '記入例', part: 'own', layout: layoutOf(['A2*2', '記入例!A3']) },
  ];

  test('the filled sheet, what names it (quoted or not, through another sheet), defined names, INDIRECT and 3-D references; not a sheet of its own', () => {
    expect([...sheetsToRecalculate(sheets, new Set(['form']), ['合計値'])].sort()).toEqual(
      ['3d', 'form', 'indirect', 'name', 'reads-form', 'reads-reads'].sort(),
    );
  });

  test("defined names are the workbook's own, not Excel's built-in ones", () => {
    const workbook = `<workbook><definedNames><definedName name="合計値">'様式 1'!$A$1</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">A1:B2</definedName></definedNames></workbook>`;
    expect(definedNamesOf(workbook)).toEqual(['合計値']);
  });

  test('a saved result goes with its type; the formula, the style and every other cell stay', () => {
    const xml = sheetXml(
      '<sheetData><row r="1"><c r="A1" s="1" t="str"><f>"a"&amp;B1</f><v>a</v></c><c r="B1" t="s"><v>0</v></c><c r="C1"><f t="shared" si="0"/><v>3</v></c></row></sheetData>',
    );
    expect(withoutFormulaResults(sheetLayout(xml))).toBe(
      sheetXml(
        '<sheetData><row r="1"><c r="A1" s="1"><f>"a"&amp;B1</f></c><c r="B1" t="s"><v>0</v></c><c r="C1"><f t="shared" si="0"/></c></row></sheetData>',
      ),
    );
  });

  test.each([
    [
      'no calcPr',
      '<sheets/><definedNames><definedName name="x">A1</definedName></definedNames><extLst/>',
      '<sheets/><definedNames><definedName name="x">A1</definedName></definedNames><calcPr fullCalcOnLoad="1"/><extLst/>',
    ],
    [
      'no calcPr and no defined names',
      '<sheets><sheet name="a"/></sheets>',
      '<sheets><sheet name="a"/></sheets><calcPr fullCalcOnLoad="1"/>',
    ],
    ['a calcPr', '<sheets/><calcPr calcId="191029"/>', '<sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/>'],
    ['a calcPr that says not to', "<sheets/><calcPr fullCalcOnLoad='0' calcId='1'/>", '<sheets/><calcPr fullCalcOnLoad="1" calcId=\'1\'/>'],
  ])('the workbook asks for a full recalculation on load: %s', (_, body, expected) => {
    expect(withFullCalcOnLoad(`<workbook>${body}</workbook>`)).toBe(`<workbook>${expected}</workbook>`);
  });

  test('nothing to change when the workbook asks for it already', () => {
    expect(withFullCalcOnLoad('<workbook><sheets/><calcPr fullCalcOnLoad="1"/></workbook>')).toBeNull();
  });
});

describe('the zip rewritten', () => {
  test('stored entries, data descriptors and the zip comment stay as they were; the replaced part is new and its CRC right', async () => {
    const zip = new JSZip();
    zip.file('stored.bin', new Uint8Array([1, 2, 3, 4]), { compression: 'STORE' });
    zip.file('a.xml', '<a>old</a>');
    zip.file('b.xml', '<b>'.padEnd(2000, 'x'));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', streamFiles: true, comment: 'コメント' });
    expect(listZip(bytes)).toHaveLength(3);
    const rewritten = replaceParts(openZip(bytes, 1e6), new Map([['a.xml', new TextEncoder().encode('<a>新しい</a>')]]));
    const raw = (data: Uint8Array, name: string): Buffer => {
      const entries = listZip(data).sort((x, y) => x.localHeaderOffset - y.localHeaderOffset);
      const i = entries.findIndex((e) => e.name === name);
      const end =
        entries[i + 1]?.localHeaderOffset ??
        Buffer.from(data).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), entries[i]!.localHeaderOffset + 30);
      return Buffer.from(data.subarray(entries[i]!.localHeaderOffset, end));
    };
    expect(raw(rewritten, 'stored.bin').equals(raw(bytes, 'stored.bin'))).toBe(true);
    expect(raw(rewritten, 'b.xml').equals(raw(bytes, 'b.xml'))).toBe(true);
    const back = await JSZip.loadAsync(rewritten, { checkCRC32: true });
    expect(await back.file('a.xml')!.async('string')).toBe('<a>新しい</a>');
    expect(await back.file('b.xml')!.async('string')).toBe('<b>'.padEnd(2000, 'x'));
    expect(Buffer.from(rewritten).subarray(-Buffer.byteLength('コメント')).toString('utf8')).toBe('コメント');
  });
});

describe('forms that cannot be filled', () => {
  const problemOf = (bytes: Uint8Array): unknown => {
    try {
      openForm(bytes);
      return 'opened';
    } catch (error) {
      return error instanceof FormError ? error.problem : error;
    }
  };

  test('not a zip, an .xls (or a password-protected workbook), a zip without a workbook', async () => {
    expect(problemOf(new TextEncoder().encode('受付日,受付方法\n'))).toBe('not-zip');
    expect(problemOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]))).toBe('cfb');
    expect(problemOf(await new JSZip().file('a.txt', 'x').generateAsync({ type: 'uint8array' }))).toBe('not-workbook');
  });

  test('a sheet that would inflate beyond 32 MB is refused before it is unpacked', async () => {
    const bytes = await miniWorkbook({ S: sheetXml('<sheetData/>') });
    expect(problemOf(bytes)).toBe('opened');
    // The sheet's record in the central directory made to claim 40 MB (its name is its only occurrence there).
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const record = Buffer.from(bytes).lastIndexOf(name) - 46;
    expect(new DataView(bytes.buffer).getUint32(record, true)).toBe(0x02014b50);
    new DataView(bytes.buffer).setUint32(record + 24, 40 * 1024 * 1024, true);
    expect(problemOf(bytes)).toBe('too-large');
  });

  test('a chart sheet has no cells to fill', async () => {
    const form = openForm(await miniWorkbook({ S: sheetXml('<sheetData/>') }, { chart: 'グラフ' }));
    const result = fillForm(form, [{ index: 0, sheet: 'グラフ', cell: 'A1', metric: 'intake.total' }], reportOf(3), DEFAULT_CONFIG);
    expect(result.ok ? [] : result.problems.map((p) => p.problem)).toEqual([{ code: 'not-a-worksheet' }]);
  });

  test('a workbook without formulas is filled without touching workbook.xml', async () => {
    const bytes = await miniWorkbook({ S: sheetXml('<sheetData/>') });
    const result = fillForm(openForm(bytes), [{ index: 0, sheet: 'S', cell: 'B2', metric: 'intake.total' }], reportOf(3), DEFAULT_CONFIG);
    if (!result.ok) throw new Error('refused');
    const after = await JSZip.loadAsync(result.bytes);
    const before = await JSZip.loadAsync(bytes);
    expect(await after.file('xl/workbook.xml')!.async('string')).toBe(await before.file('xl/workbook.xml')!.async('string'));
    expect(await cellsOf(result.bytes, 'S')).toEqual({ B2: 3 });
  });
});

describe('the refusal as the user reads it', () => {
  test.each(['ja', 'en'] as const)('%s: each line names the entry by its index and sheet!cell', async (lang) => {
    const { fillRefusalLines } = await import('../src/render/fill/words.js');
    const m = messagesFor(lang);
    const entry = { index: 3, sheet: '様式１', cell: 'C6', metric: 'intake.total' };
    const lines = fillRefusalLines('様式1.xlsx', [{ entry, problem: { code: 'no-sheet', sheets: ['様式1', '集計'] } }], m);
    expect(lines[0]).toBe(m.fill.refused('様式1.xlsx', 1));
    expect(lines[1]).toBe(`  - ${m.fill.entry(3, '様式１', 'C6')}: ${m.fill.noSheet('様式１', ['様式1', '集計'])}`);
    expect(lines[1]).toContain('cells[3]');
    expect(lines[1]).toContain('様式１!C6');
  });
});

describe('the map, checked whole before anything is read', () => {
  const en = messagesFor('en');
  const ja = messagesFor('ja');
  const linesOf = (text: string, m = en): string[] => {
    const result = mapFromText('form.map.json', text, m);
    return result.ok ? [] : result.lines;
  };
  const cells = (...entries: unknown[]): string => JSON.stringify({ cells: entries });

  test('entries as written: a month, a note, addresses as Excel shows them', () => {
    const result = mapFromText(
      'm.json',
      '\uFEFF' + cells({ sheet: 'S', cell: '$c$5', metric: 'intake.total', month: '2021-08', note: '電話' }),
      en,
    );
    expect(result).toEqual({ ok: true, entries: [{ index: 0, sheet: 'S', cell: '$c$5', metric: 'intake.total', month: '2021-08' }] });
  });

  test('every mistake of every entry at once, each named by its path', () => {
    const lines = linesOf(
      cells(
        { sheet: 'S', cell: 'C5', metric: 'intake.total' },
        { sheet: 'S', cell: 'C-5', metric: 'intake.total' },
        { sheet: 'S', cell: 'XFE1', metirc: 'intake.total' },
        { sheet: '', cell: 'A1048577', metric: 'intake.total', month: '2021-8' },
        'C5',
      ),
    );
    expect(lines).toEqual([
      en.fill.mapInvalid('form.map.json'),
      `  - map.cells[1].cell: ${en.fill.badAddress('"C-5"')}`,
      `  - map.cells[2].cell: ${en.fill.beyondSheet('"XFE1"')}`,
      `  - map.cells[2].metric: ${en.config.required}`,
      `  - map.cells[2]: ${en.config.unknownKeys(['metirc'])} ${en.fill.keysAre(['sheet', 'cell', 'metric', 'month', 'note'])}`,
      `  - map.cells[3].sheet: ${en.config.notEmpty}`,
      `  - map.cells[3].cell: ${en.fill.beyondSheet('"A1048577"')}`,
      `  - map.cells[3].month: ${en.config.monthFormat}${en.config.got('"2021-8"')}`,
      `  - map.cells[4]: ${en.config.expected(en.config.typeName.object!)}${en.config.got('"C5"')}`,
    ]);
    expect(lines[1]).toBe('  - map.cells[1].cell: expected an address like C5 (column letters, then the row number), got "C-5"');
  });

  test('a map without cells, or with none', () => {
    expect(linesOf('{"cell": []}')).toEqual([
      en.fill.mapInvalid('form.map.json'),
      `  - map.cells: ${en.config.required}`,
      `  - map: ${en.config.unknownKeys(['cell'])} ${en.fill.keysAre(['cells'])}`,
    ]);
    expect(linesOf('{"cells": []}')).toEqual([en.fill.mapInvalid('form.map.json'), `  - map.cells: ${en.fill.atLeastOneCell}`]);
  });

  test('broken JSON is placed by line and column, and called the map, in Japanese too', () => {
    const text = '{\n  "cells": [\n    {"sheet": "様式1", "cell": "C5" "metric": "intake.total"}\n  ]\n}\n';
    const lines = linesOf(text, ja);
    expect(lines[0]).toMatch(/^対応表 form\.map\.json の 3行目 \d+文字目が JSON として読めません（「,」か「\}」「\]」が要ります/u);
    expect(lines[1]).toBe('  3 |     {"sheet": "様式1", "cell": "C5" "metric": "intake.total"}');
    expect(lines[2]).toMatch(/^ +\^$/u);
    expect(linesOf('{"cells": [1]} x')[0]).toContain(en.fill.textAfterEnd);
  });

  test('a map saved as Shift_JIS is said to be one', () => {
    expect(linesOf('{"cells": [{"sheet": "\uFFFD\uFFFD"}]}', ja)).toEqual([ja.fill.mapNotUtf8('form.map.json')]);
  });
});
