import { readdir, stat, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { messagesFor } from '../src/messages/index.js';
import { analyse, reportFrom } from '../src/pipeline.js';
import { BatchDecoder, BatchEncoder } from '../src/read/csv-thread.js';
import { readInputs, resolveInputs } from '../src/read/inputs.js';
import type { RawRow, ReadOptions } from '../src/read/types.js';
import { renderJson } from '../src/render/json.js';
import { ROOT, fixture, runCli, useTempDir } from './helpers.js';

describe('rows crossing to the worker thread and back', () => {
  it('come back exactly, ragged rows, repeats, long values and full dictionaries included', () => {
    // Few distinct short values (they are interned), some long ones (they cross as strings), many numbers.
    const cell = fc.oneof(
      fc.constantFrom('', '電話', '来所', '2021/04/01', ' ', '\uFFFD'),
      fc.string({ maxLength: 60 }),
      fc.integer({ min: 0, max: 10_000 }).map((n) => `R3-${n}`),
    );
    const batch = fc.array(fc.array(cell, { maxLength: 8 }), { minLength: 1, maxLength: 600 });
    fc.assert(
      fc.property(fc.array(batch, { minLength: 1, maxLength: 12 }), (batches) => {
        const encoder = new BatchEncoder();
        const decoder = new BatchDecoder();
        let row = 1;
        for (const cells of batches) {
          const rows: RawRow[] = cells.map((c) => ({ row: row++, cells: c }));
          // Through structured clone, as postMessage does.
          expect(decoder.decode(structuredClone(encoder.encode(rows)))).toEqual(rows);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("come back exactly once a column's dictionary is full and its new values cross as strings", () => {
    const encoder = new BatchEncoder();
    const decoder = new BatchDecoder();
    // 10,000 distinct numbers beside a coded column: the first column outgrows its dictionary mid-way.
    for (let start = 0; start < 10_000; start += 2_500) {
      const rows: RawRow[] = Array.from({ length: 2_500 }, (_, i) => ({ row: start + i + 2, cells: [`R3-${start + i}`, i % 2 ? '電話' : '来所'] }));
      const encoded = encoder.encode(rows);
      if (start >= 5_000) expect(encoded.raw.length).toBe(2_500);
      expect(decoder.decode(structuredClone(encoded))).toEqual(rows);
    }
  });
});

/** Every CSV fixture, good and bad. */
async function csvFixtures(): Promise<string[]> {
  const files: string[] = [];
  for (const folder of ['takasaki-r3', 'invalid', 'adversarial']) {
    for (const name of await readdir(fixture(folder))) {
      if (/\.(csv|tsv|txt)$/u.test(name)) files.push(fixture(folder, name));
    }
  }
  return files;
}

type Outcome = { tables: { file: string; encoding: string | null; rows: RawRow[] }[] } | { error: { code: string; row: number | null } };

describe('the worker thread parses a CSV exactly as the main thread does', () => {
  it('gives the same rows, encodings and read errors for every CSV fixture', async () => {
    // The worker runs from the compiled build (npm test builds it first); the sources have no .js worker to start.
    const built = (await import(path.join(ROOT, 'dist', 'read', 'csv.js'))) as typeof import('../src/read/csv.js');
    const read = async (file: string, options: ReadOptions): Promise<Outcome> => {
      const tables = [];
      try {
        for await (const table of built.readCsv({ name: file, path: file, open: () => createReadStream(file) }, options)) {
          const rows: RawRow[] = [];
          for await (const batch of table.rows) rows.push(...batch);
          tables.push({ file: table.file, encoding: table.encoding, rows });
        }
        return { tables };
      } catch (error) {
        const { code, row } = error as { code: string; row: number | null };
        return { error: { code, row } };
      }
    };
    const files = await csvFixtures();
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const inThisThread = await read(file, { threadFromBytes: Number.POSITIVE_INFINITY });
      const inWorker = await read(file, { threadFromBytes: 0 });
      expect(inWorker, path.relative(ROOT, file)).toEqual(inThisThread);
    }
  });
});

describe('the CLI on a CSV large enough for the worker thread', () => {
  let dir = '';
  useTempDir('tsup-thread-', (d) => (dir = d));

  it('reports what the core reports in one thread: the same figures, ledger and problems', async () => {
    // 100,000 rows (over the 4 MiB from which the CLI parses on a second thread), with every kind of row problem mixed in.
    const lines = ['受付番号,受付日,受付方法,主訴,対応結果,備考'];
    const channels = ['電話', '来所', 'メール', 'litoko', '思いをつなぐ会'];
    for (let i = 1; i <= 100_000; i++) {
      const day = 1 + (i % 28);
      let line = `R3-${i},2021/${4 + (i % 9)}/${day},${channels[i % 5]},家庭問題,助言,"メモ ${i % 7}"`;
      if (i % 997 === 0) line = `R3-${i},2021/2/30,電話,家庭問題,助言,`;
      if (i % 1499 === 0) line = `R3-${i},2021/5/6,でんわ,家庭問題,助言,`;
      if (i % 1999 === 0) line = `R3-${i - 1},2021/5/6,電話,生活問題,継続,"改行を含む
備考"`;
      lines.push(line);
      if (i % 2503 === 0) lines.push(line);
    }
    const file = path.join(dir, '大きな記録.csv');
    await writeFile(file, `${lines.join('\r\n')}\r\n`);
    expect((await stat(file)).size).toBeGreaterThan(4 * 1024 * 1024);

    const m = messagesFor('en');
    const analysis = await analyse(readInputs(await resolveInputs([file], () => process.stdin), {}), DEFAULT_CONFIG, { today: '2026-11-26', messages: m });
    const direct = reportFrom(analysis, DEFAULT_CONFIG, { fiscalYear: 2021 }, { kind: 'annual', skipInvalid: true });
    if (!direct.ok) throw new Error(direct.problem);

    const annual = await runCli(['annual', file, '--format', 'json', '--fiscal-year', '2021', '--skip-invalid']);
    expect(annual.code, annual.stderr).toBe(0);
    expect(JSON.parse(annual.stdout)).toEqual(JSON.parse(renderJson(direct.report)));

    const validate = await runCli(['validate', file, '--format', 'json']);
    const problems = JSON.parse(validate.stdout) as { errors: unknown[]; warnings: unknown[] };
    const listed = [...problems.errors, ...problems.warnings] as { row: number; code: string }[];
    const key = (p: { row: number | null; code: string }): string => `${p.row} ${p.code}`;
    expect(listed.map(key).sort()).toEqual(analysis.collected.issues.map(key).sort());
    expect(new Set(analysis.collected.issues.map((i) => i.code))).toEqual(new Set(['invalid-date', 'unknown-value', 'duplicate-id-conflict', 'duplicate-row', 'outside-service-days']));
  });
});
