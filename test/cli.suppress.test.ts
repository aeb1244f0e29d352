/**
 * SPEC §15 suppression options through the command line: --suppress-symbol in every format, the
 * config's `suppression` (on by default, overridden by --suppress-below, stricter per attribute),
 * and the refusals that name what is wrong.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { fixture, runCli, useTempDir } from './helpers.js';
import { markdownTable } from './report-parts.js';

const SEED = fixture('takasaki-r3');
const JA = { env: { LANG: 'ja_JP.UTF-8' } };
const SUMMARY_NOTE = '注: 伏せた数が文から分からないよう、まとめの文の一部は数や名前を示さずに書くか、省いています。';

let dir = '';
useTempDir('suppress-cli-', (d) => (dir = d));

async function configFile(name: string, json: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify(json));
  return file;
}

async function json(args: string[]): Promise<Record<string, any>> {
  const result = await runCli([...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, any>;
}

/** Every count of the cumulative table (months and 合計) in a JSON report. */
const intakeCounts = (report: Record<string, any>): (number | null)[] =>
  [...report.intake.months, report.intake.total].flatMap((row: any) => [
    row.total,
    ...Object.values(row.channel),
    ...Object.values(row.category),
    ...Object.values(row.outcome),
  ]) as (number | null)[];

describe('--suppress-symbol', () => {
  test('every format prints a hidden count as the symbol and never as x; JSON keeps null and names the symbol', async () => {
    const args = ['annual', SEED, '--suppress-below', '3', '--suppress-symbol', '×'];
    const report = await json(args);
    expect(report.suppression).toEqual({ below: 3, symbol: '×', sentences: 'reworded' });
    expect(intakeCounts(report)).toContain(null);

    const md = (await runCli([...args, '--format', 'md'], JA)).stdout;
    const table = markdownTable(md, '高崎市 女性のためのつながり相談（累計）');
    expect(table[1]!.slice(0, 9)).toEqual(['8月', '×', '0', '0', '0', '0', '×', '0', '×']);
    expect(md).toContain('1〜2件の数を × で伏せ');
    expect(md).toContain(SUMMARY_NOTE);

    const csv = (await runCli([...args, '--format', 'csv'], JA)).stdout;
    expect(csv).toContain('8月,×,0,0,0,0,×,0,×');
    const terminal = (await runCli([...args, '--format', 'table'], JA)).stdout;
    expect(terminal).toMatch(/│ 8月\s+│\s+× │/u);
    const html = (await runCli([...args, '--format', 'html'], JA)).stdout;
    expect(html).toContain('<td class="num">×</td>');
    for (const [format, text] of [
      ['md', md],
      ['csv', csv],
      ['table', terminal],
      ['html', html],
    ] as const) {
      // No cell, chart label or target line prints x for a hidden count.
      expect(text, format).not.toMatch(/(^|[|,│>:]\s*)x(\s*[|,│<]|件|回|$)/mu);
    }

    const out = path.join(dir, 'symbol.xlsx');
    expect((await runCli([...args, '--out', out], JA)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    const texts: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value)))));
    expect(texts).toContain('×');
    expect(texts).not.toContain('x');
    expect(texts).toContain(SUMMARY_NOTE);
  });

  test('＊ and － too; the Markdown escapes *', async () => {
    const md = (await runCli(['monthly', SEED, '--suppress-below', '3', '--suppress-symbol', '*', '--format', 'md'], JA)).stdout;
    expect(md).toContain('| 8月 | \\* | 0 |');
    const csv = (await runCli(['monthly', SEED, '--suppress-below', '3', '--suppress-symbol', '－', '--format', 'csv'], JA)).stdout;
    expect(csv).toContain('8月,－,0,');
  });

  test('anything else is refused (exit 2) with the choices listed, before any file is read; so is a symbol with nothing to hide', async () => {
    for (const command of [
      ['monthly', SEED],
      ['annual', SEED],
      ['fill', 'form.xlsx', SEED, '--map', 'map.json', '--out', 'out.xlsx'],
    ]) {
      const ja = await runCli([...command, '--suppress-below', '3', '--suppress-symbol', '#'], JA);
      expect(ja.code).toBe(2);
      expect(ja.stderr).toContain('--suppress-symbol の「#」は使えません。使える値: x、×、－、*');
      const en = await runCli([...command, '--suppress-symbol', 'X', '--lang', 'en']);
      expect(en.code).toBe(2);
      expect(en.stderr).toMatch(/--suppress-symbol.*X.*x, ×, －, \*/u);
    }
    const alone = await runCli(['monthly', SEED, '--suppress-symbol', '×'], JA);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--suppress-below N と一緒に指定するか、設定の suppression.below を書いてください');
  });
});

describe('the config’s suppression', () => {
  test('`below` suppresses every report; --suppress-below overrides it, and 1 turns it off for a run', async () => {
    const config = await configFile('below.json', { suppression: { below: 3, symbol: '－' } });
    const plain = await json(['monthly', SEED]);
    const byConfig = await json(['monthly', SEED, '--config', config]);
    expect(byConfig.suppression).toEqual({ below: 3, symbol: '－', sentences: 'reworded' });
    expect(byConfig.intake).toEqual((await json(['monthly', SEED, '--suppress-below', '3'])).intake);
    const md = (await runCli(['monthly', SEED, '--config', config, '--format', 'md'], JA)).stdout;
    expect(md).toContain('（設定の suppression.below: 3）');
    expect(md).toContain('| 8月 | － |');

    const stricter = await json(['monthly', SEED, '--config', config, '--suppress-below', '12', '--suppress-symbol', '*']);
    expect(stricter.suppression).toMatchObject({ below: 12, symbol: '*' });
    expect(intakeCounts(stricter).filter((n) => n !== null && n > 0 && n < 12)).toEqual([]);
    expect(intakeCounts(byConfig).some((n) => n !== null && n > 0 && n < 12)).toBe(true);

    const off = await json(['monthly', SEED, '--config', config, '--suppress-below', '1']);
    expect(off.suppression).toBeUndefined();
    expect(off.intake).toEqual(plain.intake);
  });

  test('an attribute’s stricter threshold hides its own table’s counts under it, and only those', async () => {
    const program = JSON.parse(await readFile(fixture('program-2y', 'tsup-report.config.json'), 'utf8')) as Record<string, unknown>;
    const config = await configFile('attributes.json', { ...program, suppression: { below: 2, attributes: { ageGroup: 6 } } });
    const report = await json(['annual', fixture('program-2y'), '--fiscal-year', 'R7', '--config', config]);
    expect(report.suppression).toMatchObject({ below: 2, symbol: 'x', attributes: { ageGroup: 6 } });
    const age = report.intake.attributes.find((a: any) => a.id === 'ageGroup');
    const ageCounts = [age.total, ...age.months.map((m: any) => m.counts)].flatMap((counts) => Object.values(counts)) as (number | null)[];
    expect(ageCounts.filter((n) => n !== null && n > 0 && n < 6)).toEqual([]);
    expect(ageCounts).toContain(null);
    // The rest of the report keeps counts of 2 to 5 (its threshold is 2).
    expect(intakeCounts(report).some((n) => n !== null && n >= 2 && n < 6)).toBe(true);
    const md = (await runCli(['annual', fixture('program-2y'), '--fiscal-year', 'R7', '--config', config, '--format', 'md'], JA)).stdout;
    expect(md).toContain('1〜1件（年代の表は1〜5件）の数を x で伏せ');
  });

  test('mistakes are config errors naming the field: an unknown attribute, a looser threshold, another symbol, a threshold under 2', async () => {
    const cases: [unknown, string][] = [
      [
        { suppression: { below: 3, attributes: { ageGroup: 5 } } },
        'config.suppression.attributes.ageGroup: no attribute "ageGroup" in config.attributes',
      ],
      [
        {
          attributes: [{ id: 'ageGroup', header: '年代', labels: [{ label: '20代' }] }],
          suppression: { below: 5, attributes: { ageGroup: 3 } },
        },
        'config.suppression.attributes.ageGroup: attribute "ageGroup": 3 is below suppression.below (5)',
      ],
      [
        { suppression: { below: 3, symbol: '#' } },
        'config.suppression.symbol: the symbol for a hidden count must be one of "x", "×", "－", "*"',
      ],
      [{ suppression: { below: 1 } }, 'config.suppression.below:'],
      [{ suppression: { below: 3, hide: true } }, 'config.suppression:'],
    ];
    for (const [i, [content, message]] of cases.entries()) {
      const result = await runCli(['monthly', SEED, '--config', await configFile(`bad-${i}.json`, content), '--lang', 'en']);
      expect(result.code, message).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });
});
