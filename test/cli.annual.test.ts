import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { FULL_YEAR_CONFIG, FULL_YEAR_MONTHS, fullYearRecords } from '../scripts/fixture-data/full-year.js';
import { fixture, runCli, useTempDir } from './helpers.js';

const annual = async (args: string[]): Promise<any> => {
  const result = await runCli(['annual', ...args, '--format', 'json', '--lang', 'en']);
  // stderr carries only the closing summary of what was read.
  expect(result.stderr).toMatch(/^Files: \d+ read/u);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};

describe('annual on the seed program (fixtures/takasaki-r3)', () => {
  let json: any;
  beforeAll(async () => {
    json = await annual([fixture('takasaki-r3')]);
  });

  test('the target: 13回（見込）, 65%, 概ね達成', () => {
    expect(json.kind).toBe('annual');
    expect(json.targets).toEqual([
      {
        id: 'ibasho-sessions',
        label: '「居場所」集会の開催',
        metric: 'ibasho.sessions',
        unit: '回',
        target: 20,
        actual: 11,
        result: 13,
        projected: true,
        achievement: 0.65,
        evaluation: '概ね達成',
      },
    ]);
  });

  test('gatherings 2 venues, 11 sessions, 17 participants; handouts 313', () => {
    expect(json.ibasho.sessions).toBe(11);
    expect(json.ibasho.participants).toBe(17);
    expect(json.ibasho.venues.filter((v: { sessions: number }) => v.sessions > 0)).toHaveLength(2);
    expect(json.distribution.count).toBe(313);
    expect(json.distribution.locations.map((l: { location: string }) => l.location)).toEqual([
      '本所',
      '倉渕支所',
      '箕郷支所',
      '群馬支所',
      '新町支所',
      '榛名支所',
      '吉井支所',
    ]);
  });

  test('the summary sentences read like the seed', () => {
    expect(json.summary).toEqual([
      '女性のためのつながり相談事業は、電話での相談が最も多く、主訴は家庭問題、生活問題が全体の8割を超えていた。（R4年2月までの累計）',
      '生理用品の配布は社会福祉協議会本所及び、各支所にて配布を行い、累計313件の配布を行った。（R4年2月までの累計）',
      '居場所の開設事業については、2カ所で延べ11回開設され、17名の利用があった。（R4年2月までの累計）',
    ]);
  });

  test('every ledger balances', () => {
    for (const ledger of Object.values(json.ledger) as Record<string, number>[]) {
      expect(ledger.read).toBe(ledger.blank! + ledger.duplicate! + ledger.rejected! + ledger.outOfPeriod! + ledger.counted!);
    }
    expect(json.ledger.ibasho.counted).toBe(11);
  });

  test('--fiscal-year accepts 2021, R3 and 令和3 alike', async () => {
    for (const year of ['2021', 'R3', '令和3', '令和3年度']) {
      const other = await annual([fixture('takasaki-r3'), '--fiscal-year', year]);
      expect(other.targets).toEqual(json.targets);
    }
  });

  test('an as-of month before the start month is a clear error', async () => {
    const result = await runCli(['annual', fixture('takasaki-r3'), '--fiscal-year', 'R3', '--as-of', '2021-06', '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('The report month 2021-06 is before the start month 2021-08. Check --month / --as-of.');
  });

  test('a config target naming an unknown metric is a clear config error', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tsup-annual-'));
    try {
      const config = path.join(dir, 'c.json');
      await import('node:fs/promises').then((fs) =>
        fs.writeFile(config, JSON.stringify({ targets: [{ id: 'x', label: 'x', metric: 'ibasho.visitors', target: 5, unit: '人' }] })),
      );
      const result = await runCli(['annual', fixture('takasaki-r3'), '--config', config, '--lang', 'en']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('config.targets[0].metric: no metric "ibasho.visitors"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('annual on a complete year of another program (fixtures/full-year)', () => {
  const config = ['--config', fixture('full-year', 'tsup-report.config.json')];
  const { consultations, gatherings, handouts } = fullYearRecords();
  const inMonths = (months: string[]) => (r: { date: string }) => months.includes(r.date.slice(0, 7));

  /** The figures of each target, computed here from the generator's records, not from the tool. */
  function expectedTargets(months: string[], remaining: number) {
    const actual: Record<string, number> = {
      'intake.total': consultations.filter(inMonths(months)).length,
      'ibasho.participants': gatherings.filter(inMonths(months)).reduce((n, g) => n + g.participants, 0),
      'distribution.count': handouts.filter(inMonths(months)).reduce((n, h) => n + h.count, 0),
    };
    return FULL_YEAR_CONFIG.targets.map((t) => {
      const a = actual[t.metric]!;
      const result = remaining === 0 ? a : Math.round(a + (a * remaining) / months.length);
      const achievement = result / t.target;
      const evaluation = FULL_YEAR_CONFIG.evaluation.find((level) => achievement >= level.min)!.label;
      return { id: t.id, actual: a, result, projected: remaining > 0, achievement, evaluation };
    });
  }

  /** The tool's figures of each target, in the shape expectedTargets gives. */
  const targetFigures = (json: any) =>
    json.targets.map(({ id, actual, result, projected, achievement, evaluation }: any) => ({
      id,
      actual,
      result,
      projected,
      achievement,
      evaluation,
    }));

  test('the whole year: no projection, every target against independently computed figures', async () => {
    const json = await annual([fixture('full-year'), ...config, '--fiscal-year', 'R5']);
    expect(json.fiscalYearLabel).toBe('令和5年度');
    expect(json.startMonth).toBe('2023-04');
    expect(json.asOf).toBe('2024-03');
    expect(json.intake.months).toHaveLength(12);
    const expected = expectedTargets(FULL_YEAR_MONTHS, 0);
    expect(targetFigures(json)).toEqual(expected);
    // The fixture reaches three of the four evaluation levels.
    expect(new Set(expected.map((t) => t.evaluation)).size).toBe(3);
  });

  test("the next year's records are out of period, not errors", async () => {
    const json = await annual([fixture('full-year'), ...config, '--fiscal-year', 'R5']);
    const next = (r: { date: string }) => r.date >= '2024-04';
    expect(json.ledger.intake.outOfPeriod).toBe(consultations.filter(next).length);
    expect(json.ledger.ibasho.outOfPeriod).toBe(gatherings.filter(next).length);
    expect(json.ledger.distribution.outOfPeriod).toBe(handouts.filter(next).length);
    expect(json.ledger.intake.counted).toBe(consultations.filter((c) => !next(c)).length);
    expect(json.ledger.intake.rejected).toBe(0);
  });

  test('without --fiscal-year, the year of the latest record is reported (令和6年度 so far)', async () => {
    const json = await annual([fixture('full-year'), ...config]);
    expect(json.fiscalYear).toBe(2024);
    expect(json.asOf).toBe('2024-05');
  });

  test('the same data as of December: projected results', async () => {
    const json = await annual([fixture('full-year'), ...config, '--as-of', '2023-12']);
    const months = FULL_YEAR_MONTHS.slice(0, 9);
    const expected = expectedTargets(months, 3);
    expect(targetFigures(json)).toEqual(expected);
    expect(json.targets.every((t: any) => t.projected)).toBe(true);
  });

  test('its own labels drive the tables and the sentences', async () => {
    const json = await annual([fixture('full-year'), ...config, '--fiscal-year', 'R5']);
    expect(Object.keys(json.intake.total.channel)).toEqual(['電話', 'LINE', '面談', '訪問']);
    expect(json.summary[0]).toMatch(/^若年女性のための寄り添い相談事業は、/u);
    expect(json.summary[2]).toContain(`延べ${gatherings.filter(inMonths(FULL_YEAR_MONTHS)).length}回`);
  });
});

describe('annual outputs read like the seed report', () => {
  let dir: string;
  useTempDir('tsup-annual-out-', (created) => (dir = created));

  test('Markdown: targets, table, summary, gatherings and handouts, in that order', async () => {
    const out = path.join(dir, 'a.md');
    const result = await runCli(['annual', fixture('takasaki-r3'), '--out', out]);
    expect(result.code).toBe(0);
    const md = await readFile(out, 'utf8');
    expect(md).toContain('「居場所」集会の開催：目標20回、結果：13回（見込）、達成度：65%\n\n評価：概ね達成された。');
    const order = ['## 目的・目標', '## 高崎市 女性のためのつながり相談（累計）', '## まとめ', '## 居場所の開設', '## 生理用品の配布'].map(
      (h) => md.indexOf(h),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('XLSX: 目標と実績, 累計表, 居場所, 生理用品配布 with numbers as numbers', async () => {
    const out = path.join(dir, 'a.xlsx');
    expect((await runCli(['annual', fixture('takasaki-r3'), '--out', out])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['目標と実績', '累計表', '居場所', '生理用品配布']);
    const targets = workbook.getWorksheet('目標と実績')!;
    expect(targets.getRow(6).values).toEqual([undefined, '項目', '目標', '実績', '結果', '見込', '達成度', '評価', '単位']);
    expect(targets.getRow(7).values).toEqual([undefined, '「居場所」集会の開催', 20, 11, 13, '見込', 0.65, '概ね達成', '回']);
    expect(targets.getCell('F7').numFmt).toBe('0%');
    const ibasho = workbook.getWorksheet('居場所')!;
    // Totals are =SUM formulas; their cached results are the counts.
    const totalRow = (ibasho.getRow(12).values as unknown[]).map((v) =>
      typeof v === 'object' && v !== null ? (v as { result: unknown }).result : v,
    );
    expect(totalRow).toEqual([undefined, '合計', 6, 5, 11, 8, 9, 17]);
    const handouts = workbook.getWorksheet('生理用品配布')!;
    expect(handouts.getCell('I11').value).toEqual({ formula: 'SUM(I4:I10)', result: 313 });
  });
});
