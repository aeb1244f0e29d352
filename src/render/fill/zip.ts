import { deflateSync, inflateSync } from 'fflate';
import { listZip, ZipFormatError, type ZipEntry } from '../../read/zip.js';

/**
 * A workbook's zip, rewritten with a few parts replaced and every other part copied byte for
 * byte: its local header, compressed data and data descriptor as they were (so not only what a
 * part holds but how it was packed stays the same), its central directory record as it was but
 * for where the entry now starts. fflate (pure JavaScript, no node: module) inflates the parts
 * read and deflates the parts replaced, so the browser app can run this as it is.
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_EXTRA = 0x0001;
/** The bits of the general-purpose flag a rewritten entry keeps: 11, the name is UTF-8 (not 3: its sizes are in its header, with no data descriptor after the data). */
const KEPT_FLAGS = 0x0800;

export { ZipFormatError };

export interface ZipArchive {
  readonly bytes: Uint8Array;
  readonly entries: readonly ZipEntry[];
  /** The most a part may inflate to when read. */
  readonly partLimit: number;
}

export function openZip(bytes: Uint8Array, partLimit: number): ZipArchive {
  return { bytes, entries: listZip(bytes), partLimit };
}

export function findPart(zip: ZipArchive, name: string): ZipEntry | undefined {
  return zip.entries.find((entry) => entry.name === name);
}

/** A part larger than a form's part can be: a zip bomb, or not a form. */
export class PartTooLargeError extends Error {}

/**
 * What a part holds, inflated into a buffer of the size the directory gives (no larger, whatever
 * the data says); throws PartTooLargeError beyond the archive's partLimit, ZipFormatError for a method other than
 * stored or deflated, or a damaged entry.
 */
export function readPart(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  if (entry.uncompressedSize > zip.partLimit) throw new PartTooLargeError(entry.name);
  const view = viewOf(zip.bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw new ZipFormatError('bad local header');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > zip.bytes.length) throw new ZipFormatError('entry cut short');
  const data = zip.bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.slice();
  if (entry.method !== 8) throw new ZipFormatError(`compression method ${entry.method}`);
  try {
    return inflateSync(data, { out: new Uint8Array(entry.uncompressedSize) });
  } catch (error) {
    throw new ZipFormatError(`damaged entry: ${(error as Error).message}`);
  }
}

export function readPartText(zip: ZipArchive, entry: ZipEntry): string {
  return new TextDecoder().decode(readPart(zip, entry));
}

/** The zip with the parts named in `replaced` given new content (deflated); every other entry copied as it was, in the same order. */
export function replaceParts(zip: ZipArchive, replaced: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const { bytes } = zip;
  const view = viewOf(bytes);
  const records = centralRecords(bytes, zip.entries);
  // An entry's stored bytes run from its local header to the next entry's (or the directory):
  // header, data and any data descriptor, without having to parse the descriptor.
  const starts = [...zip.entries.map((e) => e.localHeaderOffset), records[0]?.at ?? 0].sort((a, b) => a - b);
  const endOf = (offset: number): number => starts.find((s) => s > offset) ?? offset;

  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  zip.entries.forEach((entry, i) => {
    const record = records[i]!;
    const content = replaced.get(entry.name);
    let local: Uint8Array;
    let fields: CentralFields;
    if (content === undefined) {
      local = bytes.subarray(entry.localHeaderOffset, endOf(entry.localHeaderOffset));
      fields = {
        crc: view.getUint32(record.at + 16, true),
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
      };
    } else {
      const packed = deflateSync(content, { level: 6 });
      fields = { crc: crc32(content), compressedSize: packed.length, uncompressedSize: content.length, method: 8 };
      local = concat([localHeader(record.bytes, fields), packed]);
    }
    central.push(centralRecord(record.bytes, fields, offset));
    chunks.push(local);
    offset += local.length;
  });
  const directory = concat(central);
  return concat([...chunks, directory, endRecord(zip.entries.length, directory.length, offset, commentOf(bytes))]);
}

interface CentralFields {
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Set for a replaced entry: deflated, without a data descriptor. */
  method?: 8;
}

/** Each entry's central directory record, in the order listZip gives them (the directory's order). */
function centralRecords(bytes: Uint8Array, entries: readonly ZipEntry[]): { at: number; bytes: Uint8Array }[] {
  const view = viewOf(bytes);
  const first = directoryStart(bytes, entries.length);
  const records: { at: number; bytes: Uint8Array }[] = [];
  for (let at = first, i = 0; i < entries.length; i++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new ZipFormatError('bad central directory');
    const length = 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    records.push({ at, bytes: bytes.subarray(at, at + length) });
    at += length;
  }
  return records;
}

/** Where the central directory starts, from the end record, or a zip64 archive's own end record (listZip has checked both). */
function directoryStart(bytes: Uint8Array, count: number): number {
  if (count === 0) return bytes.length;
  const view = viewOf(bytes);
  const end = endRecordAt(bytes);
  const offset = view.getUint32(end + 16, true);
  if (offset !== 0xffffffff) return offset;
  const zip64End = Number(view.getBigUint64(end - 20 + 8, true));
  return Number(view.getBigUint64(zip64End + 48, true));
}

function endRecordAt(bytes: Uint8Array): number {
  const view = viewOf(bytes);
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new ZipFormatError('no end of central directory');
}

function commentOf(bytes: Uint8Array): Uint8Array {
  const end = endRecordAt(bytes);
  return bytes.subarray(end + 22, end + 22 + viewOf(bytes).getUint16(end + 20, true));
}

/**
 * The entry's central record with its new offset (and, when replaced, its new sizes, CRC and
 * method). A zip64 extra field is left out: a workbook this code writes is far below 4 GiB, so
 * every size and offset fits the record itself.
 */
function centralRecord(original: Uint8Array, fields: CentralFields, offset: number): Uint8Array {
  const view = viewOf(original);
  const nameLength = view.getUint16(28, true);
  const extraLength = view.getUint16(30, true);
  const extra = withoutZip64(original.subarray(46 + nameLength, 46 + nameLength + extraLength));
  const record = concat([original.subarray(0, 46 + nameLength), extra, original.subarray(46 + nameLength + extraLength)]);
  const out = viewOf(record);
  if (fields.method !== undefined) {
    out.setUint16(8, out.getUint16(8, true) & KEPT_FLAGS, true);
    out.setUint16(10, fields.method, true);
  }
  out.setUint32(16, fields.crc, true);
  out.setUint32(20, fields.compressedSize, true);
  out.setUint32(24, fields.uncompressedSize, true);
  out.setUint16(30, extra.length, true);
  out.setUint32(42, offset, true);
  return record;
}

/** A local header for a replaced entry: the original's name, time and UTF-8 flag, no extra field, no data descriptor. */
function localHeader(centralOriginal: Uint8Array, fields: CentralFields): Uint8Array {
  const central = viewOf(centralOriginal);
  const name = centralOriginal.subarray(46, 46 + central.getUint16(28, true));
  const header = new Uint8Array(30 + name.length);
  const out = viewOf(header);
  out.setUint32(0, LOCAL_HEADER, true);
  out.setUint16(4, 20, true);
  out.setUint16(6, central.getUint16(8, true) & KEPT_FLAGS, true);
  out.setUint16(8, 8, true);
  out.setUint16(10, central.getUint16(12, true), true);
  out.setUint16(12, central.getUint16(14, true), true);
  out.setUint32(14, fields.crc, true);
  out.setUint32(18, fields.compressedSize, true);
  out.setUint32(22, fields.uncompressedSize, true);
  out.setUint16(26, name.length, true);
  header.set(name, 30);
  return header;
}

function withoutZip64(extra: Uint8Array): Uint8Array {
  const view = viewOf(extra);
  const kept: Uint8Array[] = [];
  for (let at = 0; at + 4 <= extra.length;) {
    const size = view.getUint16(at + 2, true);
    if (view.getUint16(at, true) !== ZIP64_EXTRA) kept.push(extra.subarray(at, at + 4 + size));
    at += 4 + size;
  }
  return concat(kept);
}

function endRecord(count: number, directorySize: number, directoryOffset: number, comment: Uint8Array): Uint8Array {
  if (count > 0xffff || directoryOffset + directorySize > 0xffffffff) throw new ZipFormatError('too large to rewrite');
  const record = new Uint8Array(22 + comment.length);
  const out = viewOf(record);
  out.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  out.setUint16(8, count, true);
  out.setUint16(10, count, true);
  out.setUint32(12, directorySize, true);
  out.setUint32(16, directoryOffset, true);
  out.setUint16(20, comment.length, true);
  record.set(comment, 22);
  return record;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The zip's (and PNG's) CRC-32 of the bytes. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
