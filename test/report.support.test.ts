import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { random } from '../scripts/fixture-data/random.js';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { parseConfig } from '../src/config/parse.js';
import type { Config } from '../src/config/schema.js';
import { messagesFor } from '../src/messages/index.js';
import { reportFrom, validationFrom } from '../src/pipeline.js';
import type { CellValue, RawTable } from '../src/read/types.js';
import type { Report } from '../src/report/types.js';
import { analyseFiles, analyseTables, fixture, INTAKE_HEADER, memoryTable, runCli } from './helpers.js';

const SUPPORT_HEADER: CellValue[] = ['実施日', '支援内容', '連携先', '受付番号', '相談者ID', '備考'];
const TYPES = DEFAULT_CONFIG.supportTypes.map((t) => t.label);
const AGENCIES = DEFAULT_CONFIG.agencies.map((a) => a.label);

interface Action {
  date: string;
  type: string;
  /** null: 連携先 left blank. */
  agency: string | null;
}

/** Support actions from 2021-08 to 2022-03 (of 令和3年度) and a few of 令和4年度, some with a blank 連携先. */
function actions(seed: number, count: number): Action[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const months = ['2021-08', '2021-09', '2021-10', '2021-12', '2022-01', '2022-02', '2022-03', '2022-05'];
  return Array.from({ length: count }, () => {
    const [y, m] = pick(months).split('-');
    return {
      date: `${y}/${Number(m)}/${1 + Math.floor(next() * 28)}`,
      type: pick(TYPES),
      agency: next() < 0.2 ? null : pick(AGENCIES),
    };
  });
}

const supportTable = (list: Action[], name = 'support.csv'): RawTable =>
  memoryTable([SUPPORT_HEADER, ...list.map((a) => [a.date, a.type, a.agency ?? '', '', 'C-1', '備考'])], name);

const consultations = (dates: string[]): RawTable =>
  memoryTable([INTAKE_HEADER, ...dates.map((date, i) => [String(i + 1), date, '電話', '家庭問題', '助言'])], 'intake.csv');

async function report(tables: RawTable[], config: Config = DEFAULT_CONFIG, request = {}): Promise<Report> {
  const result = reportFrom(await analyseTables(tables, config), request, { kind: 'annual', skipInvalid: false });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.report;
}

function configOf(json: unknown): Config {
  const result = parseConfig(json, messagesFor('en'));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

const monthOf = (date: string): string => {
  const [y, m] = date.split('/');
  return `${y}-${m!.padStart(2, '0')}`;
};
const countWhere = (list: Action[], keep: (a: Action) => boolean): number => list.filter(keep).length;

describe('report.support: support actions by month × type and by agency × type', () => {
  test('equal figures computed here from the generated actions, for the period only', async () => {
    const list = actions(14, 400);
    const r = await report([consultations(['2021/8/2', '2022/2/1']), supportTable(list)], DEFAULT_CONFIG, { asOf: '2022-02' });
    const period = ['2021-08', '2021-09', '2021-10', '2021-11', '2021-12', '2022-01', '2022-02'];
    const inPeriod = list.filter((a) => period.includes(monthOf(a.date)));
    expect(inPeriod.length).toBeGreaterThan(200);
    expect(inPeriod.length).toBeLessThan(list.length);

    expect(r.support!.total).toBe(inPeriod.length);
    expect(r.support!.type).toEqual(Object.fromEntries(TYPES.map((t) => [t, countWhere(inPeriod, (a) => a.type === t)])));
    expect(r.support!.months).toEqual(
      period.map((month) => {
        const of = inPeriod.filter((a) => monthOf(a.date) === month);
        return {
          month,
          label: `${Number(month.slice(5))}月`,
          total: of.length,
          type: Object.fromEntries(TYPES.map((t) => [t, countWhere(of, (a) => a.type === t)])),
        };
      }),
    );
    const agencyRow = (agency: string, of: Action[]) => ({
      agency,
      total: of.length,
      type: Object.fromEntries(TYPES.map((t) => [t, countWhere(of, (a) => a.type === t)])),
    });
    expect(r.support!.byAgency).toEqual([
      ...AGENCIES.map((agency) =>
        agencyRow(
          agency,
          inPeriod.filter((a) => a.agency === agency),
        ),
      ),
      agencyRow(
        '未記入',
        inPeriod.filter((a) => a.agency === null),
      ),
    ]);
    // Every row read is accounted for: the actions of 令和4年度 are out of this period.
    expect(r.ledger.support).toEqual({
      read: list.length,
      blank: 0,
      totalLine: 0,
      duplicate: 0,
      rejected: 0,
      outOfPeriod: list.length - inPeriod.length,
      counted: inPeriod.length,
    });
  });

  test('「未記入」 only when some action has no 連携先; a support log with nothing in the period gives zeros', async () => {
    const everyAgency = await report([consultations(['2021/9/1']), supportTable([{ date: '2021/9/2', type: '訪問支援', agency: '警察' }])]);
    expect(everyAgency.support!.byAgency.map((row) => row.agency)).toEqual(AGENCIES);
    const lastYear = await report([consultations(['2022/4/1']), supportTable([{ date: '2021/9/2', type: '訪問支援', agency: null }])]);
    expect(lastYear.fiscalYear).toBe(2022);
    expect(lastYear.support).toMatchObject({ total: 0, type: { 訪問支援: 0 } });
    expect(lastYear.support!.byAgency.map((row) => row.agency)).toEqual(AGENCIES);
    expect(lastYear.ledger.support).toMatchObject({ counted: 0, outOfPeriod: 1 });
  });

  test('logs without a support log give no support figures, no fourth sentence and no support ledger: the seed is unchanged', async () => {
    const analysis = await analyseFiles([fixture('takasaki-r3')]);
    const result = reportFrom(analysis, {}, { kind: 'annual', skipInvalid: false });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect('support' in result.report).toBe(false);
    expect(result.report.summary).toHaveLength(3);
    expect(Object.keys(result.report.ledger)).toEqual(['intake', 'ibasho', 'distribution']);
    expect(Object.keys(validationFrom(analysis, false).ledger)).toEqual(['intake', 'ibasho', 'distribution']);
  });

  test('the CLI: the seed JSON and closing summary gain nothing; with a support log both name it', async () => {
    const seed = await runCli(['annual', fixture('takasaki-r3'), '--format', 'json']);
    expect(seed.code).toBe(0);
    expect(Object.keys(JSON.parse(seed.stdout).ledger)).toEqual(['intake', 'ibasho', 'distribution']);
    expect(seed.stderr).not.toMatch(/support actions/u);
    const validated = await runCli(['validate', fixture('takasaki-r3'), '--format', 'json']);
    expect(Object.keys(JSON.parse(validated.stdout).ledger)).toEqual(['intake', 'ibasho', 'distribution']);

    const dir = await mkdtemp(path.join(os.tmpdir(), 'tsup-support-'));
    try {
      const list = actions(7, 30).filter((a) => a.date < '2022/3');
      const rows = [SUPPORT_HEADER, ...list.map((a) => [a.date, a.type, a.agency ?? ''])];
      await writeFile(path.join(dir, 'support.csv'), rows.map((r) => r.join(',')).join('\r\n'));
      const both = await runCli(['annual', fixture('takasaki-r3'), path.join(dir, 'support.csv'), '--format', 'json']);
      expect(both.code).toBe(0);
      const inPeriod = list.filter((a) => monthOf(a.date) >= '2021-08' && monthOf(a.date) <= '2022-02').length;
      expect(JSON.parse(both.stdout).ledger.support).toMatchObject({ read: list.length, counted: inPeriod });
      expect(both.stderr).toContain(`, ${inPeriod} support actions;`);
      const ja = await runCli(['annual', fixture('takasaki-r3'), path.join(dir, 'support.csv'), '--lang', 'ja', '--format', 'json']);
      expect(ja.stderr).toContain(`・支援記録 ${inPeriod}、`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a support sheet with a header and no rows adds its ledger (every row accounted for), but no figures', async () => {
    const r = await report([consultations(['2021/9/1']), memoryTable([SUPPORT_HEADER, []], 'support.csv')]);
    expect(Object.keys(r.ledger)).toEqual(['intake', 'ibasho', 'distribution', 'support']);
    expect(r.ledger.support).toMatchObject({ read: 1, blank: 1, counted: 0 });
    expect('support' in r).toBe(false);
    expect(r.summary).toHaveLength(3);
  });
});

describe('targets on support metrics', () => {
  const list: Action[] = [
    { date: '2021/8/3', type: '同行支援', agency: '福祉事務所' },
    { date: '2021/8/20', type: '同行支援', agency: null },
    { date: '2021/9/1', type: '他機関との調整', agency: '福祉事務所' },
    { date: '2021/9/9', type: '訪問支援', agency: '警察' },
    { date: '2021/9/30', type: '同行支援', agency: '警察' },
  ];
  const targets = [
    { id: 'all', label: '支援', metric: 'support.total', target: 10, unit: '件' },
    { id: 'accompany', label: '同行支援', metric: 'support.type.同行支援', target: 6, unit: '件' },
    { id: 'welfare', label: '福祉事務所との連携', metric: 'support.agency.福祉事務所', target: 4, unit: '件' },
    { id: 'police', label: '警察との連携', metric: 'support.agency.警察', target: 2, unit: '件' },
  ];

  test('each metric counts the actions of the period: the total, a type, an agency', async () => {
    const config = configOf({ targets });
    const r = await report([consultations(['2021/8/2']), supportTable(list)], config, { fiscalYear: 2021, asOf: '2022-03' });
    expect(r.targets.map((t) => [t.id, t.actual])).toEqual([
      ['all', list.length],
      ['accompany', countWhere(list, (a) => a.type === '同行支援')],
      ['welfare', countWhere(list, (a) => a.agency === '福祉事務所')],
      ['police', countWhere(list, (a) => a.agency === '警察')],
    ]);
    expect(r.targets.find((t) => t.id === 'police')).toMatchObject({ result: 2, achievement: 1, evaluation: '達成' });
  });

  test('without any support log read, a support target is left out with a warning: 0 would be a wrong number', async () => {
    const analysis = await analyseTables([consultations(['2021/8/2'])], configOf({ targets }));
    const result = reportFrom(analysis, { fiscalYear: 2021, asOf: '2022-03' }, { kind: 'annual', skipInvalid: false });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.report.targets).toEqual([]);
    const warnings = result.findings.warnings.filter((w) => w.code === 'target-unavailable');
    expect(warnings.map((w) => [w.value, w.detail.kind])).toEqual(targets.map((t) => [t.id, 'support']));
    expect(messagesFor('ja').issue['target-unavailable'](warnings[0]!.detail)).toContain('支援記録が1件も読み込まれていない');
  });

  test('a label the config does not list is a config error naming the list', () => {
    const result = parseConfig({ targets: [{ ...targets[1]!, metric: 'support.type.送迎' }] }, messagesFor('en'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join('\n')).toMatch(/config\.targets\[0\]\.metric: .*送迎.*config\.supportTypes/u);
    const agency = parseConfig({ targets: [{ ...targets[2]!, metric: 'support.agency.未記入' }] }, messagesFor('en'));
    expect(!agency.ok && agency.problems.join('\n')).toMatch(/config\.agencies/u);
  });

  test('no agency may be labelled 「未記入」: that row counts the actions without a 連携先', () => {
    for (const lang of ['ja', 'en'] as const) {
      const result = parseConfig({ agencies: [{ label: '福祉事務所' }, { label: '未　記入' }] }, messagesFor(lang));
      expect(!result.ok && result.problems).toEqual([
        `config.agencies[1].label: ${messagesFor(lang).supportConfig.reservedAgency('未　記入')}`,
      ]);
    }
    expect(parseConfig({ agencies: [{ label: '福祉事務所', aliases: ['未記入'] }] }, messagesFor('en')).ok).toBe(true);
  });
});

describe('summary sentence 4, only when support records were read', () => {
  /** Actions in September 2021: `types` gives each type's count, and `agencies` the 連携先 of the actions in turn (null: blank). */
  function september(types: Record<string, number>, agencies: (string | null)[]): Action[] {
    const list = Object.entries(types).flatMap(([type, n]) => Array.from({ length: n }, () => type));
    return list.map((type, i) => ({ date: `2021/9/${1 + (i % 28)}`, type, agency: agencies[i % agencies.length]! }));
  }
  const sentence4 = async (list: Action[], config: Config = DEFAULT_CONFIG): Promise<string | undefined> =>
    (await report([consultations(['2021/9/1']), supportTable(list)], config)).summary[3];

  test('the SPEC example: the total, each type in config order, the agency most worked with', async () => {
    const types = { 他機関との調整: 10, 同行支援: 8, 訪問支援: 5 };
    // 福祉事務所 9 times, 警察 7, blank 7: 23 actions.
    const agencies = [...Array<string>(9).fill('福祉事務所'), ...Array<string>(7).fill('警察'), ...Array<null>(7).fill(null)];
    const list = september(types, agencies);
    expect(list).toHaveLength(23);
    expect(await sentence4(list)).toBe(
      '同行支援等の支援は延べ23件（同行支援8件、訪問支援5件、他機関との調整10件）行い、連携先は福祉事務所が最も多かった。（R3年9月までの累計）',
    );
  });

  test('agencies tied for the most are all named, with （同数）; a type with no action is left out', async () => {
    const list = september({ 同行支援: 4 }, ['教育委員会・学校', '警察']);
    expect(await sentence4(list)).toBe(
      '同行支援等の支援は延べ4件（同行支援4件）行い、連携先は教育委員会・学校、警察（同数）が最も多かった。（R3年9月までの累計）',
    );
  });

  test('no 連携先 written at all: the sentence says so instead of naming an agency', async () => {
    const list = september({ 訪問支援: 2, 他機関との調整: 1 }, [null]);
    expect(await sentence4(list)).toBe(
      '同行支援等の支援は延べ3件（訪問支援2件、他機関との調整1件）行い、連携先の記入はなかった。（R3年9月までの累計）',
    );
  });

  test('a support log with no action in the period says there was none', async () => {
    const r = await report([consultations(['2022/4/5']), supportTable(september({ 同行支援: 1 }, ['警察']))]);
    expect(r.summary[3]).toBe('同行支援等の支援はなかった。（R4年4月までの累計）');
  });

  test('the config words it (sentences.support, merged key by key); an unknown placeholder is refused', async () => {
    const config = configOf({ sentences: { support: '{program}: 支援{total}件（{typeCounts}）、最多は{topAgency}。' } });
    expect(config.sentences).toEqual({
      ...DEFAULT_CONFIG.sentences,
      support: '{program}: 支援{total}件（{typeCounts}）、最多は{topAgency}。',
    });
    expect(await sentence4(september({ 同行支援: 2 }, ['警察']), config)).toBe(
      '女性のためのつながり相談: 支援2件（同行支援2件）、最多は警察。（R3年9月までの累計）',
    );
    // A file that words another sentence keeps the default's sentence 4.
    expect(configOf({ sentences: { intake: '{program}' } }).sentences.support).toBe(DEFAULT_CONFIG.sentences.support);
    const refused = parseConfig({ sentences: { support: '{count}件' } }, messagesFor('en'));
    expect(!refused.ok && refused.problems).toEqual([
      'config.sentences.support: this sentence has no placeholder {count}; it knows {program}, {total}, {typeCounts}, {topAgency}',
    ]);
  });

  test('a hidden type count drops the list of types (it would read as complete); a hidden agency count leaves the top agency untold only when it could be the top', async () => {
    const { summarySentences } = await import('../src/report/summary.js');
    const r = await report([consultations(['2021/9/1']), supportTable(september({ 同行支援: 5, 訪問支援: 1 }, ['警察']))]);
    const hidden = structuredClone(r);
    hidden.support!.type['訪問支援'] = null;
    // 警察 shows all 6 actions: the hidden 福祉事務所 can be none of them, so 警察 is the top still.
    hidden.support!.byAgency.find((row) => row.agency === '福祉事務所')!.total = null;
    expect(summarySentences(hidden, DEFAULT_CONFIG.sentences)[3]).toBe(
      '同行支援等の支援は延べ6件行い、連携先は警察が最も多かった。（R3年9月までの累計）',
    );
    // 警察 hidden: its 6 could be any agency's, and the shown zeros name none.
    hidden.support!.byAgency.find((row) => row.agency === '福祉事務所')!.total = 0;
    hidden.support!.byAgency.find((row) => row.agency === '警察')!.total = null;
    expect(summarySentences(hidden, DEFAULT_CONFIG.sentences)[3]).toBe('同行支援等の支援は延べ6件行った。（R3年9月までの累計）');
  });
});
