import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli, useTempDir } from './helpers.js';

/** Planted in every free-text and personal column; it must never come out of the tool. */
const SENTINEL = 'SENTINEL極秘メモ山田花子';

/** 相談者ID is a pseudonym never output; 年代 and 居住地 are attributes in CONFIG (SPEC §14): a value matching no label is never echoed. */
const INTAKE = ['受付番号', '受付日', '受付方法', '主訴', '対応結果', '年代', '備考', '相談員', '自由記述', '相談者ID', '居住地'];
const intakeRows = (prefix: string): string[][] => [
  // Counted: its 相談者ID makes people figures; its 年代 matches no band (counted as 不明).
  [`${prefix}-5`, '2021/9/6', '電話', '家庭問題', '助言', SENTINEL, SENTINEL, SENTINEL, SENTINEL, SENTINEL, ''],
  [`${prefix}-1`, '2021/9/1', '電話', '家庭問題', '助言', SENTINEL, SENTINEL, SENTINEL, SENTINEL, SENTINEL, ''],
  // 居住地 has no unknown label: the value is an error, still never echoed.
  [`${prefix}-2`, '2021/9/2', '来所', '生活問題', '継続', SENTINEL, `${SENTINEL}\n二行目`, SENTINEL, SENTINEL, SENTINEL, SENTINEL],
  // A row with errors: the error paths must not quote the free text beside them either.
  [`${prefix}-3`, '2021/2/30', '電活', '', '助言', SENTINEL, SENTINEL, SENTINEL, SENTINEL, SENTINEL, SENTINEL],
  // The same number with other content: a conflict, reported with both places.
  [`${prefix}-1`, '2021/9/3', '電話', '家庭問題', '助言', SENTINEL, SENTINEL, SENTINEL, SENTINEL, SENTINEL, '高崎市内'],
];
/** 支援記録 (SPEC §14): its 相談者ID and 備考 are as confidential as the consultations'. */
const SUPPORT = ['実施日', '支援内容', '連携先', '受付番号', '相談者ID', '備考', '支援の詳細'];
const supportRows = (prefix: string): string[][] => [
  ['2021/9/5', '同行支援', '福祉事務所', `${prefix}-1`, SENTINEL, SENTINEL, SENTINEL],
  ['2021/9/6', '訪問', '', `${prefix}-1`, SENTINEL, `${SENTINEL}\n二行目`, SENTINEL],
  // Errors in every coded and date column, beside the confidential cells.
  ['2021/2/30', '送迎', '福祉事務署', `${prefix}-2`, SENTINEL, SENTINEL, SENTINEL],
  ['', '', '', '', SENTINEL, SENTINEL, SENTINEL],
];
const csv = (rows: string[][], delimiter = ','): string =>
  `${rows.map((r) => r.map((c) => (/[",\n]/u.test(c) ? `"${c.replace(/"/gu, '""')}"` : c)).join(delimiter)).join('\r\n')}\r\n`;

let dir: string;
let CONFIG: string[] = [];
useTempDir('tsup-privacy-', (created) => (dir = created));
beforeAll(async () => {
  const inputs = path.join(dir, 'inputs');
  await import('node:fs/promises').then((fs) => fs.mkdir(inputs));
  const attributes = [
    { id: 'ageGroup', header: '年代', labels: [{ label: '20代', range: [20, 29] }], unknownLabel: '不明' },
    { id: 'area', header: '居住地', labels: [{ label: '高崎市内' }, { label: '市外' }] },
  ];
  await writeFile(path.join(dir, 'config.json'), JSON.stringify({ attributes }));
  CONFIG = ['--config', path.join(dir, 'config.json')];
  await writeFile(path.join(inputs, 'a-utf8.csv'), csv([INTAKE, ...intakeRows('U')]));
  await writeFile(path.join(inputs, 'b-cp932.csv'), iconv.encode(csv([INTAKE, ...intakeRows('C')]), 'cp932'));
  await writeFile(
    path.join(inputs, 'c-utf16.txt'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv([INTAKE, ...intakeRows('T')], '\t'), 'utf16le')]),
  );
  await writeFile(path.join(inputs, 'e-support.csv'), csv([SUPPORT, ...supportRows('S')]));
  const workbook = new ExcelJS.Workbook();
  const intake = workbook.addWorksheet('相談記録');
  intake.addRow(['令和3年度 相談記録']);
  intake.addRow(INTAKE);
  for (const r of intakeRows('X')) intake.addRow(r);
  const gatherings = workbook.addWorksheet('居場所');
  gatherings.addRow(['開催日', '実施団体', '参加者数', '参加者氏名']);
  gatherings.addRow(['2021/9/11', 'litoko', 2, SENTINEL]);
  gatherings.addRow(['2021/9/12', 'litoko', '二人', SENTINEL]);
  const handouts = workbook.addWorksheet('配布');
  handouts.addRow(['配布日', '配布場所', '配布数', '受取者メモ']);
  handouts.addRow(['2021/9/13', '本所', 3, SENTINEL]);
  const support = workbook.addWorksheet('支援記録');
  support.addRow(SUPPORT);
  for (const r of supportRows('W')) support.addRow(r);
  // A sheet with no header: skipped with a warning that names the sheet, never its cells.
  workbook.addWorksheet('メモ').addRow([SENTINEL]);
  await workbook.xlsx.writeFile(path.join(inputs, 'd-book.xlsx'));
});

async function expectNoSentinel(text: string, where: string): Promise<void> {
  expect(text.includes(SENTINEL), `${where} leaks the sentinel`).toBe(false);
  expect(text.includes('山田花子'), `${where} leaks part of the sentinel`).toBe(false);
}

async function xlsxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const parts = await Promise.all(Object.values(zip.files).map((f) => f.async('string')));
  return parts.join('\n');
}

describe('confidentiality: free-text and personal columns never leave the tool', () => {
  test.each(['text', 'json'])('validate --format %s', async (format) => {
    const result = await runCli(['validate', path.join(dir, 'inputs'), ...CONFIG, '--format', format, '--lang', 'ja']);
    expect(result.code).toBe(1);
    await expectNoSentinel(result.stdout + result.stderr, `validate ${format}`);
    if (format === 'json') {
      const json = JSON.parse(result.stdout);
      // The inputs really were read, with their errors, so the test sees the error paths.
      expect(json.errors.map((e: { code: string }) => e.code)).toEqual(
        expect.arrayContaining(['invalid-date', 'unknown-value', 'missing-value', 'duplicate-id-conflict', 'invalid-number']),
      );
      // The attribute paths were taken: a 年代 counted as 不明, a 居住地 refused.
      expect(json.warnings.map((w: { code: string }) => w.code)).toContain('attribute-unknown');
      expect(json.errors.some((e: { code: string; column: string }) => e.code === 'unknown-value' && e.column === '居住地')).toBe(true);
      expect(json.tables.filter((t: { kind: string }) => t.kind === 'support')).toHaveLength(2);
      expect(json.ledger.support).toMatchObject({ read: 8, rejected: 4 });
    }
  });

  test('a refused report lists its errors without the free text', async () => {
    const result = await runCli(['monthly', path.join(dir, 'inputs'), ...CONFIG, '--lang', 'en']);
    expect(result.code).toBe(1);
    await expectNoSentinel(result.stdout + result.stderr, 'refused monthly');
  });

  test.each([
    ['monthly', 'table'],
    ['monthly', 'md'],
    ['monthly', 'json'],
    ['annual', 'table'],
    ['annual', 'md'],
    ['annual', 'json'],
  ])('%s --format %s', async (command, format) => {
    const result = await runCli([command, path.join(dir, 'inputs'), ...CONFIG, '--skip-invalid', '--format', format]);
    expect(result.code).toBe(0);
    await expectNoSentinel(result.stdout + result.stderr, `${command} ${format}`);
    expect(result.stdout).toContain('令和3年度');
    if (format === 'json') {
      const json = JSON.parse(result.stdout);
      expect(json.ledger.support.counted).toBe(4);
      // The counted consultation's 相談者ID made people figures, and 年代 a table: the values were read, and stayed in.
      expect(json.intake.people.total.clients).toBe(1);
      expect(json.intake.attributes[0].total['不明']).toBeGreaterThan(0);
    }
  });

  test.each(['monthly', 'annual'])('%s --format xlsx, every part of the zip', async (command) => {
    const out = path.join(dir, `${command}.xlsx`);
    const result = await runCli([command, path.join(dir, 'inputs'), ...CONFIG, '--skip-invalid', '--out', out]);
    expect(result.code).toBe(0);
    await expectNoSentinel(result.stdout + result.stderr, `${command} xlsx messages`);
    await expectNoSentinel(await xlsxText(out), `${command} xlsx`);
  });
});
