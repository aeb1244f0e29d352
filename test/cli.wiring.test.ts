import { describe, expect, test, vi } from 'vitest';
import type { Io } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';

// The commands' own modules are replaced: what is checked here is what main hands them.
const received = vi.hoisted(() => ({ init: [] as unknown[], template: [] as unknown[] }));
vi.mock('../src/cli/init.js', () => ({
  initCommand: (options: unknown) => (received.init.push(options), Promise.resolve(0)),
}));
vi.mock('../src/cli/template.js', () => ({
  templateCommand: (options: unknown) => (received.template.push(options), Promise.resolve(0)),
}));

function quietIo(): Io {
  return {
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdin: () => process.stdin,
    cwd: process.cwd(),
    env: { LANG: 'C' },
    now: () => new Date(),
  };
}

describe('main passes each command the options it declares', () => {
  test('init --out FILE reaches init as options.out', async () => {
    expect(await main(['init', '--out', 'configs/ours.json', '--quiet'], quietIo())).toBe(0);
    expect(received.init).toEqual([expect.objectContaining({ out: 'configs/ours.json', quiet: true })]);
  });

  test('template --encoding is refused: template reads no CSV', async () => {
    expect(await main(['template', '--out', 'x.xlsx', '--encoding', 'cp932'], quietIo())).toBe(2);
    expect(received.template).toEqual([]);
  });
});
