import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { detectHeader } from '../src/records/header.js';
import type { CellValue } from '../src/read/types.js';
import { analyseSourceFiles, analyseTables, INTAKE_HEADER, memoryFile, memoryTable } from './helpers.js';

const HEADER: CellValue[] = ['実施日', '支援内容', '連携先', '受付番号', '相談者ID', '備考'];
const TYPES = DEFAULT_CONFIG.supportTypes.map((t) => t.label);
const AGENCIES = DEFAULT_CONFIG.agencies.map((a) => a.label);
const rowsOf = (cells: CellValue[][]) => cells.map((c, i) => ({ row: i + 1, cells: c }));

/** Counts of a month in the tally as `type|agency` → n (agency `-` for a blank 連携先), zeros left out. */
async function tallied(tables: Parameters<typeof analyseTables>[0]) {
  const analysis = await analyseTables(tables);
  const byMonth: Record<string, Record<string, number>> = {};
  for (const [month, { byAgency }] of analysis.tally.support) {
    byAgency.forEach((counts, agency) =>
      counts.forEach((n, type) => {
        if (n !== 0) (byMonth[month] ??= {})[`${TYPES[type]}|${AGENCIES[agency] ?? '-'}`] = n;
      }),
    );
  }
  return { analysis, byMonth, problems: analysis.log.list() };
}

describe('支援記録: a fourth kind of log', () => {
  test('its header is recognised by its own columns, aliases included, and never taken for another kind', () => {
    const canonical = detectHeader(rowsOf([HEADER]));
    expect(canonical.ok && canonical.layout.kind).toBe('support');
    const aliases = detectHeader(rowsOf([['令和3年度 支援記録'], ['支援日', '支援種別', '連携機関']]));
    expect(aliases.ok && aliases.layout.kind).toBe('support');
    expect(aliases.ok && aliases.layout.columns.map((c) => c.spec.field)).toEqual(['date', 'type', 'agency']);
    expect(detectHeader(rowsOf([['日付', '支援の種類', '紹介先']]))).toMatchObject({ ok: true, layout: { kind: 'support' } });
    // 実施日 is also a date of the gatherings; 支援内容 decides.
    expect(detectHeader(rowsOf([['実施日', '実施団体', '参加者数']]))).toMatchObject({ ok: true, layout: { kind: 'ibasho' } });
    // A consultation log with a free-text 支援内容 column stays a consultation log.
    const intake = detectHeader(rowsOf([[...INTAKE_HEADER, '支援内容', '連携先']]));
    expect(intake.ok && intake.layout.kind).toBe('intake');
    // Without 支援内容 the support log is named, with what it lacks.
    expect(detectHeader(rowsOf([['実施日', '連携先', '備考']]))).toMatchObject({
      ok: false,
      code: 'missing-column',
      detail: { kind: 'support', missing: ['支援内容'] },
    });
  });

  test('a CSV: each action counted by month, type and agency; aliases of types and agencies; a blank 連携先 counted apart', async () => {
    const rows: CellValue[][] = [
      ['2021/9/1', '同行支援', '福祉事務所', '12', 'C-1', 'メモ'],
      ['2021/9/3', '同行', '教育委員会', '12', 'C-1', ''],
      ['2021/9/3', '訪問', '', '', '', ''],
      ['2021/10/5', '他機関との調整', 'ハローワーク', '', '', ''],
      ['2021/10/6', '関係機関との調整', 'ジョブカフェマザーズ', '', '', ''],
      ['R3.10.7', 'アウトリーチ', '女性相談センター', '', '', ''],
      ['2021年10月8日', '付き添い', '私立学校', '', '', ''],
    ];
    const { analysis, byMonth, problems } = await tallied([memoryTable([HEADER, ...rows], 'support.csv')]);
    expect(problems.filter((p) => p.code !== 'extra-column')).toEqual([]);
    expect(analysis.collected.tables).toEqual([{ file: 'support.csv', sheet: null, kind: 'support', headerRow: 1, rows: 7 }]);
    expect(byMonth).toEqual({
      '2021-09': { '同行支援|福祉事務所': 1, '同行支援|教育委員会・学校': 1, '訪問支援|-': 1 },
      '2021-10': {
        '他機関との調整|ハローワーク・ジョブカフェ': 2,
        '訪問支援|県女性相談センター': 1,
        '同行支援|教育委員会・学校': 1,
      },
    });
    expect(analysis.collected.rows.support).toMatchObject({ read: 7, rejected: 0, accepted: 7 });
    // Several actions for one consultation share its 受付番号: that is no conflict.
    expect(problems.map((p) => p.code)).not.toContain('duplicate-id-conflict');
    // A 相談者ID in a support log counts no one: the consultations' people stay unknown.
    expect(analysis.collected.people).toBeNull();
  });

  test('a workbook sheet named 支援記録, with a title row and date cells, reads like the CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('相談記録').addRows([INTAKE_HEADER, ['1', new Date(Date.UTC(2021, 8, 1)), '電話', '家庭問題', '助言']]);
    const sheet = workbook.addWorksheet('支援記録');
    sheet.addRow(['令和3年度 支援記録']);
    sheet.addRow(HEADER);
    sheet.addRow([new Date(Date.UTC(2021, 8, 2)), '同行支援', '警察', '1', 'C-9', '秘']);
    sheet.addRow([new Date(Date.UTC(2021, 8, 30)), '訪問支援', '病院']);
    sheet.addRow(['2021/10/1', '他機関との調整']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const analysis = await analyseSourceFiles([memoryFile('book.xlsx', bytes)]);
    expect(analysis.log.list().filter((p) => p.code !== 'extra-column')).toEqual([]);
    expect(analysis.collected.tables.map((t) => [t.sheet, t.kind, t.headerRow, t.rows])).toEqual([
      ['相談記録', 'intake', 1, 1],
      ['支援記録', 'support', 2, 3],
    ]);
    const september = analysis.tally.support.get('2021-09')!.byAgency;
    expect(september[AGENCIES.indexOf('警察')]![TYPES.indexOf('同行支援')]).toBe(1);
    expect(september[AGENCIES.indexOf('医療機関')]![TYPES.indexOf('訪問支援')]).toBe(1);
    expect(analysis.tally.support.get('2021-10')!.byAgency[AGENCIES.length]![TYPES.indexOf('他機関との調整')]).toBe(1);
  });

  test('a type or agency not in the config is unknown-value with the label meant; a missing date is missing-value', async () => {
    const rows: CellValue[][] = [
      HEADER,
      ['2021/9/1', '同行支授', '福祉事務所'],
      ['2021/9/2', '訪問支援', '福祉事務署'],
      ['', '訪問支援', '警察'],
      ['2021/9/4', '', '警察'],
      ['2021/9/5', '送迎', ''],
      ['2021/9/6', '訪問支援', '警察'],
    ];
    const { analysis, problems } = await tallied([memoryTable(rows, 'support.csv')]);
    expect(problems.map((p) => [p.code, p.row, p.column, p.detail.suggestion])).toEqual([
      ['unknown-value', 2, '支援内容', '同行支援'],
      ['unknown-value', 3, '連携先', '福祉事務所'],
      ['missing-value', 4, '実施日', undefined],
      ['missing-value', 5, '支援内容', undefined],
      ['unknown-value', 6, '支援内容', undefined],
    ]);
    expect(problems[0]!.detail.allowed).toEqual(TYPES);
    expect(problems[1]!.detail.allowed).toEqual(AGENCIES);
    expect(analysis.collected.rows.support).toMatchObject({ read: 6, rejected: 5, accepted: 1 });
  });

  test('the same support log as CSV and as a workbook is counted once', async () => {
    const rows: CellValue[][] = [HEADER, ['2021/9/1', '同行支援', '福祉事務所', '3'], ['2021/9/2', '訪問支援', '', '']];
    const { analysis, problems } = await tallied([memoryTable(rows, 'support.csv'), memoryTable(rows, 'support.xlsx', '支援記録')]);
    expect(problems.map((p) => p.code)).toContain('duplicate-table');
    expect(analysis.tally.total('support')).toBe(2);
    expect(analysis.collected.rows.support).toMatchObject({ read: 4, duplicate: 2, accepted: 2 });
  });
});
