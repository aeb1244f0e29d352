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

describe('config: attributes and categoriesMultiple (SPEC §14)', () => {
  const age = {
    id: 'ageGroup',
    header: '年代',
    labels: [
      { label: '20代', range: [20, 29] },
      { label: '30代', range: [30, 39] },
    ],
    unknownLabel: '不明',
  };
  const withAttributes = (...attributes: unknown[]) => ({ attributes });

  test('by default there are none and one 主訴 per consultation; a sound attribute and categoriesMultiple are taken as given', () => {
    expect(DEFAULT_CONFIG.attributes).toEqual([]);
    expect(DEFAULT_CONFIG.categoriesMultiple).toBe(false);
    const result = parseConfig(
      { ...withAttributes(age, { id: 'dv', header: 'DV', labels: [{ label: '該当' }] }), categoriesMultiple: true },
      en,
    );
    expect(result.ok && result.config.attributes.map((a) => a.id)).toEqual(['ageGroup', 'dv']);
    expect(result.ok && result.config.categoriesMultiple).toBe(true);
    expect(problemsOf({ categoriesMultiple: 'yes' })).toEqual(['config.categoriesMultiple: expected true or false, got "yes"']);
  });

  test('ids name metrics: letters first, no dot, once each', () => {
    expect(problemsOf(withAttributes({ ...age, id: 'age.group' }))).toEqual([
      'config.attributes[0].id: id "age.group" must start with a letter and hold only letters, digits, _ and - (it names the metric intake.attribute.<id>.<label>)',
    ]);
    expect(problemsOf(withAttributes(age, { ...age, header: '年齢' }))).toEqual([
      'config.attributes[1].id: attribute id "ageGroup" is used twice',
    ]);
  });

  test('a header may not be a column of the log’s own, nor another attribute’s; 年代 may', () => {
    expect(problemsOf(withAttributes({ ...age, header: '主訴' }))).toEqual([
      'config.attributes[0].header: "主訴" is read as the log\'s own column "主訴", so it cannot head an attribute',
    ]);
    expect(problemsOf(withAttributes({ ...age, aliases: ['ﾒﾓ'] }))).toEqual([
      'config.attributes[0].aliases[0]: "ﾒﾓ" is read as the log\'s own column "メモ", so it cannot head an attribute',
    ]);
    expect(problemsOf(withAttributes(age, { ...age, id: 'other', header: '年齢', aliases: ['年代'] }))).toEqual([
      'config.attributes[1].aliases[0]: "年代" reads the same as another attribute\'s header "年代", so a column could not be told apart',
    ]);
  });

  test('labels read apart (the unknown label and 未記入 included); ranges in order and not overlapping', () => {
    const labels = (items: unknown[], unknownLabel?: string) => withAttributes({ ...age, labels: items, unknownLabel });
    expect(problemsOf(labels([{ label: '20代' }, { label: '30代', aliases: ['２０代'] }]))).toEqual([
      'config.attributes[0].labels[1].aliases[0]: "２０代" reads the same as "20代" in the same list, so a log value could not be told apart',
    ]);
    expect(problemsOf(labels([{ label: '該当' }], '該当'))[0]).toMatch(
      /^config\.attributes\[0\]\.unknownLabel: "該当" reads the same as "該当"/u,
    );
    expect(problemsOf(labels([{ label: '該当' }], '未記入'))[0]).toMatch(
      /^config\.attributes\[0\]\.unknownLabel: "未記入" reads the same as "未記入"/u,
    );
    expect(problemsOf(labels([{ label: 'a', range: [39, 30] }]))).toEqual([
      'config.attributes[0].labels[0].range: [39, 30]: write the smaller number first ([30, 39])',
    ]);
    expect(
      problemsOf(
        labels([
          { label: 'a', range: [20, 29] },
          { label: 'b', range: [29, 39] },
        ]),
      ),
    ).toEqual(['config.attributes[0].labels[1].range: [29, 39] overlaps the range of "a": an age must fall into one label only']);
    expect(problemsOf(labels([{ label: 'a', range: [20] }]))[0]).toMatch(/^config\.attributes\[0\]\.labels\[0\]\.range/u);
    expect(problemsOf(labels([{ label: 'a', range: [20.5, 29] }]))).toEqual([
      'config.attributes[0].labels[0].range[0]: expected a whole number, got 20.5',
    ]);
  });

  test('metrics on people and attributes: an attribute’s labels and its unknown label, nothing else', () => {
    const target = (metric: string) => ({ ...withAttributes(age), targets: [{ id: 't', label: 't', metric, target: 1, unit: '件' }] });
    for (const metric of ['intake.clients', 'intake.new', 'intake.attribute.ageGroup.30代', 'intake.attribute.ageGroup.不明'])
      expect(problemsOf(target(metric)), metric).toEqual([]);
    expect(problemsOf(target('intake.attribute.dv.該当'))).toEqual([
      'config.targets[0].metric: metric "intake.attribute.dv.該当": no attribute "dv" in config.attributes',
    ]);
    expect(problemsOf(target('intake.attribute.ageGroup.80代'))).toEqual([
      'config.targets[0].metric: metric "intake.attribute.ageGroup.80代": "80代" is not in config.attributes[0].labels',
    ]);
    expect(problemsOf(target('intake.attribute.ageGroup'))[0]).toMatch(/no metric "intake\.attribute\.ageGroup"/u);
  });

  test('the config’s list of the log’s own columns is the records stage’s (KIND_FIELDS.intake, but for 年代)', async () => {
    const { INTAKE_COLUMN_NAMES } = await import('../src/config/columns.js');
    const { KIND_FIELDS } = await import('../src/records/kinds.js');
    const fromRecords = KIND_FIELDS.intake.filter((f) => f.field !== 'ageGroup').flatMap((f) => [f.header, ...f.aliases]);
    expect([...INTAKE_COLUMN_NAMES].sort()).toEqual(fromRecords.sort());
  });
});
