import { describe, expect, test } from 'vitest';
import { renderTable } from '../src/render/table.js';
import { fixture, runCli } from './helpers.js';
import { ALL_PARTS, takasakiReport, withParts } from './report-parts.js';

/** Columns a line takes on a terminal, measured independently of the renderer: kana, kanji and full-width forms take two. */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff60]/u;
const columnsOf = (line: string): number => [...line].reduce((n, ch) => n + (WIDE.test(ch) ? 2 : 1), 0);

/** The numbers of each table row by its label (8月, 合計 …), in order, across however many tables the row is split over. */
function rowNumbers(text: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const cells = line.split('│').map((c) => c.trim());
    const label = cells[1];
    if (!label || !/^(\d+月|合計)$/u.test(label)) continue;
    rows.set(label, [...(rows.get(label) ?? []), ...cells.slice(2).filter((c) => c !== '')]);
  }
  return rows;
}

const table = (command: string, columns: number) =>
  runCli([command, fixture('takasaki-r3'), '--format', 'table', '--quiet'], { env: { COLUMNS: String(columns) } });

describe('the terminal table fits the terminal', () => {
  test('at 120 columns (Windows’ default) no line of monthly or annual is wider, and no number is lost', async () => {
    for (const command of ['monthly', 'annual']) {
      const [narrow, wide] = await Promise.all([table(command, 120), table(command, 400)]);
      expect(narrow.code).toBe(0);
      const widest = Math.max(...narrow.stdout.split('\n').map(columnsOf));
      expect(widest).toBeLessThanOrEqual(120);
      // The wide terminal gets the seed's one table; the narrow one the same numbers, stacked.
      expect(Math.max(...wide.stdout.split('\n').map(columnsOf))).toBeGreaterThan(120);
      expect(rowNumbers(narrow.stdout)).toEqual(rowNumbers(wide.stdout));
    }
  });

  test('the seed’s 合計 row reads the same whatever the width', async () => {
    const narrow = await table('monthly', 80);
    expect(Math.max(...narrow.stdout.split('\n').map(columnsOf))).toBeLessThanOrEqual(80);
    const total = rowNumbers(narrow.stdout).get('合計')!;
    // 電話…思い, 合計, 主訴 ×8, 対応結果 ×5 — the seed's last line, plus the 居場所 and 配布 totals after it.
    expect(total.slice(0, 19).join(' ')).toBe('109 11 11 4 0 135 2 1 3 64 0 2 45 18 39 25 1 62 8');
  });
});

describe('the terminal table with the tables of SPEC §14', () => {
  test('fits 120 and 80 columns, Japanese and English, with every number of the wide terminal’s tables', async () => {
    const report = withParts(await takasakiReport('annual'), { ...ALL_PARTS, categoriesMultiple: true });
    for (const lang of ['ja', 'en'] as const) {
      const wide = await renderTable(report, { width: 400, lang });
      for (const width of [120, 80]) {
        const narrow = await renderTable(report, { width, lang });
        expect(narrow).toContain(lang === 'ja' ? '連携先別' : 'By partner agency');
        expect(Math.max(...narrow.split('\n').map(columnsOf)), `${lang} ${width}`).toBeLessThanOrEqual(width);
        expect(rowNumbers(narrow)).toEqual(rowNumbers(wide));
      }
    }
  });

  test('相談者数, an attribute and 連携先別 are drawn with their figures', async () => {
    const report = withParts(await takasakiReport(), ALL_PARTS);
    const text = await renderTable(report, { width: 120 });
    const people = report.intake.people!;
    const start = text.indexOf('相談者数（実人数）');
    const section = text.slice(start, text.indexOf('年代別', start));
    const total = section.split('\n').find((line) => line.includes('合計'))!;
    expect(
      total
        .split('│')
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    ).toEqual([
      '合計',
      String(report.intake.total.total),
      String(people.total.clients),
      String(people.total.new),
      String(people.total.withoutId),
    ]);
    expect(section).toContain('期間の実人数は、複数月に相談した人を1人として数えるため、各月の合計とは一致しません。');
    const agency = report.support!.byAgency[2]!;
    const line = text.split('\n').find((l) => l.includes(agency.agency))!;
    expect(
      line
        .split('│')
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    ).toEqual([agency.agency, ...Object.values(agency.type).map(String), String(agency.total)]);
  });
});
