import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { configJsonSchema } from '../src/config/json-schema.js';
import { ROOT } from './helpers.js';

type Node = { properties?: Record<string, Node>; items?: Node; anyOf?: Node[] };

const MARKDOWN = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join('docs', f)),
];
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

/** Every key a config file may hold, nested ones included (list items' keys, sentences' keys). */
function configKeys(node: Node, found = new Set<string>()): Set<string> {
  for (const branch of node.anyOf ?? []) configKeys(branch, found);
  if (node.items) configKeys(node.items, found);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    found.add(key);
    configKeys(child, found);
  }
  return found;
}

describe('the docs in the repository', () => {
  test.each(MARKDOWN)('%s sends the reader to no path outside the repository, and its links lead somewhere', (file) => {
    const text = read(file);
    const outside: string[] = [];
    const broken: string[] = [];
    // Relative paths in links and in code spans, and absolute paths of this machine.
    for (const match of text.matchAll(/\]\(([^)#\s]+)[^)]*\)|`(\.{1,2}\/[^`\s]+)`|((?:\.\.\/)+[^\s)`'"]+)/gu)) {
      const target = match[1] ?? match[2] ?? match[3]!;
      if (/^[a-z]+:/iu.test(target)) continue;
      const resolved = path.resolve(ROOT, path.dirname(file), target);
      if (!resolved.startsWith(ROOT + path.sep)) outside.push(target);
      else if (match[1] !== undefined && !existsFile(resolved)) broken.push(target);
    }
    expect(outside).toEqual([]);
    expect(broken).toEqual([]);
    expect(text).not.toMatch(/\/work\/|shared\/SPEC/u);
  });

  test('docs/config.md documents every key of the config schema (a new key without docs fails here)', () => {
    const docs = read('docs/config.md');
    const keys = [...configKeys(configJsonSchema() as Node)];
    expect(keys.length).toBeGreaterThan(15);
    expect(keys.filter((key) => !docs.includes(`\`${key}\``))).toEqual([]);
  });

  test('docs/config.md names every metric a target may take, and the JSON reference every ledger key', async () => {
    const { knownMetricPatterns } = await import('../src/config/metrics.js');
    const docs = read('docs/config.md');
    expect(knownMetricPatterns().filter((metric) => !docs.includes(`\`${metric}\``))).toEqual([]);
    const json = read('docs/json.md');
    for (const key of ['read', 'blank', 'totalLine', 'duplicate', 'rejected', 'outOfPeriod', 'counted'])
      expect(json).toContain(`\`${key}\``);
  });

  test('the README points to the config and JSON references', () => {
    const readme = read('README.md');
    expect(readme).toContain('](docs/config.md)');
    expect(readme).toContain('](docs/json.md)');
  });
});

function existsFile(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}
