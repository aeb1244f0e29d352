import { describe, expect, test } from 'vitest';
import { reportFrom } from '../src/pipeline.js';
import { sharesOf } from '../src/report/shares.js';
import { analyseFiles, fixture } from './helpers.js';

async function takasaki(suppressBelow?: number) {
  const result = reportFrom(
    await analyseFiles([fixture('takasaki-r3')]),
    {},
    { kind: 'annual', skipInvalid: false, ...(suppressBelow ? { suppressBelow } : {}) },
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.report;
}

describe('構成比 (SPEC §15): share beside the totals', () => {
  test('each label’s count over the total, to three places; the seed’s 電話 is 109 of 135', async () => {
    const { intake } = await takasaki();
    const { total, channel, outcome, share } = intake.total;
    expect(share!.channel['電話']).toBe(0.807);
    for (const [label, n] of Object.entries(channel)) expect(share!.channel[label]).toBe(Math.round((n! / total!) * 1000) / 1000);
    for (const [label, n] of Object.entries(outcome)) expect(share!.outcome[label]).toBe(Math.round((n! / total!) * 1000) / 1000);
  });

  test('under suppression the share of a hidden count is hidden too', async () => {
    const { intake } = await takasaki(12);
    for (const group of ['channel', 'category', 'outcome'] as const) {
      for (const [label, n] of Object.entries(intake.total[group])) {
        if (n === null) expect(intake.total.share![group][label], label).toBeNull();
        else expect(intake.total.share![group][label], label).not.toBeNull();
      }
    }
    expect(Object.values(intake.total.channel)).toContain(null);
  });

  test('a hidden total hides every share; mentions are the whole of 主訴（複数回答）', async () => {
    const report = await takasaki();
    const hiddenTotal = { ...report, intake: { ...report.intake, total: { ...report.intake.total, total: null } } };
    expect(Object.values(sharesOf(hiddenTotal).channel).every((s) => s === null)).toBe(true);
    const multiple = {
      ...report,
      intake: {
        ...report.intake,
        categoryMode: 'multiple' as const,
        total: { ...report.intake.total, category: { 家庭問題: 30, 生活問題: 10 } },
      },
    };
    expect(sharesOf(multiple).category).toEqual({ 家庭問題: 0.75, 生活問題: 0.25 });
  });
});
