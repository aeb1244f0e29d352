import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { renderJson } from '../src/render/json.js';
import { suppressReport } from '../src/report/suppress.js';
import { ALL_PARTS, takasakiReport, withParts } from './report-parts.js';

const json = (report: Parameters<typeof renderJson>[0]): any => JSON.parse(renderJson(report));

describe('the JSON of SPEC §14', () => {
  test('intake.people, intake.attributes, intake.categoryMode and support in the spec’s shape and order', async () => {
    const report = withParts(await takasakiReport(), { ...ALL_PARTS, categoriesMultiple: true });
    const out = json(report);
    expect(Object.keys(out).slice(0, 9)).toEqual([
      'kind',
      'fiscalYear',
      'fiscalYearLabel',
      'startMonth',
      'asOf',
      'intake',
      'ibasho',
      'distribution',
      'support',
    ]);
    expect(Object.keys(out.intake)).toEqual(['months', 'total', 'people', 'attributes', 'categoryMode']);
    expect(out.intake.categoryMode).toBe('multiple');

    const people = report.intake.people!;
    expect(out.intake.people).toEqual({ months: people.months, total: people.total });
    expect(Object.keys(out.intake.people.months[0])).toEqual(['month', 'clients', 'new', 'withoutId']);
    expect(Object.keys(out.intake.people.total)).toEqual(['clients', 'new', 'withoutId']);

    expect(out.intake.attributes.map((a: any) => Object.keys(a))).toEqual([
      ['id', 'label', 'total', 'months'],
      ['id', 'label', 'total', 'months'],
    ]);
    const age = report.intake.attributes![0]!;
    expect(out.intake.attributes[0]).toEqual({ id: 'ageGroup', label: '年代', total: age.total, months: age.months });
    // Labels in config order, then the unknown label, then 未記入, as the builder gives them.
    expect(Object.keys(out.intake.attributes[0].total)).toEqual(Object.keys(age.total));

    const support = report.support!;
    expect(Object.keys(out.support)).toEqual(['total', 'type', 'months', 'byAgency']);
    expect(out.support.total).toBe(support.total);
    expect(Object.keys(out.support.months[0])).toEqual(['month', 'label', 'total', 'type']);
    expect(Object.keys(out.support.byAgency[0])).toEqual(['agency', 'total', 'type']);
    expect(out.support.byAgency).toEqual(support.byAgency);
  });

  test('keys only when the data has them: a log without the new columns gives exactly today’s JSON', async () => {
    for (const kind of ['monthly', 'annual'] as const) {
      const out = json(await takasakiReport(kind));
      expect(Object.keys(out.intake)).toEqual(['months', 'total']);
      expect(out).not.toHaveProperty('support');
    }
    const peopleOnly = json(withParts(await takasakiReport(), { people: 'newOnly' }));
    expect(Object.keys(peopleOnly.intake)).toEqual(['months', 'total', 'people']);
    expect(peopleOnly.intake.people.total).toEqual({ clients: null, new: expect.any(Number), withoutId: null });
  });

  test('with --suppress-below: hidden counts of the new tables are null, and the report carries the threshold', async () => {
    const out = json(suppressReport(withParts(await takasakiReport(), ALL_PARTS), 3, DEFAULT_CONFIG));
    expect(out.suppression).toEqual({ below: 3, symbol: 'x' });
    const counts: (number | null)[] = [
      ...out.intake.people.months.flatMap((m: any) => [m.clients, m.new, m.withoutId]),
      ...out.intake.attributes.flatMap((a: any) => a.months.flatMap((m: any) => Object.values(m.counts))),
      ...out.support.months.flatMap((m: any) => [m.total, ...Object.values(m.type)]),
      ...out.support.byAgency.flatMap((a: any) => [a.total, ...Object.values(a.type)]),
    ];
    expect(counts).toContain(null);
    expect(counts.filter((n) => n !== null && n > 0 && n < 3)).toEqual([]);
    // Title and target wording stay out, as today.
    expect(out).not.toHaveProperty('title');
    expect(out).not.toHaveProperty('targetLines');
  });
});
