import { readdir } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { fixture, runCli } from './helpers.js';

interface Expected {
  exit: number;
  code: string;
  row: number | null;
  column: string | null;
  cell?: string | null;
  severity?: 'errors' | 'warnings';
}

/** One broken export per problem class, and exactly what validate must say of it. */
const INVALID: Record<string, Expected> = {
  'bad-date.csv': { exit: 1, code: 'invalid-date', row: 3, column: '受付日', cell: 'B3' },
  'date-without-year.csv': { exit: 1, code: 'invalid-date', row: 4, column: '受付日', cell: 'B4' },
  'unknown-value.csv': { exit: 1, code: 'unknown-value', row: 3, column: '受付方法', cell: 'C3' },
  'missing-column.csv': { exit: 1, code: 'missing-column', row: 1, column: null, cell: null },
  'missing-value.csv': { exit: 1, code: 'missing-value', row: 4, column: '主訴', cell: 'D4' },
  'conflicting-duplicate.csv': { exit: 1, code: 'duplicate-id-conflict', row: 2, column: '受付番号', cell: 'A2' },
  'future-date.csv': { exit: 1, code: 'future-date', row: 3, column: '受付日', cell: 'B3' },
  'invalid-number.csv': { exit: 1, code: 'invalid-number', row: 3, column: '参加者数', cell: 'C3' },
  'undecodable-bytes.csv': { exit: 1, code: 'encoding-error', row: 3, column: '主訴', cell: 'D3' },
  'empty.csv': { exit: 1, code: 'no-header', row: null, column: null },
  'title-rows-only.csv': { exit: 1, code: 'no-header', row: null, column: null },
  'legacy.xls': { exit: 2, code: 'unsupported-format', row: null, column: null },
  'encrypted.xlsx': { exit: 2, code: 'unsupported-format', row: null, column: null },
  'outside-service-days.csv': { exit: 0, code: 'outside-service-days', row: 3, column: '受付日', cell: 'B3', severity: 'warnings' },
};

describe('validate: one test per file in fixtures/invalid', () => {
  test('every fixture in fixtures/invalid has an expectation here', async () => {
    const files = (await readdir(fixture('invalid'))).filter((f) => f !== 'header-only.csv').sort();
    expect(files).toEqual(Object.keys(INVALID).sort());
  });

  test.each(Object.entries(INVALID))('%s', async (file, expected) => {
    const result = await runCli(['validate', fixture('invalid', file), '--format', 'json', '--lang', 'en']);
    expect(result.code).toBe(expected.exit);
    // stderr carries only the closing summary of what was read.
    expect(result.stderr).toMatch(/^Files: /u);
    const json = JSON.parse(result.stdout);
    const list = json[expected.severity ?? 'errors'];
    expect(list.length).toBeGreaterThanOrEqual(1);
    const [first] = list;
    expect(first).toMatchObject({
      code: expected.code,
      row: expected.row,
      column: expected.column,
      file: fixture('invalid', file),
      sheet: null,
    });
    if (expected.cell !== undefined) expect(first.cell).toBe(expected.cell);
    expect(json.ok).toBe(expected.exit === 0);
    expect(first.message.length).toBeGreaterThan(10);
  });

  test('the conflicting duplicate rejects both rows that share the number', async () => {
    const result = await runCli(['validate', fixture('invalid', 'conflicting-duplicate.csv'), '--format', 'json']);
    const json = JSON.parse(result.stdout);
    // One problem on two rows: one entry, with both rows.
    expect(json.errors.map((e: { row: number; rows: number[]; count: number }) => [e.row, e.count, e.rows])).toEqual([[2, 2, [2, 4]]]);
    expect(json.ledger.intake).toMatchObject({ read: 3, rejected: 2, counted: 1 });
  });

  test('a header with no data rows is not an error, and says there are no rows', async () => {
    const result = await runCli(['validate', fixture('invalid', 'header-only.csv'), '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('0 data rows');
    expect(result.stdout).toContain('There are no data rows below the header.');
  });

  test('--strict turns warnings into a failure', async () => {
    const result = await runCli(['validate', fixture('invalid', 'outside-service-days.csv'), '--strict']);
    expect(result.code).toBe(1);
  });
});

describe('validate messages', () => {
  test('Japanese by default on a Japanese system, with the row, cell and a fix', async () => {
    const result = await runCli(['validate', fixture('invalid', 'unknown-value.csv')], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('エラー 3行目 C3 「受付方法」: 「受付方法」の「電活」は設定にない値です。「電話」のことですか？');
    expect(result.stdout).toContain('エラー 1件、警告 0件、情報 0件');
  });

  test('English with --lang en', async () => {
    const result = await runCli(['validate', fixture('invalid', 'unknown-value.csv'), '--lang', 'en'], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(result.stdout).toContain('error row 3 C3 (受付方法): "電活" in "受付方法" is not in the configured list. Did you mean "電話"?');
  });

  test.each(['ja', 'en'])('no stack trace for any broken file (%s)', async (lang) => {
    const result = await runCli(['validate', fixture('invalid'), '--lang', lang]);
    expect(result.code).toBe(2);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at |Error:|node:internal/u);
  });

  test('text output is grouped by file and caps the list at --max-errors, saying how many more', async () => {
    const result = await runCli(['validate', fixture('invalid'), '--lang', 'en', '--max-errors', '3']);
    const shown = result.stdout.split('\n').filter((l) => /^\s+(error|warning|info)\b/u.test(l));
    expect(shown).toHaveLength(3);
    expect(result.stdout).toMatch(/\d+ more not shown/u);
  });

  test('the seed fixtures validate clean apart from the month exported twice and the instructions sheet', async () => {
    const result = await runCli(['validate', fixture('takasaki-r3'), '--format', 'json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.ok).toBe(true);
    expect(json.errors).toEqual([]);
    const codes = new Set(json.warnings.map((w: { code: string }) => w.code));
    expect(codes).toEqual(new Set(['duplicate-table', 'sheet-skipped']));
    expect(json.tables.filter((t: { kind: string }) => t.kind === 'intake')).toHaveLength(8);
  });

  test('a file that does not exist is exit 2 with a plain message', async () => {
    const result = await runCli(['validate', 'no-such-file.csv', '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('File or folder not found');
  });

  test('usage mistakes are exit 2', async () => {
    expect((await runCli(['validate'])).code).toBe(2);
    expect((await runCli(['validate', fixture('takasaki-r3'), '--format', 'xml'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });
});

describe('monthly refuses rejected rows', () => {
  test('exit 1, listing the errors, unless --skip-invalid', async () => {
    const refused = await runCli(['monthly', fixture('takasaki-r3'), fixture('invalid', 'bad-date.csv'), '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('The inputs have 1 error(s), so no report was made.');
    expect(refused.stderr).toContain('row 3 B3 (受付日)');
    expect(refused.stderr).toContain('--skip-invalid');
  });

  test('--skip-invalid makes the report and states how many rows were excluded', async () => {
    const result = await runCli([
      'monthly',
      fixture('takasaki-r3'),
      fixture('invalid', 'bad-date.csv'),
      '--skip-invalid',
      '--format',
      'json',
      '--lang',
      'en',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.excluded).toEqual({ rows: 1, tables: 0 });
    expect(result.stderr).toContain('1 row(s) with errors were left out');
    const md = await runCli(['monthly', fixture('takasaki-r3'), fixture('invalid', 'bad-date.csv'), '--skip-invalid', '--format', 'md']);
    expect(md.stdout).toContain('エラーのあった 1行を集計から除いています');
  });
});

describe('validate --format json stays bounded', () => {
  test('--max-errors caps each list; counts and truncated say what is left out', async () => {
    const result = await runCli(['validate', fixture('invalid'), '--format', 'json', '--max-errors', '2']);
    const json = JSON.parse(result.stdout);
    expect(json.errors).toHaveLength(2);
    const errorCodes = Object.entries(json.counts as Record<string, number>).filter(
      ([code]) => !['outside-service-days', 'no-data-rows', 'duplicate-row'].includes(code),
    );
    expect(errorCodes.length).toBeGreaterThan(2);
    expect(json.truncated.errors).toBeGreaterThan(0);
    expect(json.inputs).toHaveLength((await readdir(fixture('invalid'))).length);
  });
});
