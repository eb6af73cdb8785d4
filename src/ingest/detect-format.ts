/**
 * What kind of file this is, from its first bytes first and its name second: a `.xls` is often an
 * HTML table, and a `.csv` is sometimes a workbook. A ZIP is an OpenDocument spreadsheet (`.ods`,
 * from WPS or LibreOffice) when its `mimetype` entry says so, whatever the file is called.
 */
import type { IngestFormat } from './types';
import { listZipEntries } from './zip-entries';

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/**
 * Guess the format of a file.
 * @example detectFormat('表1.xls', bytes) // 'html' when the bytes start with <table>
 */
export function detectFormat(name: string, bytes: Uint8Array): IngestFormat {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    // By content only: an .ods renamed .xlsx (or saved without a name) is still OpenDocument.
    return zipMimetype(bytes).startsWith(ODS_MIME) ? 'ods' : 'xlsx';
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  // Parquet starts with PAR1 (and ends with it); by name too, so a damaged one gets its own sentence.
  if ((bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31) || ext === 'parquet') return 'parquet';
  const head = sniffText(bytes);
  if (/^<(!doctype html|html|table|\?xml|meta|head|body)/i.test(head) || (/^</.test(head) && (ext === 'xls' || ext === 'html' || ext === 'htm'))) return 'html';
  if (ext === 'json' || (/^[[{]/.test(head) && ext !== 'csv' && ext !== 'tsv' && ext !== 'txt')) return 'json';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  if (ext === 'txt') return 'txt';
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls' || ext === 'ods') {
    // Some systems write tab-separated text and name it .xls; reading it as text keeps 010101.
    return looksLikeText(bytes) ? 'tsv' : 'xlsx';
  }
  return 'csv';
}

/** No control bytes but tab, CR and LF in the first kilobyte (UTF-16 is caught by its BOM or zeros). */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024);
  if (n === 0) return false;
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) zeros++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  // UTF-16 text has a zero in every other byte of ASCII; a binary file has them anywhere.
  return zeros === 0 || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The first non-blank characters, for ASCII-level sniffing in any of our encodings. */
function sniffText(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < Math.min(bytes.length, 512) && out.length < 32; i++) {
    const b = bytes[i];
    // Skip BOMs and the zero bytes of UTF-16.
    if (b === 0 || b === 0xef || b === 0xbb || b === 0xbf || b === 0xff || b === 0xfe) continue;
    const ch = String.fromCharCode(b);
    if (out === '' && /\s/.test(ch)) continue;
    out += ch;
  }
  return out;
}

/**
 * The text of an OpenDocument package's `mimetype` entry, '' when there is none: the first entry,
 * stored uncompressed (as the format requires), or else found in the central directory.
 */
function zipMimetype(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stored = (at: number, size: number): string =>
    at + size <= bytes.length && size < 200 ? String.fromCharCode(...bytes.subarray(at, at + size)).trim() : '';
  if (bytes.length >= 38) {
    const nameLength = view.getUint16(26, true);
    const name = String.fromCharCode(...bytes.subarray(30, 30 + nameLength));
    if (name === 'mimetype' && view.getUint16(8, true) === 0) return stored(30 + nameLength + view.getUint16(28, true), view.getUint32(18, true));
  }
  const entry = listZipEntries(bytes)?.get('mimetype');
  if (!entry || entry.method !== 0 || entry.localOffset + 30 > bytes.length) return '';
  const at = entry.localOffset + 30 + view.getUint16(entry.localOffset + 26, true) + view.getUint16(entry.localOffset + 28, true);
  return stored(at, entry.compressedSize);
}
