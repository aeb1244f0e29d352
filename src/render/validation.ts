import type { Messages } from '../messages/index.js';
import type { TableSummary } from '../records/collect.js';
import type { Issue } from '../records/issues.js';
import type { Kind } from '../records/kinds.js';
import type { Ledger } from '../report/types.js';

export interface ValidationResult {
  ok: boolean;
  tables: TableSummary[];
  errors: Issue[];
  /** Warnings and info, in input order. */
  warnings: Issue[];
  ledger: Record<Kind, Ledger>;
}

/** ANSI colours for the severity word; the caller decides whether the terminal wants them. */
const COLOURS = { error: ['\x1b[31m', '\x1b[39m'], warning: ['\x1b[33m', '\x1b[39m'], info: ['\x1b[36m', '\x1b[39m'] } as const;

function issueJson(issue: Issue): Record<string, unknown> {
  const { file, sheet, row, column, cell, code, severity, message, value } = issue;
  return { file, sheet, row, column, cell, code, severity, message, ...(value !== undefined ? { value } : {}) };
}

/** SPEC §10's validate JSON: every problem, none capped. */
export function renderValidationJson(result: ValidationResult): string {
  return `${JSON.stringify(
    {
      ok: result.ok,
      tables: result.tables.map(({ file, sheet, kind, headerRow, rows }) => ({ file, sheet, kind, headerRow, rows })),
      errors: result.errors.map(issueJson),
      warnings: result.warnings.map(issueJson),
      ledger: result.ledger,
    },
    null,
    2,
  )}\n`;
}

/**
 * Problems grouped by file and sheet, in the order of the inputs, each with its row, Excel cell
 * and column, at most `maxShown` of them; then plainly how many more there are.
 */
export function renderValidationText(result: ValidationResult, m: Messages, maxShown: number, colour = false): string {
  const paint = (severity: Issue['severity'], text: string): string => (colour ? `${COLOURS[severity][0]}${text}${COLOURS[severity][1]}` : text);
  const all = [...result.errors, ...result.warnings];
  const order = new Map<string, number>();
  const keyOf = (file: string, sheet: string | null): string => `${file}\u0000${sheet ?? ''}`;
  for (const t of result.tables) if (!order.has(keyOf(t.file, t.sheet))) order.set(keyOf(t.file, t.sheet), order.size);
  for (const i of all) if (!order.has(keyOf(i.file, i.sheet))) order.set(keyOf(i.file, i.sheet), order.size);

  const groups = new Map<string, { file: string; sheet: string | null; table?: TableSummary; issues: Issue[] }>();
  for (const key of order.keys()) {
    const [file, sheet] = key.split('\u0000') as [string, string];
    groups.set(key, { file, sheet: sheet === '' ? null : sheet, issues: [] });
  }
  for (const t of result.tables) groups.get(keyOf(t.file, t.sheet))!.table = t;
  const rank = { error: 0, warning: 1, info: 2 };
  for (const i of all) groups.get(keyOf(i.file, i.sheet))!.issues.push(i);

  const lines: string[] = [];
  let shown = 0;
  let lastFile: string | undefined;
  for (const group of groups.values()) {
    if (group.file !== lastFile) {
      if (lines.length > 0) lines.push('');
      lines.push(group.file === '-' ? m.place.stdin : group.file);
      lastFile = group.file;
    }
    const indent = group.sheet === null ? '  ' : '    ';
    if (group.sheet !== null) lines.push(`  ${m.place.sheet(group.sheet)}`);
    const table = group.table;
    if (table?.kind && table.headerRow !== null) {
      lines.push(`${indent}${m.validate.tableLine(m.kindName[table.kind], table.headerRow, table.rows)}`);
      if (table.rows === 0) lines.push(`${indent}${m.validate.noData}`);
    }
    const issues = group.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || rank[a.severity] - rank[b.severity]);
    for (const issue of issues) {
      if (shown >= maxShown) break;
      shown++;
      const at = m.place.at(issue.row, issue.cell, issue.column);
      lines.push(`${indent}${paint(issue.severity, m.severity[issue.severity])}${at === '' ? '' : ` ${at}`}: ${issue.message}`);
    }
  }
  lines.push('');
  const infos = result.warnings.filter((w) => w.severity === 'info').length;
  if (all.length === 0) lines.push(m.validate.ok);
  lines.push(m.validate.summary(result.errors.length, result.warnings.length - infos, infos));
  const rejected = Object.values(result.ledger).reduce((n, l) => n + l.rejected, 0);
  if (rejected > 0) lines.push(m.validate.rejectedRows(rejected));
  if (all.length > shown) lines.push(m.validate.more(all.length - shown));
  return `${lines.join('\n')}\n`;
}
