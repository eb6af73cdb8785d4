/**
 * A sheet part's cells read into a grid of cell text straight from the inflated UTF-8 bytes, a
 * piece at a time (each piece whole rows, see read-sheet.ts): tags and attributes are found as
 * bytes, a plain number becomes its text from its ASCII digits, and only the texts of string
 * cells are decoded (each distinct one once). Decoding the whole XML to a string first was as
 * long as the inflate (docs/performance.md, session 13). No DOM, no object per cell; the reading
 * state (row, column, width) lasts from piece to piece. Cells of an unusual shape (formulas,
 * rich text, errors) are decoded and read as text, as before.
 */
import { fillMerges, type MergeRange } from './fill-merges';
import type { Grid } from '../types';
import { numberCellText } from './number-format';
import { attribute, richText, startTags, unescapeXml } from './xml';

/** What every sheet's cells need from the rest of the workbook. */
export interface Shared {
  strings: string[];
  /** Number format code per cell style index (`s="3"`), '' for General. */
  formats: string[];
  date1904: boolean;
}

/** ASCII characters by code: a number's text is built from its digits without a decoder call. */
const ASCII: string[] = [];
for (let i = 0; i < 128; i++) ASCII.push(String.fromCharCode(i));

/** `bytes[from, to)`, all ASCII, as text. */
function asciiText(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += ASCII[bytes[i]];
  return s;
}

/** True when `bytes` holds the ASCII text `what` at `at`. */
function bytesAt(bytes: Uint8Array, at: number, what: string): boolean {
  for (let i = 0; i < what.length; i++) if (bytes[at + i] !== what.charCodeAt(i)) return false;
  return true;
}

/**
 * Where the ASCII text `what` next occurs in `bytes` from `from`, or -1.
 * @example findBytes(new TextEncoder().encode('a</c>'), '</c>', 0) // 1
 */
export function findBytes(bytes: Uint8Array, what: string, from: number): number {
  const first = what.charCodeAt(0);
  for (let at = bytes.indexOf(first, from); at >= 0; at = bytes.indexOf(first, at + 1)) if (bytesAt(bytes, at, what)) return at;
  return -1;
}

/** `B12` → column 1 (0-based), read from `bytes` at `at`; the row part is ignored. */
function columnAt(bytes: Uint8Array, at: number): number {
  let col = 0;
  for (let i = at; i < bytes.length; i++) {
    const c = (bytes[i] | 32) - 96;
    if (c < 1 || c > 26) break;
    col = col * 26 + c;
  }
  return col - 1;
}

/** `B12` → row 11 (0-based), read from `bytes` at `at` (letters first, if any); -1 without digits. */
function rowAt(bytes: Uint8Array, at: number): number {
  let i = at;
  while (i < bytes.length && ((bytes[i] | 32) - 97) >>> 0 < 26) i++;
  let n = 0;
  let digits = 0;
  for (; i < bytes.length; i++, digits++) {
    const d = bytes[i] - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  return digits > 0 ? n - 1 : -1;
}

/** `B12` → { r: 11, c: 1 }. */
function cellOf(ref: string): { r: number; c: number } {
  const digits = /\d+$/.exec(ref);
  const bytes = new TextEncoder().encode(ref);
  return { r: digits ? Number(digits[0]) - 1 : 0, c: columnAt(bytes, 0) };
}

/** The content between a cell's `<v>` and `</v>`, or `undefined`. */
function valueOf(content: string): string | undefined {
  const at = content.indexOf('<v');
  if (at < 0) return undefined;
  const gt = content.indexOf('>', at);
  if (content.charCodeAt(gt - 1) === 47) return '';
  const close = content.indexOf('</v>', gt);
  return close < 0 ? undefined : content.slice(gt + 1, close);
}

/**
 * True when `bytes[from, to)` is a number Excel wrote that already reads as `numberToText` would
 * print it: at most 15 characters, no exponent, no leading or trailing zeros — exactly
 * `^-?[1-9]\d*(?:\.\d*[1-9])?$|^0(?:\.[1-9](?:\d*[1-9])?)?$`. Most cells of a large sheet are
 * such; their text is their digits, without `Number` and `toPrecision`.
 * @example plainNumberAt(new TextEncoder().encode('8110.16'), 0, 7) // true; '8110.10' and '1E3' are not plain
 */
export function plainNumberAt(bytes: Uint8Array, from: number, to: number): boolean {
  const length = to - from;
  if (length < 1 || length > 15) return false;
  let i = from;
  if (bytes[i] === 48 /* 0 */) {
    if (length === 1) return true;
    // 0.d…d, its first and last decimals not 0.
    if (length < 3 || bytes[i + 1] !== 46) return false;
    const d = bytes[i + 2];
    return d >= 49 && d <= 57 && decimalsAt(bytes, i + 2, to);
  }
  if (bytes[i] === 45 /* - */) i++;
  if (i >= to) return false;
  const lead = bytes[i];
  if (lead < 49 || lead > 57) return false;
  for (i++; i < to; i++) {
    const d = bytes[i];
    if (d === 46 /* . */) return i + 1 < to && decimalsAt(bytes, i + 1, to);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

/** `bytes[from, to)` is digits only, the last not 0. */
function decimalsAt(bytes: Uint8Array, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const d = bytes[j];
    if (d < 48 || d > 57) return false;
  }
  return bytes[to - 1] !== 48;
}

/** One cell's text from its type, style and `<v>` text (or whole content, for inline strings); `undefined` when it holds nothing. */
function cellText(type: string, style: number, v: string | undefined, content: string, shared: Shared): string | undefined {
  switch (type) {
    case 's':
      return v === undefined || v === '' ? undefined : (shared.strings[Number(v)] ?? '');
    case 'inlineStr': {
      const at = content.indexOf('<is');
      return at < 0 ? '' : richText(content.slice(at));
    }
    case 'str':
      return v === undefined ? '' : unescapeXml(v);
    case 'b':
      return v === undefined || v === '' ? undefined : v === '1' || v === 'true' ? 'TRUE' : 'FALSE';
    case 'e':
      return v === undefined ? undefined : unescapeXml(v);
    case 'd':
      // ISO 8601 dates; the day is what a period needs.
      return v === undefined ? undefined : unescapeXml(v).slice(0, 10);
    default: {
      if (v === undefined || v === '') return undefined;
      const z = shared.formats[style] ?? '';
      const n = Number(v);
      return Number.isNaN(n) ? unescapeXml(v) : numberCellText(n, z, shared.date1904);
    }
  }
}

/** String cells' texts decoded once each (see `CellTexts`): up to this many, of up to this many bytes. */
const TEXTS_KEPT = 100_000;
const TEXT_KEPT_BYTES = 192;

/**
 * The texts of string cells written in the sheet (`t="str"`, `t="inlineStr"`, as SheetJS and many
 * exporters write every text cell), decoded and unescaped once per distinct run of bytes: a long
 * table repeats its region, indicator and unit names row after row, and each copy was a decode
 * and a string the grid kept, which normalize hashed again. Texts are found by a hash of their
 * bytes and compared byte for byte; long texts, and texts past the first `TEXTS_KEPT`, are
 * decoded each time.
 */
class CellTexts {
  private readonly decoder = new TextDecoder('utf-8');
  private readonly kept = new Map<number, { bytes: Uint8Array; text: string }>();

  text(bytes: Uint8Array, from: number, to: number): string {
    if (to - from > TEXT_KEPT_BYTES) return this.decode(bytes, from, to);
    // FNV-1a, kept within a small integer so the map's keys stay unboxed.
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i], 16777619);
    h &= 0x3fffffff;
    const hit = this.kept.get(h);
    if (hit !== undefined && hit.bytes.length === to - from && this.same(hit.bytes, bytes, from)) return hit.text;
    const text = this.decode(bytes, from, to);
    if (hit === undefined && this.kept.size < TEXTS_KEPT) this.kept.set(h, { bytes: bytes.slice(from, to), text });
    return text;
  }

  private same(kept: Uint8Array, bytes: Uint8Array, from: number): boolean {
    for (let i = 0; i < kept.length; i++) if (kept[i] !== bytes[from + i]) return false;
    return true;
  }

  /** `bytes[from, to)` decoded, its entities and `_xHHHH_` escapes resolved. */
  decode(bytes: Uint8Array, from: number, to: number): string {
    return unescapeXml(this.raw(bytes, from, to));
  }

  /** `bytes[from, to)` decoded as they are; a short ASCII run (a value with a number format) without the decoder. */
  raw(bytes: Uint8Array, from: number, to: number): string {
    if (to - from <= 24) {
      let ascii = true;
      for (let i = from; i < to && ascii; i++) ascii = bytes[i] < 128;
      if (ascii) return asciiText(bytes, from, to);
    }
    return this.decoder.decode(bytes.subarray(from, to));
  }
}

/** The attributes of the tag being read; one object reused for every cell of a sheet. */
interface CellTag {
  /** Where the `r` attribute's value starts, or -1. */
  refAt: number;
  type: string;
  style: number;
}

/** Read a tag's `r`, `t` and `s` from `bytes[from, to)` in one pass. */
function readTag(bytes: Uint8Array, from: number, to: number, into: CellTag): void {
  into.refAt = -1;
  into.type = '';
  into.style = 0;
  let i = from;
  while (i < to) {
    const c = bytes[i];
    if (c <= 32 || c === 47) {
      i++;
      continue;
    }
    const eq = bytes.indexOf(61 /* = */, i);
    if (eq < 0 || eq >= to) return;
    let nameEnd = eq;
    while (bytes[nameEnd - 1] <= 32) nameEnd--;
    let q = eq + 1;
    while (bytes[q] <= 32) q++;
    const end = bytes.indexOf(bytes[q], q + 1);
    if (end < 0) return;
    if (nameEnd - i === 1) {
      const name = bytes[i];
      if (name === 114 /* r */) into.refAt = q + 1;
      else if (name === 116 /* t */) into.type = typeOf(bytes, q + 1, end);
      else if (name === 115 /* s */) into.style = wholeNumber(bytes, q + 1, end);
    }
    i = end + 1;
  }
}

/** A cell's `t` value; the common ones without a new string each. */
function typeOf(bytes: Uint8Array, from: number, to: number): string {
  if (to - from === 1) {
    const c = bytes[from];
    if (c === 115) return 's';
    if (c === 110) return 'n';
    if (c === 98) return 'b';
    if (c === 101) return 'e';
    if (c === 100) return 'd';
  }
  if (to - from === 3 && bytesAt(bytes, from, 'str')) return 'str';
  if (to - from === 9 && bytesAt(bytes, from, 'inlineStr')) return 'inlineStr';
  return new TextDecoder('utf-8').decode(bytes.subarray(from, to));
}

/** `bytes[from, to)` as a whole number (a style index, a shared string's), -1 when it is none. */
function wholeNumber(bytes: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = bytes[i] - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The cells of one sheet, read piece by piece: `read` each piece of `<sheetData>`'s content (UTF-8
 * bytes) in order, then `grid` once.
 * @example const cells = new SheetCells(shared); cells.read(bytes, 0, bytes.length); cells.grid([])
 */
export class SheetCells {
  private readonly rows: string[][] = [];
  private readonly tag: CellTag = { refAt: -1, type: '', style: 0 };
  private readonly texts = new CellTexts();
  private lastRow = -1;
  private width = 0;
  private r = -1;
  private rowGuessed = false;
  private c = -1;
  private row: string[] = [];

  constructor(private readonly shared: Shared) {}

  /** Read the rows and cells in `bytes[from, to)`, which ends at a row's end (or the sheet's). */
  read(bytes: Uint8Array, from: number, to: number): void {
    let at = bytes.indexOf(60 /* < */, from);
    while (at >= 0 && at < to) {
      const next = bytes[at + 1];
      const after = bytes[at + 2];
      if (next === 99 /* c */ && (after <= 32 || after === 62 || after === 47)) {
        at = this.cell(bytes, at, to);
        if (at < 0) return;
      } else if (next === 114 /* r */ && after === 111 && bytes[at + 3] === 119 && (bytes[at + 4] <= 32 || bytes[at + 4] === 62 || bytes[at + 4] === 47)) {
        const gt = bytes.indexOf(62 /* > */, at);
        if (gt < 0) return;
        readTag(bytes, at + 4, gt, this.tag);
        const n = this.tag.refAt < 0 ? -1 : rowAt(bytes, this.tag.refAt);
        this.startRow(n < 0 ? this.r + 1 : n, n < 0);
        at = gt + 1;
      } else at++;
      at = bytes.indexOf(60, at);
    }
  }

  /** Read the cell whose tag starts at `at`; where reading goes on, or -1 when the piece ends inside its tag. */
  private cell(bytes: Uint8Array, at: number, to: number): number {
    const gt = bytes.indexOf(62 /* > */, at);
    if (gt < 0 || gt >= to) return -1;
    const tag = this.tag;
    readTag(bytes, at + 2, gt, tag);
    const c = (this.c = tag.refAt < 0 ? this.c + 1 : columnAt(bytes, tag.refAt));
    // A row without `r` (as some writers leave it) is the row its first cell's `r` names.
    if (this.rowGuessed && tag.refAt >= 0) this.placeGuessedRow(rowAt(bytes, tag.refAt));
    if (bytes[gt - 1] === 47 /* /> */) {
      this.put(c, undefined);
      return gt + 1;
    }
    // The common shapes, `<c …><v>123</v></c>` and `<c … t="inlineStr"><is><t>道里区</t></is></c>`:
    // nothing decoded but a string cell's text.
    if (bytesAt(bytes, gt + 1, '<v>')) {
      const lt = bytes.indexOf(60, gt + 4);
      if (lt >= 0 && bytesAt(bytes, lt, '</v></c>')) {
        this.put(c, this.value(bytes, gt + 4, lt));
        return lt + 8;
      }
    } else if (bytesAt(bytes, gt + 1, '<is><t>')) {
      const lt = bytes.indexOf(60, gt + 8);
      if (lt >= 0 && bytesAt(bytes, lt, '</t></is></c>')) {
        this.put(c, this.texts.text(bytes, gt + 8, lt));
        return lt + 13;
      }
    }
    // Any other content (a formula and its cached value, rich text, phonetic runs): read as text.
    let end = findBytes(bytes, '</c>', gt + 1);
    if (end < 0 || end > to) end = to;
    const content = this.texts.decode(bytes, gt + 1, end);
    this.put(c, cellText(tag.type, tag.style, valueOf(content), content, this.shared));
    return end + 4;
  }

  /** The text of a cell whose content is `<v>` with `bytes[from, to)`, by the tag's type and style. */
  private value(bytes: Uint8Array, from: number, to: number): string | undefined {
    const { type, style } = this.tag;
    const shared = this.shared;
    if (type === '' || type === 'n') {
      // A plain number in a General cell, the bulk of a large sheet: its text as written.
      if ((shared.formats[style] ?? '') === '' && plainNumberAt(bytes, from, to)) return asciiText(bytes, from, to);
    } else if (type === 's') {
      const i = wholeNumber(bytes, from, to);
      if (i >= 0) return shared.strings[i] ?? '';
    } else if (type === 'str') return this.texts.text(bytes, from, to);
    // Escaped characters are resolved in `cellText`, as in any value read as text.
    return cellText(type, style, this.texts.raw(bytes, from, to), '', shared);
  }

  /** Put a cell's text in the row; a typed cell without text still widens the grid, as a value does. */
  private put(c: number, value: string | undefined): void {
    if (value === undefined && this.tag.type === '') return;
    if (c >= this.width) this.width = c + 1;
    if (value !== undefined) this.row[c] = value;
  }

  private startRow(r: number, guessed: boolean): void {
    this.r = r;
    this.rowGuessed = guessed;
    this.c = -1;
    this.row = this.rowAt(r);
    if (r > this.lastRow) this.lastRow = r;
  }

  /** Row `r` of the grid, made when new; rows come in order, so reading past the end is avoided (a slow path). */
  private rowAt(r: number): string[] {
    const rows = this.rows;
    const row = r < rows.length ? rows[r] : undefined;
    if (row !== undefined) return row;
    const made: string[] = [];
    if (r === rows.length) rows.push(made);
    else rows[r] = made;
    return made;
  }

  /** A row read without `r` is moved to the row its first cell names, while it has no cells yet. */
  private placeGuessedRow(named: number): void {
    this.rowGuessed = false;
    if (named < 0 || named === this.r || this.row.length !== 0) return;
    this.r = named;
    this.row = this.rowAt(named);
    if (named > this.lastRow) this.lastRow = named;
  }

  /**
   * The sheet's grid: rows from sheet row 1 to the last row, each as wide as the widest, with ''
   * where a cell is missing, `merges` filled. Call once, after the last piece.
   */
  grid(merges: readonly MergeRange[]): Grid {
    const rows = this.rows;
    for (let i = 0; i <= this.lastRow; i++) {
      const cells = rows[i] ?? (rows[i] = []);
      for (let j = 0; j < this.width; j++) if (cells[j] === undefined) cells[j] = '';
      cells.length = this.width;
    }
    fillMerges(rows, merges);
    return rows;
  }
}

/**
 * The merged ranges listed in `xml` (the part of a sheet after its cells).
 * @example mergesIn('<mergeCells><mergeCell ref="A1:D1"/></mergeCells>') // [{ s: { r: 0, c: 0 }, e: { r: 0, c: 3 } }]
 */
export function mergesIn(xml: string): MergeRange[] {
  const out: MergeRange[] = [];
  for (const { tag } of startTags(xml, 'mergeCell', 0, xml.length)) {
    const [a, b] = (attribute(tag, 'ref') ?? '').split(':');
    if (!a) continue;
    out.push({ s: cellOf(a), e: cellOf(b ?? a) });
  }
  return out;
}
