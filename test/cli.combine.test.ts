import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { combineReports } from '../src/report/combine.js';
import { renderJson } from '../src/render/json.js';
import { loadWorkbookClass } from '../src/workbook.js';
import { fixture, runCli, useTempDir } from './helpers.js';

let dir: string;
useTempDir('tsup-combine-', (created) => (dir = created));

type Json = Record<string, any>;

/** Two councils and a second window of the first: each writes its own JSON report of 令和6年度 through May 2024. */
const COUNCILS = [
  { file: 'kou.json', logs: 'program-2y', organization: '甲市社会福祉協議会' },
  { file: 'otsu.json', logs: 'full-year', organization: '乙市社会福祉協議会' },
  { file: 'kou2.json', logs: 'program-2y', organization: '甲市第二窓口' },
] as const;

const at = (name: string): string => path.join(dir, name);
const sources: Record<string, Json> = {};

/** A council's report as it sends it: its logs read with its own config, naming it, written as JSON. */
async function councilReport(file: string, logs: string, organization: string, extra: string[] = []): Promise<string> {
  const config = JSON.parse(await readFile(fixture(logs, 'tsup-report.config.json'), 'utf8')) as Json;
  const configFile = at(`${file}.config.json`);
  await writeFile(configFile, JSON.stringify({ ...config, organization }));
  const args = extra.length > 0 ? extra : ['monthly', fixture(logs), '--month', '2024-05'];
  const result = await runCli([...args, '--config', configFile, '--out', at(file), '--quiet']);
  expect(result.code, result.stderr).toBe(0);
  return at(file);
}

beforeAll(async () => {
  for (const c of COUNCILS) {
    await councilReport(c.file, c.logs, c.organization);
    sources[c.file] = JSON.parse(await readFile(at(c.file), 'utf8')) as Json;
  }
}, 60_000);

async function combineJson(files: string[], extra: string[] = []): Promise<{ json: Json; stderr: string }> {
  const result = await runCli(['combine', ...files.map(at), '--format', 'json', ...extra]);
  expect(result.code, result.stderr).toBe(0);
  return { json: JSON.parse(result.stdout) as Json, stderr: result.stderr };
}

/** A figure summed over the sources here, from their own JSON; a label a source lacks adds nothing. */
const sumOver = (files: string[], pick: (source: Json) => number | undefined): number =>
  files.reduce((n, f) => n + (pick(sources[f]!) ?? 0), 0);

describe('tsup-report combine (SPEC §15)', () => {
  test('two councils’ reports: every figure is the sum of theirs, people carry their note, a table by source', async () => {
    const files = ['kou.json', 'kou2.json'];
    const { json } = await combineJson(files);
    expect(json.intake.months.map((m: Json) => m.month)).toEqual(['2024-04', '2024-05']);
    json.intake.months.forEach((row: Json, i: number) => {
      expect(row.total).toBe(sumOver(files, (s) => s.intake.months[i].total));
      for (const group of ['channel', 'category', 'outcome'])
        for (const label of Object.keys(row[group]))
          expect(row[group][label]).toBe(sumOver(files, (s) => s.intake.months[i][group][label]));
    });
    expect(json.intake.total.total).toBe(sumOver(files, (s) => s.intake.total.total));
    expect(json.ibasho.participants).toBe(sumOver(files, (s) => s.ibasho.participants));
    expect(json.distribution.count).toBe(sumOver(files, (s) => s.distribution.count));
    expect(json.support.total).toBe(sumOver(files, (s) => s.support.total));
    expect(json.intake.people.total.clients).toBe(sumOver(files, (s) => s.intake.people.total.clients));
    expect(json.intake.people.note).toBe('団体間の重複を含む');
    const age = json.intake.attributes.find((a: Json) => a.id === 'ageGroup');
    for (const label of Object.keys(age.total))
      expect(age.total[label]).toBe(sumOver(files, (s) => s.intake.attributes.find((a: Json) => a.id === 'ageGroup').total[label]));
    expect(json.sources.map((s: Json) => [s.organization, s.total, s.people.clients])).toEqual(
      files.map((f) => [sources[f]!.organization, sources[f]!.intake.total.total, sources[f]!.intake.people.total.clients]),
    );
    expect(json.targets).toEqual([]);
    expect(json.inputs).toEqual(files.map((f) => ({ file: at(f), status: 'read' })));
    // Without a config, the handout sentence names no one council's places (the seed's says 本所及び、各支所).
    expect(json.summary[1]).toMatch(/^生理用品の配布は、\d+カ所で行い、累計\d+件の配布を行った。/u);
  });

  test('three sources with other configs: labels unioned, 未記入 for a missing attribute, people and support left out with a warning', async () => {
    const files = COUNCILS.map((c) => c.file);
    const { json, stderr } = await combineJson(files, ['--lang', 'ja']);
    const channels = Object.keys(json.intake.total.channel);
    expect(channels).toEqual([
      ...Object.keys(sources['kou.json']!.intake.total.channel),
      ...Object.keys(sources['otsu.json']!.intake.total.channel).filter((l) => !(l in sources['kou.json']!.intake.total.channel)),
    ]);
    for (const label of channels) expect(json.intake.total.channel[label]).toBe(sumOver(files, (s) => s.intake.total.channel[label]));
    const age = json.intake.attributes.find((a: Json) => a.id === 'ageGroup');
    expect(age.total['未記入']).toBe(
      sumOver(['kou.json', 'kou2.json'], (s) => s.intake.attributes.find((a: Json) => a.id === 'ageGroup').total['未記入']) +
        sources['otsu.json']!.intake.total.total,
    );
    expect(json.intake).not.toHaveProperty('people');
    expect(json).not.toHaveProperty('support');
    expect(json.combined.withoutPeople).toEqual(['乙市社会福祉協議会']);
    expect(stderr).toMatch(/乙市社会福祉協議会 の報告には相談者数.*がないため/u);
    expect(stderr).toMatch(/乙市社会福祉協議会 の報告には支援記録がないため/u);
    expect(stderr.match(/甲市社会福祉協議会 の報告には 受付方法/gu)).toHaveLength(1);
  });

  test('--format json is what the core gives for the same files', async () => {
    const files = COUNCILS.map((c) => at(c.file));
    const result = await runCli(['combine', ...files, '--format', 'json', '--suppress-below', '3', '--organization', '架空県', '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    const inputs = await Promise.all(files.map(async (file) => ({ file, json: JSON.parse(await readFile(file, 'utf8')) as unknown })));
    const direct = combineReports(inputs, { suppressBelow: 3, organization: '架空県' });
    if (!direct.ok) throw new Error(JSON.stringify(direct.refusals));
    expect(result.stdout).toBe(renderJson(direct.report));
    expect(JSON.parse(result.stdout).suppression).toMatchObject({ below: 3, symbol: 'x' });
  });

  test('suppression options: the config’s suppression applies after combining, --suppress-symbol names the symbol, a symbol with nothing to hide is refused', async () => {
    const files = ['kou.json', 'otsu.json'].map(at);
    const configFile = at('combine-suppression.config.json');
    const plainConfig = at('combine-plain.config.json');
    await writeFile(configFile, JSON.stringify({ municipality: '架空県', suppression: { below: 3, symbol: '×' } }));
    await writeFile(plainConfig, JSON.stringify({ municipality: '架空県' }));
    const byConfig = await runCli(['combine', ...files, '--config', configFile, '--format', 'md', '--quiet']);
    expect(byConfig.code, byConfig.stderr).toBe(0);
    const byOption = await runCli([
      'combine',
      ...files,
      ...['--config', plainConfig, '--suppress-below', '3', '--suppress-symbol', '×', '--format', 'md', '--quiet'],
    ]);
    // The same report, but for the note naming where the threshold came from.
    const withoutSource = (text: string): string => text.replace(/（(?:設定の suppression\.below: |--suppress-below )3）/u, '');
    expect(withoutSource(byConfig.stdout)).toBe(withoutSource(byOption.stdout));
    expect(byConfig.stdout).toContain('設定の suppression.below: 3');
    expect(byConfig.stdout).toMatch(/\|\s*×\s*\|/u);
    expect(byConfig.stdout).not.toMatch(/\|\s*x\s*\|/u);
    const json = await runCli(['combine', ...files, '--suppress-below', '3', '--suppress-symbol', '*', '--format', 'json', '--quiet']);
    expect(JSON.parse(json.stdout).suppression).toMatchObject({ below: 3, symbol: '*' });
    const idle = await runCli(['combine', ...files, '--suppress-symbol', '×', '--format', 'json']);
    expect(idle.code).toBe(2);
    expect(idle.stdout).toBe('');
  });

  test('another year’s report and a suppressed one are refused together, exit 2, each file named; nothing written', async () => {
    const r7 = await councilReport('kou-r7.json', 'program-2y', '甲市第三窓口', ['annual', fixture('program-2y'), '--fiscal-year', 'R7']);
    const hidden = await councilReport('kou-x.json', 'program-2y', '甲市第四窓口', [
      'monthly',
      fixture('program-2y'),
      '--month',
      '2024-05',
      '--suppress-below',
      '3',
    ]);
    const out = at('refused.xlsx');
    const result = await runCli(['combine', at('kou.json'), r7, hidden, '--out', out, '--lang', 'ja']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('次の 2件のファイルは合算できません');
    expect(result.stderr).toMatch(
      new RegExp(`${r7.replace(/[.\\]/gu, '\\$&')}: 令和7年度の報告書です。最初の .*kou\\.json は令和6年度です`, 'u'),
    );
    expect(result.stderr).toContain(`${hidden}: --suppress-below で少数を伏せた報告書です`);
    expect(existsSync(out)).toBe(false);
    const en = await runCli(['combine', at('kou.json'), r7, '--lang', 'en']);
    expect(en.stderr).toContain(`${r7}: It is the report of 令和7年度`);
  });

  test('the same file twice, or one organisation in two files, is refused with the way out', async () => {
    const copy = at('kou-copy.json');
    await copyFile(at('kou.json'), copy);
    const twice = await runCli(['combine', at('kou.json'), copy, '--lang', 'ja']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(`${copy}: ${at('kou.json')} と同じ報告書です`);
    const renamed = at('kou-renamed.json');
    // Another council's figures under the first one's name: not the same report, but the same organisation.
    await writeFile(renamed, JSON.stringify({ ...sources['otsu.json'], organization: '甲市社会福祉協議会' }));
    const clash = await runCli(['combine', at('kou.json'), renamed, '--lang', 'ja']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/団体名「甲市社会福祉協議会」が .* と同じです。.*organization に別の名前/u);
  });

  test('a folder gives its .json files; one report alone, or --out naming an input, is a usage error', async () => {
    const folder = at('reports');
    await mkdir(folder);
    for (const c of COUNCILS.slice(0, 2)) await copyFile(at(c.file), path.join(folder, c.file));
    const { json } = await combineJson(['reports'], ['--quiet']);
    expect(json.sources.map((s: Json) => s.organization)).toEqual(['甲市社会福祉協議会', '乙市社会福祉協議会']);
    const alone = await runCli(['combine', at('kou.json'), '--lang', 'en']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('Give two or more reports');
    const over = await runCli(['combine', at('kou.json'), at('kou2.json'), '--out', at('kou.json'), '--format', 'json']);
    expect(over.code).toBe(2);
    expect(JSON.parse(await readFile(at('kou.json'), 'utf8'))).toEqual(sources['kou.json']);
  });

  test('privacy: no combined output holds anything of the sources’ file lists', async () => {
    const names = COUNCILS.flatMap((c) => sources[c.file]!.inputs.map((entry: Json) => path.basename(entry.file)));
    expect(names.length).toBeGreaterThan(3);
    for (const format of ['json', 'md', 'csv', 'html', 'table']) {
      const result = await runCli(['combine', ...COUNCILS.map((c) => at(c.file)), '--format', format, '--quiet']);
      expect(result.code).toBe(0);
      for (const name of names) expect(result.stdout, `${format}: ${name}`).not.toContain(name);
      expect(result.stdout).not.toContain('fixtures');
    }
  });

  test('XLSX: a sheet by organisation whose 合計 row sums the sources, in values once suppressed', async () => {
    const Workbook = await loadWorkbookClass();
    const read = async (files: string[], extra: string[]) => {
      const out = at(`combined${files.length}${extra.length}.xlsx`);
      const result = await runCli(['combine', ...files.map(at), '--out', out, '--quiet', ...extra]);
      expect(result.code, result.stderr).toBe(0);
      const workbook = new Workbook();
      await workbook.xlsx.readFile(out);
      return workbook;
    };
    const plain = await read(['kou.json', 'kou2.json'], []);
    expect(plain.worksheets.map((s) => s.name)).toEqual([
      '累計表',
      '団体別',
      '相談者数',
      '年代',
      'DV',
      '居場所',
      '生理用品配布',
      '支援記録',
    ]);
    const rowsOf = (workbook: typeof plain, name: string): unknown[][] => {
      const rows: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => rows.push(row.values as unknown[]));
      return rows;
    };
    const totalRow = rowsOf(plain, '団体別').find((row) => row[1] === '合計')!;
    expect(totalRow[2]).toMatchObject({
      formula: expect.stringMatching(/^SUM\(B\d+:B\d+\)$/u),
      result: sources['kou.json']!.intake.total.channel['電話'] * 2,
    });
    // Another council beside the first: small counts in its row, hidden there and in the combined 合計.
    const hidden = await read(['kou.json', 'otsu.json'], ['--suppress-below', '3']);
    const cells = rowsOf(hidden, '団体別').flat();
    expect(cells).toContain('x');
    expect(cells.some((cell) => typeof cell === 'object' && cell !== null && 'formula' in cell)).toBe(false);
  });
});
