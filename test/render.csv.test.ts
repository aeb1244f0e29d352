import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { reportFrom } from '../src/pipeline.js';
import { renderCsv } from '../src/render/csv.js';
import { analyseFiles, fixture } from './helpers.js';
import { ALL_PARTS, shareText, takasakiReport, withParts } from './report-parts.js';

describe('CSV for Excel', () => {
  test('a label Excel would take for a formula stays text; counts stay numbers', async () => {
    // A config whose labels begin with =, + and @ (the logs still say 電話, メール, 来所 through aliases).
    const marked: Record<string, string> = { 電話: '=電話', メール: '+メール', 来所: '@来所' };
    const channels = DEFAULT_CONFIG.channels.map((c) =>
      marked[c.label] ? { ...c, label: marked[c.label]!, aliases: [c.label, ...(c.aliases ?? [])] } : c,
    );
    const config = { ...DEFAULT_CONFIG, channels };
    const result = reportFrom(await analyseFiles([fixture('takasaki-r3')], config), {}, { kind: 'monthly', skipInvalid: false });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const csv = renderCsv(result.report);
    const fields = csv.split('\r\n').flatMap((line) => line.split(','));
    expect(fields).toContain("'=電話");
    expect(fields).toContain("'+メール");
    expect(fields).toContain("'@来所");
    expect(fields.filter((f) => /^[=+@]/u.test(f))).toEqual([]);
    // The 合計 row still holds plain numbers.
    expect(csv).toMatch(/\r\n合計,109,11,11,4,0,135,/u);
  });
});

describe('CSV of the tables of SPEC §14', () => {
  /** The block of lines (tables are separated by a blank line) that starts with `title`. */
  const block = (csv: string, title: string): string[][] => {
    const found = csv
      .replace(/^\uFEFF/u, '')
      .split('\r\n\r\n')
      .map((b) => b.split('\r\n').filter((line) => line !== ''))
      .find((lines) => lines[0] === title);
    if (!found) throw new Error(`no block ${title}`);
    return found.map((line) => line.split(','));
  };

  test('each new table is a block of its own, numbers as digits, shares to one decimal, notes under it', async () => {
    const report = withParts(await takasakiReport(), ALL_PARTS);
    const csv = renderCsv(report);
    const people = block(csv, '相談者数（実人数）');
    expect(people[1]).toEqual(['月', '延べ件数', '実人数', '新規', 'ID未記入']);
    const total = report.intake.people!.total;
    expect(people.find((row) => row[0] === '合計')).toEqual([
      '合計',
      String(report.intake.total.total),
      String(total.clients),
      String(total.new),
      String(total.withoutId),
    ]);
    expect(people.at(-1)).toEqual(['期間の実人数は、複数月に相談した人を1人として数えるため、各月の合計とは一致しません。']);

    const age = report.intake.attributes![0]!;
    const ages = block(csv, '年代別');
    expect(ages[1]).toEqual(['年代', '件数', '構成比']);
    expect(ages[2]).toEqual(['20代', String(age.total['20代']), shareText(age.total['20代']!, report.intake.total.total!)]);
    expect(block(csv, '月別・年代別')[1]).toEqual(['月', ...Object.keys(age.total), '合計']);

    const support = block(csv, '連携先別');
    expect(support[1]).toEqual(['連携先', '同行支援', '訪問支援', '他機関との調整', '合計']);
    expect(support.find((row) => row[0] === '合計')!.at(-1)).toBe(String(report.support!.total));
    // In report order: the intake's tables after the summary, support after the handouts.
    const titles = csv.split('\r\n\r\n').map((b) => b.replace(/^\uFEFF/u, '').split('\r\n')[0]);
    expect(titles.indexOf('相談者数（実人数）')).toBeGreaterThan(titles.indexOf('高崎市 女性のためのつながり相談（累計）'));
    expect(titles.indexOf('支援記録（月別・支援内容別）')).toBeGreaterThan(titles.indexOf('生理用品の配布'));
  });

  test('an agency label Excel would take for a formula stays text', async () => {
    const report = withParts(await takasakiReport(), { support: true });
    report.support!.byAgency[0]!.agency = '=HYPERLINK("x")';
    expect(renderCsv(report)).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
