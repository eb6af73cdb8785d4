/**
 * The entries of a ZIP archive (an XLSX is one) from its central directory, and one entry's bytes
 * inflated with the platform's `DecompressionStream` (as gzip below Chromium 103: domain/deflate.ts) — native code in the browser
 * and in Node, far faster than inflating in JavaScript. Only what an XLSX needs: stored and
 * deflated entries, no ZIP64, no encryption; anything else answers `undefined` so that the caller
 * can fall back to a full reader.
 */

import { inflateRawStream } from '../domain/deflate';

/** One file in the archive. @example { name: 'xl/workbook.xml', method: 8, compressedSize: 310, size: 622, localOffset: 0 } */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** CRC-32 of the inflated bytes: an old kernel inflates through gzip, whose trailer needs it. */
  crc32: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The archive's entries by name, or `undefined` when the archive is not one this reader handles.
 * @example listZipEntries(bytes)?.get('xl/workbook.xml')?.size
 */
export function listZipEntries(bytes: Uint8Array): Map<string, ZipEntry> | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus a comment of up to 65,535 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  // 0xFFFF / 0xFFFFFFFF mean the real values are in a ZIP64 record.
  if (count === 0xffff || at === 0xffffffff) return undefined;
  const names = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return undefined;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc32 = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1 || (method !== 0 && method !== 8) || compressedSize === 0xffffffff || localOffset === 0xffffffff) return undefined;
    entries.set(name, { name, method, compressedSize, size, localOffset, crc32 });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflated bytes between two progress reports. */
const PROGRESS_BYTES = 4 * 1024 * 1024;

/** An entry inflates to more than the caller allows (a "zip bomb", or simply too large to read). @example err instanceof ZipEntryTooLarge */
export class ZipEntryTooLarge extends Error {
  constructor(
    readonly entry: string,
    readonly limit: number,
  ) {
    super(`zip: ${entry} inflates to more than ${limit} bytes`);
  }
}

/**
 * One entry's bytes as stored in the archive (deflated when `method` is 8); throws when its local
 * header is missing or the archive ends inside it.
 * @example inflateRawStream(entryBody(bytes, entry), entry)
 */
export function entryBody(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new Error(`zip: no local header for ${entry.name}`);
  // The local header's name and extra field may differ in length from the central directory's.
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new Error(`zip: ${entry.name} is cut short`);
  return data;
}

/**
 * One entry's uncompressed bytes; throws `ZipEntryTooLarge` as soon as they pass `maxBytes`
 * (the size the archive declares may lie, so the count is of what actually comes out).
 * `onProgress` gets bytes out of the bytes declared, every few megabytes: a million-row sheet
 * inflates for seconds, and the progress bar moves meanwhile.
 * @example new TextDecoder().decode(await inflateEntry(bytes, entries.get('xl/workbook.xml')!))
 */
export async function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  maxBytes = Number.MAX_SAFE_INTEGER,
  onProgress?: (done: number, total: number) => void,
): Promise<Uint8Array> {
  const data = entryBody(bytes, entry);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipEntryTooLarge(entry.name, maxBytes);
    return data;
  }
  const reader = inflateRawStream(data, entry).getReader();
  // Chunks go straight into one buffer of the declared size, grown only if the declaration was short.
  let out = new Uint8Array(Math.min(entry.size, maxBytes));
  let length = 0;
  let reported = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.length > maxBytes) {
      await reader.cancel();
      throw new ZipEntryTooLarge(entry.name, maxBytes);
    }
    if (length + value.length > out.length) {
      const grown = new Uint8Array(Math.min(maxBytes, Math.max(out.length * 2, length + value.length)));
      grown.set(out.subarray(0, length));
      out = grown;
    }
    out.set(value, length);
    length += value.length;
    if (onProgress && length - reported >= PROGRESS_BYTES) {
      reported = length;
      onProgress(Math.min(length, entry.size), entry.size);
    }
  }
  return length === out.length ? out : out.subarray(0, length);
}
