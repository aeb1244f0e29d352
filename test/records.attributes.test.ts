import { describe, expect, test } from 'vitest';
import { AttributeMatcher, type AttributeSpec } from '../src/records/attributes.js';

/** The documented example of SPEC §14: 年代 in bands, ages typed as numbers falling into them. */
const AGE_GROUP: AttributeSpec = {
  id: 'ageGroup',
  header: '年代',
  labels: [
    { label: '10代以下', aliases: ['10歳代以下', '未成年'], range: [0, 19] },
    { label: '20代', aliases: ['20歳代'], range: [20, 29] },
    { label: '30代', aliases: ['30歳代'], range: [30, 39] },
    { label: '40代', range: [40, 49] },
    { label: '50代', range: [50, 59] },
    { label: '60代', range: [60, 69] },
    { label: '70代以上', range: [70, 130] },
  ],
  unknownLabel: '不明',
};

const DV: AttributeSpec = { id: 'dv', header: 'DV', labels: [{ label: '該当', aliases: ['○', '有', '1'] }], unknownLabel: '非該当' };

const labelOf = (spec: AttributeSpec, cell: string | number | null) => {
  const match = new AttributeMatcher(spec).match(cell);
  return match.kind === 'label' ? spec.labels[match.index]!.label : match.kind;
};

describe('attribute values', () => {
  test.each([
    ['30代', '30代'],
    ['３０代', '30代'],
    ['30歳代', '30代'],
    ['34', '30代'],
    ['34歳', '30代'],
    ['３４才', '30代'],
    [34, '30代'],
    [19, '10代以下'],
    ['10代', '10代以下'],
    ['未成年', '10代以下'],
    ['85', '70代以上'],
    ['80代', '70代以上'],
    [' 20代 ', '20代'],
  ] as const)('%s is %s', (typed, label) => {
    expect(labelOf(AGE_GROUP, typed)).toBe(label);
  });

  test('what matches no label is the unknown label, and the answer never carries the value typed', () => {
    for (const junk of ['山田花子', '不詳?', '-5', 34.5, '200歳', 'わからない']) {
      const match = new AttributeMatcher(AGE_GROUP).match(junk);
      expect(match).toEqual({ kind: 'unknown-label', typed: true });
      expect(JSON.stringify(match)).not.toContain(String(junk));
    }
  });

  test('a blank cell is the unknown label silently; without an unknown label it is blank, and junk is unknown', () => {
    expect(new AttributeMatcher(DV).match('')).toEqual({ kind: 'unknown-label', typed: false });
    expect(new AttributeMatcher(DV).match(null)).toEqual({ kind: 'unknown-label', typed: false });
    expect(labelOf(DV, '○')).toBe('該当');
    expect(labelOf(DV, 1)).toBe('該当');
    expect(labelOf(DV, 2)).toBe('unknown-label');
    expect(labelOf(DV, '1')).toBe('該当');
    const strict: AttributeSpec = { ...AGE_GROUP, unknownLabel: undefined };
    expect(new AttributeMatcher(strict).match('')).toEqual({ kind: 'blank' });
    expect(new AttributeMatcher(strict).match('山田')).toEqual({ kind: 'unknown' });
  });
});
