import { CONFIG_FILE_NAME } from '../config/lists.js';
import type { RefusedFormat, SkipReason, UnreadableReason } from '../problems.js';
import { listZip, storedEntryText, ZipFormatError, type ZipEntry } from './zip.js';

export const CSV_EXTENSIONS = ['.csv', '.tsv', '.txt'];
export const XLSX_EXTENSIONS = ['.xlsx', '.xlsm'];

/** Spreadsheets the tool cannot read: in a folder they stop a report, since a month would be missing. */
const REFUSED_EXTENSIONS: Record<string, RefusedFormat> = {
  '.xls': 'xls',
  '.xlt': 'xls',
  '.ods': 'ods',
  '.ots': 'ods',
  '.fods': 'ods',
  '.xlsb': 'xlsb',
  '.numbers': 'numbers',
  '.et': 'et',
};

const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db', 'icon\r']);

/** The extension of a file name, lower-cased, with its dot (`.xlsx`), or '' when it has none. */
export function extensionOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** The last part of a path, whichever separator it uses. */
export function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}

export type NameVerdict =
  | { kind: 'candidate' }
  | { kind: 'skip'; reason: SkipReason }
  /** An Office lock file: the workbook it names is open in Excel (or LibreOffice) right now. */
  | { kind: 'lock'; workbook: string }
  | { kind: 'config' };

/**
 * What a file found in a folder is, from its name alone: a candidate to read (a spreadsheet of
 * any kind), a lock file, the config, or something to pass over (hidden and system files,
 * documents, images…).
 */
export function judgeName(name: string): NameVerdict {
  const base = baseName(name);
  // Excel's owner file is ~$ + the name (its first two characters dropped when the name is long);
  // LibreOffice's is .~lock.NAME#.
  if (base.startsWith('~$')) return { kind: 'lock', workbook: base.slice(2) };
  const libreOffice = /^\.~lock\.(.+)#$/u.exec(base);
  if (libreOffice) return { kind: 'lock', workbook: libreOffice[1]! };
  if (base.startsWith('.')) return { kind: 'skip', reason: 'hidden' };
  if (SYSTEM_FILES.has(base.toLowerCase())) return { kind: 'skip', reason: 'system' };
  if (base === CONFIG_FILE_NAME) return { kind: 'config' };
  const extension = extensionOf(base);
  if (CSV_EXTENSIONS.includes(extension) || XLSX_EXTENSIONS.includes(extension) || extension in REFUSED_EXTENSIONS) {
    return { kind: 'candidate' };
  }
  return { kind: 'skip', reason: 'other-format' };
}

export type Sniffed =
  | { kind: 'csv' }
  | { kind: 'xlsx'; entries: ZipEntry[] }
  | { kind: 'refused'; format: RefusedFormat }
  | { kind: 'unreadable'; reason: UnreadableReason }
  /** Not a spreadsheet at all (a PDF, an image, a Word file…). */
  | { kind: 'other' };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * What a file holds, from its bytes, with its name as a tiebreak: a workbook saved under the
 * wrong extension is still understood, and an .ods is called an .ods even when named .xlsx.
 */
export function sniffFormat(name: string, bytes: Uint8Array): Sniffed {
  const extension = extensionOf(name);
  if (startsWith(bytes, OLE_MAGIC)) {
    // The OLE container holds the legacy .xls format, and also the wrapper around an encrypted .xlsx.
    if (containsUtf16(bytes, 'EncryptedPackage')) return { kind: 'refused', format: 'encrypted' };
    return { kind: 'refused', format: extension === '.et' ? 'et' : 'xls' };
  }
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) {
    let entries: ZipEntry[];
    try {
      entries = listZip(bytes);
    } catch (error) {
      if (!(error instanceof ZipFormatError)) throw error;
      return { kind: 'unreadable', reason: 'corrupt-xlsx' };
    }
    const names = new Set(entries.map((e) => e.name.replace(/^\//u, '')));
    if (names.has('xl/workbook.xml')) return { kind: 'xlsx', entries };
    if (names.has('xl/workbook.bin')) return { kind: 'refused', format: 'xlsb' };
    if (names.has('Index/Document.iwa') || [...names].some((n) => n.startsWith('Index/'))) return { kind: 'refused', format: 'numbers' };
    const mimetype = entries.find((e) => e.name === 'mimetype');
    const mime = mimetype ? storedEntryText(bytes, mimetype) : null;
    if (mime?.includes('opendocument.spreadsheet') || (names.has('content.xml') && extension in REFUSED_EXTENSIONS)) {
      return { kind: 'refused', format: 'ods' };
    }
    if (extension in REFUSED_EXTENSIONS) return { kind: 'refused', format: REFUSED_EXTENSIONS[extension]! };
    return CSV_EXTENSIONS.includes(extension) || XLSX_EXTENSIONS.includes(extension)
      ? { kind: 'unreadable', reason: 'not-workbook' }
      : { kind: 'other' };
  }
  if (extension in REFUSED_EXTENSIONS) return { kind: 'refused', format: REFUSED_EXTENSIONS[extension]! };
  if (XLSX_EXTENSIONS.includes(extension)) return { kind: 'unreadable', reason: 'text-as-xlsx' };
  // Standard input (`-`) is always CSV.
  if (CSV_EXTENSIONS.includes(extension) || name === '-') return { kind: 'csv' };
  return { kind: 'other' };
}

/** A ZIP or OLE container (a workbook, or a spreadsheet the tool refuses): never a CSV. */
export function isContainer(head: Uint8Array): boolean {
  return startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC) || startsWith(head, OLE_MAGIC);
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** An encrypted workbook's OLE directory names a stream "EncryptedPackage" (UTF-16LE). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern = Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}
