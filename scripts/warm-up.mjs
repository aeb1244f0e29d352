// The V8 code caches of the built CLI (scripts/bundle.mjs): each file is loaded as the installed
// command loads it (src/cli/code-cache.ts) and run through what a month end does — exceljs writes
// and reads a workbook, the CLI checks and reports a CSV month and a workbook month — so that the
// cache holds the functions those runs compiled, not only the files' top levels (zod's and
// iconv-lite's top levels are most of what loading them compiles).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const HEADER = ['受付番号', '受付日', '受付方法', '主訴', '対応結果', '備考'];
const CHANNELS = ['電話', '来所', 'メール', 'litoko'];
const CATEGORIES = ['精神保健', '就労関係', '家庭問題', '生活問題'];
const OUTCOMES = ['助言', '情報', '他機関連携', '継続'];
/** Weekdays that are not holidays, in the default config's program year (令和3年度). */
const SEPTEMBER = [1, 2, 3, 6, 7, 8, 9, 10, 13, 14, 15, 16, 17];
const OCTOBER = [1, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15];

const rowsOf = (month, days) =>
  days.map((day, i) => [
    `W-${month}-${i + 1}`,
    `2021/${month}/${day}`,
    CHANNELS[i % 4],
    CATEGORIES[(i >> 1) % 4],
    OUTCOMES[(i >> 2) % 4],
    '',
  ]);

export async function warmUp(root, outdir) {
  const { loadCommonJs, writeCodeCache } = await import(path.join(root, 'dist', 'cli', 'code-cache.js'));

  const workbookFile = path.join(outdir, 'exceljs-workbook.cjs');
  const workbook = loadCommonJs(workbookFile);
  const Workbook = workbook.exports;
  const sample = new Workbook();
  const sheet = sample.addWorksheet('相談記録');
  sheet.addRow(['受付番号', '受付日', '受付方法', '主訴', '対応結果']).font = { bold: true, strike: true };
  for (let i = 1; i <= 20; i++)
    sheet.addRow([
      i,
      new Date(Date.UTC(2021, 8, i)),
      '電話',
      { richText: [{ text: '家庭' }, { text: '問題' }] },
      { formula: 'A1', result: '助言' },
    ]);
  sheet.mergeCells('B2:B3');
  sheet.getColumn(2).numFmt = 'yyyy/m/d';
  const read = new Workbook();
  await read.xlsx.load(await sample.xlsx.writeBuffer());
  read.worksheets[0].eachRow((row) => row.eachCell({ includeEmpty: true }, (cell) => cell.font && cell.value));

  const iconv = loadCommonJs(path.join(outdir, 'iconv-lite.cjs'));
  iconv.exports.decode(new Uint8Array([0x8e, 0xe5, 0x91, 0x69]), 'cp932');
  writeCodeCache(path.join(outdir, 'iconv-lite.cjs'), iconv);
  writeCodeCache(path.join(outdir, 'zod.cjs'), loadCommonJs(path.join(outdir, 'zod.cjs')));

  const folder = mkdtempSync(path.join(os.tmpdir(), 'tsup-warm-up-'));
  try {
    const csv = [HEADER, ...rowsOf(9, SEPTEMBER)].map((row) => row.join(',')).join('\r\n');
    writeFileSync(path.join(folder, '2021-09_相談記録.csv'), `\uFEFF${csv}\r\n`);
    const october = new Workbook();
    const log = october.addWorksheet('相談記録');
    for (const row of [HEADER, ...rowsOf(10, OCTOBER)]) log.addRow(row);
    writeFileSync(path.join(folder, '2021-10_相談記録.xlsx'), new Uint8Array(await october.xlsx.writeBuffer()));
    writeCodeCache(workbookFile, workbook);

    const cliFile = path.join(outdir, 'cli.cjs');
    const cli = loadCommonJs(cliFile);
    let said = '';
    const sink = { write: (text) => (said += text) };
    const io = {
      stdout: { write: () => true },
      stderr: sink,
      stdin: () => process.stdin,
      cwd: folder,
      env: { LANG: 'ja_JP.UTF-8' },
      now: () => new Date(2021, 10, 15),
    };
    for (const argv of [
      ['validate', folder],
      ['monthly', folder, '--out', path.join(folder, 'report.md')],
    ]) {
      const code = await cli.exports.main(argv, io);
      if (code !== 0) throw new Error(`warming up the code cache: tsup-report ${argv.join(' ')} exited with ${code}:\n${said}`);
    }
    writeCodeCache(cliFile, cli);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
