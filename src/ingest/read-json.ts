/**
 * JSON → grid. Open-data platforms and report systems wrap their records in an envelope
 * (`{"code":200,"msg":"success","data":{"total":2,"list":[…]}}`, `{"total":2,"rows":[…]}`,
 * `{"result":{"records":[…]}}`); the records are found wherever the envelope puts them:
 * - the document is searched breadth-first (objects' values, the elements of arrays that are not
 *   tables themselves, and of tables whose objects hold tables) for tables: an array of objects sharing keys (`records`), an
 *   array of arrays whose first row is all text (`matrix`, that row the header), or an object with
 *   `columns` (or `fields`, `headers`) and `rows` (or `data`, `values`, `list`) (`columns`); an
 *   object of at least two keys whose values are such records, keyed by region, code or year
 *   (`keyed`: the keys become a first column with no header, its role inferred from its cells);
 * - a string value that is itself JSON (a payload encoded twice) is searched too;
 * - the table with the most rows is used; of equal ones, the first found (the shallowest), except
 *   that an array of objects holding arrays of objects (pages, groups) gives way to those arrays;
 * - its path (`data.list`, `result.records`, `''` for the document itself) is reported with every
 *   other table found, so the wizard can say which was used and offer the others.
 * JSON numbers are written out as JSON wrote them (`130900`, never `130900.0` or `1.309e5`); a
 * number cannot carry a leading zero, so in a code column (代码, 编码, code) a number shorter than
 * its column's other codes, or 5 or 11 digits long (one short of a 6-digit division code or a
 * 12-digit statistics code) is kept as written and reported (`numberCodes`), never padded.
 * Keys from the file are only ever read, never used to build our objects.
 */
import { isCodeHeader } from './infer-roles';
import { numberToText } from './text';
import type { Grid } from './types';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

/** A table found in a JSON document. @example { path: 'data.list', rows: 20, kind: 'records' } */
export interface JsonTable {
  /** Where it is: keys joined with `.`, array elements as `[i]`; `''` for the document itself. */
  path: string;
  /** Body rows (records). */
  rows: number;
  /** `keyed`: an object whose values are records, keyed by region, code or year (`{"230102": {…}, …}`). */
  kind: 'records' | 'matrix' | 'columns' | 'keyed';
}

/** A code column whose JSON numbers may have lost a leading zero. @example { column: '区划代码', n: 1, example: '10101', row: 3 } */
export interface JsonNumberCode {
  column: string;
  /** How many of its cells. */
  n: number;
  /** The first such cell as read, and its 1-based grid row (the header is row 1). */
  example: string;
  row: number;
}

/** What `readJsonTable` read. @example { grid: [['地区'], ['道里区']], path: 'data.list', tables: [...], numberCodes: [] } */
export interface JsonRead {
  grid: Grid;
  path: string;
  tables: JsonTable[];
  numberCodes: JsonNumberCode[];
  /** Set when the path asked for is not one of the tables found. */
  missingPath?: string;
}

/** How much of a document the search looks at: enough for any envelope, bounded for huge files. */
const MAX_NODES = 20_000;
const MAX_DEPTH = 8;
/** How many elements of an array are looked at to tell what it holds. */
const PROBE = 100;

const COLUMN_KEYS = ['columns', 'fields', 'headers'];
const ROW_KEYS = ['rows', 'data', 'values', 'list'];

function isRecord(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const own = (o: JsonObject, k: string): Json | undefined => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

function cellText(v: Json | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return numberToText(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** An array of objects (most of the first elements) that share at least one key. */
function isRecords(items: Json[]): boolean {
  const probe = items.slice(0, PROBE);
  const objects = probe.filter(isRecord);
  if (objects.length === 0 || objects.length < probe.length * 0.8) return false;
  if (objects.length === 1) return Object.keys(objects[0]).length > 0;
  const counts = new Map<string, number>();
  for (const o of objects) for (const k of Object.keys(o)) counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const n of counts.values()) if (n * 2 >= objects.length) return true;
  return false;
}

/** Do some of these objects hold arrays of objects (so their cells would be JSON, not values)? */
function holdsTables(items: Json[]): boolean {
  return items.slice(0, PROBE).some((o) => isRecord(o) && Object.keys(o).some((k) => {
    const v = o[k];
    return Array.isArray(v) && v.some(isRecord);
  }));
}

/** Values that are all records sharing a key (in 80 % of them), none holding tables of its own. */
function isKeyed(values: Json[]): boolean {
  const probe = values.slice(0, PROBE);
  if (!probe.every(isRecord) || holdsTables(probe)) return false;
  const counts = new Map<string, number>();
  for (const o of probe as JsonObject[]) for (const k of Object.keys(o)) counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const n of counts.values()) if (n >= probe.length * 0.8) return true;
  return false;
}

/** An array of arrays whose first row is a header: at least two cells, all text. */
function isMatrix(items: Json[]): boolean {
  const head = items[0];
  if (items.length < 2 || !Array.isArray(head) || head.length < 2 || !head.every((c) => typeof c === 'string')) return false;
  const probe = items.slice(1, PROBE + 1);
  return probe.filter(Array.isArray).length >= probe.length * 0.8;
}

function columnsRows(o: JsonObject): { columns: Json[]; rows: Json[] } | undefined {
  const columns = COLUMN_KEYS.map((k) => own(o, k)).find(Array.isArray);
  const rows = ROW_KEYS.map((k) => own(o, k)).find(Array.isArray);
  return columns && rows && columns.length > 0 ? { columns, rows } : undefined;
}

/**
 * Some platforms encode the payload twice: `{"code":200,"data":"[{\\"地区\\":…}]"}`. A string that
 * is itself a JSON array or object is searched like one.
 */
function embedded(v: Json): Json {
  if (typeof v !== 'string' || v.length < 2 || (v.charCodeAt(0) !== 91 && v.charCodeAt(0) !== 123)) return v;
  try {
    return JSON.parse(v) as Json;
  } catch {
    return v;
  }
}

const childPath = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

/** A table found, with what builds its grid; `nested` when its cells hold tables of their own. */
interface Found {
  table: JsonTable;
  nested?: boolean;
  build: () => Built;
}

/** Every table in the document, breadth-first. */
function findTables(doc: Json): Found[] {
  const found: Found[] = [];
  const queue: { v: Json; path: string; depth: number }[] = [{ v: doc, path: '', depth: 0 }];
  let visited = 0;
  for (let q = 0; q < queue.length && visited < MAX_NODES; q++) {
    const { v, path, depth } = queue[q];
    visited++;
    if (Array.isArray(v)) {
      if (v.length === 0) {
        found.push({ table: { path, rows: 0, kind: 'records' }, build: () => fromObjects([]) });
      } else if (isRecords(v)) {
        const nested = holdsTables(v);
        found.push({ table: { path, rows: v.length, kind: 'records' }, nested, build: () => fromObjects(v) });
        // Pages or groups (`[{name, list: […]}, …]`): their lists are tables too.
        if (nested && depth < MAX_DEPTH) v.slice(0, PROBE).forEach((item, i) => queue.push({ v: item, path: `${path}[${i}]`, depth: depth + 1 }));
      } else if (isMatrix(v)) {
        found.push({ table: { path, rows: v.length - 1, kind: 'matrix' }, build: () => fromColumnsRows(v[0] as Json[], v.slice(1)) });
      } else if (depth < MAX_DEPTH) {
        v.slice(0, PROBE).forEach((item, i) => {
          if (isRecord(item) || Array.isArray(item)) queue.push({ v: item, path: `${path}[${i}]`, depth: depth + 1 });
        });
      }
      continue;
    }
    if (!isRecord(v)) continue;
    const cr = columnsRows(v);
    if (cr) found.push({ table: { path, rows: cr.rows.length, kind: 'columns' }, build: () => fromColumnsRows(cr.columns, cr.rows) });
    const keys = Object.keys(v);
    if (!cr && keys.length >= 2 && isKeyed(keys.map((k) => v[k]))) {
      found.push({ table: { path, rows: keys.length, kind: 'keyed' }, build: () => fromKeyed(v, keys) });
      continue;
    }
    if (depth >= MAX_DEPTH) continue;
    for (const k of Object.keys(v)) {
      const child = embedded(v[k]);
      // The parts of a {columns, rows} table are not tables of their own.
      if (cr && (child === cr.columns || child === cr.rows)) continue;
      if (isRecord(child) || Array.isArray(child)) queue.push({ v: child, path: childPath(path, k), depth: depth + 1 });
    }
  }
  return found;
}

/** A grid and, per column, the integer JSON numbers it held (row index, text). */
interface Built {
  grid: Grid;
  numbers: Map<number, { row: number; text: string }[]>;
}

/** Note each integer number in a code column, for `numberCodes`. */
function noteNumber(built: Built, codeColumns: ReadonlySet<number>, c: number, row: number, v: Json | undefined): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || !codeColumns.has(c)) return;
  let list = built.numbers.get(c);
  if (!list) built.numbers.set(c, (list = []));
  list.push({ row, text: numberToText(v) });
}

function codeColumnsOf(headers: string[]): Set<number> {
  const out = new Set<number>();
  headers.forEach((h, i) => isCodeHeader(h) && out.add(i));
  return out;
}

function fromObjects(items: Json[]): Built {
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (!isRecord(item)) continue;
    for (const k of Object.keys(item)) {
      if (seen.has(k)) continue;
      seen.add(k);
      headers.push(k);
    }
  }
  const built: Built = { grid: [headers], numbers: new Map() };
  const codes = codeColumnsOf(headers);
  items.forEach((item, r) => {
    built.grid.push(
      headers.map((h, c) => {
        const v = isRecord(item) ? own(item, h) : undefined;
        noteNumber(built, codes, c, r + 1, v);
        return cellText(v);
      }),
    );
  });
  return built;
}

/** `{"230102": {名称: "道里区", …}, …}` → a first column of keys (no header: roles are inferred from them), then the records' keys. */
function fromKeyed(o: JsonObject, keys: string[]): Built {
  const built = fromObjects(keys.map((k) => o[k]));
  built.grid[0].unshift('');
  keys.forEach((k, i) => built.grid[i + 1].unshift(k));
  const shifted = new Map<number, { row: number; text: string }[]>();
  for (const [c, cells] of built.numbers) shifted.set(c + 1, cells);
  built.numbers = shifted;
  return built;
}

function fromColumnsRows(columns: Json[], rows: Json[]): Built {
  const headers = columns.map((c) => (isRecord(c) ? cellText(own(c, 'name') ?? own(c, 'title') ?? own(c, 'id')) : cellText(c)));
  const built: Built = { grid: [headers], numbers: new Map() };
  const codes = codeColumnsOf(headers);
  rows.forEach((r, i) => {
    const values: (Json | undefined)[] = Array.isArray(r) ? r : isRecord(r) ? headers.map((h) => own(r, h)) : [r];
    values.forEach((v, c) => noteNumber(built, codes, c, i + 1, v));
    built.grid.push(values.map(cellText));
  });
  return built;
}

/** Code columns whose numbers may have lost a leading zero (see the module comment). */
function suspectCodes(built: Built): JsonNumberCode[] {
  const out: JsonNumberCode[] = [];
  for (const [c, cells] of built.numbers) {
    const widest = Math.max(...built.grid.slice(1).map((row) => (/^\d+$/.test(row[c] ?? '') ? row[c].length : 0)));
    const short = cells.filter((x) => x.text.length < widest || x.text.length === 5 || x.text.length === 11);
    if (short.length > 0) out.push({ column: built.grid[0][c], n: short.length, example: short[0].text, row: short[0].row + 1 });
  }
  return out;
}

/**
 * Read JSON text into a grid whose first row is the header, from the table at `path` (as reported
 * in `tables`) or, without one, the largest. Returns null when the text is not JSON or holds no table.
 * @example readJsonTable('{"code":200,"data":{"total":1,"list":[{"地区":"道里区"}]}}')?.path // 'data.list'
 */
export function readJsonTable(text: string, path?: string): JsonRead | null {
  let parsed: Json;
  try {
    parsed = JSON.parse(text) as Json;
  } catch {
    return null;
  }
  const found = findTables(parsed);
  if (found.length === 0) return null;
  const asked = path === undefined ? undefined : found.find((f) => f.table.path === path);
  // The most rows; of equal ones, a table of values over one of nested tables, then the first found.
  let best = found[0];
  for (const f of found) if (f.table.rows > best.table.rows || (f.table.rows === best.table.rows && best.nested && !f.nested)) best = f;
  const chosen = asked ?? best;
  const built = chosen.build();
  const out: JsonRead = { grid: built.grid, path: chosen.table.path, tables: found.map((f) => f.table), numberCodes: suspectCodes(built) };
  if (path !== undefined && !asked) out.missingPath = path;
  return out;
}

/**
 * Read JSON text into a grid whose first row is the header (the largest table found). Returns null
 * when the shape is not one we know.
 * @example readJson('[{"地区":"道里区","2024":6.04}]') // [['地区', '2024'], ['道里区', '6.04']]
 */
export function readJson(text: string): Grid | null {
  return readJsonTable(text)?.grid ?? null;
}
