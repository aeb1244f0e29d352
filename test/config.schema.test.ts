import { readFile } from 'node:fs/promises';
import Ajv from 'ajv';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/default.js';
import { configJsonSchema } from '../src/config/json-schema.js';
import { configSchema } from '../src/config/schema.js';
import { fixture, ROOT } from './helpers.js';

type Node = { description?: string; properties?: Record<string, Node>; items?: Node; required?: string[]; [key: string]: unknown };

describe('the config JSON Schema (for editors), generated from the zod schema', () => {
  const schema = configJsonSchema() as Node;

  test('the build writes it into dist/, which the package ships', async () => {
    const built = JSON.parse(await readFile(path.join(ROOT, 'dist', 'tsup-report.config.schema.json'), 'utf8')) as unknown;
    expect(built).toEqual(schema);
    const files = (JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files;
    expect(files).toContain('dist');
  });

  test('has every key of the zod schema, each described in Japanese and English, plus "$schema"', () => {
    expect(Object.keys(schema.properties!).sort()).toEqual([...new Set([...Object.keys(configSchema.shape), '$schema'])].sort());
    const undescribed: string[] = [];
    const visit = (node: Node, at: string): void => {
      if (node.items) visit(node.items, `${at}[]`);
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (!/[ぁ-んァ-ン一-龥]/u.test(child.description ?? '') || !/[a-z]{3}/u.test(child.description ?? ''))
          undescribed.push(`${at}.${key}`);
        visit(child, `${at}.${key}`);
      }
    };
    visit(schema, 'config');
    expect(undescribed).toEqual([]);
  });

  test('asks for no key at the top level (a file gives only what it changes) and carries the defaults', () => {
    expect(schema.required).toBeUndefined();
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties!.fiscalYearStartMonth!.default).toBe(4);
  });

  test('marks an evaluation min of 10 or more (a percent) as an error while it is typed', () => {
    const min = schema.properties!.evaluation!.items!.properties!.min!;
    expect(min.exclusiveMaximum).toBe(10);
    expect(min.description).toContain('0.6');
  });

  test("an editor checking with it accepts the default, init's file and a real config, and marks the traps the loader refuses", async () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate({ $schema: 'file:///x.json', ...DEFAULT_CONFIG })).toBe(true);
    expect(validate(JSON.parse(await readFile(fixture('full-year', 'tsup-report.config.json'), 'utf8')))).toBe(true);
    expect(
      validate({
        programStart: null,
        evaluation: [
          { min: 1.2, label: 'a' },
          { min: 0, label: 'b' },
        ],
      }),
    ).toBe(true);
    expect(validate({ evaluation: [{ min: 60, label: 'a' }] })).toBe(false);
    expect(validate({ chanels: [] })).toBe(false);
    expect(validate({ channels: [{ label: '電話', serviceDayOnly: true }] })).toBe(false);
  });
});
