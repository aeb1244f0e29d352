import { beforeAll, describe, expect, test } from 'vitest';
import { NOT_WRITTEN_LABEL } from '../src/config/columns.js';
import { combineReports, type CombineInput, type CombineRefusal } from '../src/report/combine.js';
import type { LabelCounts, Report } from '../src/report/types.js';
import { renderJson } from '../src/render/json.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { reportFrom } from '../src/pipeline.js';
import { analyseFiles, fixture } from './helpers.js';
import { ALL_PARTS, takasakiReport, withParts } from './report-parts.js';

/** A report as the tool writes it and `combine` reads it: its JSON, parsed. */
const asJson = (report: Report): Record<string, any> => JSON.parse(renderJson(report)) as Record<string, any>;

/** Every count of the figures multiplied by `k`: another council's report that adds up as a real one does. */
function scaled(report: Report, k: number): Report {
  const copy = structuredClone(report);
  const times = (value: unknown): unknown => {
    if (typeof value === 'number') return value * k;
    if (Array.isArray(value)) return value.map(times);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, ['month', 'label'].includes(key) ? v : times(v)]));
    return value;
  };
  for (const key of ['intake', 'ibasho', 'distribution', 'support'] as const) {
    if (copy[key]) (copy as unknown as Record<string, unknown>)[key] = times(copy[key]);
  }
  return copy;
}

/** The report with a label of one of its lists renamed throughout (another council's config). */
function renamed(json: Record<string, any>, group: 'channel' | 'category' | 'outcome', from: string, to: string): Record<string, any> {
  const rename = (counts: LabelCounts): LabelCounts => Object.fromEntries(Object.entries(counts).map(([l, n]) => [l === from ? to : l, n]));
  const copy = structuredClone(json);
  for (const row of [...copy.intake.months, copy.intake.total]) row[group] = rename(row[group]);
  delete copy.intake.total.share;
  return copy;
}

const input = (file: string, json: unknown): CombineInput => ({ file, json });

let plain: Report;
let a: Record<string, any>;
let b: Record<string, any>;

beforeAll(async () => {
  plain = await takasakiReport();
  a = asJson({ ...withParts(plain, ALL_PARTS), organization: '甲市社会福祉協議会' });
  b = asJson({ ...scaled(withParts(plain, ALL_PARTS), 3), organization: '乙市社会福祉協議会' });
});

function combined(inputs: CombineInput[], options: Parameters<typeof combineReports>[1] = {}): Report {
  const result = combineReports(inputs, options);
  if (!result.ok) throw new Error(JSON.stringify(result.refusals));
  return result.report;
}

function refusals(inputs: CombineInput[]): CombineRefusal[] {
  const result = combineReports(inputs);
  if (result.ok) throw new Error('combined');
  return result.refusals;
}

describe('combine: figures summed (SPEC §15)', () => {
  test('every month and the period of every table are the sources’ sums', () => {
    const report = combined([input('a.json', a), input('b.json', b)]);
    const sumOf = (pick: (source: Record<string, any>) => number | undefined): number => [a, b].reduce((n, s) => n + (pick(s) ?? 0), 0);
    report.intake.months.forEach((row, i) => {
      expect(row.total).toBe(sumOf((s) => s.intake.months[i].total));
      for (const group of ['channel', 'category', 'outcome'] as const)
        for (const label of Object.keys(row[group])) expect(row[group][label], label).toBe(sumOf((s) => s.intake.months[i][group][label]));
    });
    expect(report.intake.total.total).toBe(sumOf((s) => s.intake.total.total));
    expect(report.intake.total.total).toBeGreaterThan(0);
    expect(report.ibasho.sessions).toBe(sumOf((s) => s.ibasho.sessions));
    expect(report.ibasho.participants).toBe(sumOf((s) => s.ibasho.participants));
    expect(report.distribution.count).toBe(sumOf((s) => s.distribution.count));
    report.distribution.locations.forEach((l, i) => expect(l.count).toBe(sumOf((s) => s.distribution.locations[i].count)));
    expect(report.support!.total).toBe(sumOf((s) => s.support.total));
    report.support!.byAgency.forEach((row, i) => expect(row.total).toBe(sumOf((s) => s.support.byAgency[i].total)));
    expect(report.intake.people!.total).toEqual({
      clients: sumOf((s) => s.intake.people.total.clients),
      new: sumOf((s) => s.intake.people.total.new),
      withoutId: sumOf((s) => s.intake.people.total.withoutId),
    });
    const age = report.intake.attributes![0]!;
    for (const label of Object.keys(age.total)) expect(age.total[label]).toBe(sumOf((s) => s.intake.attributes[0].total[label]));
    expect(report.ledger.intake.counted).toBe(sumOf((s) => s.ledger.intake.counted));
  });

  test('the table by source: one row per source with its own totals; its 合計 is the combined figures', () => {
    const report = combined([input('a.json', a), input('b.json', b)]);
    expect(report.sources!.map((s) => s.organization)).toEqual(['甲市社会福祉協議会', '乙市社会福祉協議会']);
    report.sources!.forEach((row, i) => {
      const source = [a, b][i]!;
      expect(row.total).toBe(source.intake.total.total);
      expect(row.channel).toEqual(source.intake.total.channel);
      expect(row.ibasho).toEqual({ sessions: source.ibasho.sessions, participants: source.ibasho.participants });
      expect(row.distribution.count).toBe(source.distribution.count);
      expect(row.people).toEqual({ clients: source.intake.people.total.clients, new: source.intake.people.total.new });
      expect(row.support!.total).toBe(source.support.total);
    });
    const md = renderMarkdown(report);
    const table = md.slice(md.indexOf('## 団体別の内訳'), md.indexOf('## 相談者数'));
    expect(table).toContain(
      `| **合計** | **${Object.values(report.intake.total.channel).join('** | **')}** | **${report.intake.total.total}** |`,
    );
  });

  test('what the sources share is kept; what belongs to each is left out: targets, file lists, comparisons', () => {
    const withPrevious = { ...a, previous: { fiscalYear: 2020 }, change: {}, inputs: [{ file: 'logs/秘密.csv', status: 'read' }] };
    const report = combined([input('a.json', withPrevious), input('b.json', b)]);
    expect(report.targets).toEqual([]);
    expect(report.inputs).toEqual([
      { file: 'a.json', status: 'read' },
      { file: 'b.json', status: 'read' },
    ]);
    expect(report).not.toHaveProperty('previous');
    expect(JSON.stringify(asJson(report))).not.toContain('秘密');
    expect(report.kind).toBe('monthly');
    expect(report.organization).toBe('甲市社会福祉協議会・乙市社会福祉協議会');
    expect(combined([input('a.json', a), input('b.json', b)], { organization: '架空県' }).organization).toBe('架空県');
    expect(combined([input('a.json', { ...a, kind: 'annual' }), input('b.json', { ...b, kind: 'annual' })]).kind).toBe('annual');
    expect(combined([input('a.json', { ...a, kind: 'annual' }), input('b.json', b)]).kind).toBe('monthly');
    expect(report.summary[0]).toContain(`（R4年2月までの累計）`);
  });
});

describe('combine: labels and parts the sources do not share', () => {
  test('labels unioned, the first source’s order then new ones; a missing label counts 0 there, said once per source', () => {
    const other = renamed(b, 'channel', '来所', 'LINE');
    const report = combined([input('a.json', a), input('b.json', other)]);
    expect(Object.keys(report.intake.total.channel)).toEqual(['電話', '来所', 'メール', 'litoko', '思いをつなぐ会', 'LINE']);
    expect(report.intake.total.channel['来所']).toBe(a.intake.total.channel['来所']);
    expect(report.intake.total.channel['LINE']).toBe(other.intake.total.channel['LINE']);
    expect(report.sources![1]!.channel['来所']).toBe(0);
    expect(report.combined!.missingLabels).toEqual([
      { organization: '甲市社会福祉協議会', table: 'channel', labels: ['LINE'] },
      { organization: '乙市社会福祉協議会', table: 'channel', labels: ['来所'] },
    ]);
    const md = renderMarkdown(report);
    expect(md.match(/受付方法「来所」/gu)).toHaveLength(1);
  });

  test('a source without an attribute counts its consultations under 未記入, so each row still sums to the total', () => {
    const without = structuredClone(b);
    delete without.intake.attributes;
    const report = combined([input('a.json', a), input('b.json', without)]);
    for (const attribute of report.intake.attributes!) {
      expect(attribute.total[NOT_WRITTEN_LABEL]).toBe(
        (a.intake.attributes.find((x: any) => x.id === attribute.id).total[NOT_WRITTEN_LABEL] ?? 0) + without.intake.total.total,
      );
      attribute.months.forEach((m, i) =>
        expect(Object.values(m.counts).reduce<number>((n, c) => n + c!, 0)).toBe(report.intake.months[i]!.total),
      );
      expect(Object.keys(attribute.total).at(-1)).toBe(NOT_WRITTEN_LABEL);
    }
    expect(report.combined!.missingAttributes).toEqual([{ organization: '乙市社会福祉協議会', attributes: ['年代', 'DV'] }]);
  });

  test('people summed carry 「団体間の重複を含む」 in the JSON and under the people table', () => {
    const report = combined([input('a.json', a), input('b.json', b)]);
    expect(asJson(report).intake.people.note).toBe('団体間の重複を含む');
    const md = renderMarkdown(report);
    const people = md.slice(md.indexOf('## 相談者数（実人数）'));
    expect(people.slice(0, people.indexOf('\n## ', 5))).toContain('団体間の重複を含む');
  });

  test('people and support only when every source has them, else left out and the sources named', () => {
    const bare = asJson({ ...scaled(plain, 2), organization: '丙町社会福祉協議会' });
    const report = combined([input('a.json', a), input('c.json', bare)]);
    expect(report.intake.people).toBeUndefined();
    expect(report.support).toBeUndefined();
    expect(report.sources!.every((s) => s.people === undefined && s.support === undefined)).toBe(true);
    expect(report.combined!.withoutPeople).toEqual(['丙町社会福祉協議会']);
    expect(report.combined!.withoutSupport).toEqual(['丙町社会福祉協議会']);
    expect(renderMarkdown(report)).toContain('丙町社会福祉協議会 の報告には支援記録がない');

    const newOnly = asJson({ ...withParts(scaled(plain, 2), { people: 'newOnly' }), organization: '丙町社会福祉協議会' });
    const people = combined([input('a.json', a), input('c.json', newOnly)]).intake.people!;
    expect(people.total).toEqual({ clients: null, new: a.intake.people.total.new + newOnly.intake.people.total.new, withoutId: null });
  });
});

describe('combine: refusals, all listed at once, naming the file', () => {
  test.each([
    ['not a report', { cells: [] }, 'not-a-report'],
    ['suppressed', { suppression: { below: 3 } }, 'suppressed'],
  ])('%s', (_, json, reason) => {
    expect(refusals([input('a.json', a), input('x.json', json)])).toEqual([{ file: 'x.json', index: 1, reason }]);
  });

  test('suppressed without its key (a null count), inconsistent (a total edited by hand)', () => {
    const hidden = structuredClone(b);
    hidden.intake.months[0].channel['電話'] = null;
    const edited = structuredClone(b);
    edited.intake.total.channel['電話'] += 1;
    expect(refusals([input('a.json', a), input('h.json', hidden), input('e.json', edited)]).map((r) => [r.file, r.reason])).toEqual([
      ['h.json', 'suppressed'],
      ['e.json', 'inconsistent'],
    ]);
  });

  test('another year, other months, another 主訴 mode, the same file twice, one organisation twice, none: each refused', async () => {
    const otherYear = { ...b, fiscalYear: 2022, fiscalYearLabel: '令和4年度', organization: '丁' };
    const january = reportFrom(await analyseFiles([fixture('takasaki-r3')]), { asOf: '2022-01' }, { kind: 'monthly', skipInvalid: false });
    if (!january.ok) throw new Error('no report');
    const shorter = asJson({ ...january.report, organization: '戊' });
    const multiple = { ...b, organization: '己', intake: { ...b.intake, categoryMode: 'multiple' } };
    const sameOrganization = { ...b, organization: a.organization };
    const noOrganization = { ...b, organization: ' ' };
    const found = refusals([
      input('a.json', a),
      input('year.json', otherYear),
      input('months.json', shorter),
      input('multiple.json', multiple),
      input('a.json', a),
      input('copy.json', a),
      input('same.json', sameOrganization),
      input('none.json', noOrganization),
      input('b.json', b),
    ]);
    expect(found.map((r) => [r.file, r.index, r.reason])).toEqual([
      ['year.json', 1, 'other-year'],
      ['months.json', 2, 'other-months'],
      ['multiple.json', 3, 'category-mode'],
      ['a.json', 4, 'same-file'],
      ['copy.json', 5, 'same-file'],
      ['same.json', 6, 'same-organization'],
      ['none.json', 7, 'no-organization'],
    ]);
    expect(found[1]).toMatchObject({
      startMonth: '2021-08',
      asOf: '2022-01',
      expected: { startMonth: '2021-08', asOf: '2022-02' },
      first: 'a.json',
    });
    expect(found[5]).toMatchObject({ organization: '甲市社会福祉協議会', first: 'a.json' });
  });

  test('a combined report set beside one of its own sources is refused: its organisations are counted in it already', () => {
    const both = asJson(combined([input('a.json', a), input('b.json', b)], { organization: '架空県' }));
    const found = refusals([input('both.json', both), input('b.json', b)]);
    expect(found).toEqual([
      { file: 'b.json', index: 1, reason: 'same-organization', organization: '乙市社会福祉協議会', first: 'both.json' },
    ]);
  });
});
