import { describe, expect, it } from 'vitest';
import { DuplicateIndex } from '../src/records/duplicates.js';
import type { IntakeRecord } from '../src/records/row.js';

const record = (id: string, date = '2021-06-01', channel = 0, category = 1, outcome = 2): IntakeRecord & { id: string } => ({
  kind: 'intake',
  id,
  date,
  channel,
  category,
  outcome,
});

describe('the 受付番号 index', () => {
  it('tells first sightings, re-exports and conflicts apart across hundreds of thousands of numbers', () => {
    const index = new DuplicateIndex();
    const count = 300_000;
    // Enough numbers for every shard to grow several times and for several blocks of places.
    let notFirst = 0;
    for (let i = 0; i < count; i++) {
      const day = `2021-${String(4 + (i % 9)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      if (index.check(record(`R3-${i}`, day, i % 5, i % 8, i % 5), 1 + (i % 3), 2 + i).status !== 'first') notFirst++;
    }
    expect(notFirst).toBe(0);
    for (let i = 0; i < count; i += 7919) {
      const day = `2021-${String(4 + (i % 9)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      // The same content again (a month exported twice): a duplicate naming the first place.
      expect(index.check(record(`R3-${i}`, day, i % 5, i % 8, i % 5), 9, 100 + i)).toEqual({ status: 'duplicate', first: { table: 1 + (i % 3), row: 2 + i } });
      // Other content under the same number: the first record and the re-export are taken back.
      const conflict = index.check(record(`R3-${i}`, day, (i + 1) % 5, i % 8, i % 5), 10, 200 + i);
      expect(conflict).toEqual({
        status: 'conflict',
        others: [{ table: 1 + (i % 3), row: 2 + i }, { table: 9, row: 100 + i }],
        retract: [
          { place: { table: 1 + (i % 3), row: 2 + i }, record: record(`R3-${i}`, day, i % 5, i % 8, i % 5), wasCounted: true },
          { place: { table: 9, row: 100 + i }, record: record(`R3-${i}`, day, i % 5, i % 8, i % 5), wasCounted: false },
        ],
      });
      // Once in conflict, every further row with the number is one more conflict, with nothing left to take back.
      expect(index.check(record(`R3-${i}`, day, i % 5, i % 8, i % 5), 11, 300 + i)).toMatchObject({ status: 'conflict', retract: [] });
    }
    // Numbers never seen are new, however close to seen ones.
    expect(index.check(record(`R3-${count}`), 1, 1).status).toBe('first');
    expect(index.check(record('R3-0 '), 1, 1).status).toBe('first');
  });
});
