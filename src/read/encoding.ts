import type { EncodingName } from './types.js';

/**
 * Picks the encoding of a CSV from its first bytes: a BOM says it outright; otherwise NUL bytes
 * in alternate positions mean UTF-16 without BOM; bytes that are (mostly) valid UTF-8 mean UTF-8;
 * anything else is taken as CP932, Excel's default for Japanese CSV. "Mostly": a UTF-8 file with
 * a few pasted CP932 rows stays UTF-8, so only those rows come out garbled and are reported.
 */
export function detectEncoding(head: Uint8Array, isWholeFile: boolean): EncodingName {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  const utf16 = guessUtf16(head);
  if (utf16) return utf16;
  return isValidUtf8(head, isWholeFile) ? 'utf8' : 'cp932';
}

function guessUtf16(head: Uint8Array): EncodingName | undefined {
  const sample = Math.min(head.length, 4096) & ~1;
  if (sample < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  // Text in Japanese UTF-16 still has ASCII digits, commas and newlines, each with a zero byte.
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf16be';
  return undefined;
}

function isValidUtf8(bytes: Uint8Array, isWholeFile: boolean): boolean {
  // `stream: true` lets a multi-byte character cut at the end of the sample pass.
  const text = new TextDecoder('utf-8').decode(bytes, { stream: !isWholeFile });
  // Most files decode cleanly: one native search instead of a walk through every character.
  if (!text.includes('\uFFFD')) return true;
  let invalid = 0;
  let multibyte = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') invalid++;
    else if (ch.charCodeAt(0) >= 0x80) multibyte++;
  }
  // CP932 text read as UTF-8 is almost all invalid; UTF-8 text has at most a stray pasted line.
  return invalid === 0 || multibyte > 2 * invalid;
}

/** Accepts the names people type for the same encoding: sjis, shift_jis, utf-8 … */
export function parseEncodingName(text: string): EncodingName | undefined {
  const key = text.toLowerCase().replace(/[-_\s]/gu, '');
  if (key === 'utf8' || key === 'utf8bom') return 'utf8';
  if (key === 'utf16le' || key === 'utf16' || key === 'unicode') return 'utf16le';
  if (key === 'utf16be') return 'utf16be';
  if (['cp932', 'sjis', 'shiftjis', 'windows31j', 'ms932', 'windows932'].includes(key)) return 'cp932';
  return undefined;
}
