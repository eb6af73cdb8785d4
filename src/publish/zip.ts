/**
 * A ZIP archive of files, stored without compression (Parquet is compressed already, the app's
 * scripts are small), for browsers without the File System Access API: the user unpacks it into
 * the server's folder. UTF-8 names (flag bit 11), CRC-32 per entry, no ZIP64 (a folder over 4 GB
 * is refused with the size).
 */

/** A file for the archive. */
export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
}

const LIMIT = 0xffffffff;
let table: Uint32Array | undefined;

/**
 * CRC-32 (IEEE) of bytes.
 * @example crc32(new TextEncoder().encode('123456789')) // 0xcbf43926
 */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * The archive's bytes, as parts for a `Blob` (no copy of the files into one buffer).
 * @example new Blob(zipParts([{ path: 'index.html', bytes }]), { type: 'application/zip' })
 */
export function zipParts(entries: readonly ZipEntry[]): Uint8Array[] {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  const encoder = new TextEncoder();
  let offset = 0;
  for (const e of entries) {
    const name = encoder.encode(e.path);
    const crc = crc32(e.bytes);
    const local = header(30, name);
    const v = new DataView(local.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 0x0800, true);
    v.setUint32(14, crc, true);
    v.setUint32(18, e.bytes.length, true);
    v.setUint32(22, e.bytes.length, true);
    v.setUint16(26, name.length, true);
    const dir = header(46, name);
    const c = new DataView(dir.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x0800, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, e.bytes.length, true);
    c.setUint32(24, e.bytes.length, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    parts.push(local, e.bytes);
    central.push(dir);
    offset += local.length + e.bytes.length;
    if (offset > LIMIT) throw new RangeError(`zip over 4 GB (${offset} bytes)`);
  }
  const size = central.reduce((n, d) => n + d.length, 0);
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, entries.length, true);
  v.setUint16(10, entries.length, true);
  v.setUint32(12, size, true);
  v.setUint32(16, offset, true);
  return [...parts, ...central, end];
}

/** A header of `size` bytes followed by the name. */
function header(size: number, name: Uint8Array): Uint8Array {
  const out = new Uint8Array(size + name.length);
  out.set(name, size);
  return out;
}
