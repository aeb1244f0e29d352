import { z } from 'zod';
import { jsonErrorLines } from '../../config/text.js';
import type { Messages } from '../../messages/index.js';
import { quoteValue } from '../../text.js';
import { parseAddress } from './address.js';

/** One cell of the form to fill: which sheet and cell, which metric, for the period or one month. */
export interface MapEntry {
  /** Its place in the map's `cells`, from 0: how problems name it. */
  index: number;
  sheet: string;
  /** As written in the map (`c5`, `$C$5`): named so in messages. */
  cell: string;
  metric: string;
  month?: string;
}

export type MapResult = { ok: true; entries: MapEntry[] } | { ok: false; lines: string[] };

const ENTRY_KEYS = ['sheet', 'cell', 'metric', 'month', 'note'] as const;

const mapSchema = z.strictObject({ cells: z.array(z.unknown()).min(1) });

const entrySchema = z.strictObject({
  sheet: z.string().min(1),
  cell: z.string().superRefine((text, context) => {
    if (parseAddress(text) !== undefined) return;
    // Letters and a row number that Excel's sheet does not reach (XFD1048576 is its last cell) are not a typo of the same kind.
    const beyond = /^\$?[A-Za-z]+\$?\d+$/u.test(text);
    context.addIssue({ code: 'custom', input: text, params: { address: beyond ? 'beyond' : 'malformed' } });
  }),
  metric: z.string().min(1),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/u)
    .optional(),
  /** A note for the people who keep the map (which line of the form it is); the tool does not read it. */
  note: z.string().optional(),
});

/**
 * A map file's text, checked whole before anything is read or written: broken JSON by line and
 * column (as a config file's), then every entry's mistakes at once, each named by its path
 * (`map.cells[2].cell: …`). `file` names the map in the messages.
 */
export function mapFromText(file: string, text: string, m: Messages): MapResult {
  const body = text.replace(/^\uFEFF/u, '');
  if (body.includes('\uFFFD')) return { ok: false, lines: [m.fill.mapNotUtf8(file)] };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { ok: false, lines: jsonErrorLines(file, body, (error as Error).message, mapWording(m)) };
  }
  const top = mapSchema.safeParse(json, { reportInput: true });
  if (!top.success) return { ok: false, lines: [m.fill.mapInvalid(file), ...top.error.issues.map((i) => `  - ${issueLine(i, [], m)}`)] };
  const problems: string[] = [];
  const entries: MapEntry[] = [];
  top.data.cells.forEach((item, index) => {
    const parsed = entrySchema.safeParse(item, { reportInput: true });
    if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => issueLine(issue, ['cells', index], m)));
    else {
      const { sheet, cell, metric, month } = parsed.data;
      entries.push({ index, sheet, cell, metric, ...(month === undefined ? {} : { month }) });
    }
  });
  if (problems.length > 0) return { ok: false, lines: [m.fill.mapInvalid(file), ...problems.map((p) => `  - ${p}`)] };
  return { ok: true, entries };
}

/**
 * The config's wording of broken JSON (config/text.ts, which places it by line and column),
 * with the map named as what it is instead of as a config file.
 */
function mapWording(m: Messages): Messages {
  return {
    ...m,
    config: { ...m.config, notJson: m.fill.mapNotJson },
    configTraps: {
      ...m.configTraps,
      notJsonAt: m.fill.mapNotJsonAt,
      jsonSyntax: (kind, parser) => (kind === 'after-end' ? m.fill.textAfterEnd : m.configTraps.jsonSyntax(kind, parser)),
    },
  };
}

function issueLine(issue: z.core.$ZodIssue, prefix: readonly (string | number)[], m: Messages): string {
  const path = [...prefix, ...issue.path];
  const where = `map${path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')}`;
  const input = (issue as { input?: unknown }).input;
  const shown = input === undefined ? '' : quoteValue(JSON.stringify(input) ?? String(input), 60);
  const got = input === undefined ? '' : m.config.got(shown);
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `${where}: ${m.config.required}`;
      return `${where}: ${m.config.expected(m.config.typeName[issue.expected] ?? issue.expected)}${got}`;
    case 'too_small':
      return `${where}: ${issue.origin === 'array' ? m.fill.atLeastOneCell : m.config.notEmpty}`;
    case 'invalid_format':
      return `${where}: ${m.config.monthFormat}${got}`;
    case 'unrecognized_keys':
      return `${where}: ${m.config.unknownKeys(issue.keys)} ${m.fill.keysAre(path.length === 0 ? ['cells'] : [...ENTRY_KEYS])}`;
    case 'custom':
      return `${where}: ${issue.params?.address === 'beyond' ? m.fill.beyondSheet(shown) : m.fill.badAddress(shown)}`;
    default:
      return `${where}: ${issue.message}${got}`;
  }
}
