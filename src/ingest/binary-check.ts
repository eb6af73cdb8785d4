/**
 * Whether a file that is to be read as text is text at all. A picture or a program renamed `.csv`
 * used to be decoded and parsed, and the issues quoted its raw bytes; now it is refused with one
 * sentence that names what it looks like.
 */
import type { IngestFormat } from './types';

/** Formats that are decoded as text. */
const TEXT_FORMATS: ReadonlySet<IngestFormat> = new Set(['csv', 'tsv', 'txt', 'json', 'html', 'text']);

/** Magic numbers of common binary files, as bytes at the start (a ZIP that is not a workbook is
 * caught here only when the name says text: by content a ZIP is read as a workbook). */
const MAGIC: readonly (readonly [string, readonly number[]])[] = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP', [0x50, 0x4b, 0x03, 0x04]],
  ['ELF', [0x7f, 0x45, 0x4c, 0x46]],
  ['GZIP', [0x1f, 0x8b]],
  ['7Z', [0x37, 0x7a, 0xbc, 0xaf]],
  ['RAR', [0x52, 0x61, 0x72, 0x21]],
];

/** Bytes looked at: enough to judge, cheap for a 200 MB file. */
const SAMPLE = 4096;
/** More control bytes than this share of the sample is not text. */
const CONTROL_SHARE = 0.1;

/** UTF-16 without a BOM: ASCII leaves a zero in every other byte, on one side only. */
function looksUtf16(bytes: Uint8Array, n: number): boolean {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const half = n / 2;
  return (odd > half * 0.3 && even < half * 0.02) || (even > half * 0.3 && odd < half * 0.02);
}

/**
 * What a file to be read as text is instead ('PNG', 'PDF', 'ZIP', 'EXE', … or 'binary'), or
 * undefined when it is text (or not to be read as text).
 * @example binaryKind(pngBytes, 'csv') // 'PNG'
 */
export function binaryKind(bytes: Uint8Array, format: IngestFormat): string | undefined {
  if (!TEXT_FORMATS.has(format)) return undefined;
  const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bom16) return undefined;
  for (const [kind, magic] of MAGIC) if (magic.every((b, i) => bytes[i] === b)) return kind;
  // `MZ` alone could start a line of text; a Windows program also has zeros in its header.
  if (bytes[0] === 0x4d && bytes[1] === 0x5a && bytes.subarray(2, 64).includes(0)) return 'EXE';
  const n = Math.min(bytes.length, SAMPLE);
  let zeros = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) zeros++;
    else if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
  }
  if (zeros > 0 && !looksUtf16(bytes, n)) return 'binary';
  return control > n * CONTROL_SHARE ? 'binary' : undefined;
}
