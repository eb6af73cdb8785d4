/**
 * Our own reader for `.xlsx` workbooks: the ZIP's entries inflated natively, then the workbook,
 * styles, shared strings and the one chosen sheet walked with `indexOf` straight into a grid of
 * cell text. SheetJS builds a cell object per cell and parses far more than we use; on a 100k-row
 * sheet this reader is several times faster (see tests/bench). Cells read exactly as the SheetJS
 * path reads them (xlsx/number-format.ts is shared). Anything unusual — ZIP64, encryption, `.xlsb`,
 * namespace-prefixed sheet XML — answers `undefined` and the caller uses SheetJS instead.
 */
import { fillMerges, type MergeRange } from './fill-merges';
import { pickSheet } from '../holds-table';
import type { WorkbookRead } from './read-xlsx';
import type { Grid } from '../types';
import { BUILTIN_FORMATS, numberCellText } from './number-format';
import { attribute, richText, startTags, unescapeXml } from './xml';
import { inflateEntry, listZipEntries, type ZipEntry } from '../zip-entries';

/**
 * The most one part of a workbook may inflate to: about the longest string a browser can hold
 * (V8's limit is 2^29 − 24 characters), so no larger part could be read anyway. Beyond it the
 * workbook is refused (`ZipEntryTooLarge`) rather than handed to SheetJS, which would inflate it
 * all. A 1M-row, 6-column sheet is ~250 MB of XML.
 * @example XLSX_MAX_PART_BYTES // 536870888
 */
export const XLSX_MAX_PART_BYTES = 2 ** 29 - 24;

/** A sheet as the workbook lists it, with its part's path in the archive (none for chart sheets). */
interface SheetPart {
  name: string;
  path: string | undefined;
  /** `state="hidden"` or `"veryHidden"`. */
  hidden: boolean;
}

/** What every sheet's cells need from the rest of the workbook. */
interface Shared {
  strings: string[];
  /** Number format code per cell style index (`s="3"`), '' for General. */
  formats: string[];
  date1904: boolean;
}

/**
 * Read `bytes` as an XLSX workbook, or answer `undefined` when this reader does not handle it.
 * `onProgress` gets how far the chosen sheet has been inflated (the first half) and its cells
 * read (the second).
 * Throws when the archive is damaged, and `ZipEntryTooLarge` when a part inflates past `maxPartBytes`.
 * @example const wb = await readXlsxFast(bytes, '表1'); wb?.rows[0]
 */
export async function readXlsxFast(
  bytes: Uint8Array,
  sheetName?: string,
  maxPartBytes = XLSX_MAX_PART_BYTES,
  onProgress?: (done: number, total: number) => void,
): Promise<WorkbookRead | undefined> {
  const entries = listZipEntries(bytes);
  if (!entries) return undefined;
  const text = async (path: string | undefined, progress?: (done: number, total: number) => void): Promise<string | undefined> => {
    const entry = path === undefined ? undefined : entryOf(entries, path);
    return entry ? new TextDecoder('utf-8').decode(await inflateEntry(bytes, entry, maxPartBytes, progress)) : undefined;
  };

  // 1. The workbook part, from the package's relationships (xl/workbook.xml nearly always).
  const rootRels = await text('_rels/.rels');
  const workbookPath = (rootRels && relationships(rootRels, '').find((r) => r.type.endsWith('/officeDocument'))?.target) ?? 'xl/workbook.xml';
  if (!workbookPath.endsWith('.xml')) return undefined;
  const workbook = await text(workbookPath);
  if (!workbook || !workbook.includes('<sheets')) return undefined;

  // 2. The sheets in their order, with the parts they live in.
  const dir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const relsXml = await text(`${dir}_rels/${workbookPath.slice(dir.length)}.rels`);
  const rels = relsXml ? relationships(relsXml, dir) : [];
  const byId = new Map(rels.filter((r) => r.type.endsWith('/worksheet')).map((r) => [r.id, r.target]));
  const sheets: SheetPart[] = [];
  for (const { tag } of startTags(workbook, 'sheet', 0, workbook.length)) {
    const id = attribute(tag, 'id');
    const state = attribute(tag, 'state');
    sheets.push({ name: unescapeXml(attribute(tag, 'name') ?? ''), path: id === undefined ? undefined : byId.get(id), hidden: state === 'hidden' || state === 'veryHidden' });
  }
  const pr = startTags(workbook, 'workbookPr', 0, workbook.length).next();
  const date1904Attr = pr.done ? undefined : attribute(pr.value.tag, 'date1904');
  const date1904 = date1904Attr === '1' || date1904Attr === 'true';

  // 3. Styles and shared strings, needed by any sheet's cells.
  const stylesPath = rels.find((r) => r.type.endsWith('/styles'))?.target;
  const stringsPath = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target;
  const stylesXml = await text(stylesPath ?? `${dir}styles.xml`);
  const stringsXml = await text(stringsPath ?? `${dir}sharedStrings.xml`);
  if (stringsXml !== undefined && !stringsXml.includes('<sst')) return undefined;
  const shared: Shared = { strings: stringsXml ? sharedStrings(stringsXml) : [], formats: stylesXml ? cellFormats(stylesXml) : [], date1904 };

  // 4. The chosen sheet; without a choice (or a wrong one), the first sheet holding a table.
  const names = sheets.map((s) => s.name);
  const picked = await pickSheet(names, sheetName, async (index) => {
    const inflateStart = performance.now();
    const xml = await text(sheets[index].path, onProgress && ((d, t) => onProgress(d, 2 * t)));
    // Cheap, permanent: the benchmark shows this part of `import:parse` (inflate and decode) apart.
    performance.measure('import:inflate', { start: inflateStart });
    if (xml !== undefined && !xml.includes('<sheetData') && xml.includes(':sheetData')) return undefined;
    return xml === undefined ? [] : sheetGrid(xml, shared, onProgress && ((d, t) => onProgress(t + d, 2 * t)));
  }, sheets.map((s) => s.hidden));
  if (!picked) return undefined;
  return { sheets: names, sheet: names[picked.index] ?? '', rows: picked.rows, missingSheet: picked.missingSheet, choice: picked.choice };
}

/** An archive path, matched as written or case-insensitively (some writers differ in case). */
function entryOf(entries: Map<string, ZipEntry>, path: string): ZipEntry | undefined {
  const exact = entries.get(path);
  if (exact) return exact;
  const lower = path.toLowerCase();
  for (const [name, entry] of entries) if (name.toLowerCase() === lower) return entry;
  return undefined;
}

/** A `.rels` part's relationships, targets resolved to archive paths against `dir`. */
function relationships(xml: string, dir: string): { id: string; type: string; target: string }[] {
  const out: { id: string; type: string; target: string }[] = [];
  for (const { tag } of startTags(xml, 'Relationship', 0, xml.length)) {
    if (attribute(tag, 'TargetMode') === 'External') continue;
    const target = unescapeXml(attribute(tag, 'Target') ?? '');
    out.push({ id: attribute(tag, 'Id') ?? '', type: attribute(tag, 'Type') ?? '', target: resolvePath(dir, target) });
  }
  return out;
}

/** `worksheets/sheet1.xml` against `xl/` → `xl/worksheets/sheet1.xml`; `/xl/…` is from the root; `..` goes up. */
function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The shared string table, in order. */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const { end, empty } of startTags(xml, 'si', 0, xml.length)) {
    if (empty) {
      out.push('');
      continue;
    }
    const close = xml.indexOf('</si>', end);
    out.push(richText(xml.slice(end, close < 0 ? xml.length : close)));
  }
  return out;
}

/** The number format of each cell style (`cellXfs`), by index. */
function cellFormats(xml: string): string[] {
  const custom = new Map<number, string>();
  for (const { tag } of startTags(xml, 'numFmt', 0, xml.length)) {
    custom.set(Number(attribute(tag, 'numFmtId')), unescapeXml(attribute(tag, 'formatCode') ?? ''));
  }
  const from = xml.indexOf('<cellXfs');
  if (from < 0) return [];
  const to = xml.indexOf('</cellXfs>', from);
  const out: string[] = [];
  for (const { tag } of startTags(xml, 'xf', from, to < 0 ? xml.length : to)) {
    const id = Number(attribute(tag, 'numFmtId') ?? 0);
    const z = custom.get(id) ?? BUILTIN_FORMATS.get(id) ?? '';
    out.push(z === 'General' ? '' : z);
  }
  return out;
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

// A number Excel wrote that already reads as `numberToText` would print it: at most 15 digits, no
// exponent, no leading or trailing zeros. Most cells of a large sheet are such; this skips
// `Number` and `toPrecision` for them.
const PLAIN_NUMBER = /^-?[1-9]\d*(?:\.\d*[1-9])?$|^0(?:\.[1-9](?:\d*[1-9])?)?$/;

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
      if (z === '' && v.length <= 15 && PLAIN_NUMBER.test(v)) return v;
      const n = Number(v);
      return Number.isNaN(n) ? unescapeXml(v) : numberCellText(n, z, shared.date1904);
    }
  }
}

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
      else if (name === 116 /* t */) into.type = xml.slice(q + 1, end);
      else if (name === 115 /* s */) into.style = Number(xml.slice(q + 1, end)) || 0;
    }
    i = end + 1;
  }
}

/**
 * A sheet part's cells as a grid: rows from sheet row 1 to the last row, each as wide as the
 * widest row, merges filled.
 */
function sheetGrid(xml: string, shared: Shared, onProgress?: (done: number, total: number) => void): Grid {
  const rows: string[][] = [];
  const start = xml.indexOf('<sheetData');
  if (start < 0) return rows;
  const close = xml.indexOf('</sheetData>', start);
  const end = close < 0 ? start : close;
  const tag: CellTag = { refAt: -1, type: '', style: 0 };
  let lastRow = -1;
  let width = 0;
  let r = -1;
  let rowGuessed = false;
  let c = -1;
  let row: string[] = [];
  let at = xml.indexOf('<', start + 1);
  while (at >= 0 && at < end) {
    const gt = xml.indexOf('>', at);
    if (gt < 0) break;
    const next = xml.charCodeAt(at + 1);
    const after = xml.charCodeAt(at + 2);
    if (next === 99 /* c */ && (after <= 32 || after === 62 || after === 47)) {
      readCellTag(xml, at + 2, gt, tag);
      c = tag.refAt < 0 ? c + 1 : columnAt(xml, tag.refAt);
      // A row without `r` (as some writers leave it) is the row its first cell's `r` names.
      if (rowGuessed && tag.refAt >= 0) {
        rowGuessed = false;
        const named = rowAt(xml, tag.refAt);
        if (named >= 0 && named !== r && row.length === 0) {
          r = named;
          row = rows[r] ?? (rows[r] = []);
          if (r > lastRow) lastRow = r;
        }
      }
      let v: string | undefined;
      let content = '';
      let resume = gt + 1;
      if (xml.charCodeAt(gt - 1) !== 47) {
        // The common shapes, `<c …><v>123</v></c>` and `<c … t="inlineStr"><is><t>道里区</t></is></c>`,
        // without slicing the cell's content.
        const vEnd = xml.startsWith('<v>', gt + 1) ? xml.indexOf('</v>', gt + 4) : -1;
        const tEnd = vEnd < 0 && xml.startsWith('<is><t>', gt + 1) ? xml.indexOf('</t></is></c>', gt + 8) : -1;
        if (vEnd >= 0 && xml.startsWith('</c>', vEnd + 4)) {
          v = xml.slice(gt + 4, vEnd);
          resume = vEnd + 8;
        } else if (tEnd >= 0 && xml.lastIndexOf('<', tEnd - 1) === gt + 5) {
          // The `<t>`'s text runs straight to `</t></is></c>`: no other tag inside.
          const text = unescapeXml(xml.slice(gt + 8, tEnd));
          if (c >= width) width = c + 1;
          row[c] = text;
          at = xml.indexOf('<', tEnd + 13);
          continue;
        } else {
          let contentEnd = xml.indexOf('</c>', gt);
          if (contentEnd < 0) contentEnd = end;
          content = xml.slice(gt + 1, contentEnd);
          v = valueOf(content);
          resume = contentEnd + 4;
        }
      }
      const value = cellText(tag.type, tag.style, v, content, shared);
      if (value !== undefined || tag.type !== '') {
        if (c >= width) width = c + 1;
        if (value !== undefined) row[c] = value;
      }
      at = xml.indexOf('<', resume);
      continue;
    }
    if (next === 114 /* r */ && xml.startsWith('<row', at) && (xml.charCodeAt(at + 4) <= 32 || xml.charCodeAt(at + 4) === 62 || xml.charCodeAt(at + 4) === 47)) {
      const n = attribute(xml.slice(at, gt + 1), 'r');
      r = n === undefined ? r + 1 : Number(n) - 1;
      rowGuessed = n === undefined;
      c = -1;
      row = rows[r] ?? (rows[r] = []);
      if (r > lastRow) lastRow = r;
      // How far into the sheet's cells, every 5,000 rows: a million-row sheet takes seconds.
      if (onProgress && r % 5000 === 0 && r > 0) onProgress(at - start, end - start);
    }
    at = xml.indexOf('<', gt + 1);
  }
  // Every row as wide as the widest, with '' where a cell is missing (rows.length is lastRow + 1).
  for (let i = 0; i <= lastRow; i++) {
    const cells = rows[i] ?? (rows[i] = []);
    for (let j = 0; j < width; j++) if (cells[j] === undefined) cells[j] = '';
    cells.length = width;
  }
  fillMerges(rows, merges(xml, end));
  return rows;
}

/** The sheet's merged ranges, after its data. */
function merges(xml: string, from: number): MergeRange[] {
  const out: MergeRange[] = [];
  for (const { tag } of startTags(xml, 'mergeCell', from, xml.length)) {
    const [a, b] = (attribute(tag, 'ref') ?? '').split(':');
    if (!a) continue;
    out.push({ s: cellOf(a), e: cellOf(b ?? a) });
  }
  return out;
}
