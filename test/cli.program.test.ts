/**
 * SPEC §14 end to end on fixtures/program-2y (scripts/make-program.ts): people, attributes and
 * support actions as the tool reports them equal figures computed here from the generator's
 * records — never from the tool.
 */
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  AGE_LABELS,
  MONTHS,
  NOT_WRITTEN,
  programRecords,
  SUPPORT_TYPES,
  UNKNOWN_AGE,
  type ProgramConsultation,
} from '../scripts/fixture-data/program.js';
import { fixture, runCli } from './helpers.js';

const { consultations, support } = programRecords();
const CONFIG = ['--config', fixture('program-2y', 'tsup-report.config.json')];
const THIS_YEAR = [...MONTHS.thisYearWorkbook, ...MONTHS.thisYearCsv];
const monthOf = (date: string): string => date.slice(0, 7);

async function reportJson(args: string[]): Promise<Record<string, any>> {
  const result = await runCli([...args, ...CONFIG, '--format', 'json']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, any>;
}

/** Counts by key, over the records given. */
function countBy<T>(records: readonly T[], key: (record: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const record of records) counts[key(record)] = (counts[key(record)] ?? 0) + 1;
  return counts;
}

/** The tool's counts equal the expected ones; a label it leaves out must be expected 0, and it names no label not expected. */
function expectCounts(actual: Record<string, number | null>, expected: Record<string, number>, labels: readonly string[]): void {
  for (const label of Object.keys(actual)) expect(labels, `unexpected label ${label}`).toContain(label);
  for (const label of labels) expect(actual[label] ?? 0, label).toBe(expected[label] ?? 0);
}

/** 新規 as SPEC §14 defines it: the column when the row has one, else the person's first record among all records read. */
function peopleOf(
  inMonth: readonly ProgramConsultation[],
  read: readonly ProgramConsultation[],
  visitColumn: (c: ProgramConsultation) => boolean,
) {
  const first = new Map<string, ProgramConsultation>();
  for (const c of read)
    if (c.clientId !== null && (!first.has(c.clientId) || c.date < first.get(c.clientId)!.date)) first.set(c.clientId, c);
  return {
    clients: new Set(inMonth.flatMap((c) => (c.clientId === null ? [] : [c.clientId]))).size,
    new: inMonth.filter((c) => (visitColumn(c) ? c.visit === '新規' : c.clientId !== null && first.get(c.clientId) === c)).length,
    withoutId: inMonth.filter((c) => c.clientId === null).length,
  };
}

const hasVisitColumn = (c: ProgramConsultation): boolean => MONTHS.previousYear.includes(monthOf(c.date));

describe('fixtures/program-2y: people, attributes and support equal the generator’s records (SPEC §14)', () => {
  test('令和7年度 through December, every file read: 実人数 per month and for the period (distinct, not summed), 新規 from earlier years', async () => {
    const json = await reportJson(['monthly', fixture('program-2y'), '--month', '2025-12']);
    const inYear = consultations.filter((c) => THIS_YEAR.includes(monthOf(c.date)));
    expect(json.intake.total.total).toBe(inYear.length);
    for (const month of THIS_YEAR) {
      const row = json.intake.people.months.find((m: { month: string }) => m.month === month);
      expect(row, month).toMatchObject(
        peopleOf(
          inYear.filter((c) => monthOf(c.date) === month),
          consultations,
          hasVisitColumn,
        ),
      );
    }
    const period = peopleOf(inYear, consultations, hasVisitColumn);
    expect(json.intake.people.total).toMatchObject(period);
    const summed = json.intake.people.months.reduce((sum: number, m: { clients: number }) => sum + m.clients, 0);
    expect(period.clients).toBeLessThan(summed);
  });

  test('令和6年度: 新規 is what the 新規/継続 column says, also for someone seen half a year before', async () => {
    const json = await reportJson(['annual', fixture('program-2y'), '--fiscal-year', 'R6']);
    const inYear = consultations.filter((c) => MONTHS.previousYear.includes(monthOf(c.date)));
    expect(json.intake.people.total).toMatchObject(peopleOf(inYear, consultations, () => true));
    // The column and "first record read" differ in this data: the test would notice which one is used.
    expect(peopleOf(inYear, consultations, () => true).new).not.toBe(peopleOf(inYear, consultations, () => false).new);
  });

  test('with only this year’s files, people first seen last year become 新規: only the records read count', async () => {
    const files = [fixture('program-2y', '令和7年度_記録.xlsx'), fixture('program-2y', '令和7年度_相談記録_10-12月.csv')];
    const json = await reportJson(['monthly', ...files, '--month', '2025-12']);
    const inYear = consultations.filter((c) => THIS_YEAR.includes(monthOf(c.date)));
    const alone = peopleOf(inYear, inYear, () => false);
    expect(json.intake.people.total).toMatchObject(alone);
    expect(alone.new).toBeGreaterThan(peopleOf(inYear, consultations, () => false).new);
  });

  test('年代 and DV: every label per month and for the period; ages typed as numbers in their band, junk under 不明, rows without the column under 未記入', async () => {
    const json = await reportJson(['monthly', fixture('program-2y'), '--month', '2025-12']);
    const inYear = consultations.filter((c) => THIS_YEAR.includes(monthOf(c.date)));
    const ageOf = (c: ProgramConsultation): string => (MONTHS.thisYearCsv.includes(monthOf(c.date)) ? NOT_WRITTEN : c.ageLabel);
    const [age, dv] = json.intake.attributes as {
      id: string;
      total: Record<string, number>;
      months: { month: string; counts: Record<string, number> }[];
    }[];
    expect([age!.id, dv!.id]).toEqual(['ageGroup', 'dv']);
    const ageLabels = [...AGE_LABELS, UNKNOWN_AGE, NOT_WRITTEN];
    expectCounts(age!.total, countBy(inYear, ageOf), ageLabels);
    expectCounts(
      dv!.total,
      countBy(inYear, (c) => c.dv),
      ['該当', '非該当', NOT_WRITTEN],
    );
    for (const month of THIS_YEAR) {
      const these = inYear.filter((c) => monthOf(c.date) === month);
      expectCounts(age!.months.find((m) => m.month === month)!.counts, countBy(these, ageOf), ageLabels);
      expectCounts(
        dv!.months.find((m) => m.month === month)!.counts,
        countBy(these, (c) => c.dv),
        ['該当', '非該当', NOT_WRITTEN],
      );
    }
    // Both forms of junk and every way of typing an age occur in the data the test relies on.
    expect(inYear.some((c) => c.ageText === '山田花子' || c.ageText === 'わからない')).toBe(true);
    expect(inYear.some((c) => /^\d+$/u.test(c.ageText))).toBe(true);
    expect(inYear.some((c) => /歳代$/u.test(c.ageText))).toBe(true);
  });

  test('support: by month × type and by agency × type, empty 連携先 under 未記入', async () => {
    const json = await reportJson(['monthly', fixture('program-2y'), '--month', '2025-12']);
    const inYear = support.filter((s) => THIS_YEAR.includes(monthOf(s.date)));
    expect(json.support.total).toBe(inYear.length);
    expectCounts(
      json.support.type,
      countBy(inYear, (s) => s.type),
      SUPPORT_TYPES,
    );
    for (const month of THIS_YEAR) {
      const row = json.support.months.find((m: { month: string }) => m.month === month);
      expectCounts(
        row.type,
        countBy(
          inYear.filter((s) => monthOf(s.date) === month),
          (s) => s.type,
        ),
        SUPPORT_TYPES,
      );
    }
    const byAgency = countBy(inYear, (s) => s.agency ?? NOT_WRITTEN);
    for (const [agency, total] of Object.entries(byAgency)) {
      const row = json.support.byAgency.find((r: { agency: string }) => r.agency === agency);
      expect(row, agency).toBeDefined();
      expect(row.total).toBe(total);
      expectCounts(
        row.type,
        countBy(
          inYear.filter((s) => (s.agency ?? NOT_WRITTEN) === agency),
          (s) => s.type,
        ),
        SUPPORT_TYPES,
      );
    }
  });

  test('nothing personal leaves the tool: no 相談者ID, note or 年代 text in any format or in validate', async () => {
    const secrets = [
      ...new Set(
        consultations.flatMap((c) => [
          c.clientId ?? '',
          c.notes,
          ...(AGE_LABELS.includes(c.ageText) || /^\d*$/u.test(c.ageText) ? [] : [c.ageText]),
        ]),
      ),
      ...support.map((s) => s.notes),
    ].filter((text) => text.length >= 2);
    for (const args of [
      ['monthly', fixture('program-2y'), '--month', '2025-12', '--format', 'md'],
      ['annual', fixture('program-2y'), '--month', '2025-12', '--format', 'json'],
      ['validate', fixture('program-2y'), '--format', 'json'],
      ['validate', fixture('program-2y')],
    ]) {
      const result = await runCli([...args, ...CONFIG]);
      const output = result.stdout + result.stderr;
      for (const secret of secrets) expect(output.includes(secret), `${args.join(' ')} shows ${secret}`).toBe(false);
    }
  });

  test('year on year: 令和7年度 April–December against the same months of 令和6年度, from the logs and from last year’s JSON alike (SPEC §15)', async () => {
    const json = await reportJson(['monthly', fixture('program-2y'), '--month', '2025-12']);
    const lastMonths = THIS_YEAR.map((m) => `${Number(m.slice(0, 4)) - 1}${m.slice(4)}`);
    const before = consultations.filter((c) => lastMonths.includes(monthOf(c.date)));
    const now = consultations.filter((c) => THIS_YEAR.includes(monthOf(c.date)));
    expect(json.previous).toMatchObject({ fiscalYear: 2024, startMonth: '2024-04', asOf: '2024-12' });
    expect(json.previous.intake.total).toBe(before.length);
    expect(json.previous.people).toEqual({
      clients: new Set(before.flatMap((c) => (c.clientId ? [c.clientId] : []))).size,
      new: before.filter((c) => c.visit === '新規').length,
    });
    expect(json.previous.support.total).toBe(support.filter((s) => lastMonths.includes(monthOf(s.date))).length);
    const diff = now.length - before.length;
    expect(json.change.intake.total).toEqual({ diff, ratio: Math.round((diff / before.length) * 1000) / 1000 });
    expect(json.summary.at(-1)).toContain(diff > 0 ? '増加した' : diff < 0 ? '減少した' : '同数であった');

    // Last year's annual JSON stands for the same months; its people cover other months, so they are not compared.
    const lastYear = await runCli(['annual', fixture('program-2y'), '--fiscal-year', 'R6', ...CONFIG, '--format', 'json', '--quiet']);
    const file = path.join(os.tmpdir(), `program-r6-${process.pid}.json`);
    await writeFile(file, lastYear.stdout);
    const thisYearOnly = [
      fixture('program-2y', '令和7年度_記録.xlsx'),
      fixture('program-2y', '令和7年度_相談記録_10-12月.csv'),
      fixture('program-2y', '令和7年度_居場所.csv'),
      fixture('program-2y', '令和7年度_配布.csv'),
    ];
    const fromFile = await reportJson(['monthly', ...thisYearOnly, '--month', '2025-12', '--compare', file]);
    await rm(file);
    expect({ ...fromFile.previous, people: null, support: null }).toEqual({ ...json.previous, people: null, support: null });
    expect(fromFile.previous.people).toBeNull();
  });
});
