/**
 * Our own reader for `.xlsx` workbooks: the ZIP's entries inflated natively, then the workbook,
 * styles, shared strings and the one chosen sheet walked with `indexOf` straight into a grid of
 * cell text, the sheet as it inflates (xlsx/read-sheet.ts). SheetJS builds a cell object per cell and parses far more than we use; on a 100k-row
 * sheet this reader is several times faster (see tests/bench). Cells read exactly as the SheetJS
 * path reads them (xlsx/number-format.ts is shared). Anything unusual — ZIP64, encryption, `.xlsb`,
 * namespace-prefixed sheet XML — answers `undefined` and the caller uses SheetJS instead.
 */
import { pickSheet } from '../holds-table';
import type { WorkbookRead } from './read-xlsx';
import { BUILTIN_FORMATS } from './number-format';
import { readSheet, startInflateWorker } from './read-sheet';
import type { Shared } from './sheet-cells';
import { attribute, richText, startTags, unescapeXml } from './xml';
import { inflateEntry, listZipEntries, type ZipEntry } from '../zip-entries';

/**
 * The most one part of a workbook may inflate to: about the longest string a browser can hold
 * (V8's limit is 2^29 − 24 characters), which the shared strings and styles are read as. A sheet
 * is read as it inflates and never held as one string, but its cells are: the same limit keeps a
 * "zip bomb" from filling the memory. Beyond it the workbook is refused (`ZipEntryTooLarge`)
 * rather than handed to SheetJS, which would inflate it all. A 1M-row, 6-column sheet is
 * ~150–250 MB of XML.
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

/**
 * Read `bytes` as an XLSX workbook, or answer `undefined` when this reader does not handle it.
 * `onProgress` gets how far the chosen sheet has been inflated, its cells read on the way.
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
  const release = startInflateWorker();
  try {
    return await readEntries(bytes, entries, sheetName, maxPartBytes, onProgress);
  } finally {
    release();
  }
}

/** `readXlsxFast` once the archive's entries are listed. */
async function readEntries(
  bytes: Uint8Array,
  entries: Map<string, ZipEntry>,
  sheetName: string | undefined,
  maxPartBytes: number,
  onProgress?: (done: number, total: number) => void,
): Promise<WorkbookRead | undefined> {
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
    const path = sheets[index].path;
    const entry = path === undefined ? undefined : entryOf(entries, path);
    return entry ? readSheet(bytes, entry, shared, maxPartBytes, onProgress) : [];
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
