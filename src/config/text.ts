import type { Messages } from '../messages/index.js';
import type { JsonSyntaxKind } from '../messages/types.js';
import { displayWidth } from '../text.js';
import type { Config } from './schema.js';

/** A mistake in the user's config: the CLI prints `lines` and exits 2; the page shows them. */
export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/**
 * A config file's text, checked: the same for a file on disk (CLI) and one chosen in the page.
 * `file` names it in the messages. zod is loaded only here, when there is a file to check.
 */
export async function configFromText(file: string, text: string, m: Messages): Promise<Config> {
  const body = text.replace(/^\uFEFF/u, '');
  // Bytes that are not UTF-8 were decoded as U+FFFD: a file saved as Shift_JIS (Notepad's ANSI).
  // Its labels would be garbled beyond any other message's help.
  if (body.includes('\uFFFD')) throw new ConfigError([m.configTraps.notUtf8(file)]);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new ConfigError(jsonErrorLines(file, body, (error as Error).message, m));
  }
  const { parseConfig } = await import('./parse.js');
  const result = parseConfig(withoutSchemaReference(json), m);
  if (!result.ok) throw new ConfigError([m.config.invalid(file), ...result.problems.map((p) => `  - ${p}`)]);
  return result.config;
}

/** `"$schema"` is for the editor (completion and checks while typing); the tool ignores it. */
function withoutSchemaReference(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !('$schema' in json)) return json;
  const { $schema: _ignored, ...rest } = json as Record<string, unknown>;
  return rest;
}

/** Characters of the offending line shown around the column, so that a one-line file stays readable. */
const SHOWN_WIDTH = 72;

/**
 * Broken JSON said as a person finds it: line and column (the parser counts characters from the
 * file's start, "at position 3194"), then the line itself with a mark under the place.
 */
export function jsonErrorLines(file: string, text: string, parserMessage: string, m: Messages): string[] {
  const position = errorPosition(text, parserMessage);
  // The parser's own words without the position (given better below), for a slip not named.
  const parser = parserMessage
    .replace(/\s*\(line \d+ column \d+\)/u, '')
    .replace(/\s*(in JSON )?at position \d+/u, '')
    .trim();
  // A full-width quote or colon where JSON wants its own is the usual cause, whatever V8 says of it.
  const kind = position !== undefined && /[“”‘’：，\u3000]/u.test(text.charAt(position)) ? 'bad-character' : syntaxKind(parserMessage);
  const reason = m.configTraps.jsonSyntax(kind, parser);
  if (position === undefined) return [m.config.notJson(file, reason)];
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = text.indexOf('\n', position) === -1 ? text.length : text.indexOf('\n', position);
  const lineChars = Array.from(text.slice(lineStart, lineEnd).replace(/\r$/u, ''));
  const column = Array.from(text.slice(lineStart, position)).length + 1;
  const from = Math.max(0, Math.min(column - 1 - SHOWN_WIDTH / 2, lineChars.length - SHOWN_WIDTH));
  const shown = lineChars
    .slice(from, from + SHOWN_WIDTH)
    .join('')
    .replace(/\t/gu, ' ');
  const gutter = `  ${line} | `;
  return [
    m.configTraps.notJsonAt(file, line, column, reason),
    `${gutter}${from > 0 ? '…' : ''}${shown}`,
    `${' '.repeat(gutter.length + (from > 0 ? 1 : 0) + displayWidth(lineChars.slice(from, column - 1).join('')))}^`,
  ];
}

/** V8's words for the slips people make in a config file. */
function syntaxKind(parserMessage: string): JsonSyntaxKind {
  if (/Expected ',' or '[}\]]'/u.test(parserMessage)) return 'missing-comma';
  if (/Expected ':'/u.test(parserMessage)) return 'missing-colon';
  if (/double-quoted property name/u.test(parserMessage)) return 'property-name';
  if (/end of JSON input|Unterminated string/u.test(parserMessage)) return 'cut-short';
  if (/non-whitespace character after JSON/u.test(parserMessage)) return 'after-end';
  if (/Bad escaped character/u.test(parserMessage)) return 'bad-escape';
  if (/Unexpected token|Bad control character/u.test(parserMessage)) return 'bad-character';
  return 'other';
}

function errorPosition(text: string, parserMessage: string): number | undefined {
  const at = /at position (\d+)/u.exec(parserMessage);
  if (at) return Math.min(Number(at[1]), text.length);
  // "Unexpected end of JSON input": the file stops before the value is closed.
  if (/end of JSON input/u.test(parserMessage)) return text.trimEnd().length;
  // "Unexpected token '“', …" gives no position: the first such character outside a string is it.
  const token = /Unexpected token '(.)'/u.exec(parserMessage)?.[1];
  return token === undefined ? undefined : outsideStrings(text, token);
}

function outsideStrings(text: string, character: string): number | undefined {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString && ch === '\\') i++;
    else if (ch === '"') inString = !inString;
    else if (!inString && ch === character) return i;
  }
  return undefined;
}
