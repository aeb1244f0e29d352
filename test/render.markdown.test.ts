import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { suppressReport } from '../src/report/suppress.js';
import { ALL_PARTS, markdownTable, shareText, shown, takasakiReport, withParts } from './report-parts.js';

describe('Markdown of the tables of SPEC §14', () => {
  test('相談者数（実人数）: 延べ件数 beside 実人数 per month and for the period, 新規, ID未記入, and the note on the period count', async () => {
    const report = withParts(await takasakiReport(), { people: 'ids' });
    const people = report.intake.people!;
    const md = renderMarkdown(report);
    const [header, ...rows] = markdownTable(md, '相談者数（実人数）');
    expect(header).toEqual(['月', '延べ件数', '実人数', '新規', 'ID未記入']);
    expect(rows).toEqual([
      ...report.intake.months.map((m, i) => [
        m.label,
        shown(m.total),
        shown(people.months[i]!.clients),
        shown(people.months[i]!.new),
        shown(people.months[i]!.withoutId),
      ]),
      ['合計', shown(report.intake.total.total), shown(people.total.clients), shown(people.total.new), shown(people.total.withoutId)],
    ]);
    // The period's people are fewer than the months' sum here, and the table says why.
    expect(people.total.clients).toBeLessThan(people.months.reduce((n, m) => n + m.clients!, 0));
    expect(md).toContain('期間の実人数は、複数月に相談した人を1人として数えるため、各月の合計とは一致しません。');
  });

  test('without IDs only 新規 is shown; without a consultation lacking an ID there is no ID未記入 column', async () => {
    const newOnly = renderMarkdown(withParts(await takasakiReport(), { people: 'newOnly' }));
    expect(markdownTable(newOnly, '新規の相談')[0]).toEqual(['月', '延べ件数', '新規']);
    expect(newOnly).not.toContain('実人数');
    const everyoneNamed = withParts(await takasakiReport(), { people: 'ids' });
    for (const row of [...everyoneNamed.intake.people!.months, everyoneNamed.intake.people!.total]) row.withoutId = 0;
    expect(markdownTable(renderMarkdown(everyoneNamed), '相談者数（実人数）')[0]).toEqual(['月', '延べ件数', '実人数', '新規']);
  });

  test('each attribute: 件数 and 構成比 of the period by label, then the counts by month with their 合計', async () => {
    const report = withParts(await takasakiReport(), { attributes: true });
    const md = renderMarkdown(report);
    const whole = report.intake.total.total!;
    for (const attribute of report.intake.attributes!) {
      const labels = Object.keys(attribute.total);
      const [header, ...rows] = markdownTable(md, `${attribute.label}別`);
      expect(header).toEqual([attribute.label, '件数', '構成比']);
      expect(rows).toEqual([
        ...labels.map((label) => [label, shown(attribute.total[label]), shareText(attribute.total[label]!, whole)]),
        ['合計', String(whole), '100.0%'],
      ]);
      const [monthHeader, ...monthRows] = markdownTable(md, `月別・${attribute.label}別`);
      expect(monthHeader).toEqual(['月', ...labels, '合計']);
      expect(monthRows).toEqual([
        ...attribute.months.map((m, i) => [m.label, ...labels.map((l) => shown(m.counts[l])), shown(report.intake.months[i]!.total)]),
        ['合計', ...labels.map((l) => shown(attribute.total[l])), String(whole)],
      ]);
    }
  });

  test('支援記録 by month and type, and 連携先別, both ending in the period’s row by type', async () => {
    const report = withParts(await takasakiReport(), { support: true });
    const support = report.support!;
    const types = Object.keys(support.type);
    const md = renderMarkdown(report);
    const totalRow = ['合計', ...types.map((t) => shown(support.type[t])), shown(support.total)];
    const [header, ...rows] = markdownTable(md, '支援記録（月別・支援内容別）');
    expect(header).toEqual(['月', ...types, '合計']);
    expect(rows).toEqual([...support.months.map((m) => [m.label, ...types.map((t) => shown(m.type[t])), shown(m.total)]), totalRow]);
    const [agencyHeader, ...agencyRows] = markdownTable(md, '連携先別');
    expect(agencyHeader).toEqual(['連携先', ...types, '合計']);
    expect(agencyRows).toEqual([
      ...support.byAgency.map((a) => [a.agency, ...types.map((t) => shown(a.type[t])), shown(a.total)]),
      totalRow,
    ]);
  });

  test('several 主訴 per consultation: the group is headed 主訴（複数回答）', async () => {
    const md = renderMarkdown(withParts(await takasakiReport(), { categoriesMultiple: true }));
    expect(md).toContain('主訴（複数回答）: 精神保健〜その他');
    expect(renderMarkdown(await takasakiReport())).toContain('／ 主訴: 精神保健〜その他');
  });

  test('the share of a hidden count is hidden, and every share when the whole is hidden (it would give it back)', async () => {
    const report = withParts(await takasakiReport(), { attributes: true });
    report.intake.attributes![0]!.total['30代'] = null;
    const rows = markdownTable(renderMarkdown(report), '年代別');
    expect(rows.find((row) => row[0] === '30代')).toEqual(['30代', 'x', 'x']);
    expect(rows.find((row) => row[0] === '20代')![2]).toMatch(/^\d+\.\d%$/u);
    report.intake.total.total = null;
    const wholeHidden = markdownTable(renderMarkdown(report), '年代別');
    expect(wholeHidden.slice(1).map((row) => row[2])).toEqual(wholeHidden.slice(1).map(() => 'x'));
  });

  test('with --suppress-below, hidden counts in the new tables are x and no small count is left', async () => {
    const report = suppressReport(withParts(await takasakiReport(), ALL_PARTS), 3, DEFAULT_CONFIG);
    const md = renderMarkdown(report);
    expect(markdownTable(md, '月別・年代別').slice(1).flat()).toContain('x');
    const people = markdownTable(md, '相談者数（実人数）');
    expect(people.flat()).toContain('x');
    const agencies = markdownTable(md, '連携先別').slice(1).flat();
    expect(agencies).toContain('x');
    // No count from 1 to 2 is left anywhere in the new tables.
    const sections = ['相談者数（実人数）', '年代別', '月別・年代別', 'DV別', '月別・DV別', '支援記録（月別・支援内容別）', '連携先別'];
    const counts = sections.flatMap((s) =>
      markdownTable(md, s)
        .slice(1)
        .flatMap((row) => row.slice(1)),
    );
    expect(counts.filter((c) => c === '1' || c === '2')).toEqual([]);
  });

  test('an attribute label is escaped like every config label; the English headings come from the message table', async () => {
    const report = withParts(await takasakiReport(), { attributes: true });
    report.intake.attributes![0]!.label = '年代|<b>';
    expect(renderMarkdown(report)).toContain('## 年代\\|\\<b\\>別');
    const english = renderMarkdown(withParts(await takasakiReport(), ALL_PARTS), { lang: 'en' });
    for (const heading of ['People (distinct clients)', 'By 年代', 'Support actions (by month and type)', 'By partner agency']) {
      expect(english).toContain(`## ${heading}`);
    }
  });

  test('fixtures/takasaki-r3 gains none of the new tables', async () => {
    const md = renderMarkdown(await takasakiReport('annual'));
    for (const word of ['相談者数', '実人数', '構成比', '支援記録', '連携先', '複数回答']) expect(md).not.toContain(word);
  });
});
