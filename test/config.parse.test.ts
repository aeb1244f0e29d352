import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { parseConfig } from '../src/config/parse.js';
import { messagesFor } from '../src/messages/index.js';
import { fixture, runCli } from './helpers.js';

const en = messagesFor('en');
const problemsOf = (json: unknown): string[] => {
  const result = parseConfig(json, en);
  return result.ok ? [] : result.problems;
};

describe('config', () => {
  test('an empty file keeps the whole default', () => {
    expect(parseConfig({}, en)).toEqual({ ok: true, config: DEFAULT_CONFIG });
  });

  test('programStart null: a program that runs from the start of every year, though the default starts in 2021-08', () => {
    const result = parseConfig({ programStart: null }, en);
    expect(result.ok && result.config.programStart).toBeNull();
  });

  test('top-level keys given replace the default, others stay', () => {
    const result = parseConfig({ program: '別の相談', fiscalYearStartMonth: 1 }, en);
    expect(result.ok && result.config.program).toBe('別の相談');
    expect(result.ok && result.config.channels).toEqual(DEFAULT_CONFIG.channels);
  });

  test('a bad field is named with its path and the value it got', () => {
    expect(problemsOf({ targets: [{ id: 'a', label: 'x', metric: 'ibasho.sessions', target: '二十', unit: '回' }] })).toEqual([
      'config.targets[0].target: expected a number, got "二十"',
    ]);
    expect(problemsOf({ fiscalYearStartMonth: 13 })).toEqual(['config.fiscalYearStartMonth: expected a number ≤ 12, got 13']);
    expect(problemsOf({ programStart: '2021/8' })[0]).toMatch(/^config\.programStart: expected a month like 2021-08/u);
    expect(problemsOf({ channels: [] })).toEqual(['config.channels: needs at least 1 item(s)']);
    expect(problemsOf({ colour: 'red' })).toEqual(['config: unknown key(s): colour']);
    expect(problemsOf({ channels: [{ aliases: ['x'] }] })).toEqual(['config.channels[0].label: is required']);
  });

  test('metrics must name something that exists', () => {
    const target = (metric: string) => ({ targets: [{ id: 't', label: 't', metric, target: 1, unit: '件' }] });
    expect(problemsOf(target('intake.total'))).toEqual([]);
    expect(problemsOf(target('intake.channel.電話'))).toEqual([]);
    expect(problemsOf(target('intake.channel.FAX'))).toEqual([
      'config.targets[0].metric: metric "intake.channel.FAX": "FAX" is not in config.channels',
    ]);
    expect(problemsOf(target('visits'))[0]).toMatch(/^config\.targets\[0\]\.metric: no metric "visits"; known metrics: intake\.total/u);
  });

  test('labels and aliases that read the same within a list are refused', () => {
    expect(problemsOf({ channels: [{ label: '電話' }, { label: 'FAX', aliases: ['ＴＥＬ'] }, { label: 'tel' }] })).toEqual([
      'config.channels[2].label: "tel" reads the same as "ＴＥＬ" in the same list, so a log value could not be told apart',
    ]);
  });

  test('evaluation levels run from the highest min down to 0', () => {
    expect(
      problemsOf({
        evaluation: [
          { min: 0.6, label: 'a' },
          { min: 1, label: 'b' },
          { min: 0, label: 'c' },
        ],
      }),
    ).toEqual(['config.evaluation[1].min: levels must be ordered from the highest min down']);
    expect(problemsOf({ evaluation: [{ min: 1, label: 'a' }] })).toEqual([
      'config.evaluation[0].min: the last level must have min 0, so that every result gets an evaluation',
    ]);
  });

  test('the CLI reports a bad config file with exit 2, no stack trace, and reads tsup-report.config.json from the working directory', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tsup-config-'));
    try {
      await writeFile(path.join(dir, 'tsup-report.config.json'), JSON.stringify({ fiscalYearStartMonth: 'April' }));
      const bad = await runCli(['monthly', fixture('takasaki-r3'), '--lang', 'en'], { cwd: dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('config.fiscalYearStartMonth: expected a number, got "April"');
      expect(bad.stderr).not.toMatch(/\n\s+at /u);

      await writeFile(path.join(dir, 'broken.json'), '{ "program": ');
      const notJson = await runCli(['monthly', fixture('takasaki-r3'), '--config', path.join(dir, 'broken.json'), '--lang', 'en']);
      expect(notJson.code).toBe(2);
      expect(notJson.stderr).toContain('is not valid JSON');

      await writeFile(path.join(dir, 'tsup-report.config.json'), JSON.stringify({ program: '試験の相談' }));
      const good = await runCli(['monthly', fixture('takasaki-r3'), '--format', 'md'], { cwd: dir });
      expect(good.code).toBe(0);
      expect(good.stdout).toContain('試験の相談');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
