/**
 * Parquet bytes → a grid of cell text (header row first), so a Parquet file goes through the same
 * column roles, preview and correction as a CSV. Loaded on demand (`import()`), never in the
 * first page's JS. A hostile file (bad metadata, huge declared sizes, nested or unknown types)
 * gives a problem code and its numbers, never a hang: sizes are checked against the file before
 * anything is decoded.
 */
import { parquetMetadata, parquetRead, snappyUncompress, type Compressors, type FileMetaData } from 'hyparquet';
import type { Grid } from './types';
import { loadPolyfills } from '../polyfills';

/** Rows of a Parquet file a local import holds as text; larger datasets are opened in place. */
export const MAX_PARQUET_ROWS = 3_000_000;
/** Bytes the decoded columns may declare (the sum of their uncompressed sizes). */
export const MAX_PARQUET_UNCOMPRESSED = 1024 * 1024 * 1024;
/** Bytes one page may declare once decompressed; pages are written at about 1 MB. */
const MAX_PAGE_BYTES = 128 * 1024 * 1024;
/** Codecs read without extra code (DuckDB, Spark and hyparquet-writer default to Snappy). */
const CODECS = new Set(['UNCOMPRESSED', 'SNAPPY']);

/**
 * Snappy with the page's declared size checked first: hyparquet allocates what a page header
 * declares, and a hostile header declaring gigabytes would take the memory before failing.
 */
export const guardedCompressors: Compressors = {
  SNAPPY: (input: Uint8Array, outputLength: number) => {
    if (!(outputLength >= 0 && outputLength <= MAX_PAGE_BYTES)) throw new Error(`page declares ${outputLength} bytes`);
    const out = new Uint8Array(outputLength);
    snappyUncompress(input, out);
    return out;
  },
};

/** A file-level problem, as an issue code (`issue.<code>`) with its numbers. */
export interface ParquetProblem {
  code: 'parquet_bad_file' | 'parquet_bad_metadata' | 'parquet_too_large' | 'parquet_too_big' | 'parquet_codec' | 'parquet_no_columns' | 'parquet_bad_data';
  params: Record<string, string | number>;
}

/** What reading gave: a grid, the flat columns left out, or the problem. */
export type ParquetRead = { grid: Grid; skipped: string[] } | { problem: ParquetProblem };

const MAGIC = 0x31524150; // "PAR1", little-endian

/**
 * Check a file's metadata against its size and our limits; undefined when it can be read.
 * `maxRows` bounds what will be decoded (a remote dataset reads a few row groups at a time).
 * @example checkParquetMetadata(meta, bytes.length, MAX_PARQUET_ROWS) // undefined
 */
export function checkParquetMetadata(meta: FileMetaData, byteLength: number, maxRows: number): ParquetProblem | undefined {
  const rows = Number(meta.num_rows);
  if (!Number.isSafeInteger(rows) || rows < 0) return { code: 'parquet_bad_metadata', params: { detail: `num_rows ${String(meta.num_rows)}` } };
  if (rows > maxRows) return { code: 'parquet_too_large', params: { rows, max: maxRows } };
  let declared = 0;
  let groupRows = 0;
  for (const group of meta.row_groups) {
    groupRows += Number(group.num_rows);
    for (const chunk of group.columns) {
      const m = chunk.meta_data;
      if (!m) return { code: 'parquet_bad_metadata', params: { detail: 'column chunk without metadata' } };
      if (!CODECS.has(m.codec)) return { code: 'parquet_codec', params: { codec: String(m.codec) } };
      const start = Number(m.dictionary_page_offset ?? m.data_page_offset);
      const size = Number(m.total_compressed_size);
      // A chunk that claims bytes beyond the file would be read as garbage or past the end.
      if (!(start >= 0 && size >= 0 && start + size <= byteLength)) {
        return { code: 'parquet_bad_metadata', params: { detail: `column ${m.path_in_schema.join('.')} at ${start}+${size} of ${byteLength} bytes` } };
      }
      if (Number(m.num_values) > Number(group.num_rows) * 2 + 1) return { code: 'parquet_bad_metadata', params: { detail: `column ${m.path_in_schema.join('.')} declares ${String(m.num_values)} values` } };
      declared += Number(m.total_uncompressed_size);
    }
  }
  if (groupRows !== rows) return { code: 'parquet_bad_metadata', params: { detail: `row groups hold ${groupRows} rows, file says ${rows}` } };
  // Decoding allocates what the pages declare: refuse before, not after, the memory is gone.
  if (!(declared <= MAX_PARQUET_UNCOMPRESSED)) return { code: 'parquet_too_big', params: { size: Math.ceil(declared / 1048576), max: MAX_PARQUET_UNCOMPRESSED / 1048576 } };
  return undefined;
}

/**
 * The names of the file's flat columns (one value per row: no lists, maps or structs), in order.
 * @example flatColumns(meta) // ['地区', '指标', '时期', '数值']
 */
export function flatColumns(meta: FileMetaData): { flat: string[]; skipped: string[] } {
  const flat: string[] = [];
  const skipped: string[] = [];
  const schema = meta.schema;
  // schema[0] is the root; its direct children are the top-level fields.
  let i = 1;
  while (i < schema.length) {
    const el = schema[i];
    const children = el.num_children ?? 0;
    if (children > 0 || el.repetition_type === 'REPEATED') skipped.push(el.name);
    else flat.push(el.name);
    i += 1 + descendants(schema, i);
  }
  return { flat, skipped };
}

/** How many schema elements sit under element `at` (depth-first, as Parquet lists them). */
function descendants(schema: FileMetaData['schema'], at: number): number {
  let count = 0;
  let open = schema[at].num_children ?? 0;
  let i = at + 1;
  while (open > 0 && i < schema.length) {
    open += (schema[i].num_children ?? 0) - 1;
    count++;
    i++;
  }
  return count;
}

/**
 * Read a whole Parquet file into a grid of text.
 * @example const read = await readParquet(bytes); if ('grid' in read) read.grid[0] // header
 */
export async function readParquet(bytes: Uint8Array): Promise<ParquetRead> {
  // hyparquet calls Array.prototype.at (Chromium 92); this runs in the import worker too, whose
  // global the page's polyfills never reach.
  await loadPolyfills();
  const n = bytes.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset, n);
  if (n < 12 || view.getUint32(0, true) !== MAGIC || view.getUint32(n - 4, true) !== MAGIC) return { problem: { code: 'parquet_bad_file', params: {} } };
  if (view.getUint32(n - 8, true) > n - 12) return { problem: { code: 'parquet_bad_metadata', params: { detail: `metadata of ${view.getUint32(n - 8, true)} bytes in a file of ${n}` } } };
  let meta: FileMetaData;
  try {
    meta = parquetMetadata(bytes);
  } catch (e) {
    return { problem: { code: 'parquet_bad_metadata', params: { detail: reason(e) } } };
  }
  const problem = checkParquetMetadata(meta, n, MAX_PARQUET_ROWS);
  if (problem) return { problem };
  const { flat, skipped } = flatColumns(meta);
  if (flat.length === 0) return { problem: { code: 'parquet_no_columns', params: { skipped: skipped.join('、') } } };
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + n) as ArrayBuffer;
  let rows: unknown[][] = [];
  try {
    await parquetRead({ file, metadata: meta, columns: flat, rowFormat: 'array', compressors: guardedCompressors, onComplete: (r) => (rows = r) });
  } catch (e) {
    return { problem: { code: 'parquet_bad_data', params: { detail: reason(e) } } };
  }
  const grid: Grid = [flat.slice()];
  for (const row of rows) grid.push(row.map(cellText));
  return { grid, skipped };
}

/**
 * A cell's value as the text a CSV would hold: numbers as written, dates as ISO dates (UTC, as
 * Parquet stores them), nothing as an empty cell.
 * @example cellText(6.04) // '6.04'; cellText(new Date(Date.UTC(2024, 2, 1))) // '2024-03-01'
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) {
    const iso = Number.isNaN(v.getTime()) ? '' : v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (v instanceof Uint8Array) return '';
  try {
    return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x)) ?? '';
  } catch {
    return '';
  }
}

/** The library's own words, short, for the sentence's detail. */
function reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
