/**
 * Bytes → text. Follows a BOM, else tries strict UTF-8, else GB18030 (a superset of GBK, what
 * Chinese Excel and WPS write). Decodes in slices with one streaming decoder so that a character
 * split across slices is never corrupted, and so that a huge file never needs a second copy.
 */

/** Decoded text and the encoding that produced it. @example { text: '地区', encoding: 'gb18030' } */
export interface Decoded {
  text: string;
  encoding: string;
}

const SLICE = 1 << 20;

/**
 * Decode `bytes` with one streaming decoder, slice by slice.
 * @example decodeWith(bytes, 'utf-8', true) // throws TypeError on invalid UTF-8
 */
export function decodeWith(bytes: Uint8Array, encoding: string, fatal = false, sliceSize = SLICE): string {
  const decoder = new TextDecoder(encoding, { fatal, ignoreBOM: false });
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += sliceSize) {
    parts.push(decoder.decode(bytes.subarray(at, Math.min(at + sliceSize, bytes.length)), { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** The encoding a BOM announces, if any. */
function bomEncoding(b: Uint8Array): string | undefined {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** UTF-16 without a BOM shows up as a zero in every other byte of ASCII text. */
function sniffUtf16(b: Uint8Array): string | undefined {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * Decode a file's bytes: `encoding` when given, else BOM → strict UTF-8 → GB18030. The BOM itself
 * is never part of the text.
 * @example decodeBytes(new TextEncoder().encode('地区')) // { text: '地区', encoding: 'utf-8' }
 */
export function decodeBytes(bytes: Uint8Array, encoding?: string, sliceSize = SLICE): Decoded {
  const label = chosenEncoding(bytes, encoding);
  if (label) return { text: stripBom(decodeWith(bytes, label, false, sliceSize)), encoding: label };
  try {
    return { text: decodeWith(bytes, 'utf-8', true, sliceSize), encoding: 'utf-8' };
  } catch {
    return { text: decodeWith(bytes, 'gb18030', false, sliceSize), encoding: 'gb18030' };
  }
}

/**
 * The encoding given, or announced by a BOM or UTF-16's zeros in the first bytes (`head` needs
 * no more than 4 KB); undefined when the text must be tried as UTF-8, then GB18030.
 * @example chosenEncoding(bytes, 'GBK') // 'gb18030'
 */
export function chosenEncoding(head: Uint8Array, encoding?: string): string | undefined {
  const chosen = encoding?.trim().toLowerCase() || bomEncoding(head) || sniffUtf16(head);
  if (!chosen) return undefined;
  return chosen === 'gbk' || chosen === 'gb2312' ? 'gb18030' : chosen;
}

/**
 * Text without the BOM a decoder left at its start.
 * @example stripBom('\uFEFF地区') // '地区'
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
