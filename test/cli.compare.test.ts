import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixture, runCli, useTempDir } from './helpers.js';

let dir: string;
useTempDir('tsup-compare-', (created) => (dir = created));

const CONFIG = ['--config', fixture('full-year', 'tsup-report.config.json')];
const THIS_YEAR = ['相談記録', '居場所', '配布'].map((name) => fixture('full-year', `令和6年度_${name}.csv`));

async function json(args: string[]): Promise<Record<string, any>> {
  const result = await runCli([...args, ...CONFIG, '--format', 'json', '--quiet']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, any>;
}

async function lastYear(name: string, args: string[]): Promise<string> {
  const file = path.join(dir, name);
  const result = await runCli([...args, ...CONFIG, '--format', 'json', '--out', file, '--quiet']);
  expect(result.code).toBe(0);
  return file;
}

describe('--compare LAST.json (SPEC §15)', () => {
  test('last year’s JSON gives the same comparison as last year’s logs read with this year’s', async () => {
    const file = await lastYear('r5.json', ['annual', fixture('full-year'), '--fiscal-year', 'R5']);
    const fromFile = await json(['monthly', ...THIS_YEAR, '--compare', file]);
    const fromLogs = await json(['monthly', fixture('full-year'), '--month', '2024-05']);
    expect(fromFile.previous).toEqual(fromLogs.previous);
    expect(fromFile.change).toEqual(fromLogs.change);
    expect(fromFile.summary.at(-1)).toBe(fromLogs.summary.at(-1));
    expect(fromFile.previous.intake.total).toBeGreaterThan(0);
  });

  test('without --compare and without last year’s logs, no comparison: the JSON gains no key', async () => {
    const report = await json(['monthly', ...THIS_YEAR]);
    expect(report).not.toHaveProperty('previous');
    expect(report).not.toHaveProperty('change');
  });

  test.each([
    ['not JSON', 'broken.json', '{"kind": "monthly",', /JSON として読めません/u],
    ['not a report', 'other.json', '{"cells": []}', /JSON 形式の報告書ではありません/u],
  ])('a file that is %s is refused, exit 2, naming the file', async (_, name, content, words) => {
    const file = path.join(dir, name);
    await writeFile(file, content);
    const result = await runCli(['monthly', ...THIS_YEAR, ...CONFIG, '--compare', file, '--lang', 'ja']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(words);
    expect(result.stdout).toBe('');
  });

  test('another year’s report, a suppressed one, one without the months, a missing file: each refused with its reason', async () => {
    const sameYear = await lastYear('r6.json', ['monthly', ...THIS_YEAR]);
    const suppressed = await lastYear('r5-x.json', ['annual', fixture('full-year'), '--fiscal-year', 'R5', '--suppress-below', '3']);
    const april = await lastYear('r5-04.json', ['monthly', fixture('full-year'), '--month', '2023-04']);
    const cases: [string, RegExp][] = [
      [sameYear, /令和6年度の報告書です。比較に使えるのは前年度（令和5年度）/u],
      [suppressed, /少数を伏せた報告書です/u],
      [april, /2023-05 の月別の件数がありません/u],
      [path.join(dir, 'none.json'), /見つかりません|ありません/u],
    ];
    for (const [file, words] of cases) {
      const result = await runCli(['monthly', ...THIS_YEAR, ...CONFIG, '--compare', file, '--lang', 'ja']);
      expect(result.code, file).toBe(2);
      expect(result.stderr, file).toMatch(words);
    }
  });
});
