import { describe, expect, test } from 'vitest';
import { parseFiscalYearOption } from '../src/cli/options.js';
import { UserError } from '../src/cli/errors.js';
import { messagesFor } from '../src/messages/index.js';

const m = messagesFor('en');

describe('--fiscal-year: every era a date may be written in', () => {
  test.each([
    ['2021', 2021],
    ['R3', 2021],
    ['r3', 2021],
    ['令和3', 2021],
    ['令和3年度', 2021],
    ['令和元年度', 2019],
    ['令3', 2021],
    ['H31', 2019],
    ['平成元年度', 1989],
    // Refused before, though 昭和 dates were read.
    ['S63', 1988],
    ['昭和63年度', 1988],
    ['Ｒ３', 2021],
  ])('%s → %i', (text, year) => {
    expect(parseFiscalYearOption(text, m)).toBe(year);
  });

  test.each(['R', '令和', '3', 'X3', '令和三'])('%s is a usage error', (text) => {
    expect(() => parseFiscalYearOption(text, m)).toThrow(UserError);
  });
});
