import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { fixture, runCli, useTempDir } from './helpers.js';

let dir: string;
useTempDir('tsup-template-', (created) => (dir = created));

describe('tsup-report template', () => {
  test('writes a sheet per kind with dropdowns from the config, checks and a frozen header', async () => {
    const out = path.join(dir, 'all.xlsx');
    const result = await runCli(['template', '--out', out, '--lang', 'en']);
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '記入方法',
      '選択肢',
      '相談記録',
      '居場所開催記録',
      '生理用品配布記録',
      '支援記録',
    ]);
    const intake = workbook.getWorksheet('相談記録')!;
    expect(intake.getRow(1).values).toEqual([
      undefined,
      '受付番号',
      '受付日',
      '受付方法',
      '主訴',
      '対応結果',
      '相談者ID',
      '新規/継続',
      '年代',
      '備考',
      '相談員',
    ]);
    expect(intake.getCell('G2').dataValidation).toMatchObject({ type: 'list', formulae: ['"新規,継続"'] });
    expect(intake.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(intake.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: ["'選択肢'!$A$2:$A$6"] });
    expect(intake.getCell('D300').dataValidation).toMatchObject({ type: 'list', formulae: ["'選択肢'!$B$2:$B$9"] });
    expect(intake.getCell('B2').dataValidation).toMatchObject({ type: 'date' });
    expect(intake.getColumn(2).numFmt).toBe('yyyy/m/d');
    const lists = workbook.getWorksheet('選択肢')!;
    expect(lists.state).toBe('hidden');
    expect(lists.getColumn(1).values.slice(2)).toEqual(DEFAULT_CONFIG.channels.map((c) => c.label));
    const handouts = workbook.getWorksheet('生理用品配布記録')!;
    expect(handouts.getCell('C2').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [1] });
    expect(workbook.getWorksheet('記入方法')!.getCell('A1').value).toContain('記入方法');
  });

  test('a template filled with valid values passes validate, with nothing to warn about', async () => {
    const out = path.join(dir, 'filled.xlsx');
    expect((await runCli(['template', '--out', out])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const intake = workbook.getWorksheet('相談記録')!;
    intake.getRow(2).values = [
      'T-1',
      new Date(Date.UTC(2021, 8, 1)),
      '電話',
      '家庭問題',
      '助言',
      'C-1',
      '新規',
      '30代',
      '架空のメモ',
      '相談員A',
    ];
    intake.getRow(3).values = ['T-2', new Date(Date.UTC(2021, 8, 2)), 'メール', '生活問題', '継続'];
    workbook.getWorksheet('居場所開催記録')!.getRow(2).values = [new Date(Date.UTC(2021, 8, 11)), 'litoko', 3];
    workbook.getWorksheet('生理用品配布記録')!.getRow(2).values = [new Date(Date.UTC(2021, 8, 3)), '倉渕支所', 5];
    const support = workbook.getWorksheet('支援記録')!;
    support.getRow(2).values = [new Date(Date.UTC(2021, 8, 6)), '同行支援', '福祉事務所', 'T-1', 'C-1', '架空のメモ'];
    support.getRow(3).values = [new Date(Date.UTC(2021, 8, 7)), '他機関との調整'];
    await workbook.xlsx.writeFile(out);

    const result = await runCli(['validate', out, '--format', 'json', '--strict']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.errors).toEqual([]);
    expect(json.warnings).toEqual([]);
    expect(json.ledger.intake.counted).toBe(2);
    expect(json.ledger.ibasho.counted).toBe(1);
    expect(json.ledger.distribution.counted).toBe(1);
    expect(json.ledger.support.counted).toBe(2);
  });

  test('the 記入例 row left in a filled template is not counted, only noted as information: the same counts as without it', async () => {
    const fill = async (name: string, keepExample: boolean): Promise<string> => {
      const out = path.join(dir, name);
      expect((await runCli(['template', '--out', out])).code).toBe(0);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      const sheets = ['相談記録', '居場所開催記録', '生理用品配布記録', '支援記録'].map((sheet) => workbook.getWorksheet(sheet)!);
      if (!keepExample) for (const sheet of sheets) sheet.spliceRows(2, 1);
      const [intake, ibasho, handouts, support] = sheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];
      const first = keepExample ? 3 : 2;
      intake.getRow(first).values = ['T-1', new Date(Date.UTC(2021, 8, 1)), '電話', '家庭問題', '助言'];
      intake.getRow(first + 1).values = ['T-2', new Date(Date.UTC(2021, 8, 2)), 'メール', '生活問題', '継続'];
      ibasho.getRow(first).values = [new Date(Date.UTC(2021, 8, 11)), 'litoko', 3];
      handouts.getRow(first).values = [new Date(Date.UTC(2021, 8, 3)), '倉渕支所', 5];
      support.getRow(first).values = [new Date(Date.UTC(2021, 8, 6)), '訪問支援', '警察'];
      await workbook.xlsx.writeFile(out);
      return out;
    };
    const withExample = await runCli(['validate', await fill('kept.xlsx', true), '--format', 'json', '--strict']);
    const without = await runCli(['validate', await fill('removed.xlsx', false), '--format', 'json', '--strict']);
    expect(withExample.code).toBe(0);
    const kept = JSON.parse(withExample.stdout);
    const removed = JSON.parse(without.stdout);
    expect(kept.errors).toEqual([]);
    // Said, as information, once per sheet: a row passed over is never silent.
    expect(kept.warnings.map((w: { code: string; row: number }) => [w.code, w.row])).toEqual([
      ['example-row', 2],
      ['example-row', 2],
      ['example-row', 2],
      ['example-row', 2],
    ]);
    for (const kind of ['intake', 'ibasho', 'distribution', 'support']) {
      expect(kept.ledger[kind].counted).toBe(removed.ledger[kind].counted);
      // The example row is in the ledger with the blank rows, so every row read is accounted for.
      expect(kept.ledger[kind].blank).toBe(removed.ledger[kind].blank + 1);
    }
    expect(kept.ledger.intake.counted).toBe(2);
    const monthly = async (file: string): Promise<unknown> =>
      JSON.parse((await runCli(['monthly', file, '--format', 'json', '--month', '2021-09'])).stdout).intake;
    expect(await monthly(path.join(dir, 'kept.xlsx'))).toEqual(await monthly(path.join(dir, 'removed.xlsx')));
  });

  test('a template with only its example row has no data: a warning that --strict fails', async () => {
    const out = path.join(dir, 'unfilled.xlsx');
    expect((await runCli(['template', '--out', out, '--kind', 'intake'])).code).toBe(0);
    const result = await runCli(['validate', out, '--format', 'json', '--strict']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.warnings.map((w: { code: string }) => w.code)).toEqual(['no-data-rows', 'example-row']);
    expect(json.ledger.intake.counted).toBe(0);
  });

  test('--kind writes one kind; an existing file is never replaced', async () => {
    const out = path.join(dir, 'ibasho.xlsx');
    expect((await runCli(['template', '--kind', 'ibasho', '--out', out])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['記入方法', '選択肢', '居場所開催記録']);
    const before = await readFile(out);
    const again = await runCli(['template', '--out', out, '--lang', 'en']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(await readFile(out)).toEqual(before);
    expect((await runCli(['template', '--kind', 'visits', '--out', path.join(dir, 'x.xlsx')])).code).toBe(2);
    expect((await runCli(['template', '--out', path.join(dir, 'x.csv'), '--lang', 'en'])).stderr).toContain('--out FILE.xlsx');
  });

  test('--kind support: a 支援記録 sheet with dropdowns from supportTypes and agencies; filled, it passes validate --strict', async () => {
    const config = fixture('full-year', 'tsup-report.config.json');
    const own = path.join(dir, 'support-config.json');
    const supportTypes = [{ label: '同行' }, { label: 'アウトリーチ', aliases: ['訪問'] }];
    const agencies = [{ label: '市役所' }, { label: '学校' }, { label: '病院' }];
    await writeFile(own, JSON.stringify({ ...JSON.parse(await readFile(config, 'utf8')), supportTypes, agencies }));
    const out = path.join(dir, 'support.xlsx');
    expect((await runCli(['template', '--kind', 'support', '--config', own, '--out', out])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['記入方法', '選択肢', '支援記録']);
    const sheet = workbook.getWorksheet('支援記録')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '実施日', '支援内容', '連携先', '受付番号', '相談者ID', '備考']);
    expect(sheet.getCell('A2').dataValidation).toMatchObject({ type: 'date' });
    // The dropdowns point at the list sheet's columns that hold exactly the config's labels.
    const lists = workbook.getWorksheet('選択肢')!;
    const listOf = (address: string): unknown[] => {
      const formula = (sheet.getCell(address).dataValidation as { formulae: string[] }).formulae[0]!;
      const [, column, from, to] = /^'選択肢'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/u.exec(formula)!;
      return lists.getColumn(column!).values.slice(Number(from), Number(to) + 1);
    };
    expect(listOf('B2')).toEqual(supportTypes.map((t) => t.label));
    expect(listOf('C300')).toEqual(agencies.map((a) => a.label));
    expect(sheet.getCell('D2').dataValidation).toBeUndefined();
    expect(workbook.getWorksheet('記入方法')!.getColumn(1).values.join('\n')).toContain('■ 支援記録シート');

    sheet.getRow(3).values = [new Date(Date.UTC(2022, 4, 9)), 'アウトリーチ', '病院', '', 'C-1', 'メモ'];
    sheet.getRow(4).values = [new Date(Date.UTC(2022, 4, 10)), '訪問'];
    await workbook.xlsx.writeFile(out);
    const result = await runCli(['validate', out, '--config', own, '--format', 'json', '--strict']);
    const json = JSON.parse(result.stdout);
    expect(json.errors).toEqual([]);
    expect(json.warnings.map((w: { code: string }) => w.code)).toEqual(['example-row']);
    expect(json.tables.map((t: { kind: string }) => t.kind)).toEqual(['support']);
    expect(json.ledger.support).toMatchObject({ read: 3, blank: 1, counted: 2 });
  });

  test('labels come from the config in use', async () => {
    const out = path.join(dir, 'other.xlsx');
    expect((await runCli(['template', '--config', fixture('full-year', 'tsup-report.config.json'), '--out', out])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.getWorksheet('選択肢')!.getColumn(1).values.slice(2)).toEqual(['電話', 'LINE', '面談', '訪問']);
  });
});

describe('tsup-report init', () => {
  test('writes the default config the tool uses, and never overwrites it', async () => {
    const cwd = await mkdtemp(path.join(dir, 'init-'));
    const first = await runCli(['init', '--lang', 'en'], { cwd });
    expect(first.code).toBe(0);
    const file = path.join(cwd, 'tsup-report.config.json');
    // Beside the default, "$schema" for the editor (test/cli.init.test.ts), which the loader ignores.
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ $schema: expect.stringMatching(/^file:/u), ...DEFAULT_CONFIG });
    await writeFile(file, JSON.stringify({ ...DEFAULT_CONFIG, program: '編集した事業名' }));
    const second = await runCli(['init', '--lang', 'en'], { cwd });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('already exists');
    expect(JSON.parse(await readFile(file, 'utf8')).program).toBe('編集した事業名');
    const report = await runCli(['monthly', fixture('takasaki-r3'), '--format', 'json'], { cwd });
    expect(JSON.parse(report.stdout).program).toBe('編集した事業名');
  });

  test('every command has --help with examples', async () => {
    for (const command of ['validate', 'monthly', 'annual', 'template', 'init']) {
      const result = await runCli([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Examples?:\n\s+tsup-report /u);
    }
  });
});

describe('template with configured attributes (SPEC §14)', () => {
  const attributes = [
    {
      id: 'ageGroup',
      header: '年代',
      aliases: ['年齢層'],
      labels: [
        { label: '20代以下', range: [0, 29] },
        { label: '30代', aliases: ['30歳代'], range: [30, 39] },
        { label: '40代以上', range: [40, 130] },
      ],
      unknownLabel: '不明',
    },
    { id: 'dv', header: 'DV', labels: [{ label: '該当', aliases: ['○'] }], unknownLabel: '非該当' },
  ];

  test('the intake sheet has a column per attribute with its labels (and unknown label) as a dropdown, 年代 once', async () => {
    const config = path.join(dir, 'attributes.json');
    await writeFile(config, JSON.stringify({ attributes }));
    const out = path.join(dir, 'attributes.xlsx');
    expect((await runCli(['template', '--out', out, '--config', config])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const intake = workbook.getWorksheet('相談記録')!;
    const headers = (intake.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '受付番号',
      '受付日',
      '受付方法',
      '主訴',
      '対応結果',
      '相談者ID',
      '新規/継続',
      '年代',
      'DV',
      '備考',
      '相談員',
    ]);
    const lists = workbook.getWorksheet('選択肢')!;
    for (const attribute of attributes) {
      const letter = String.fromCharCode(65 + headers.indexOf(attribute.header));
      const validation = intake.getCell(`${letter}2`).dataValidation;
      expect(validation).toMatchObject({ type: 'list' });
      // The dropdown's range on the list sheet holds the labels, then the unknown label.
      const [, column, first, last] = /^'選択肢'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/u.exec(validation.formulae![0] as string)!;
      const values = [];
      for (let row = Number(first); row <= Number(last); row++) values.push(lists.getCell(`${column}${row}`).value);
      expect(values).toEqual([...attribute.labels.map((l) => l.label), attribute.unknownLabel]);
    }

    // Filled from the dropdowns (and an age typed as a number), the template validates clean, its example row passed over.
    intake.getRow(3).values = ['T-1', new Date(Date.UTC(2021, 8, 1)), '電話', '家庭問題', '助言', '', '', '不明', '非該当'];
    intake.getRow(4).values = ['T-2', new Date(Date.UTC(2021, 8, 2)), '電話', '家庭問題', '助言', '', '', 34, '該当'];
    await workbook.xlsx.writeFile(out);
    const result = await runCli(['validate', out, '--config', config, '--format', 'json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.errors).toEqual([]);
    // The other sheets are empty; the intake sheet says nothing of its attribute values.
    // One 記入例 row per sheet: 相談記録, 居場所開催記録, 生理用品配布記録, 支援記録.
    expect(json.warnings.filter((w: { code: string }) => w.code !== 'no-data-rows').map((w: { code: string }) => w.code)).toEqual([
      'example-row',
      'example-row',
      'example-row',
      'example-row',
    ]);
    expect(json.ledger.intake.counted).toBe(2);
  });
});
