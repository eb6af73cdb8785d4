/**
 * A sheet part's cells read into a grid of cell text, a piece of the sheet's XML at a time (each
 * piece whole rows, see read-sheet.ts), with `indexOf` and char codes: no DOM, no object per
 * cell. The reading state (row, column, width) lasts from piece to piece.
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

/** `B12` → column 1 (0-based), read from `text` at `at`; the row part is ignored. */
function columnAt(text: string, at: number): number {
  let col = 0;
  for (let i = at; i < text.length; i++) {
    const c = (text.charCodeAt(i) | 32) - 96;
    if (c < 1 || c > 26) break;
    col = col * 26 + c;
  }
  return col - 1;
}

/** `B12` → row 11 (0-based), read from `text` at `at`; -1 without digits. */
function rowAt(text: string, at: number): number {
  let i = at;
  while (i < text.length && ((text.charCodeAt(i) | 32) - 97) >>> 0 < 26) i++;
  let n = 0;
  let digits = 0;
  for (; i < text.length; i++, digits++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  return digits > 0 ? n - 1 : -1;
}

/** `B12` → { r: 11, c: 1 }. */
function cellOf(ref: string): { r: number; c: number } {
  const digits = /\d+$/.exec(ref);
  return { r: digits ? Number(digits[0]) - 1 : 0, c: columnAt(ref, 0) };
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
 * True when `xml[from, to)` is a number Excel wrote that already reads as `numberToText` would
 * print it: at most 15 characters, no exponent, no leading or trailing zeros — exactly
 * `^-?[1-9]\d*(?:\.\d*[1-9])?$|^0(?:\.[1-9](?:\d*[1-9])?)?$`. Most cells of a large sheet are
 * such; they skip `Number` and `toPrecision`, and this test a regular expression (and the cell's
 * string before it is known to be kept).
 * @example plainNumberAt('8110.16', 0, 7) // true; '8110.10' and '1E3' are not plain
 */
export function plainNumberAt(xml: string, from: number, to: number): boolean {
  const length = to - from;
  if (length < 1 || length > 15) return false;
  let i = from;
  if (xml.charCodeAt(i) === 48 /* 0 */) {
    if (length === 1) return true;
    // 0.d…d, its first and last decimals not 0.
    if (length < 3 || xml.charCodeAt(i + 1) !== 46) return false;
    const d = xml.charCodeAt(i + 2);
    return d >= 49 && d <= 57 && decimalsAt(xml, i + 2, to);
  }
  if (xml.charCodeAt(i) === 45 /* - */) i++;
  if (i >= to) return false;
  const lead = xml.charCodeAt(i);
  if (lead < 49 || lead > 57) return false;
  for (i++; i < to; i++) {
    const d = xml.charCodeAt(i);
    if (d === 46 /* . */) return i + 1 < to && decimalsAt(xml, i + 1, to);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

/** `xml[from, to)` is digits only, the last not 0. */
function decimalsAt(xml: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const d = xml.charCodeAt(j);
    if (d < 48 || d > 57) return false;
  }
  return xml.charCodeAt(to - 1) !== 48;
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
      if (z === '' && plainNumberAt(v, 0, v.length)) return v;
      const n = Number(v);
      return Number.isNaN(n) ? unescapeXml(v) : numberCellText(n, z, shared.date1904);
    }
  }
}

/** String cells' texts kept once each (see `SheetCells.once`): up to this many, of up to this many characters. */
const TEXTS_KEPT = 100_000;
const TEXT_KEPT_CHARS = 64;

/** The attributes of the cell tag being read; one object reused for every cell of a sheet. */
interface CellTag {
  /** Where the `r` attribute's value starts, or -1. */
  refAt: number;
  type: string;
  style: number;
}

/** Read a cell tag's `r`, `t` and `s` from `xml[from, to)` in one pass, without slicing the tag. */
function readCellTag(xml: string, from: number, to: number, into: CellTag): void {
  into.refAt = -1;
  into.type = '';
  into.style = 0;
  let i = from;
  while (i < to) {
    const c = xml.charCodeAt(i);
    if (c <= 32 || c === 47) {
      i++;
      continue;
    }
    const eq = xml.indexOf('=', i);
    if (eq < 0 || eq >= to) return;
    let nameEnd = eq;
    while (xml.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
    let q = eq + 1;
    while (xml.charCodeAt(q) <= 32) q++;
    const end = xml.indexOf(xml.charAt(q), q + 1);
    if (end < 0) return;
    if (nameEnd - i === 1) {
      const name = xml.charCodeAt(i);
      if (name === 114 /* r */) into.refAt = q + 1;
      else if (name === 116 /* t */) into.type = typeOf(xml, q + 1, end);
      else if (name === 115 /* s */) into.style = styleOf(xml, q + 1, end);
    }
    i = end + 1;
  }
}

/** A cell's `t` value; the common ones without a new string each. */
function typeOf(xml: string, from: number, to: number): string {
  if (to - from === 1) {
    const c = xml.charCodeAt(from);
    if (c === 115) return 's';
    if (c === 110) return 'n';
    if (c === 98) return 'b';
    if (c === 101) return 'e';
    if (c === 100) return 'd';
  }
  if (to - from === 3 && xml.startsWith('str', from)) return 'str';
  return xml.slice(from, to);
}

/** A cell's `s` (style index), 0 when it is no whole number. */
function styleOf(xml: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return 0;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The cells of one sheet, read piece by piece: `read` each piece of `<sheetData>`'s content in
 * order, then `grid` once.
 * @example const cells = new SheetCells(shared); cells.read(xml, 0, xml.length); cells.grid([])
 */
export class SheetCells {
  private readonly rows: string[][] = [];
  private readonly tag: CellTag = { refAt: -1, type: '', style: 0 };
  private lastRow = -1;
  private width = 0;
  private r = -1;
  private rowGuessed = false;
  private c = -1;
  private row: string[] = [];
  private readonly texts = new Map<string, string>();

  constructor(private readonly shared: Shared) {}

  /** Read the rows and cells in `xml[from, to)`, which ends at a row's end (or the sheet's). */
  read(xml: string, from: number, to: number): void {
    const shared = this.shared;
    const tag = this.tag;
    let at = xml.indexOf('<', from);
    while (at >= 0 && at < to) {
      const gt = xml.indexOf('>', at);
      if (gt < 0) break;
      const next = xml.charCodeAt(at + 1);
      const after = xml.charCodeAt(at + 2);
      if (next === 99 /* c */ && (after <= 32 || after === 62 || after === 47)) {
        readCellTag(xml, at + 2, gt, tag);
        const c = (this.c = tag.refAt < 0 ? this.c + 1 : columnAt(xml, tag.refAt));
        // A row without `r` (as some writers leave it) is the row its first cell's `r` names.
        if (this.rowGuessed && tag.refAt >= 0) this.placeGuessedRow(rowAt(xml, tag.refAt));
        const row = this.row;
        let v: string | undefined;
        let content = '';
        let resume = gt + 1;
        if (xml.charCodeAt(gt - 1) !== 47) {
          // The common shapes, `<c …><v>123</v></c>` and `<c … t="inlineStr"><is><t>道里区</t></is></c>`,
          // without slicing the cell's content.
          const vEnd = xml.startsWith('<v>', gt + 1) ? xml.indexOf('</v>', gt + 4) : -1;
          const tEnd = vEnd < 0 && xml.startsWith('<is><t>', gt + 1) ? xml.indexOf('</t></is></c>', gt + 8) : -1;
          if (vEnd >= 0 && xml.startsWith('</c>', vEnd + 4)) {
            resume = vEnd + 8;
            // A plain number in a General cell, the bulk of a large sheet: its text as written.
            if (tag.type === '' && (shared.formats[tag.style] ?? '') === '' && plainNumberAt(xml, gt + 4, vEnd)) {
              if (c >= this.width) this.width = c + 1;
              row[c] = xml.slice(gt + 4, vEnd);
              at = xml.indexOf('<', resume);
              continue;
            }
            v = xml.slice(gt + 4, vEnd);
          } else if (tEnd >= 0 && xml.lastIndexOf('<', tEnd - 1) === gt + 5) {
            // The `<t>`'s text runs straight to `</t></is></c>`: no other tag inside.
            if (c >= this.width) this.width = c + 1;
            row[c] = this.once(unescapeXml(xml.slice(gt + 8, tEnd)));
            at = xml.indexOf('<', tEnd + 13);
            continue;
          } else {
            let contentEnd = xml.indexOf('</c>', gt);
            if (contentEnd < 0 || contentEnd > to) contentEnd = to;
            content = xml.slice(gt + 1, contentEnd);
            v = valueOf(content);
            resume = contentEnd + 4;
          }
        }
        let value = cellText(tag.type, tag.style, v, content, shared);
        if (value !== undefined && (tag.type === 'str' || tag.type === 'inlineStr')) value = this.once(value);
        if (value !== undefined || tag.type !== '') {
          if (c >= this.width) this.width = c + 1;
          if (value !== undefined) row[c] = value;
        }
        at = xml.indexOf('<', resume);
        continue;
      }
      if (next === 114 /* r */ && xml.startsWith('<row', at) && (xml.charCodeAt(at + 4) <= 32 || xml.charCodeAt(at + 4) === 62 || xml.charCodeAt(at + 4) === 47)) {
        const n = attribute(xml.slice(at, gt + 1), 'r');
        this.startRow(n === undefined ? this.r + 1 : Number(n) - 1, n === undefined);
      }
      at = xml.indexOf('<', gt + 1);
    }
  }

  /**
   * One string for each distinct text of a string cell written in the sheet (`t="str"`,
   * `t="inlineStr"`, as SheetJS and many exporters write every text cell): a long table repeats
   * its region, indicator and unit names row after row, and each copy was a string the grid kept,
   * and that normalize hashed again. Long texts, and texts past the first `TEXTS_KEPT`, are not kept.
   */
  private once(text: string): string {
    if (text.length > TEXT_KEPT_CHARS) return text;
    const kept = this.texts.get(text);
    if (kept !== undefined) return kept;
    if (this.texts.size < TEXTS_KEPT) this.texts.set(text, text);
    return text;
  }

  private startRow(r: number, guessed: boolean): void {
    this.r = r;
    this.rowGuessed = guessed;
    this.c = -1;
    this.row = this.rows[r] ?? (this.rows[r] = []);
    if (r > this.lastRow) this.lastRow = r;
  }

  /** A row read without `r` is moved to the row its first cell names, while it has no cells yet. */
  private placeGuessedRow(named: number): void {
    this.rowGuessed = false;
    if (named < 0 || named === this.r || this.row.length !== 0) return;
    this.r = named;
    this.row = this.rows[named] ?? (this.rows[named] = []);
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
