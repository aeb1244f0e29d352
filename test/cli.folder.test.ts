import { cp, copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { fixture, runCli, useTempDir } from './helpers.js';

const LIVED_IN = fixture('lived-in');
const at = (name: string): string => path.join(LIVED_IN, name);

describe('a logs folder as staff keep it (fixtures/lived-in)', () => {
  let json: any;
  let stderr: string;
  beforeAll(async () => {
    const result = await runCli(['annual', LIVED_IN, '--format', 'json', '--lang', 'ja']);
    expect(result.code).toBe(0);
    json = JSON.parse(result.stdout);
    stderr = result.stderr;
  });

  test("gives the seed's figures exactly: nothing counted twice, nothing lost", () => {
    expect(json.intake.total.total).toBe(135);
    expect([json.ibasho.sessions, json.ibasho.participants]).toEqual([11, 17]);
    expect(json.distribution.count).toBe(313);
    expect(json.targets[0]).toMatchObject({ actual: 11, result: 13, projected: true, achievement: 0.65, evaluation: '概ね達成' });
  });

  test('accounts for every file in inputs: read, duplicate, skipped and why', () => {
    expect(json.inputs).toEqual([
      { file: at('.DS_Store'), status: 'skipped', reason: 'hidden' },
      { file: at('2021-08_相談記録.csv'), status: 'read' },
      { file: at('2021-09_相談記録.csv'), status: 'read' },
      { file: at('2021-10_相談記録.xlsx'), status: 'read' },
      { file: at('2021-12_相談記録.xlsx'), status: 'read' },
      { file: at('2021年11月/2021-11_相談記録.txt'), status: 'read' },
      { file: at('2022-01_相談記録.csv'), status: 'read' },
      { file: at('2022-01_相談記録_再出力.csv'), status: 'read' },
      { file: at('2022-02_月次.xlsx'), status: 'read' },
      { file: at('2022-02_検証.xlsx'), status: 'skipped', reason: 'own-output' },
      { file: at('Thumbs.db'), status: 'skipped', reason: 'system' },
      { file: at('desktop.ini'), status: 'skipped', reason: 'system' },
      { file: at('~$2022-02_月次.xlsx'), status: 'skipped', reason: 'lock-file' },
      { file: at('事業計画.pdf'), status: 'skipped', reason: 'other-format' },
      { file: at('実績報告.xlsx'), status: 'skipped', reason: 'own-output' },
      { file: at('引継ぎメモ.txt'), status: 'skipped', reason: 'not-a-log' },
      { file: at('生理用品配布記録.csv'), status: 'read' },
      { file: at('生理用品配布記録 - コピー.csv'), status: 'duplicate', duplicateOf: at('生理用品配布記録.csv') },
      { file: at('累計表.csv'), status: 'skipped', reason: 'own-output' },
    ]);
  });

  test('names the copy, the outputs and the open workbook on stderr', () => {
    expect(stderr).toContain(`重複: ${at('生理用品配布記録 - コピー.csv')}`);
    for (const output of ['2022-02_検証.xlsx', '実績報告.xlsx', '累計表.csv']) expect(stderr).toContain(`読み飛ばし: ${at(output)}`);
    expect(stderr).toContain(`${at('2022-02_月次.xlsx')} は今 Excel で開かれています`);
    expect(stderr).toContain(`${at('2022-01_相談記録.csv')} と同じ記録です`);
    expect(stderr).toMatch(/ファイル: 読んだ 9件、読み飛ばし 9件、重複 1件、読めない 0件/u);
    expect(stderr).toContain('設定: 組み込みの既定');
  });

  test('validate passes, with the accounting as warnings and info', async () => {
    const result = await runCli(['validate', LIVED_IN, '--format', 'json']);
    expect(result.code).toBe(0);
    const codes = new Set(JSON.parse(result.stdout).warnings.map((w: { code: string }) => w.code));
    expect(codes).toEqual(new Set(['skipped', 'duplicate-file', 'duplicate-table', 'open-in-excel', 'not-a-log', 'sheet-skipped']));
  });
});

describe('a month the tool cannot read stops the report', () => {
  let dir: string;
  useTempDir('tsup-lived-', (created) => (dir = created));

  test.each([
    ['2022-03_相談記録.xls', fixture('real-world', 'lo_era_short_R8-04.xls'), 'Excel ブック (.xlsx)'],
    ['2022-03_相談記録.ods', fixture('real-world', 'lo_era_short_R8-04.ods'), 'Excel 2007-365 (.xlsx)'],
  ])('an %s among the logs: exit 2, naming it and the fix; no report', async (name, source, fix) => {
    const folder = path.join(dir, name.replace(/\W/gu, ''));
    await cp(LIVED_IN, folder, { recursive: true });
    await copyFile(source, path.join(folder, name));
    const result = await runCli(['annual', folder, '--format', 'json', '--lang', 'ja']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(path.join(folder, name));
    expect(result.stderr).toContain(fix);
    expect(result.stderr).not.toContain('--skip-invalid');
  });

  test('a subfolder is read, and an empty one changes nothing', async () => {
    const folder = path.join(dir, 'nested');
    await mkdir(path.join(folder, '2021年度', '9月'), { recursive: true });
    await mkdir(path.join(folder, '空のフォルダ'), { recursive: true });
    await copyFile(fixture('takasaki-r3', '2021-09_相談記録.csv'), path.join(folder, '2021年度', '9月', '2021-09.csv'));
    await writeFile(path.join(folder, '2021年度', 'README.md'), '# 記録の置き場所\n');
    const result = await runCli(['monthly', folder, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).intake.total.total).toBe(18);
  });
});

describe('the config beside the logs', () => {
  let dir: string;
  useTempDir('tsup-config-', (created) => (dir = created));

  test('a tsup-report.config.json in the logs folder is used, and the summary says so', async () => {
    const logs = path.join(dir, 'logs');
    await mkdir(logs, { recursive: true });
    await copyFile(fixture('takasaki-r3', '2021-09_相談記録.csv'), path.join(logs, '2021-09.csv'));
    await writeFile(path.join(logs, 'tsup-report.config.json'), JSON.stringify({ program: '別の事業', programStart: null }));
    const result = await runCli(['monthly', logs, '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.program).toBe('別の事業');
    expect(json.startMonth).toBe('2021-04');
    expect(json.inputs).toContainEqual({ file: path.join(logs, 'tsup-report.config.json'), status: 'config' });
    expect(result.stderr).toContain(`Config: ${path.join(logs, 'tsup-report.config.json')}`);
  });

  test('one in the working folder wins, and the one beside the logs is named as not in use', async () => {
    const logs = path.join(dir, 'logs2');
    await mkdir(logs, { recursive: true });
    await copyFile(fixture('takasaki-r3', '2021-09_相談記録.csv'), path.join(logs, '2021-09.csv'));
    await writeFile(path.join(logs, 'tsup-report.config.json'), JSON.stringify({ program: '脇の設定' }));
    const cwd = path.join(dir, 'work');
    await mkdir(cwd, { recursive: true });
    await writeFile(path.join(cwd, 'tsup-report.config.json'), JSON.stringify({ program: '作業フォルダの設定' }));
    const result = await runCli(['monthly', logs, '--format', 'json', '--lang', 'en'], { cwd });
    expect(JSON.parse(result.stdout).program).toBe('作業フォルダの設定');
    expect(result.stderr).toContain(`the config ${path.join(logs, 'tsup-report.config.json')} beside the inputs is not in use`);
  });
});
