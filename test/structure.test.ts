import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from './helpers.js';

/** Every source file of src/, with its folder (or its own name for a file at the top) and what it imports. */
function sources(): { file: string; unit: string; lines: number; imports: string[] }[] {
  const src = path.join(ROOT, 'src');
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => {
      const text = readFileSync(path.join(src, f), 'utf8');
      // Static imports and exports (type-only ones included) and dynamic import() calls.
      const imports = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gu)].map(
        (m) => m[1] ?? m[2]!,
      );
      const resolved = imports.map((spec) =>
        spec.startsWith('.') ? path.relative(src, path.resolve(path.dirname(path.join(src, f)), spec)) : spec,
      );
      return {
        file: f,
        unit: f.includes(path.sep) ? f.split(path.sep)[0]! : f.replace(/\.ts$/u, ''),
        lines: text.split('\n').length,
        imports: resolved,
      };
    });
}

const unitOf = (relative: string): string => (relative.includes(path.sep) ? relative.split(path.sep)[0]! : relative.replace(/\.js$/u, ''));

describe('the shape of src/', () => {
  const files = sources();

  test('no import cycle between its folders (type imports included)', () => {
    const edges = new Map<string, Set<string>>();
    for (const f of files) {
      for (const spec of f.imports) {
        if (spec.startsWith('..') || !/^[\w-]+(\/|\.js$)/u.test(spec) || spec.startsWith('node:')) continue;
        const target = unitOf(spec);
        if (target === f.unit || !files.some((g) => g.unit === target)) continue;
        if (!edges.has(f.unit)) edges.set(f.unit, new Set());
        edges.get(f.unit)!.add(target);
      }
    }
    const cycles: string[] = [];
    const visit = (unit: string, trail: string[]): void => {
      if (trail.includes(unit)) {
        cycles.push([...trail.slice(trail.indexOf(unit)), unit].join(' → '));
        return;
      }
      for (const next of edges.get(unit) ?? []) visit(next, [...trail, unit]);
    };
    for (const unit of edges.keys()) visit(unit, []);
    expect(cycles).toEqual([]);
  });

  test('the middle (records/, report/) imports no node: module, so the browser app runs it as it is', () => {
    const offenders = files.filter((f) => ['records', 'report'].includes(f.unit) && f.imports.some((i) => i.startsWith('node:')));
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  test('the browser app (app/) imports no node: module, and nothing but the app imports it', () => {
    const appOffenders = files.filter((f) => f.unit === 'app' && f.imports.some((i) => i.startsWith('node:')));
    expect(appOffenders.map((f) => f.file)).toEqual([]);
    const importers = files.filter((f) => f.unit !== 'app' && f.imports.some((i) => unitOf(i) === 'app'));
    expect(importers.map((f) => f.file)).toEqual([]);
  });

  test('no source file is over 300 lines', () => {
    expect(files.filter((f) => f.lines > 300).map((f) => `${f.file}: ${f.lines}`)).toEqual([]);
  });
});
