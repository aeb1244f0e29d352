import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { parseConfig } from '../src/config/parse.js';
import { configFromText } from '../src/config/text.js';
import type { Config } from '../src/config/schema.js';
import { messagesFor } from '../src/messages/index.js';
import { reportFrom } from '../src/pipeline.js';
import { renderCsv } from '../src/render/csv.js';
import { renderHtml } from '../src/render/html.js';
import { renderJson } from '../src/render/json.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderTable } from '../src/render/table.js';
import { displayWidth } from '../src/text.js';
import { evaluate } from '../src/report/targets.js';
import type { TargetResult } from '../src/report/types.js';
import { targetLines } from '../src/report/wording.js';
import type { CellValue } from '../src/read/types.js';
import { analyseFiles, analyseTables, fixture, INTAKE_HEADER, memoryTable, ROOT } from './helpers.js';

const en = messagesFor('en');
const ja = messagesFor('ja');
const SEED = path.join(ROOT, 'test', 'golden', 'seed-report-r3.txt');

function configOf(json: unknown): Config {
  const result = parseConfig(json, en);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

const problemsOf = (json: unknown, m = en): string[] => {
  const result = parseConfig(json, m);
  return result.ok ? [] : result.problems;
};

async function seedReport(config: Config = DEFAULT_CONFIG, kind: 'monthly' | 'annual' = 'annual') {
  const result = reportFrom(await analyseFiles([fixture('takasaki-r3')], config), {}, { kind, skipInvalid: false });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.report;
}

async function memoryReport(rows: CellValue[][], config: Config, request = {}) {
  const result = reportFrom(await analyseTables([memoryTable(rows)], config), request, { kind: 'annual', skipInvalid: false });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.report;
}

describe('the default words the seed report as the seed does', () => {
  // The seed is a text extraction that printed the report's full-width brackets as ASCII ones
  // (the SPEC writes them full-width); brackets are the only characters the comparison evens out.
  const seedLines = async (): Promise<string[]> =>
    (await readFile(SEED, 'utf8'))
      .split(/\r?\n/u)
      .map((line) => line.trim().replace(/\(/gu, '（').replace(/\)/gu, '）'))
      .filter((line) => line !== '');

  test('the three sentences under the table, sentence 2 included', async () => {
    const lines = await seedLines();
    const seedSentences = lines.filter((line) => line.endsWith('（R4年2月までの累計）'));
    expect(seedSentences).toHaveLength(3);
    expect((await seedReport()).summary).toEqual(seedSentences);
  });

  test('the title, the target line and the evaluation line', async () => {
    const lines = await seedLines();
    const report = await seedReport();
    expect(lines).toContain(report.title);
    expect(report.title).toBe('高崎市 女性のためのつながり相談（累計）');
    // The wording is for the renderers: the JSON (SPEC §10) keeps its keys.
    expect(Object.keys(JSON.parse(renderJson(report)))).toEqual([
      ...['kind', 'fiscalYear', 'fiscalYearLabel', 'startMonth', 'asOf', 'intake', 'ibasho', 'distribution', 'targets', 'summary'],
      ...['ledger', 'inputs', 'program', 'organization', 'periodNote'],
    ]);
    expect(report.targetLines).toEqual([
      {
        id: 'ibasho-sessions',
        line: lines.find((line) => line.startsWith('「居場所」集会の開催：'))!,
        evaluation: lines.find((line) => line.startsWith('評価：'))!,
      },
    ]);
  });

  test('the title follows municipality and program; an empty municipality leaves the program alone', async () => {
    expect((await seedReport(configOf({ municipality: '前橋市', program: '若年女性相談' }))).title).toBe('前橋市 若年女性相談（累計）');
    expect((await seedReport(configOf({ municipality: '' }))).title).toBe('女性のためのつながり相談（累計）');
  });
});

describe('sentences in the config', () => {
  test('a config giving only sentences.intake keeps the default distribution and ibasho sentences', async () => {
    const config = configOf({ sentences: { intake: '{program}は{total}件、最多は{topChannel}。' } });
    expect(config.sentences).toEqual({ ...DEFAULT_CONFIG.sentences, intake: '{program}は{total}件、最多は{topChannel}。' });
    const report = await seedReport(config);
    expect(report.summary[0]).toBe('女性のためのつながり相談は135件、最多は電話。（R4年2月までの累計）');
    expect(report.summary.slice(1)).toEqual((await seedReport()).summary.slice(1));
  });

  test('every placeholder of a sentence is filled; a hidden count reads x', async () => {
    const config = configOf({
      sentences: {
        distribution: '{program}: {locationsUsed}か所、{count}件。',
        ibasho: '{venuesUsed}/{sessions}/{participants}',
        intake: '{topCategories}|{shareText}',
      },
    });
    const report = await seedReport(config);
    expect(report.summary).toEqual([
      '家庭問題、生活問題|8割を超えていた（R4年2月までの累計）',
      '女性のためのつながり相談: 7か所、313件。（R4年2月までの累計）',
      '2/11/17（R4年2月までの累計）',
    ]);
  });

  test('an unknown placeholder is a config error naming the key and the placeholder, in either language', () => {
    expect(problemsOf({ sentences: { ibasho: '{count}回開設された。' } })).toEqual([
      'config.sentences.ibasho: this sentence has no placeholder {count}; it knows {program}, {venuesUsed}, {sessions}, {participants}',
    ]);
    const [problem] = problemsOf({ sentences: { distribution: '累計{total}件' } }, ja);
    expect(problem).toMatch(/^config\.sentences\.distribution: 差し込み \{total\} はこの文では使えません。/u);
    expect(problemsOf({ sentences: { support: '{typeCounts}' } })).toEqual([]);
  });

  test('sentences that are not an object, or an unknown sentence key, are refused', () => {
    expect(problemsOf({ sentences: '居場所' })[0]).toMatch(/^config\.sentences: /u);
    expect(problemsOf({ sentences: { closing: 'x' } })[0]).toMatch(/^config\.sentences: .*closing/u);
  });

  test('another council’s file does not inherit the seed’s city or the seed’s handout places', async () => {
    const other = configOf({
      organization: '架空市社会福祉協議会',
      program: '若年女性相談',
      distributionLocations: [{ label: '市役所' }, { label: '保健センター' }],
    });
    expect(other.municipality).toBe('');
    expect(other.sentences.distribution).toBe('生理用品の配布は{locationsUsed}か所で行い、累計{count}件の配布を行った。');
    // What the file gives wins, and the seed's own file keeps the seed's words.
    expect(configOf({ organization: '架空市社会福祉協議会', municipality: '架空市' }).municipality).toBe('架空市');
    expect(configOf({ program: '相談' }).sentences.intake).toBe(DEFAULT_CONFIG.sentences.intake);
    expect(configOf({ targets: [] }).municipality).toBe('高崎市');
    expect(configOf({ targets: [] }).sentences.distribution).toBe(DEFAULT_CONFIG.sentences.distribution);
  });

  test('"$schema" is accepted and changes nothing', async () => {
    // As a config file is read: the editor's pointer is dropped before the config is checked.
    const config = await configFromText('tsup-report.config.json', JSON.stringify({ $schema: './tsup-report.schema.json' }), en);
    expect((await seedReport(config)).summary).toEqual((await seedReport()).summary);
  });
});

describe('evaluation sentences', () => {
  const result = (evaluation: string | null, achievement: number | null = 0.5): TargetResult => ({
    id: 't',
    label: '目標',
    metric: 'intake.total',
    unit: '件',
    target: 10,
    actual: 5,
    result: 5,
    projected: false,
    achievement,
    evaluation,
  });

  test('each default level has the seed’s kind of sentence', () => {
    const reached = [result('達成', 1), result('概ね達成', 0.6), result('未達成', 0.5)];
    expect(reached.map((r) => targetLines(r, DEFAULT_CONFIG.evaluation).evaluation)).toEqual([
      '評価：達成された。',
      '評価：概ね達成された。',
      '評価：達成されなかった。',
    ]);
  });

  test('a level’s own sentence wins; a level that only moves a threshold keeps the default wording; else the label', () => {
    const levels = configOf({
      evaluation: [
        { min: 1, label: 'A', sentence: '目標を上回った。' },
        { min: 0.8, label: '概ね達成' },
        { min: 0, label: 'C' },
      ],
    }).evaluation;
    expect(targetLines(result('A', 1.1), levels).evaluation).toBe('評価：目標を上回った。');
    expect(targetLines(result('概ね達成', 0.85), levels).evaluation).toBe('評価：概ね達成された。');
    expect(targetLines(result('C', 0.1), levels).evaluation).toBe('評価：C。');
    expect(targetLines(result(null, null), levels)).toEqual({
      id: 't',
      line: '目標：目標10件、結果：5件、達成度：—',
      evaluation: '評価：—',
    });
  });

  test('two levels with one label: the sentence is the reached level’s, not the first’s of that label', () => {
    const levels = configOf({
      evaluation: [
        { min: 1, label: '達成', sentence: '目標を大きく上回った。' },
        { min: 0.9, label: '達成', sentence: '目標をほぼ達成した。' },
        { min: 0, label: '未達成' },
      ],
    }).evaluation;
    expect(targetLines(result('達成', 0.95), levels).evaluation).toBe('評価：目標をほぼ達成した。');
    expect(targetLines(result('達成', 1.2), levels).evaluation).toBe('評価：目標を大きく上回った。');
  });

  test('the evaluation reads the percent the page shows, rounded half up', () => {
    // 0.597 shows as 60%: a reader checking 60% against 60% expects 概ね達成.
    expect(evaluate(0.597, DEFAULT_CONFIG.evaluation)).toBe('概ね達成');
    expect(evaluate(0.594, DEFAULT_CONFIG.evaluation)).toBe('未達成');
    // 57/200 is 28.5%, which binary arithmetic makes 28.499999999999996.
    expect(targetLines({ ...result('未達成', 57 / 200), target: 200, result: 57 }, DEFAULT_CONFIG.evaluation).line).toContain(
      '達成度：29%',
    );
  });
});

describe('targets for one fiscal year', () => {
  const rows: CellValue[][] = [
    INTAKE_HEADER,
    ['1', '2021/8/12', '電話', '家庭問題', '助言'],
    ['2', '2022/8/12', '電話', '家庭問題', '助言'],
  ];
  const target = (id: string, fiscalYear?: number) => ({
    id,
    label: id,
    metric: 'intake.total',
    target: 10,
    unit: '件',
    ...(fiscalYear === undefined ? {} : { fiscalYear }),
  });

  test('a target with fiscalYear applies to that year only; one without applies to every year', async () => {
    const config = configOf({ targets: [target('r3', 2021), target('r4', 2022), target('every')] });
    expect((await memoryReport(rows, config, { fiscalYear: 2021 })).targets.map((t) => t.id)).toEqual(['r3', 'every']);
    const r4 = await memoryReport(rows, config, { fiscalYear: 2022 });
    expect(r4.targets.map((t) => t.id)).toEqual(['r4', 'every']);
    expect(r4.targetLines.map((t) => t.id)).toEqual(['r4', 'every']);
  });

  test('one id may carry a target per year, but not two that apply to the same year', () => {
    expect(problemsOf({ targets: [target('t', 2021), target('t', 2022)] })).toEqual([]);
    expect(problemsOf({ targets: [target('t', 2021), target('t')] })).toEqual(['config.targets[1].id: target id "t" is used twice']);
    expect(problemsOf({ targets: [target('t', 2021), target('t', 2021)] })).toHaveLength(1);
    expect(problemsOf({ targets: [target('t', 20.5)] })[0]).toMatch(/^config\.targets\[0\]\.fiscalYear: /u);
  });
});

describe('every format shows the title, the sentences under the table (the month-end report too) and the target lines', () => {
  test.each(['monthly', 'annual'] as const)('%s', async (kind) => {
    const report = await seedReport(DEFAULT_CONFIG, kind);
    const table = await renderTable(report);
    const outputs = { md: renderMarkdown(report), html: renderHtml(report), csv: renderCsv(report), table };
    for (const [format, text] of Object.entries(outputs)) {
      // The terminal wraps long sentences; compare with line breaks taken out.
      const flat = format === 'table' ? text.replace(/\n/gu, '') : text;
      const intakeAt = flat.indexOf('高崎市 女性のためのつながり相談（累計）');
      expect({ format, intakeAt: intakeAt >= 0 }).toEqual({ format, intakeAt: true });
      let previous = intakeAt;
      for (const sentence of report.summary) {
        const at = flat.indexOf(sentence, previous);
        expect({ format, sentence, after: at > previous }).toEqual({ format, sentence, after: true });
        previous = at;
      }
      const lines = report.targetLines.flatMap((t) => [t.line, t.evaluation]);
      for (const line of lines) expect({ format, line, shown: flat.includes(line) }).toEqual({ format, line, shown: kind === 'annual' });
    }
    // 120 columns, a default Windows terminal, must read without wrapping.
    const sentenceLines = table.split('\n').filter((line) => !/[│┌└├─]/u.test(line));
    expect(Math.max(...sentenceLines.map(displayWidth))).toBeLessThanOrEqual(120);
  });
});
