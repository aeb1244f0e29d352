import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { reportFrom } from '../src/pipeline.js';
import type { CellValue } from '../src/read/types.js';
import { analyseFiles, analyseTables, fixture, memoryTable } from './helpers.js';

const HEADER = ['受付番号', '受付日', '受付方法', '主訴', '対応結果', '相談者ID'];
const row = (id: string, date: string, client: string): CellValue[] => [id, date, '電話', '家庭問題', '助言', client];
const config = { ...DEFAULT_CONFIG, programStart: null };

async function peopleOf(rows: CellValue[][], header = HEADER, request = { fiscalYear: 2021 }) {
  const result = reportFrom(await analyseTables([memoryTable([header, ...rows])], config), request, { kind: 'annual', skipInvalid: false });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.report.intake.people;
}

describe('相談者数（実人数）', () => {
  test('distinct people per month and for the period; 新規 from each person’s first record, earlier years included', async () => {
    const people = await peopleOf([
      row('R2-9', '2021/3/15', 'C'), // the year before: makes C not new in September
      row('1', '2021/8/2', 'A'),
      row('2', '2021/8/5', 'B'),
      row('3', '2021/8/9', 'A'),
      row('4', '2021/9/1', 'A'),
      row('5', '2021/9/2', 'C'),
      row('6', '2021/9/3', ''),
    ]);
    const august = people!.months.find((m) => m.month === '2021-08');
    const september = people!.months.find((m) => m.month === '2021-09');
    expect(august).toEqual({ month: '2021-08', clients: 2, new: 2, withoutId: 0 });
    expect(september).toEqual({ month: '2021-09', clients: 2, new: 0, withoutId: 1 });
    // A is one person in August and September: the period's count is not the sum of the months.
    expect(people!.total).toEqual({ clients: 3, new: 2, withoutId: 1 });
  });

  test('a 新規/継続 column says who is new; without IDs it gives 新規 alone', async () => {
    const header = ['受付日', '受付方法', '主訴', '対応結果', '新規/継続'];
    const visit = (date: string, v: string): CellValue[] => [date, '電話', '家庭問題', '助言', v];
    const people = await peopleOf([visit('2021/8/2', '新規'), visit('2021/8/3', '継続'), visit('2021/9/1', '初回')], header);
    expect(people!.total).toEqual({ clients: null, new: 2, withoutId: null });
    expect(people!.months.find((m) => m.month === '2021-08')).toEqual({ month: '2021-08', clients: null, new: 1, withoutId: null });
  });

  test('a re-exported row (same 受付番号, same content) is one consultation of one person', async () => {
    const people = await peopleOf([row('1', '2021/8/2', 'A'), row('1', '2021/8/2', 'A'), row('2', '2021/8/3', 'B')]);
    expect(people!.total).toEqual({ clients: 2, new: 2, withoutId: 0 });
  });

  test('a bad 新規/継続 value is an error naming the two values, and a 相談者ID is never echoed', async () => {
    const header = [...HEADER, '新規/継続'];
    const { log } = await analyseTables([memoryTable([header, [...row('1', '2021/8/2', '山田花子'), 'はじめて']])], config);
    const problems = log.list();
    expect(problems.map((p) => [p.code, p.column])).toEqual([['unknown-value', '新規/継続']]);
    expect(JSON.stringify(problems)).not.toContain('山田花子');
  });

  test('logs without either column: no people in the report, so the seed’s JSON gains no key', async () => {
    const result = reportFrom(await analyseFiles([fixture('takasaki-r3')]), {}, { kind: 'annual', skipInvalid: false });
    expect(result.ok && 'people' in result.report.intake).toBe(false);
  });
});
