import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '../src/config/parse.js';
import { ConfigError, configFromText } from '../src/config/text.js';
import { messagesFor } from '../src/messages/index.js';

const en = messagesFor('en');
const ja = messagesFor('ja');
const problemsOf = (json: unknown, m = en): string[] => {
  const result = parseConfig(json, m);
  return result.ok ? [] : result.problems;
};
const evaluation = (min: number) => ({
  evaluation: [
    { min, label: '達成' },
    { min: 0, label: '未達成' },
  ],
});
/** The lines a config text is refused with, or [] when it is accepted. */
async function refusal(text: string, m = en): Promise<string[]> {
  try {
    await configFromText('my.config.json', text, m);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.lines;
    throw error;
  }
}

describe('config traps (SPEC §4, §9)', () => {
  test('an evaluation min written as a percent is refused with "write 0.6 for 60%", in both languages', () => {
    expect(problemsOf(evaluation(60))).toEqual([
      'config.evaluation[0].min: expected a fraction of the target: write 0.6 for 60% (60 would mean 6000%; 1.2 is 120%)',
    ]);
    expect(problemsOf(evaluation(10.1))[0]).toContain('10.1 would mean 1010%');
    expect(problemsOf(evaluation(10))[0]).toContain('write 0.6 for 60%');
    expect(problemsOf(evaluation(100), ja)[0]).toMatch(/^config\.evaluation\[0\]\.min: .*60% なら 0\.6 と書きます/u);
  });

  test('a min above 1 but below 10 is a real fraction: 1.2 for 120% stays valid', () => {
    expect(problemsOf(evaluation(1.2))).toEqual([]);
    expect(problemsOf(evaluation(9.99))).toEqual([]);
  });

  test('broken JSON names the line and column, and shows the line with a mark under the place', async () => {
    const text = '{\n  "program": "相談",\n  "fiscalYearStartMonth": 4\n  "programStart": "2021-08"\n}\n';
    const lines = await refusal(text);
    expect(lines[0]).toMatch(/^The config file my\.config\.json is not valid JSON at line 4, column 3 \(/u);
    expect(lines[0]).not.toMatch(/position/u);
    expect(lines[1]).toBe('  4 |   "programStart": "2021-08"');
    expect(lines[2]).toBe(`${' '.repeat('  4 | '.length + 2)}^`);
    expect((await refusal(text, ja))[0]).toMatch(/4行目 3文字目/u);
  });

  test('a trailing comma and a file cut short are placed too; Japanese text before the place keeps the mark under it', async () => {
    expect((await refusal('{\n  "program": "相談",\n}'))[0]).toContain('line 3, column 1');
    expect((await refusal('{\n  "program": '))[0]).toContain('line 2, column 13');
    const wide = await refusal('{ "program": "相談" "x": 1 }');
    expect(wide[2]!.indexOf('^') - '  1 | '.length).toBe('{ "program": "'.length + 4 + 2);
  });

  test('the slip is said in words with its usual cause, and a full-width quote, which the parser does not place, is placed', async () => {
    expect((await refusal('{\n  "a": 1,\n}', ja))[0]).toContain('最後の項目の後ろに余分な「,」がありませんか');
    expect((await refusal('{\n  "a": 1\n  "b": 2\n}'))[0]).toContain('is a comma missing after the previous item?');
    const quoted = await refusal('{\n  "organization": "社協：本所",\n  "program": “相談”\n}', ja);
    expect(quoted[0]).toMatch(/3行目 14文字目.*全角の記号/u);
    expect(quoted[1]).toBe('  3 |   "program": “相談”');
  });

  test('a file saved as Shift_JIS (Notepad’s ANSI) is said to be one, with how to save it as UTF-8', async () => {
    const bytes = iconv.encode('{\n  "program": "若年女性相談"\n}', 'cp932');
    const lines = await refusal(Buffer.from(bytes).toString('utf8'), ja);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('UTF-8 で保存されていません');
  });

  test('a key in full-width quotes is said to be full-width quotes, not a trailing comma', async () => {
    const lines = await refusal('{\n  “program”: "相談"\n}', ja);
    expect(lines[0]).toContain('全角の記号');
    expect(lines[0]).not.toContain('余分な「,」');
  });

  test('a Windows path with single backslashes gets the \\\\ advice; no slip is left in the parser’s English under Japanese', async () => {
    const path = await refusal('{\n  "program": "C:\\q\\相談"\n}', ja);
    expect(path[0]).toContain('\\\\ と二つ書きます');
    for (const text of ['{\n  "a": 1,\n}', '{\n  "a": 1\n  "b": 2\n}', '{"a": tru}', '{"a": 1} x', '{"a": "\\q"}', '{"a": 01}']) {
      const reason = /（(.*)）$/u.exec((await refusal(text, ja))[0]!)?.[1] ?? '';
      expect(reason, text).not.toBe('');
      expect(reason, text).not.toMatch(/[a-z]{4,}/u);
    }
  });

  test('a misspelt key gets a "did you mean", at the top level and inside list items', () => {
    expect(problemsOf({ chanels: [{ label: '電話' }] })).toEqual(['config: unknown key "chanels": did you mean "channels"?']);
    expect(problemsOf({ channels: [{ label: '電話', serviceDayOnly: true }] })).toEqual([
      'config.channels[0]: unknown key "serviceDayOnly": did you mean "serviceDaysOnly"?',
    ]);
    expect(problemsOf({ targets: [{ id: 't', label: 't', metric: 'intake.total', target: 1, unit: '件', Unit: '回' }] })[0]).toContain(
      'did you mean "unit"?',
    );
    expect(problemsOf({ Program: 'x' }, ja)).toEqual(['config: 知らない項目「Program」です。「program」の書き間違いではありませんか？']);
  });

  test('a key like none of the known ones is only called unknown', () => {
    expect(problemsOf({ colour: 'red' })).toEqual(['config: unknown key(s): colour']);
  });

  test('"$schema", written for the editor, is accepted and ignored', async () => {
    expect(await refusal(JSON.stringify({ $schema: './tsup-report.config.schema.json', program: '別の相談' }))).toEqual([]);
    const config = await configFromText('c.json', JSON.stringify({ $schema: 'x.json', program: '別の相談' }), en);
    expect(config.program).toBe('別の相談');
    expect(Object.keys(config)).not.toContain('$schema');
  });
});
