/**
 * fixtures/forms/様式1.xlsx: a prefecture's report form as `fill` meets it (SPEC §15), with what a
 * round trip through a spreadsheet model tends to lose — a picture (the council's seal), merged
 * cells, a print setup (A4 landscape, print area, footer, margins), a defined name, formulas
 * (合計 on the form, a second sheet that reads the form) whose saved results are those of the
 * empty form, a third sheet with formulas of its own — and cells of every kind a map can name: empty styled cells, cells that do not
 * exist in rows that do, a row that does not exist, a heading, a formula and a merged range.
 * Beside it, 様式1.map.json: the map that fills it from fixtures/takasaki-r3 (also docs/fill.md's example).
 *
 * `npm run fixtures` runs it; the committed form is what test/cli.fill.test.ts and test/render.fill.test.ts read.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { zlibSync } from 'fflate';
import { crc32 } from '../src/render/fill/zip.js';

const OUT = path.resolve(import.meta.dirname, '..', 'fixtures', 'forms');
const FONT = { name: 'ＭＳ 明朝', size: 11 };
const BOX: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const CHANNELS = ['電話', '来所', 'メール', 'litoko', '思いをつなぐ会'];
const MONTHS = ['2021-08', '2021-09', '2021-10', '2021-11', '2021-12', '2022-01', '2022-02'];
const MONTH_COLUMNS = ['C', 'D', 'E', 'F', 'G', 'H', 'I'];

/** A red seal (印) on white, 64 × 64, as a PNG written here: the picture the form carries. */
function sealPng(): Uint8Array {
  const size = 64;
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0);
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - 31.5, y - 31.5);
      const ring = d > 26 && d < 31;
      const cross = d < 26 && (Math.abs(x - 31.5) < 3 || Math.abs(y - 31.5) < 3);
      rows.push(...(ring || cross ? [200, 30, 30, 255] : [255, 255, 255, 255]));
    }
  }
  const chunk = (type: string, data: Uint8Array): Uint8Array => {
    const body = new Uint8Array([...new TextEncoder().encode(type), ...data]);
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(body, 4);
    view.setUint32(8 + data.length, crc32(body));
    return out;
  };
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const parts = [signature, chunk('IHDR', header), chunk('IDAT', zlibSync(new Uint8Array(rows))), chunk('IEND', new Uint8Array())];
  return new Uint8Array(parts.flatMap((p) => [...p]));
}

function formWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '群馬県';
  wb.created = new Date(Date.UTC(2022, 2, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('様式1', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: 'A1:J22',
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&P / &N ページ' },
  });
  ws.columns = [{ width: 4 }, { width: 20 }, ...Array.from({ length: 8 }, () => ({ width: 10 }))];
  const text = (address: string, value: string, bold = false): void => {
    const cell = ws.getCell(address);
    cell.value = value;
    cell.font = { ...FONT, bold };
  };
  const box = (address: string, value?: ExcelJS.CellValue): void => {
    const cell = ws.getCell(address);
    if (value !== undefined) cell.value = value;
    cell.font = FONT;
    cell.border = BOX;
    cell.numFmt = '#,##0';
  };

  ws.mergeCells('A1:J1');
  text('A1', '女性のためのつながり相談 実施状況報告書', true);
  ws.getCell('A1').alignment = { horizontal: 'center' };
  text('A2', '（様式1）');
  text('A3', '団体名');
  text('B3', '高崎市社会福祉協議会');

  text('B5', '受付方法', true);
  text('C5', '件数', true);
  // The figures' cells: bordered and formatted, empty (`<c r="C6" s="…"/>`).
  CHANNELS.forEach((label, i) => {
    text(`B${6 + i}`, label);
    box(`C${6 + i}`);
  });
  text('B11', '合計', true);
  box('C11', { formula: 'SUM(C6:C10)', result: 0 });

  // Months by column: the cells C14…I14 do not exist until filled; J14 sums them.
  text('B13', '月別相談件数', true);
  MONTHS.forEach((month, i) => text(`${MONTH_COLUMNS[i]}13`, `${Number(month.slice(5))}月`));
  text('J13', '計');
  text('B14', '件数');
  ws.getCell('J14').value = { formula: 'SUM(C14:I14)', result: 0 };

  text('B16', '居場所 開催回数');
  text('B17', '居場所 参加者数');
  // The handouts' figure goes below its label, into row 20, which the form leaves out altogether.
  text('B19', '生理用品 配布件数');
  ws.mergeCells('D22:E22');
  text('B22', '備考欄');
  box('D22');

  const seal = wb.addImage({ buffer: Buffer.from(sealPng()) as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(seal, 'H2:I4');
  wb.definedNames.add("'様式1'!$C$11", '相談合計');

  const summary = wb.addWorksheet('集計');
  summary.getColumn(1).width = 24;
  summary.getCell('A1').value = '相談件数（様式1より）';
  summary.getCell('B1').value = { formula: '様式1!C11', result: 0 };
  summary.getCell('A2').value = '居場所 参加者数';
  summary.getCell('B2').value = { formula: '様式1!C17', result: 0 };
  summary.getCell('A3').value = '相談合計（名前の定義）';
  summary.getCell('B3').value = { formula: '相談合計*1', result: 0 };

  // A sheet whose formulas read nothing of the form: filling leaves its part as it was.
  const example = wb.addWorksheet('記入例');
  example.getCell('A1').value = '記入例: 件数は半角の数字で';
  example.getCell('A2').value = 12;
  example.getCell('B2').value = { formula: 'A2*2', result: 24 };
  return wb;
}

/** The map that fills the form from fixtures/takasaki-r3: each channel, each month's total, gatherings, handouts. */
const MAP = {
  cells: [
    ...CHANNELS.map((label, i) => ({ sheet: '様式1', cell: `C${6 + i}`, metric: `intake.channel.${label}` })),
    ...MONTHS.map((month, i) => ({ sheet: '様式1', cell: `${MONTH_COLUMNS[i]}14`, metric: 'intake.total', month })),
    { sheet: '様式1', cell: 'C16', metric: 'ibasho.sessions' },
    { sheet: '様式1', cell: 'C17', metric: 'ibasho.participants' },
    { sheet: '様式1', cell: 'C20', metric: 'distribution.count', note: '配布件数（見出しは B19）' },
  ],
};

await mkdir(OUT, { recursive: true });
await writeFile(path.join(OUT, '様式1.xlsx'), new Uint8Array(await formWorkbook().xlsx.writeBuffer()));
await writeFile(path.join(OUT, '様式1.map.json'), `${JSON.stringify(MAP, null, 2)}\n`);
