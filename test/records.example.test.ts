import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { exampleCells } from '../src/records/example.js';
import { KIND_FIELDS } from '../src/records/kinds.js';
import type { CellValue } from '../src/read/types.js';
import { analyseTables, memoryTable } from './helpers.js';

const HEADER = KIND_FIELDS.intake.map((f) => f.header);
const example = (): CellValue[] => exampleCells('intake', DEFAULT_CONFIG, new Date(Date.UTC(2021, 8, 1)));
const record: CellValue[] = ['R3-1', new Date(Date.UTC(2021, 8, 2)), 'メール', '家庭問題', '継続'];

async function ledgerOf(rows: CellValue[][]) {
  const { collected, log } = await analyseTables([memoryTable([HEADER, ...rows], 'filled-template.xlsx', '相談記録')]);
  return { intake: collected.rows.intake, codes: log.list().map((p) => [p.code, p.row]) };
}

describe('the template’s 記入例 row', () => {
  test('left as the template wrote it (any date): not counted, and said as information', async () => {
    const { intake, codes } = await ledgerOf([example(), record]);
    expect(intake).toMatchObject({ accepted: 1, blank: 1, rejected: 0 });
    expect(codes).toEqual([['example-row', 2]]);
  });

  test('a consultation typed over it with 記入例 left in the first cell is counted, not dropped', async () => {
    const typedOver = example();
    typedOver[2] = 'メール';
    typedOver[6] = '';
    const { intake, codes } = await ledgerOf([typedOver, record]);
    expect(intake).toMatchObject({ accepted: 2, blank: 0, rejected: 0 });
    expect(codes).toEqual([]);
  });

  test('a row whose first cell only begins with 記入例 is an ordinary row', async () => {
    const noteFirst = memoryTable(
      [
        ['備考', '受付日', '受付方法', '主訴', '対応結果'],
        ['記入例のとおり案内した', '2021/8/3', '電話', '家庭問題', '助言'],
      ],
      'notes-first.csv',
    );
    const { collected } = await analyseTables([noteFirst]);
    expect(collected.rows.intake).toMatchObject({ accepted: 1, blank: 0 });
  });
});
