/**
 * Some columns of some row groups of a remote Parquet file, fetched together and decoded as
 * dictionaries and indices (column-chunk.ts). The chunks' byte ranges are joined where they sit
 * close together, so a view's read of one file (its columns of every row group) is usually one
 * HTTP range request after the footer's, not one per column per row group.
 */
import type { AsyncBuffer, Compressors, FileMetaData, SchemaTree } from 'hyparquet';
import { getSchemaPath } from 'hyparquet/src/schema.js';
import { decodeChunk, type DecodedColumn } from './column-chunk';

/** Bytes between two chunks that are fetched rather than cut into two requests. */
const JOIN_GAP = 256 * 1024;

/** One row group's decoded columns, by column name. */
export interface GroupColumns {
  rows: number;
  columns: Map<string, DecodedColumn>;
}

interface Chunk {
  group: number;
  name: string;
  path: string[];
  start: number;
  end: number;
}

/**
 * Byte ranges covering `chunks`, neighbours closer than `gap` joined.
 * @example joinRanges([{ start: 0, end: 10 }, { start: 12, end: 20 }], 4) // [[0, 20]]
 */
export function joinRanges(chunks: readonly { start: number; end: number }[], gap: number): [number, number][] {
  const sorted = chunks.slice().sort((a, b) => a.start - b.start);
  const out: [number, number][] = [];
  for (const c of sorted) {
    const last = out.length > 0 ? out[out.length - 1] : undefined;
    if (last && c.start <= last[1] + gap) last[1] = Math.max(last[1], c.end);
    else out.push([c.start, c.end]);
  }
  return out;
}

/**
 * Read `names` of the row groups `groups` (indices into meta.row_groups); a name the file lacks
 * is left out of the answer.
 * @example const [g] = await readGroups(file, meta, [0], ['地区', '数值'], guardedCompressors)
 */
export async function readGroups(buffer: AsyncBuffer, meta: FileMetaData, groups: readonly number[], names: readonly string[], compressors: Compressors): Promise<GroupColumns[]> {
  const chunks: Chunk[] = [];
  for (const group of groups) {
    for (const column of meta.row_groups[group].columns) {
      const m = column.meta_data;
      if (!m || !names.includes(m.path_in_schema.join('.'))) continue;
      const start = Number(m.dictionary_page_offset || m.data_page_offset);
      chunks.push({ group, name: m.path_in_schema.join('.'), path: m.path_in_schema, start, end: start + Number(m.total_compressed_size) });
    }
  }
  const ranges = joinRanges(chunks, JOIN_GAP);
  const fetched = await Promise.all(ranges.map(([start, end]) => buffer.slice(start, end)));
  const bytesOf = (c: Chunk): Uint8Array => {
    const i = ranges.findIndex(([s, e]) => s <= c.start && c.end <= e);
    return new Uint8Array(fetched[i], c.start - ranges[i][0], c.end - c.start);
  };
  const paths = new Map<string, SchemaTree[]>();
  const pathOf = (c: Chunk): SchemaTree[] => {
    let p = paths.get(c.name);
    if (!p) paths.set(c.name, (p = getSchemaPath(meta.schema, c.path)));
    return p;
  };
  return groups.map((group) => {
    const rows = Number(meta.row_groups[group].num_rows);
    const columns = new Map<string, DecodedColumn>();
    for (const c of chunks) {
      if (c.group !== group) continue;
      const m = meta.row_groups[group].columns.find((ch) => ch.meta_data?.path_in_schema.join('.') === c.name)?.meta_data;
      if (m) columns.set(c.name, decodeChunk(bytesOf(c), pathOf(c), m, rows, compressors));
    }
    return { rows, columns };
  });
}
