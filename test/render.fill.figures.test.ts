import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { reportFrom } from '../src/pipeline.js';
import { figureOf } from '../src/render/fill/figures.js';
import { analyseFiles, fixture } from './helpers.js';

describe('fill: the figures of SPEC §14 only from inputs that have them', () => {
  test('people, an attribute or support from logs without them is refused, never written as 0', async () => {
    const result = reportFrom(await analyseFiles([fixture('takasaki-r3')]), {}, { kind: 'annual', skipInvalid: false });
    if (!result.ok) throw new Error('report');
    const config = {
      ...DEFAULT_CONFIG,
      attributes: [{ id: 'dv', header: 'DV', aliases: [], labels: [{ label: '該当', aliases: [] }], unknownLabel: '非該当' }],
    } as typeof DEFAULT_CONFIG;
    for (const metric of ['intake.clients', 'intake.new', 'intake.attribute.dv.該当', 'support.total', 'support.type.同行支援']) {
      expect(figureOf(metric, undefined, result.report, config), metric).toEqual({ ok: false, problem: { code: 'not-in-logs', metric } });
    }
    expect(figureOf('intake.attribute.dv.多分', undefined, result.report, config)).toMatchObject({
      ok: false,
      problem: { code: 'unknown-label' },
    });
    expect(figureOf('intake.total', undefined, result.report, config)).toEqual({ ok: true, value: 135 });
  });
});
