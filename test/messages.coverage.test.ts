import { describe, expect, test } from 'vitest';
import { LANGS, messagesFor } from '../src/messages/index.js';
import { ISSUE_CODES, type IssueDetail } from '../src/records/issues.js';

const detail: IssueDetail = {
  value: '値',
  column: '列',
  kind: 'intake',
  suggestion: '候補',
  allowed: ['a', 'b'],
  missing: ['主訴'],
  candidates: ['ibasho', 'distribution'],
  otherPlaces: ['a.csv row 2'],
  dayType: 'holiday',
  holidayName: '敬老の日',
  today: '2026-11-26',
  channel: '電話',
};

describe.each(LANGS)('message table %s', (lang) => {
  const m = messagesFor(lang);

  test('has a message for every issue code', () => {
    expect(Object.keys(m.issue).sort()).toEqual([...ISSUE_CODES].sort());
    for (const code of ISSUE_CODES) {
      const text = m.issue[code](detail);
      expect(text.length, code).toBeGreaterThan(10);
      expect(text, code).not.toMatch(/undefined|\[object/u);
    }
  });

  test('has a sentence for every date and number problem', () => {
    for (const text of [...Object.values(m.dateProblem), ...Object.values(m.numberProblem)]) expect(text.length).toBeGreaterThan(5);
  });
});
