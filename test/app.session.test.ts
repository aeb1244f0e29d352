import { describe, expect, test } from 'vitest';
import { chooseConfig, loadFiles, yearChoices } from '../src/app/session.js';
import type { PickedFile } from '../src/app/sources.js';
import { ConfigError } from '../src/config/text.js';
import { messagesFor } from '../src/messages/index.js';
import { TODAY } from './helpers.js';

const m = messagesFor('ja');
const picked = (path: string, text: string): PickedFile => ({ file: new File([text], path.split('/').pop()!), path });
const config = (program: string): string => JSON.stringify({ program });

describe('the page’s config', () => {
  test('the tsup-report.config.json at the top of the chosen folder is used, as the CLI uses one beside its inputs; deeper ones are named as unused', async () => {
    const files = [
      picked('記録/古い/tsup-report.config.json', config('古い')),
      picked('記録/tsup-report.config.json', config('新しい')),
      picked('記録/2021-09.csv', '受付日,受付方法\n'),
    ];
    const choice = await chooseConfig(files, null, m);
    expect(choice).toMatchObject({ from: 'files', file: '記録/tsup-report.config.json', unused: ['記録/古い/tsup-report.config.json'] });
    expect(choice.config.program).toBe('新しい');
    // Only in subfolders (R3/, R4/): none is taken, the CLI would take none either.
    const nested = [picked('記録/R3/tsup-report.config.json', config('R3')), picked('記録/R4/tsup-report.config.json', config('R4'))];
    expect(await chooseConfig(nested, null, m)).toMatchObject({
      from: 'default',
      unused: ['記録/R3/tsup-report.config.json', '記録/R4/tsup-report.config.json'],
    });
  });

  test('the config chosen on its own wins over one among the files; none at all gives the built-in default', async () => {
    const files = [picked('記録/tsup-report.config.json', config('中'))];
    const chosen = { name: 'my.json', text: config('別') };
    expect(await chooseConfig(files, chosen, m)).toMatchObject({
      from: 'chosen',
      file: 'my.json',
      unused: ['記録/tsup-report.config.json'],
    });
    expect(await chooseConfig([], null, m)).toMatchObject({ from: 'default', file: null, unused: [] });
  });

  test('a config that does not check out throws the CLI’s ConfigError, naming the file', async () => {
    const bad = { name: 'bad.json', text: '{"targets": [{"id": "x", "metric": "intake.total", "target": "二十"}]}' };
    const error = await chooseConfig([], bad, m).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).lines.join('\n')).toMatch(/bad\.json[\s\S]*config\.targets\[0\]\.target/u);
  });
});

test('the period choices: fiscal years with records, newest first, months from the program’s start, the latest month with records as default', async () => {
  const csv = '受付日,受付方法,主訴,対応結果\n2021/9/1,電話,家庭問題,助言\n2022/5/10,電話,家庭問題,助言\n';
  const choice = await chooseConfig([], null, m);
  const loaded = await loadFiles([{ file: new File([csv], '相談記録.csv'), path: '' }], choice, TODAY);
  const years = yearChoices(loaded.analysis);
  expect(years.map((y) => [y.fiscalYear, y.label, y.latest, y.months[0], y.months.at(-1)])).toEqual([
    [2022, '令和4年度', '2022-05', '2022-04', '2023-03'],
    // The default config's program started in 2021-08: earlier months of that year are not offered.
    [2021, '令和3年度', '2021-09', '2021-08', '2022-03'],
  ]);
});
