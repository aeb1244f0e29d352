import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { reportFrom } from '../src/pipeline.js';
import { renderCsv } from '../src/render/csv.js';
import { analyseFiles, fixture } from './helpers.js';

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
