/**
 * Builds fixtures/adversarial/: hostile, broken and odd inputs, each a file whose name says what
 * it is. test/adversarial.test.ts states the exact outcome expected of each. Rebuild with
 * `npm run fixtures`. Large cases (a sheet of 1,048,576 rows) are made at test time instead.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import CFB from 'cfb';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { listZip } from '../src/read/zip.js';

const DIR = path.resolve(import.meta.dirname, '..', 'fixtures', 'adversarial');
const HEADER = '受付番号,受付日,受付方法,主訴,対応結果,備考';
const row = (id: number, date = '2021/9/1', channel = '電話', category = '家庭問題', outcome = '助言', note = '架空メモ'): string =>
  [`A-${id}`, date, channel, category, outcome, note].join(',');
const lines = (...rows: string[]): string => `${rows.join('\r\n')}\r\n`;

/** A deterministic byte generator, so the "random" files are the same on every run. */
function bytes(seed: number, length: number): Buffer {
  let a = seed;
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    out[i] = a >>> 24;
  }
  return out;
}

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2022, 0, 1));
  wb.modified = wb.created;
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const intakeSheet = (wb: ExcelJS.Workbook, name = '相談記録'): ExcelJS.Worksheet => {
  const sheet = wb.addWorksheet(name);
  sheet.addRow(['受付番号', '受付日', '受付方法', '主訴', '対応結果']);
  return sheet;
};

async function main(): Promise<void> {
  await rm(DIR, { recursive: true, force: true });
  await mkdir(DIR, { recursive: true });
  const put = (name: string, data: string | Buffer): Promise<void> => writeFile(path.join(DIR, name), data);

  const valid = await workbook((wb) => {
    const sheet = intakeSheet(wb);
    for (let i = 1; i <= 40; i++) sheet.addRow([`A-${i}`, '2021/9/1', '電話', '家庭問題', '助言']);
  });

  // Damaged and disguised workbooks.
  await put('xlsx-truncated.xlsx', valid.subarray(0, Math.floor(valid.length / 2)));
  const corrupted = Buffer.from(valid);
  for (let i = 200; i < 1200; i += 7) corrupted[i] = corrupted[i]! ^ 0xff;
  await put('xlsx-corrupted-bytes.xlsx', corrupted);
  // The sheet's deflate stream opens a stored block of 65,535 bytes and ends long before them,
  // with every size in the zip intact: exceljs's streaming reader waited forever for the rest
  // (the stall its guard timed out); the full reader must say the file is damaged.
  const neverEnds = Buffer.from(valid);
  const sheet = listZip(neverEnds).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
  const dataStart =
    sheet.localHeaderOffset +
    30 +
    neverEnds.readUInt16LE(sheet.localHeaderOffset + 26) +
    neverEnds.readUInt16LE(sheet.localHeaderOffset + 28);
  const storedBlockOf65535 = Buffer.from([0x00, 0xff, 0xff, 0x00, 0x00]);
  const xml = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet>'.padEnd(sheet.compressedSize, ' '));
  Buffer.concat([storedBlockOf65535, xml]).copy(neverEnds, dataStart, 0, sheet.compressedSize);
  await put('xlsx-deflate-never-ends.xlsx', neverEnds);
  const notWorkbook = new JSZip();
  notWorkbook.file('readme.txt', 'これは Excel ブックではありません。');
  await put('zip-not-a-workbook.xlsx', await notWorkbook.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const bomb = await JSZip.loadAsync(valid);
  bomb.file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet>${' '.repeat(160 * 1024 * 1024)}</worksheet>`);
  await put('zip-bomb.xlsx', await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
  const encrypted = CFB.utils.cfb_new();
  CFB.utils.cfb_add(encrypted, 'EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  CFB.utils.cfb_add(encrypted, 'EncryptedPackage', bytes(7, 512));
  await put('xlsx-encrypted.xlsx', CFB.write(encrypted, { type: 'buffer' }) as Buffer);
  const legacy = CFB.utils.cfb_new();
  CFB.utils.cfb_add(legacy, 'Workbook', bytes(8, 512));
  await put('legacy-binary.xls', CFB.write(legacy, { type: 'buffer' }) as Buffer);
  await put('text-saved-as.xlsx', lines(HEADER, row(1)));
  await put('pdf-document.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), bytes(9, 256)]));
  await put('workbook-named.csv', valid);
  await put('macro-workbook.xlsm', valid);

  // Empty and headerless files.
  await put('empty.csv', '');
  await put('bom-only.csv', Buffer.from([0xef, 0xbb, 0xbf]));
  await put('whitespace-only.csv', '  \r\n\t\r\n , , ,\r\n');
  await put('header-only.csv', lines(HEADER));
  await put('title-rows-only.csv', lines('令和3年度 相談記録', '高崎市社会福祉協議会', ''));
  await put('header-in-row-11.csv', lines(...Array.from({ length: 10 }, (_, i) => `タイトル行 ${i + 1}`), HEADER, row(1)));
  await put('header-ambiguous.csv', lines('日付,場所,人数,件数', '2021/9/1,litoko,3,1'));
  await put(
    'header-duplicate-names.csv',
    lines('受付番号,受付日,受付方法,主訴,対応結果,受付日', `${row(1).split(',').slice(0, 5).join(',')},2021/9/30`),
  );
  await put(
    'header-fullwidth-spaced.csv',
    lines('　受付　番号　,ｕｋｅ,受 付 日,受付方法　,　主訴,対応結果', 'A-1,x,2021/9/1,電話,家庭問題,助言'),
  );
  await put(
    'header-300-columns.csv',
    lines([HEADER, ...Array.from({ length: 294 }, (_, i) => `列${i + 1}`)].join(','), [row(1), ...Array(294).fill('秘')].join(',')),
  );
  await put('title-only-sheet.xlsx', await workbook((wb) => wb.addWorksheet('表紙').addRow(['令和3年度 相談記録'])));

  // Encodings.
  await put(
    'mixed-encodings.csv',
    Buffer.concat([Buffer.from(lines(HEADER, row(1)), 'utf8'), iconv.encode(lines(row(2, '2021/9/2', '来所')), 'cp932')]),
  );
  await put(
    'invalid-utf8-with-bom.csv',
    Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(lines(HEADER, row(1)), 'utf8'),
      Buffer.from('A-2,2021/9/2,'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(',家庭問題,助言,\r\n'),
    ]),
  );
  await put(
    'cp932-nec-special-chars.csv',
    iconv.encode(lines(HEADER, row(1, '2021/9/1', '電話', '家庭問題', '助言', '①㈱〜～№'), row(2)), 'cp932'),
  );
  await put('utf16le-without-bom.csv', Buffer.from(lines(HEADER, row(1)).replace(/,/gu, '\t'), 'utf16le'));
  await put('utf16be-with-bom.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(lines(HEADER, row(1)), 'utf16be')]));
  await put('binary-garbage.csv', bytes(42, 4096));
  await put('png-renamed.csv', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), bytes(5, 2048)]));

  // CSV structure.
  await put('quote-never-closed.csv', lines(HEADER, row(1), 'A-2,"2021/9/2,電話,家庭問題,助言,メモ'));
  await put('ragged-rows.csv', lines(HEADER, 'A-1,2021/9/1,電話', `${row(2)},余分,さらに余分`));
  await put('quoted-newlines.csv', lines(HEADER, 'A-1,2021/9/1,電話,家庭問題,助言,"一行目\n二行目\n三行目"', row(2)));
  await put('mixed-line-endings.csv', `${HEADER}\n${row(1)}\r\n${row(2)}\r${row(3)}\n`);
  await put('cell-100000-chars-note.csv', lines(HEADER, row(1, '2021/9/1', '電話', '家庭問題', '助言', 'あ'.repeat(100_000))));
  await put('cell-100000-chars-coded.csv', lines(HEADER, row(1, '2021/9/1', '電'.repeat(100_000))));
  await put('control-characters.csv', lines(HEADER, row(1, '2021/9/1', '電話\u0007', '家庭問題\u200b', '助言', 'メモ\u0000\u001b[31m')));
  await put('tab-separated.tsv', lines(HEADER.replace(/,/gu, '\t'), row(1).replace(/,/gu, '\t')));

  // Dates.
  await put('date-1900-leap-bug.csv', lines(HEADER, row(1, '1900/2/29'), row(2, '60')));
  await put('date-feb29-non-leap.csv', lines(HEADER, row(1, '2022/2/29')));
  await put('date-era-boundary.csv', lines(HEADER, row(1, '平成31年4月30日', 'メール'), row(2, '令和元年5月1日', 'メール')));
  await put('date-era-out-of-range.csv', lines(HEADER, row(1, '平成31年5月1日')));
  await put('date-future.csv', lines(HEADER, row(1, '2099/12/31')));
  await put('date-excel-serials.csv', lines(HEADER, row(1, '44440'), row(2, '44440.5')));
  await put(
    'date-1904-system.xlsx',
    await workbook((wb) => {
      wb.properties.date1904 = true;
      intakeSheet(wb)
        .addRow(['A-1', new Date(Date.UTC(2021, 8, 1)), '電話', '家庭問題', '助言'])
        .getCell(2).numFmt = 'yyyy/m/d';
    }),
  );

  // Counts.
  const handouts = (count: string): string => lines('配布日,配布場所,配布数', `2021/9/1,本所,${count}`);
  await put('count-fullwidth-commas.csv', handouts('"１,２３４"'));
  await put('count-negative.csv', handouts('-3'));
  await put('count-nan-like.csv', lines('配布日,配布場所,配布数', '2021/9/1,本所,NaN', '2021/9/2,本所,Infinity', '2021/9/3,本所,1e3'));
  await put(
    'count-number-typed-as-text.xlsx',
    await workbook((wb) => {
      const sheet = wb.addWorksheet('居場所');
      sheet.addRow(['開催日', '実施団体', '参加者数']);
      sheet.addRow(['2021/9/11', 'litoko', "'3"]);
      sheet.addRow(['2021/9/12', 'litoko', '４']);
    }),
  );

  // Cells Excel can hold.
  await put(
    'formula-without-cached-value.xlsx',
    await workbook((wb) => {
      intakeSheet(wb).addRow(['A-1', { formula: 'DATE(2021,9,1)' }, '電話', '家庭問題', '助言']);
    }),
  );
  await put(
    'error-cell.xlsx',
    await workbook((wb) => {
      intakeSheet(wb).addRow(['A-1', '2021/9/1', '電話', { error: '#N/A' }, '助言']);
    }),
  );
  await put(
    'merged-cells-over-data.xlsx',
    await workbook((wb) => {
      const sheet = intakeSheet(wb);
      sheet.addRow(['A-1', '2021/9/1', '電話', '家庭問題', '助言']);
      sheet.addRow(['A-2', null, '電話', '生活問題', '助言']);
      sheet.mergeCells('B2:B3');
    }),
  );
  await put(
    'hidden-sheet.xlsx',
    await workbook((wb) => {
      wb.addWorksheet('表紙').addRow(['このブックの記録は非表示のシートにあります']);
      const sheet = intakeSheet(wb, '非表示の記録');
      sheet.state = 'hidden';
      sheet.addRow(['A-1', '2021/9/1', '電話', '家庭問題', '助言']);
    }),
  );
  await put(
    'formula-injection-values.xlsx',
    await workbook((wb) => {
      intakeSheet(wb).addRow(['=HYPERLINK("http://x.invalid","1")', '2021/9/1', '=1+1', '+SUM(A1)', '@cmd']);
    }),
  );
  console.log(`adversarial fixtures written under ${DIR}`);
}

await main();
