import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixture, runCli, useTempDir } from './helpers.js';

let dir: string;
useTempDir('tsup-since-', (created) => (dir = created));

describe('monthly --since LAST.json (SPEC §15)', () => {
  test('a late entry in a month already reported is listed figure by figure, before and after, with a warning', async () => {
    const logs = path.join(dir, 'logs');
    await cp(fixture('takasaki-r3'), logs, { recursive: true });
    const last = path.join(dir, 'r4-01.json');
    expect((await runCli(['monthly', logs, '--month', '2022-01', '--format', 'json', '--out', last, '--quiet'])).code).toBe(0);

    // November's late entry, found after January's report went to the city.
    await writeFile(
      path.join(logs, '2021-11_追加.csv'),
      '受付番号,受付日,受付方法,主訴,対応結果\r\nLATE-1,2021/11/30,メール,就労関係,助言\r\n',
    );
    const result = await runCli(['monthly', logs, '--month', '2022-02', '--since', last, '--format', 'json', '--lang', 'ja']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.revisions).toEqual([
      {
        month: '2021-11',
        label: '11月',
        changes: [
          { figure: 'intake.total', before: 15, after: 16 },
          { figure: 'intake.channel.メール', before: 0, after: 1 },
          { figure: 'intake.category.就労関係', before: 0, after: 1 },
          { figure: 'intake.outcome.助言', before: 1, after: 2 },
        ],
      },
    ]);
    expect(result.stderr).toContain('前回の報告から 2021年11月 の件数が変わりました');
  });

  test('nothing changed: an empty list and no warning; another year’s release is refused', async () => {
    const last = path.join(dir, 'r3-12.json');
    expect(
      (await runCli(['monthly', fixture('takasaki-r3'), '--month', '2021-12', '--format', 'json', '--out', last, '--quiet'])).code,
    ).toBe(0);
    const result = await runCli(['monthly', fixture('takasaki-r3'), '--since', last, '--format', 'json', '--lang', 'ja']);
    expect(JSON.parse(result.stdout).revisions).toEqual([]);
    expect(result.stderr).not.toContain('件数が変わりました');

    const other = path.join(dir, 'other-year.json');
    await writeFile(other, JSON.stringify({ ...JSON.parse(result.stdout), fiscalYear: 2020 }));
    const refused = await runCli(['monthly', fixture('takasaki-r3'), '--since', other, '--lang', 'ja']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('前回の報告として使えません');
  });
});
