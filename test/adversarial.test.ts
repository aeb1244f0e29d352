import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixture, runCli, useTempDir } from './helpers.js';

interface Outcome {
  exit: 0 | 1 | 2;
  /** The first problem reported (errors first, then warnings and info); null when there is none. */
  code: string | null;
  row?: number | null;
  column?: string | null;
  /** Records counted, over all kinds. */
  counted?: number;
}

/** Every file of fixtures/adversarial and exactly what `validate` must make of it. */
const CORPUS: Record<string, Outcome> = {
  'xlsx-truncated.xlsx': { exit: 2, code: 'unreadable-file', row: null },
  'xlsx-corrupted-bytes.xlsx': { exit: 2, code: 'unreadable-file', row: null },
  // Pins the stall: a deflate stream that never ends made the former streaming reader wait forever.
  'xlsx-deflate-never-ends.xlsx': { exit: 2, code: 'unreadable-file', row: null },
  'zip-not-a-workbook.xlsx': { exit: 2, code: 'unreadable-file', row: null },
  'zip-bomb.xlsx': { exit: 2, code: 'unreadable-file', row: null },
  'xlsx-encrypted.xlsx': { exit: 2, code: 'unsupported-format', row: null },
  'legacy-binary.xls': { exit: 2, code: 'unsupported-format', row: null },
  'text-saved-as.xlsx': { exit: 2, code: 'unreadable-file', row: null },
  'pdf-document.pdf': { exit: 2, code: 'unsupported-format', row: null },
  'workbook-named.csv': { exit: 0, code: null, counted: 40 },
  'macro-workbook.xlsm': { exit: 0, code: null, counted: 40 },
  'empty.csv': { exit: 1, code: 'no-header', row: null },
  'bom-only.csv': { exit: 1, code: 'no-header', row: null },
  'whitespace-only.csv': { exit: 1, code: 'no-header', row: null },
  'header-only.csv': { exit: 0, code: 'no-data-rows', row: 1, counted: 0 },
  'title-rows-only.csv': { exit: 1, code: 'no-header', row: null },
  'header-in-row-11.csv': { exit: 1, code: 'no-header', row: null },
  'header-ambiguous.csv': { exit: 1, code: 'no-header', row: 1 },
  'header-duplicate-names.csv': { exit: 0, code: 'extra-column', row: 1, column: '受付日', counted: 1 },
  'header-fullwidth-spaced.csv': { exit: 0, code: 'extra-column', row: 1, column: 'ｕｋｅ', counted: 1 },
  'header-300-columns.csv': { exit: 0, code: 'extra-column', row: 1, column: '列1', counted: 1 },
  'title-only-sheet.xlsx': { exit: 1, code: 'no-header', row: null },
  'mixed-encodings.csv': { exit: 1, code: 'encoding-error', row: 3, column: '受付方法', counted: 1 },
  'invalid-utf8-with-bom.csv': { exit: 1, code: 'encoding-error', row: 3, column: '受付方法', counted: 1 },
  'cp932-nec-special-chars.csv': { exit: 0, code: null, counted: 2 },
  'utf16le-without-bom.csv': { exit: 0, code: null, counted: 1 },
  'utf16be-with-bom.csv': { exit: 0, code: null, counted: 1 },
  'binary-garbage.csv': { exit: 2, code: 'unreadable-file' },
  'png-renamed.csv': { exit: 2, code: 'unreadable-file' },
  'quote-never-closed.csv': { exit: 2, code: 'unreadable-file' },
  'ragged-rows.csv': { exit: 1, code: 'missing-value', row: 2, column: '主訴', counted: 1 },
  'quoted-newlines.csv': { exit: 0, code: null, counted: 2 },
  'mixed-line-endings.csv': { exit: 0, code: null, counted: 3 },
  'cell-100000-chars-note.csv': { exit: 0, code: null, counted: 1 },
  'cell-100000-chars-coded.csv': { exit: 1, code: 'unknown-value', row: 2, column: '受付方法', counted: 0 },
  'control-characters.csv': { exit: 0, code: null, counted: 1 },
  'tab-separated.tsv': { exit: 0, code: null, counted: 1 },
  'date-1900-leap-bug.csv': { exit: 1, code: 'invalid-date', row: 2, column: '受付日', counted: 0 },
  'date-feb29-non-leap.csv': { exit: 1, code: 'invalid-date', row: 2, column: '受付日', counted: 0 },
  'date-era-boundary.csv': { exit: 0, code: null, counted: 2 },
  'date-era-out-of-range.csv': { exit: 1, code: 'invalid-date', row: 2, column: '受付日', counted: 0 },
  'date-future.csv': { exit: 1, code: 'future-date', row: 2, column: '受付日', counted: 0 },
  'date-excel-serials.csv': { exit: 0, code: null, counted: 2 },
  'date-1904-system.xlsx': { exit: 0, code: null, counted: 1 },
  'count-fullwidth-commas.csv': { exit: 0, code: null, counted: 1 },
  'count-negative.csv': { exit: 1, code: 'invalid-number', row: 2, column: '配布数', counted: 0 },
  'count-nan-like.csv': { exit: 1, code: 'invalid-number', row: 2, column: '配布数', counted: 0 },
  'count-number-typed-as-text.xlsx': { exit: 0, code: null, counted: 2 },
  'formula-without-cached-value.xlsx': { exit: 1, code: 'invalid-date', row: 2, column: '受付日', counted: 0 },
  'error-cell.xlsx': { exit: 1, code: 'unknown-value', row: 2, column: '主訴', counted: 0 },
  // A 受付日 merged down over two rows dates both (SPEC §2).
  'merged-cells-over-data.xlsx': { exit: 0, code: null, counted: 2 },
  'hidden-sheet.xlsx': { exit: 0, code: 'sheet-skipped', row: null, counted: 1 },
  'formula-injection-values.xlsx': { exit: 1, code: 'unknown-value', row: 2, column: '受付方法', counted: 0 },
};

const STACK_TRACE = /\n\s+at |node:internal|TypeError|RangeError|ReferenceError/u;

async function validateJson(file: string): Promise<{ code: number; json: any; stderr: string }> {
  const result = await runCli(['validate', file, '--format', 'json', '--lang', 'en']);
  expect(result.stderr).not.toMatch(STACK_TRACE);
  return { code: result.code, json: JSON.parse(result.stdout), stderr: result.stderr };
}

describe('the adversarial corpus (fixtures/adversarial)', () => {
  test('has at least 40 cases, each with an expectation here', async () => {
    const files = (await readdir(fixture('adversarial'))).sort();
    expect(files).toEqual(Object.keys(CORPUS).sort());
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  test.each(Object.entries(CORPUS))('%s', async (file, expected) => {
    const { code, json } = await validateJson(fixture('adversarial', file));
    expect(code).toBe(expected.exit);
    const first = [...json.errors, ...json.warnings][0] ?? null;
    expect(first?.code ?? null).toBe(expected.code);
    if (expected.row !== undefined) expect(first.row).toBe(expected.row);
    if (expected.column !== undefined) expect(first.column).toBe(expected.column);
    const ledgers = Object.values(json.ledger) as Record<string, number>[];
    for (const l of ledgers) expect(l.read).toBe(l.blank! + l.totalLine! + l.duplicate! + l.rejected! + l.outOfPeriod! + l.counted!);
    if (expected.counted !== undefined) expect(ledgers.reduce((n, l) => n + l.counted!, 0)).toBe(expected.counted);
  });

  test('a zip bomb is refused from its directory, saying why', async () => {
    const { json } = await validateJson(fixture('adversarial', 'zip-bomb.xlsx'));
    expect(json.errors[0].message).toContain('too large');
  });

  test('a 100,000-character value is echoed shortened; a 100,000-character note not at all', async () => {
    const coded = await validateJson(fixture('adversarial', 'cell-100000-chars-coded.csv'));
    expect(Array.from(coded.json.errors[0].value as string).length).toBeLessThanOrEqual(41);
    const note = await runCli(['validate', fixture('adversarial', 'cell-100000-chars-note.csv'), '--format', 'json']);
    expect(note.stdout).not.toContain('ああああ');
  });

  test('the era boundary: 平成31年4月30日 and 令和元年5月1日 are 2019-04-30 and 2019-05-01', async () => {
    const result = await runCli(['monthly', fixture('adversarial', 'date-era-boundary.csv'), '--format', 'json']);
    const json = JSON.parse(result.stdout);
    expect(json.intake.months.map((m: any) => [m.month, m.total])).toEqual([
      ['2019-04', 1],
      ['2019-05', 1],
    ]);
    expect(json.fiscalYearLabel).toBe('令和元年度');
  });

  test('full-width digits and commas in a count: １,２３４ is 1234', async () => {
    const json = JSON.parse((await runCli(['annual', fixture('adversarial', 'count-fullwidth-commas.csv'), '--format', 'json'])).stdout);
    expect(json.distribution.count).toBe(1234);
  });

  test('a whole folder of hostile files: every problem listed, exit 2, no crash', async () => {
    const result = await runCli(['validate', fixture('adversarial'), '--lang', 'ja']);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stderr).toMatch(/ファイル: 読んだ \d+件/u);
    expect(result.stdout).not.toMatch(STACK_TRACE);
    expect(result.stdout).toMatch(/エラー \d+件、警告 \d+件/u);
  });

  test('an empty folder is an unreadable input', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tsup-empty-'));
    try {
      const { code, json } = await validateJson(dir);
      expect(code).toBe(2);
      expect(json.errors[0]).toMatchObject({ code: 'unreadable-file', file: dir });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(process.env.TSUP_SLOW === '1')('large inputs (TSUP_SLOW=1 npm run test:slow)', () => {
  let dir: string;
  useTempDir('tsup-huge-', (created) => (dir = created));

  test('a CSV of 1,048,576 rows is read to the last row', async () => {
    const file = path.join(dir, 'huge.csv');
    const lines = ['受付番号,受付日,受付方法,主訴,対応結果'];
    for (let i = 1; i < 1_048_576; i++) lines.push(`${i},2021/9/1,電話,家庭問題,助言`);
    await writeFile(file, `${lines.join('\n')}\n`);
    const { code, json } = await validateJson(file);
    expect(code).toBe(0);
    expect(json.ledger.intake.counted).toBe(1_048_575);
  }, 900_000);

  test('a workbook beyond 32 MB of sheet data is refused plainly, with the way out (CSV)', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const file = path.join(dir, 'huge.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const sheet = writer.addWorksheet('相談記録');
    sheet.addRow(['受付番号', '受付日', '受付方法', '主訴', '対応結果']).commit();
    for (let i = 1; i < 300_000; i++) sheet.addRow([i, '2021/9/1', '電話', '家庭問題', '助言']).commit();
    sheet.commit();
    await writer.commit();
    const { code, json } = await validateJson(file);
    expect(code).toBe(2);
    expect(json.errors[0]).toMatchObject({ code: 'unreadable-file' });
    expect(json.errors[0].message).toContain('CSV UTF-8');
  }, 900_000);
});
