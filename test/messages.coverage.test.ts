import { describe, expect, test } from 'vitest';
import { LANGS, messagesFor } from '../src/messages/index.js';
import { PROBLEM_CODES, REFUSED_FORMATS, SKIP_REASONS, UNREADABLE_REASONS, type ProblemDetail } from '../src/problems.js';

const detail: ProblemDetail = {
  value: '値',
  column: '列',
  kind: 'intake',
  suggestion: '候補',
  allowed: ['a', 'b'],
  missing: ['主訴'],
  candidates: ['ibasho', 'distribution'],
  otherPlaces: [{ file: 'a.csv', sheet: null, row: 2 }],
  dayType: 'holiday',
  holidayName: '敬老の日',
  today: '2026-11-26',
  channel: '電話',
  other: { file: 'b.xlsx', sheet: '10月' },
  workbook: '2022-02.xlsx',
  rows: [3, 5],
  month: '2021-09',
  fiscalYear: 2021,
  label: '不明',
  target: '相談者数',
  metric: 'intake.clients',
};

describe.each(LANGS)('message table %s', (lang) => {
  const m = messagesFor(lang);

  test('has a message for every problem code, filled from its detail', () => {
    expect(Object.keys(m.issue).sort()).toEqual([...PROBLEM_CODES].sort());
    for (const code of PROBLEM_CODES) {
      const text = m.issue[code](detail);
      expect(text.length, code).toBeGreaterThan(10);
      expect(text, code).not.toMatch(/undefined|\[object|NaN/u);
    }
  });

  test('says why for every reason a file cannot be read, is refused or is skipped — each in its own words', () => {
    const unreadable = UNREADABLE_REASONS.map((reason) => m.issue['unreadable-file']({ reason }));
    const refused = REFUSED_FORMATS.map((format) => m.issue['unsupported-format']({ format, extension: '.pdf' }));
    const skipped = SKIP_REASONS.map((skip) => m.issue.skipped({ skip }));
    for (const group of [unreadable, refused, skipped]) {
      for (const text of group) expect(text).not.toMatch(/undefined|\[object/u);
      expect(new Set(group).size, group.join('\n')).toBe(group.length);
    }
    // A refused spreadsheet always says how to save it as .xlsx.
    for (const text of refused.slice(0, -1)) expect(text).toMatch(/xlsx/u);
  });

  test('has a sentence for every date and number problem', () => {
    for (const text of [...Object.values(m.dateProblem), ...Object.values(m.numberProblem)]) expect(text.length).toBeGreaterThan(5);
  });
});
