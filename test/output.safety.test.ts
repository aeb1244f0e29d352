import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { describe, expect, test, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { main } from '../src/cli/main.js';
import type { Io } from '../src/cli/io.js';
import { messagesFor } from '../src/messages/index.js';
import { reportFrom } from '../src/pipeline.js';
import { escapeMarkdown, renderMarkdown } from '../src/render/markdown.js';
import { analyseTables, BIN, fixture, INTAKE_HEADER, memoryTable, ROOT, runCli, useTempDir } from './helpers.js';

let dir: string;
useTempDir('tsup-safety-', (created) => (dir = created));

async function hashTree(root: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(root, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return hashes;
}

describe('inputs are never changed', () => {
  test('every command leaves every fixture byte-for-byte as it was', async () => {
    const before = await hashTree(fixture());
    await runCli(['validate', fixture('takasaki-r3'), fixture('invalid'), fixture('adversarial')]);
    await runCli(['monthly', fixture('takasaki-r3'), '--out', path.join(dir, 'm.xlsx')]);
    await runCli([
      'annual',
      fixture('full-year'),
      '--config',
      fixture('full-year', 'tsup-report.config.json'),
      '--out',
      path.join(dir, 'a.md'),
    ]);
    const form = fixture('forms', '様式1.xlsx');
    await runCli(['fill', form, '--map', fixture('forms', '様式1.map.json'), '--out', path.join(dir, 'f.xlsx'), fixture('takasaki-r3')]);
    expect(await hashTree(fixture())).toEqual(before);
  });
});

describe('output files are whole or absent', () => {
  test('a file-size limit hit mid-write (as on a full disk) leaves neither the file nor a temporary', async () => {
    const out = path.join(dir, 'limited', 'r.xlsx');
    await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(out)));
    const run = promisify(execFile);
    const result = await run(
      'bash',
      [
        '-c',
        `ulimit -f 4; "${process.execPath}" "${BIN}" monthly "${fixture('takasaki-r3', '2021-08_相談記録.csv')}" --out "${out}" --lang en; echo "exit=$?"`,
      ],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', LANG: 'C' },
      },
    ).catch((e: { stdout: string; stderr: string }) => e);
    expect(result.stdout).toContain('exit=2');
    // Said in words with the fix, not as the system's code (issue 13).
    expect(result.stderr).toContain(`Could not write ${out}: ${messagesFor('en').writeFailure['no-space']}`);
    expect(result.stderr).not.toContain('EFBIG');
    expect(await readdir(path.dirname(out))).toEqual([]);
  });

  test('an existing output is replaced whole, never truncated first', async () => {
    const out = path.join(dir, 'replace.md');
    await writeFile(out, 'old report\n');
    expect((await runCli(['monthly', fixture('takasaki-r3'), '--out', out])).code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text.startsWith('# ')).toBe(true);
    expect(text).not.toContain('old report');
  });

  test('an error while rendering leaves no file and says it is a bug', async () => {
    vi.resetModules();
    vi.doMock('../src/render/xlsx.js', () => ({
      renderXlsx: () => Promise.reject(new Error('simulated failure inside the renderer')),
    }));
    const { main: mainWithBrokenRenderer } = await import('../src/cli/main.js');
    const out = path.join(dir, 'broken.xlsx');
    let stderr = '';
    const io: Io = {
      stdout: { write: () => true },
      stderr: { write: (s: string | Uint8Array) => ((stderr += String(s)), true) },
      stdin: () => process.stdin,
      cwd: ROOT,
      env: {},
      now: () => new Date(),
    };
    const code = await mainWithBrokenRenderer(['monthly', fixture('takasaki-r3'), '--out', out, '--lang', 'en'], io);
    expect(code).toBe(70);
    expect(stderr).toContain('Internal error (a bug in tsup-report');
    expect(await readdir(dir)).not.toContain('broken.xlsx');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    vi.doUnmock('../src/render/xlsx.js');
    expect(main).toBeTypeOf('function');
  });
});

describe('what the outputs print is inert', () => {
  const hostileConfig = {
    ...DEFAULT_CONFIG,
    program: '=HYPERLINK("http://x.invalid","p")',
    channels: [{ label: '=1+1' }, { label: '+SUM(A1)' }, { label: '-2+3' }, { label: '@cmd' }, { label: 'a|b\nc' }],
  };

  test('config labels beginning with = + - @ are text cells in XLSX, never formulas', async () => {
    const config = path.join(dir, 'hostile.json');
    await writeFile(config, JSON.stringify({ program: hostileConfig.program, channels: hostileConfig.channels }));
    const input = path.join(dir, 'hostile.csv');
    await writeFile(input, '受付日,受付方法,主訴,対応結果\r\n2021/9/1,=1+1,家庭問題,助言\r\n2021/9/2,@cmd,家庭問題,助言\r\n');
    const out = path.join(dir, 'hostile.xlsx');
    const result = await runCli(['annual', input, '--config', config, '--out', out]);
    expect(result.code).toBe(0);
    const zip = await JSZip.loadAsync(await readFile(out));
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => f.startsWith('xl/worksheets/sheet'))
        .map((f) => zip.file(f)!.async('string')),
    );
    // The only formulas are the totals' own =SUM over a range of counts (SPEC §10); no label became one.
    const formulas = [...sheets.join('').matchAll(/<f[^>]*>([^<]*)<\/f>/gu)].map((match) => match[1]);
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.filter((f) => !/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/u.test(f!))).toEqual([]);
    expect(sheets.join('').match(/<f /gu)).toBeNull();
    const strings = await zip.file('xl/sharedStrings.xml')?.async('string');
    expect(`${strings}${sheets.join('')}`).toContain('=1+1');
  });

  test('Markdown escapes table pipes, line breaks and markup in labels', async () => {
    expect(escapeMarkdown('a|b\nc')).toBe('a\\|b c');
    expect(escapeMarkdown('<script>*x*</script>')).toBe('\\<script\\>\\*x\\*\\</script\\>');
    const analysis = await analyseTables([memoryTable([INTAKE_HEADER, ['1', '2021/9/1', 'a|b c', '家庭問題', '助言']])], hostileConfig);
    const result = reportFrom(analysis, {}, { kind: 'monthly', skipInvalid: false });
    if (!result.ok) throw new Error(result.problem);
    const md = renderMarkdown(result.report);
    const header = md.split('\n').find((l) => l.startsWith('| 月 |'))!;
    expect(header).toContain('a\\|b c');
    expect(header.split(/(?<!\\)\|/u).length - 2).toBe(result.report.intake.months[0] ? 1 + 5 + 1 + 8 + 5 : 0);
  });
});
