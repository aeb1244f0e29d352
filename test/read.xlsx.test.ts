import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ReadError } from '../src/read/types.js';
import { readXlsx } from '../src/read/xlsx.js';
import { listZip } from '../src/read/zip.js';
import { analyseSourceFiles, fixture, memoryFile } from './helpers.js';

async function bytesOf(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(fixture('takasaki-r3', name)));
}

describe("reading a workbook: damage is the file's, anything else is a bug", () => {
  afterEach(() => {
    vi.doUnmock('../src/workbook.js');
    vi.resetModules();
  });

  test("what exceljs throws on a file's bytes is unreadable-file", async () => {
    const bytes = await bytesOf('2021-10_相談記録.xlsx');
    const damaged = bytes.slice();
    // Keep the zip's directory (so it is still taken for a workbook) but break the deflated data.
    damaged.fill(0x41, 200, 2000);
    await expect(readXlsx('damaged.xlsx', damaged, listZip(damaged))).rejects.toMatchObject({
      code: 'unreadable-file',
      detail: { reason: 'corrupt-xlsx' },
    });
  });

  test("an exception in the tool's own code while turning cells into rows is not called damage", async () => {
    vi.doMock('../src/workbook.js', () => ({
      loadWorkbookClass: () =>
        Promise.resolve(
          class {
            keywords = '';
            worksheets = [
              {
                name: 'S',
                eachRow: () => {
                  throw new TypeError('a bug in the row conversion');
                },
              },
            ];
            xlsx = { load: () => Promise.resolve() };
          },
        ),
    }));
    const { readXlsx: mockedRead } = await import('../src/read/xlsx.js');
    const bytes = await bytesOf('2021-10_相談記録.xlsx');
    const { tables } = await mockedRead('book.xlsx', bytes, listZip(bytes));
    const error = await (async () => {
      for await (const batch of tables[0]!.rows) expect(batch).toBeDefined();
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(ReadError);
  });

  test('a worksheet the workbook lists but whose part is missing makes the file unreadable, never a silently dropped sheet', async () => {
    const zip = await JSZip.loadAsync(await bytesOf('2021-10_相談記録.xlsx'));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/workbook.xml', workbook.replace('</sheets>', '<sheet name="11月" sheetId="9" r:id="rId99"/></sheets>'));
    zip.file(
      'xl/_rels/workbook.xml.rels',
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet9.xml"/></Relationships>',
      ),
    );
    const bytes = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
    const analysis = await analyseSourceFiles([memoryFile('two-sheets.xlsx', bytes)]);
    expect(analysis.inputs).toEqual([{ file: 'two-sheets.xlsx', status: 'refused', reason: 'unreadable-file' }]);
  });

  test('a workbook with more sheet data than the limit is refused before it is unpacked, saying to save it as CSV', async () => {
    const bytes = await bytesOf('2021-10_相談記録.xlsx');
    const entries = listZip(bytes).map((e) =>
      e.name === 'xl/worksheets/sheet1.xml' ? { ...e, uncompressedSize: 40 * 1024 * 1024, compressedSize: 4 * 1024 * 1024 } : e,
    );
    await expect(readXlsx('big.xlsx', bytes, entries)).rejects.toMatchObject({ code: 'unreadable-file', detail: { reason: 'too-large' } });
  });
});
