import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import type { Config } from '../src/config/schema.js';
import { messagesFor } from '../src/messages/index.js';
import { reportFrom, validationFrom } from '../src/pipeline.js';
import { problemMessage } from '../src/render/validation.js';
import type { Report } from '../src/report/types.js';
import { analyseFiles, analyseTables, fixture, INTAKE_HEADER, memoryTable, runCli, useTempDir } from './helpers.js';

/** The default without its program start (August 2021), so that the whole of 令和3年度 is reported. */
const CONFIG: Config = { ...DEFAULT_CONFIG, programStart: undefined };

const labels = (list: { label: string }[]): string[] => list.map((i) => i.label);
const CHANNELS = labels(DEFAULT_CONFIG.channels);
const CATEGORIES = labels(DEFAULT_CONFIG.categories);
const OUTCOMES = labels(DEFAULT_CONFIG.outcomes);

/** Consultations on weekdays of 令和3年度 that are not holidays, so no warning depends on the draw. */
const record = fc.record({
  day: fc.integer({ min: 0, max: 360 }),
  channel: fc.constantFrom(...CHANNELS),
  category: fc.constantFrom(...CATEGORIES),
  outcome: fc.constantFrom(...OUTCOMES),
});
const toRow = (r: { day: number; channel: string; category: string; outcome: string }, i: number): string[] => {
  const date = new Date(Date.UTC(2021, 3, 1) + r.day * 86_400_000).toISOString().slice(0, 10);
  return [`P-${i}`, date, r.channel, r.category, r.outcome];
};

async function reportOf(rows: string[][]): Promise<Report> {
  const analysis = await analyseTables([memoryTable([INTAKE_HEADER, ...rows])], CONFIG);
  const result = reportFrom(analysis, { fiscalYear: 2021 }, { kind: 'annual', skipInvalid: true });
  if (!result.ok) throw new Error(result.problem);
  return result.report;
}

const sum = (counts: Record<string, number | null>): number => Object.values(counts).reduce<number>((a, b) => a + (b ?? 0), 0);

describe('aggregation properties (fast-check)', () => {
  test('every month: channels, categories and outcomes each add up to its total; months add up to 合計; the ledger balances (200 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 120 }), async (records) => {
        const report = await reportOf(records.map(toRow));
        for (const month of [...report.intake.months, report.intake.total]) {
          expect(sum(month.channel)).toBe(month.total);
          expect(sum(month.category)).toBe(month.total);
          expect(sum(month.outcome)).toBe(month.total);
        }
        expect(report.intake.months.reduce((n, m) => n + m.total!, 0)).toBe(report.intake.total.total);
        for (const label of CHANNELS) {
          expect(report.intake.months.reduce((n, m) => n + m.channel[label]!, 0)).toBe(report.intake.total.channel[label]);
        }
        const l = report.ledger.intake;
        expect(l.read).toBe(l.blank + l.totalLine + l.duplicate + l.rejected + l.outOfPeriod + l.counted);
        expect(l.counted).toBe(records.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('round trip through every file form (fast-check)', () => {
  let dir: string;
  useTempDir('tsup-roundtrip-', (created) => (dir = created));

  const forms: Record<string, (rows: string[][]) => Promise<Buffer>> = {
    'utf8.csv': async (rows) => Buffer.from(rows.map((r) => r.join(',')).join('\r\n'), 'utf8'),
    'utf8bom.csv': async (rows) =>
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'utf8')]),
    'cp932.csv': async (rows) => iconv.encode(rows.map((r) => r.join(',')).join('\r\n'), 'cp932'),
    'utf16.txt': async (rows) =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows.map((r) => r.join('\t')).join('\r\n'), 'utf16le')]),
    'book.xlsx': async (rows) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('相談記録');
      rows.forEach((r, i) => {
        // Dates as real date cells, as Excel would store them.
        const cells: (string | Date)[] = i === 0 ? r : [r[0]!, new Date(`${r[1]}T00:00:00Z`), ...r.slice(2)];
        sheet.addRow(cells);
      });
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },
  };

  test('CSV (UTF-8, UTF-8 BOM, CP932, UTF-16) and XLSX read back to the report built in memory (15 runs × 5 forms)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 60 }), async (records) => {
        const rows = records.map(toRow);
        const expected = await reportOf(rows);
        for (const [name, write] of Object.entries(forms)) {
          const file = path.join(dir, name);
          await writeFile(file, await write([INTAKE_HEADER as string[], ...rows]));
          const analysis = await analyseFiles([file], CONFIG);
          const result = reportFrom(analysis, { fiscalYear: 2021 }, { kind: 'annual', skipInvalid: true });
          if (!result.ok) throw new Error(result.problem);
          expect(result.findings.errors, name).toEqual([]);
          expect(result.report.intake, name).toEqual(expected.intake);
          expect(result.report.ledger, name).toEqual(expected.ledger);
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('fuzzing: hostile bytes never crash the tool', () => {
  let dir: string;
  useTempDir('tsup-fuzz-', (created) => (dir = created));
  let valid: Buffer;
  beforeAll(async () => {
    valid = await readFile(fixture('takasaki-r3', '2021-10_相談記録.xlsx'));
  });

  /** Reads a file through the whole pipeline; a thrown error (rather than problems as data) is a crash. */
  async function survives(name: string, bytes: Uint8Array): Promise<void> {
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    const analysis = await analyseFiles([file]);
    const result = validationFrom(analysis, false);
    for (const lang of ['en', 'ja'] as const) {
      for (const problem of [...result.errors, ...result.warnings])
        expect(problemMessage(problem, messagesFor(lang)).length).toBeGreaterThan(0);
    }
  }

  test('random bytes as .csv and as .xlsx (100 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom('random.csv', 'random.xlsx'), async (bytes, name) => {
        await survives(name, bytes);
      }),
      { numRuns: 100 },
    );
  });

  test('random mutations of a valid workbook: flipped bytes, cut tails, spliced garbage (100 runs)', async () => {
    const mutation = fc.record({
      flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 30 }),
      cut: fc.option(fc.nat()),
      splice: fc.option(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 }))),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ flips, cut, splice }) => {
        let bytes = Buffer.from(valid);
        for (const [at, mask] of flips) bytes[at % bytes.length]! ^= mask;
        if (splice) {
          const at = splice[0] % bytes.length;
          bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(splice[1]), bytes.subarray(at)]);
        }
        if (cut !== null) bytes = bytes.subarray(0, cut % bytes.length);
        await survives('mutated.xlsx', bytes);
      }),
      // A fixed seed keeps CI repeatable; change it locally to explore further.
      { numRuns: 100, seed: 20261126 },
    );
  }, 120_000);

  test('through the CLI, a mutated workbook is exit 1 or 2 with a message, never a stack trace', async () => {
    const bytes = Buffer.from(valid);
    for (let i = 300; i < bytes.length; i += 97) bytes[i]! ^= 0x5a;
    const file = path.join(dir, 'cli-mutated.xlsx');
    await writeFile(file, bytes);
    const result = await runCli(['validate', file, '--lang', 'en']);
    expect([1, 2]).toContain(result.code);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at |Internal error/u);
  });
});
