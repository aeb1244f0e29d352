/**
 * `npm run bench`: generates synthetic intake logs (not committed: bench/data/), then measures in
 * one run the wall time and peak RSS of a bare parser pass and of tsup-report on the same files,
 * the same wrong value on 300,000 rows (memory and output must stay bounded), the refusal of a
 * workbook over the size limit, start-up and the month end, and prints and writes
 * bench/RESULTS.md. Every run's totals are checked against the generator's. Peak RSS comes from
 * GNU time (/usr/bin/time -v).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { writeResults } from './results.js';
import { DATA, HEADER, makeCsv, row } from './synthetic.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'tsup-report.js');
/** The same wrong channel on every row: what problem collection must keep bounded. */
async function makeWrongCsv(rows: number): Promise<string> {
  const file = path.join(DATA, `wrong-channel-${rows}.csv`);
  if (existsSync(file)) return file;
  const out = createWriteStream(file);
  out.write(`${HEADER.join(',')}\n`);
  for (let i = 1; i <= rows; i++) {
    const cells = row(i);
    cells[2] = '電活';
    if (!out.write(`${cells.join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return file;
}

async function makeXlsx(rows: number): Promise<string> {
  const file = path.join(DATA, `intake-${rows}.xlsx`);
  if (existsSync(file)) return file;
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = writer.addWorksheet('相談記録');
  sheet.addRow(HEADER).commit();
  for (let i = 1; i <= rows; i++) sheet.addRow(row(i)).commit();
  sheet.commit();
  await writer.commit();
  return file;
}

interface Measure {
  seconds: number;
  /** User + system CPU time of the fastest run: above the wall time when a second thread works. */
  cpuSeconds: number;
  rssMb: number;
  stdout: string;
  status: number | null;
}

/**
 * Runs a command under GNU time the given number of times: the fastest wall time, and the highest
 * peak RSS of any run (exceljs's own peak varies by ~70 MB from run to run on the same workbook).
 */
function measure(args: string[], repeat: number): Measure {
  let best: Measure | undefined;
  let highestRss = 0;
  for (let i = 0; i < repeat; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync('/usr/bin/time', ['-v', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, LANG: 'C' },
    });
    // Measured here rather than read from GNU time, which rounds to 10 ms: too coarse for a 50 ms start-up.
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuSeconds = ['User', 'System'].reduce(
      (sum, kind) => sum + Number(new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`, 'u').exec(result.stderr)?.[1] ?? NaN),
      0,
    );
    const rssMb = Number(/Maximum resident set size \(kbytes\): (\d+)/u.exec(result.stderr)?.[1]) / 1024;
    const run = { seconds, cpuSeconds, rssMb, stdout: result.stdout, status: result.status };
    if (!best || run.seconds < best.seconds) best = run;
    highestRss = Math.max(highestRss, rssMb);
  }
  return { ...best!, rssMb: highestRss };
}

function counted(stdout: string): number {
  return JSON.parse(stdout).ledger.intake.counted as number;
}

const fmt = (n: number, digits = 2): string => n.toFixed(digits);
const ms = (seconds: number): string => (seconds * 1000).toFixed(0);

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/time')) throw new Error('GNU time is needed for peak RSS: apt-get install time');
  await mkdir(DATA, { recursive: true });
  const lines: string[] = [];
  const log = (line = ''): void => {
    console.log(line);
    lines.push(line);
  };
  const node = process.execPath;
  // The synthetic logs span the whole of 令和3年度; the default program started in August 2021.
  const config = path.join(DATA, 'whole-year.config.json');
  await writeFile(config, '{ "programStart": null }\n');

  log('# tsup-report benchmark');
  log();
  log(
    `${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}) · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version}`,
  );
  log();
  log('Wall time is the fastest of the runs, peak RSS the highest (GNU time). (a) is the bare parser counting rows,');
  log('(b) is tsup-report on the same file. Every (b) run is checked to count exactly the generated rows.');
  log();
  log('| input | (a) bare pass | validate | annual --format json | annual ÷ bare (time) | peak RSS bare / validate / annual |');
  log('|---|---|---|---|---|---|');

  const cases: [string, number, () => Promise<string>, string][] = [
    ['CSV 100k rows', 100_000, () => makeCsv(100_000), 'bench/bare-csv.mjs'],
    ['CSV 300k rows', 300_000, () => makeCsv(300_000), 'bench/bare-csv.mjs'],
    ['CSV 1M rows', 1_000_000, () => makeCsv(1_000_000), 'bench/bare-csv.mjs'],
    ['CSV 1M rows, no 受付番号', 1_000_000, () => makeCsv(1_000_000, false), 'bench/bare-csv.mjs'],
    ['XLSX 10k rows', 10_000, () => makeXlsx(10_000), 'bench/bare-xlsx.mjs'],
    ['XLSX 50k rows', 50_000, () => makeXlsx(50_000), 'bench/bare-xlsx.mjs'],
  ];
  const results: Record<string, { bare: Measure; validate: Measure; annual: Measure }> = {};
  for (const [name, rows, make, bare] of cases) {
    const file = await make();
    const a = measure([node, bare, file], 3);
    const v = measure([node, BIN, 'validate', file, '--format', 'json', '--config', config], 3);
    const b = measure([node, BIN, 'annual', file, '--format', 'json', '--fiscal-year', '2021', '--config', config], 3);
    if (Number(a.stdout.trim()) !== rows + 1) throw new Error(`${name}: bare pass counted ${a.stdout.trim()} rows, expected ${rows + 1}`);
    for (const [command, run] of [
      ['annual', b],
      ['validate', v],
    ] as const) {
      if (counted(run.stdout) !== rows) throw new Error(`${name}: ${command} counted ${counted(run.stdout)}, expected ${rows}`);
    }
    results[name] = { bare: a, validate: v, annual: b };
    log(
      `| ${name} | ${fmt(a.seconds)} s | ${fmt(v.seconds)} s | ${fmt(b.seconds)} s | ${fmt(b.seconds / a.seconds)}× | ${fmt(a.rssMb, 0)} / ${fmt(v.rssMb, 0)} / ${fmt(b.rssMb, 0)} MB |`,
    );
  }

  // The same misspelt channel on 300,000 rows: one problem with its count, whatever the row count.
  const wrong = measure([node, BIN, 'validate', await makeWrongCsv(300_000), '--format', 'json'], 3);
  const wrongJson = JSON.parse(wrong.stdout) as { counts: Record<string, number>; errors: { count?: number }[] };
  const wrongCounted = wrongJson.counts['unknown-value'] ?? 0;
  // A workbook beyond the size limit (32 MB of sheet data) is refused from its zip directory.
  const huge = await makeXlsx(200_000);
  const refused = measure([node, BIN, 'validate', huge, '--format', 'json'], 3);
  const refusedCode = (JSON.parse(refused.stdout) as { errors: { detail?: unknown; code: string; message: string }[] }).errors[0]?.code;
  log();
  log('| bounded and refused | wall time | peak RSS | output | |');
  log('|---|---|---|---|---|');
  log(
    `| \`validate --format json\`, 300k rows, the same wrong channel | ${fmt(wrong.seconds)} s | ${fmt(wrong.rssMb, 0)} MB | ${fmt(wrong.stdout.length / 1024, 1)} KB | counts ${wrongCounted} in ${wrongJson.errors.length} entry |`,
  );
  log(
    `| \`validate\` on a 200k-row workbook (${fmt((await stat(huge)).size / 2 ** 20, 1)} MB) | ${fmt(refused.seconds)} s | ${fmt(refused.rssMb, 0)} MB | exit ${refused.status} | ${refusedCode} |`,
  );

  const baseline = measure([node, '-e', '0'], 15);
  const month = path.join(ROOT, 'fixtures', 'takasaki-r3', '2021-08_相談記録.csv');
  const validateMonth = measure([node, BIN, 'validate', month], 15);
  const help = measure([node, BIN, '--help'], 15);
  const tmp = path.join(DATA, 'out');
  await mkdir(tmp, { recursive: true });
  const monthEndMd = measure([node, BIN, 'monthly', path.join(ROOT, 'fixtures', 'takasaki-r3'), '--out', path.join(tmp, 'r.md')], 5);
  const monthEndXlsx = measure([node, BIN, 'annual', path.join(ROOT, 'fixtures', 'takasaki-r3'), '--out', path.join(tmp, 'r.xlsx')], 5);
  log();
  log('| start-up and month end (fastest of 15 / 5 runs) | wall time | ÷ `node -e 0` | peak RSS |');
  log('|---|---|---|---|');
  log(`| \`node -e 0\` | ${ms(baseline.seconds)} ms | 1.00× | ${fmt(baseline.rssMb, 0)} MB |`);
  log(
    `| \`validate\` one month's CSV | ${ms(validateMonth.seconds)} ms | ${fmt(validateMonth.seconds / baseline.seconds)}× | ${fmt(validateMonth.rssMb, 0)} MB |`,
  );
  log(`| \`--help\` | ${ms(help.seconds)} ms | ${fmt(help.seconds / baseline.seconds)}× | ${fmt(help.rssMb, 0)} MB |`);
  log(
    `| \`monthly fixtures/takasaki-r3 --out r.md\` | ${ms(monthEndMd.seconds)} ms | ${fmt(monthEndMd.seconds / baseline.seconds)}× | ${fmt(monthEndMd.rssMb, 0)} MB |`,
  );
  log(
    `| \`annual fixtures/takasaki-r3 --out r.xlsx\` | ${ms(monthEndXlsx.seconds)} ms | ${fmt(monthEndXlsx.seconds / baseline.seconds)}× | ${fmt(monthEndXlsx.rssMb, 0)} MB |`,
  );

  const ratio = (name: string): number => results[name]!.annual.seconds / results[name]!.bare.seconds;
  const rss = (name: string): number => results[name]!.annual.rssMb;
  const bars: [string, string, string, boolean][] = [
    [
      'issue 11: monthly fixtures/takasaki-r3 ÷ node -e 0',
      `${fmt(monthEndMd.seconds / baseline.seconds)}×`,
      '≤ 3×',
      monthEndMd.seconds / baseline.seconds <= 3,
    ],
    [
      "issue 11: validate one month's CSV ÷ node -e 0",
      `${fmt(validateMonth.seconds / baseline.seconds)}×`,
      '≤ 2×',
      validateMonth.seconds / baseline.seconds <= 2,
    ],
    ['issue 11: annual on 300k CSV rows ÷ bare csv-parse', `${fmt(ratio('CSV 300k rows'))}×`, '≤ 1.5×', ratio('CSV 300k rows') <= 1.5],
    ['issue 11: the same, peak RSS', `${fmt(rss('CSV 300k rows'), 0)} MB`, '≤ 200 MB', rss('CSV 300k rows') <= 200],
    ['issue 11: annual on 1M CSV rows ÷ bare csv-parse', `${fmt(ratio('CSV 1M rows'))}×`, '≤ 1.5×', ratio('CSV 1M rows') <= 1.5],
    ['issue 11: the same, peak RSS', `${fmt(rss('CSV 1M rows'), 0)} MB`, '≤ 250 MB', rss('CSV 1M rows') <= 250],
    [
      'issue 10: validate --format json, 300k rows with one wrong channel: peak RSS',
      `${fmt(wrong.rssMb, 0)} MB`,
      '< 300 MB',
      wrong.rssMb < 300,
    ],
    ['the same: output size', `${fmt(wrong.stdout.length / 1024, 1)} KB`, '< 5 MB', wrong.stdout.length < 5 * 2 ** 20],
    ['the same: rows counted', String(wrongCounted), '300000', wrongCounted === 300_000],
    [
      'a workbook over the size limit: refused (exit 2, unreadable-file)',
      `exit ${refused.status}`,
      'exit 2',
      refused.status === 2 && refusedCode === 'unreadable-file',
    ],
  ];
  log();
  log('| bar | measured | target | met |');
  log('|---|---|---|---|');
  for (const [name, value, target, met] of bars) log(`| ${name} | ${value} | ${target} | ${met ? 'yes' : '**no**'} |`);
  await writeResults('cli', lines.join('\n'));
  console.log(`\nwritten to bench/RESULTS.md`);
}

await main();
