import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import type { Config } from '../src/config/schema.js';
import { reportFrom } from '../src/pipeline.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderTable } from '../src/render/table.js';
import type { CellValue } from '../src/read/types.js';
import { analyseTables, INTAKE_HEADER, memoryTable } from './helpers.js';

async function build(rows: CellValue[][], config: Config = DEFAULT_CONFIG, request = {}) {
  const analysis = await analyseTables([memoryTable(rows)], config);
  const result = reportFrom(analysis, request, { kind: 'annual', skipInvalid: false });
  if (!result.ok) throw new Error(result.problem);
  return result.report;
}

const consultation = (id: number, date: string, category = '家庭問題'): CellValue[] => [String(id), date, '電話', category, '助言'];

describe('annual edge cases', () => {
  test('a year with no gatherings: zero sessions, an honest sentence, the target not reached', async () => {
    const report = await build([INTAKE_HEADER, consultation(1, '2021/8/12'), consultation(2, '2021/9/13')]);
    expect(report.ibasho).toMatchObject({ sessions: 0, participants: 0 });
    expect(report.summary[2]).toBe('居場所の開設はなかった。（R3年9月までの累計）');
    expect(report.summary[1]).toBe('生理用品の配布はなかった。（R3年9月までの累計）');
    expect(report.targets[0]).toMatchObject({ actual: 0, result: 0, projected: true, achievement: 0, evaluation: '未達成' });
  });

  test('a target of 0 has no achievement rate and no evaluation, and renders as a dash', async () => {
    const config = { ...DEFAULT_CONFIG, targets: [{ id: 'z', label: 'ゼロ目標', metric: 'intake.channel.メール', target: 0, unit: '件' }] };
    const report = await build([INTAKE_HEADER, consultation(1, '2021/8/12')], config);
    expect(report.targets[0]).toMatchObject({ actual: 0, result: 0, achievement: null, evaluation: null });
    expect(renderMarkdown(report)).toContain('ゼロ目標：目標0件、結果：0件（見込）、達成度：—\n\n評価：—');
    expect(await renderTable(report)).toContain('ゼロ目標');
  });

  test('a program that starts at the beginning of the year projects over all its months', async () => {
    const rows = [INTAKE_HEADER, consultation(1, '2021/8/12'), consultation(2, '2022/2/14')];
    const midYear = await build(rows, {
      ...DEFAULT_CONFIG,
      targets: [{ id: 't', label: 't', metric: 'intake.total', target: 10, unit: '件' }],
    });
    // Start 2021-08 (first records): E = 7, R = 1 → 2 + 2/7 = 2.29 → 2.
    expect(midYear.startMonth).toBe('2021-08');
    expect(midYear.targets[0]!.result).toBe(2);
    const fromApril = await build(rows, {
      ...DEFAULT_CONFIG,
      programStart: '2021-04',
      targets: [{ id: 't', label: 't', metric: 'intake.total', target: 10, unit: '件' }],
    });
    // Start 2021-04: E = 11, R = 1 → 2 + 2/11 = 2.18 → 2; the table lists April to February.
    expect(fromApril.startMonth).toBe('2021-04');
    expect(fromApril.intake.months).toHaveLength(11);
    expect(fromApril.intake.months[0]).toMatchObject({ month: '2021-04', total: 0 });
  });

  test('categories: the fewest leading ones over half, and 「占めていた」 on an exact tenth', async () => {
    const rows: CellValue[][] = [INTAKE_HEADER];
    const categories = ['家庭問題', '家庭問題', '家庭問題', '生活問題', '生活問題', '生活問題', 'その他', 'その他', '就労関係', '対人関係'];
    categories.forEach((c, i) => rows.push(consultation(i + 1, '2021/8/12', c)));
    const report = await build(rows);
    expect(report.summary[0]).toBe(
      '女性のためのつながり相談事業は、電話での相談が最も多く、主訴は家庭問題、生活問題が全体の6割を占めていた。（R3年8月までの累計）',
    );
  });

  test('the year end: as-of in the last month means no projection', async () => {
    const report = await build([INTAKE_HEADER, consultation(1, '2021/8/12'), consultation(2, '2022/3/14')]);
    expect(report.asOf).toBe('2022-03');
    expect(report.targets[0]!.projected).toBe(false);
  });
});
