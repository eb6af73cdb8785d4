/**
 * One flat Parquet column chunk → its dictionary and one index per row, not a string per row.
 * `parquetRead` looks every row's value up in the dictionary and hands back a plain array of
 * strings; a county column of 200,000 rows has 2,900 distinct names and a period column 69, so
 * the views' reader wants the indices: a period is parsed once per dictionary entry, a region's
 * name is shared, and no 200,000-element array of strings is built per column. Pages are read
 * with hyparquet's own page decoders (below `parquetRead`), so encodings and codecs stay the
 * library's; only the walk over the pages is ours.
 */
import { parquetHeader } from 'hyparquet/src/column.js';
import { convert, DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { getMaxDefinitionLevel, isFlatColumn } from 'hyparquet/src/schema.js';
import type { ColumnDecoder, Compressors, DataPageHeader, DecodedArray, SchemaTree } from 'hyparquet/src/types.js';
import type { ColumnMetaData } from 'hyparquet';
import { MAX_HYBRID_WIDTH, readHybrid } from './hybrid-runs';

/**
 * A decoded column: `dict[codes[row]]` (code -1 is a null), or, when a chunk is not all
 * dictionary-encoded (a writer falls back to plain pages when its dictionary grows), the values:
 * plain numbers (DOUBLE, FLOAT, INT32 without a logical type) in a Float64Array with NaN for a
 * null, so 200,000 values are not 200,000 boxed numbers; anything else in an array.
 */
export type DecodedColumn = { dict: unknown[]; codes: Int32Array } | { values: unknown[] | Float64Array };

/**
 * Decode `rows` rows of one column chunk from its bytes (the chunk's whole byte range).
 * Throws (with the library's or our words) on a broken chunk; the caller turns that into a sentence.
 * @example decodeChunk(bytes, schemaPath, chunk.meta_data, 200100, guardedCompressors)
 */
export function decodeChunk(bytes: Uint8Array, schemaPath: SchemaTree[], meta: ColumnMetaData, rows: number, compressors: Compressors): DecodedColumn {
  if (!isFlatColumn(schemaPath)) throw new Error(`column ${meta.path_in_schema.join('.')} is not flat`);
  const element = schemaPath[schemaPath.length - 1].element;
  const decoder: ColumnDecoder = {
    pathInSchema: meta.path_in_schema,
    type: meta.type,
    element,
    schemaPath,
    codec: meta.codec,
    parsers: DEFAULT_PARSERS,
    compressors,
  };
  const maxDefinition = getMaxDefinitionLevel(schemaPath);
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
  let dict: unknown[] | undefined;
  const codes = new Int32Array(rows).fill(-1);
  // Set when a plain page turns up: from then on values, not indices.
  let values: unknown[] | Float64Array | undefined;
  const numeric = (meta.type === 'DOUBLE' || meta.type === 'FLOAT' || meta.type === 'INT32') && !element.converted_type && !element.logical_type;
  const none = numeric ? NaN : null;
  let filled = 0;
  while (filled < rows && reader.offset < bytes.length - 1) {
    const header = parquetHeader(reader);
    const size = header.compressed_page_size;
    if (!(size >= 0 && reader.offset + size <= bytes.length)) throw new Error(`page of ${size} bytes past the chunk's end`);
    const raw = bytes.subarray(reader.offset, reader.offset + size);
    reader.offset += size;
    let page: { definitionLevels: ArrayLike<number> | undefined; dataPage: DecodedArray };
    let encoding: string;
    let count: number;
    if (header.type === 'DICTIONARY_PAGE' && header.dictionary_page_header) {
      const plain = decompressPage(raw, header.uncompressed_page_size, meta.codec, compressors);
      const pageReader = { view: new DataView(plain.buffer, plain.byteOffset, plain.byteLength), offset: 0 };
      dict = Array.from(convert(readPlain(pageReader, meta.type, header.dictionary_page_header.num_values, element.type_length), decoder) as ArrayLike<unknown>);
      continue;
    } else if (header.type === 'DATA_PAGE' && header.data_page_header) {
      const daph = header.data_page_header;
      const plain = decompressPage(raw, header.uncompressed_page_size, meta.codec, compressors);
      page = readPageInTypedArrays(plain, daph, decoder, maxDefinition) ?? readDataPage(plain, daph, decoder);
      encoding = daph.encoding;
      count = daph.num_values;
    } else if (header.type === 'DATA_PAGE_V2' && header.data_page_header_v2) {
      page = readDataPageV2(raw, header, decoder);
      encoding = header.data_page_header_v2.encoding;
      count = header.data_page_header_v2.num_values;
    } else continue; // index pages and the like hold no rows
    count = Math.min(count, rows - filled);
    const data = page.dataPage;
    const levels = page.definitionLevels ?? [];
    const isDictPage = encoding.endsWith('_DICTIONARY');
    if (isDictPage && !dict) throw new Error('dictionary-encoded page without a dictionary');
    if (!isDictPage && !values) values = materialize(codes, filled, dict, numeric);
    const plainData = isDictPage ? undefined : (convert(data, decoder) as ArrayLike<unknown>);
    const typedLevels = levels.length === 0 || levels instanceof Int32Array ? (levels as Int32Array | []) : undefined;
    if (typedLevels && isDictPage && !values && data instanceof Int32Array) {
      fillCodes(codes, filled, data, typedLevels, maxDefinition, count, (dict as unknown[]).length);
      filled += count;
      continue;
    }
    if (typedLevels && values instanceof Float64Array && plainData instanceof Float64Array) {
      fillNumbers(values, filled, plainData, typedLevels, maxDefinition, count);
      filled += count;
      continue;
    }
    let k = 0;
    for (let i = 0; i < count; i++, filled++) {
      if (levels.length > 0 && levels[i] !== maxDefinition) {
        if (values) values[filled] = none;
        continue;
      }
      if (isDictPage) {
        const code = data[k++] as number;
        if (!(code >= 0 && code < (dict as unknown[]).length)) throw new Error(`dictionary index ${code} of ${(dict as unknown[]).length}`);
        if (values) values[filled] = (dict as unknown[])[code] as number;
        else codes[filled] = code;
      } else (values as unknown[])[filled] = (plainData as ArrayLike<unknown>)[k++] as number;
    }
  }
  if (filled < rows) throw new Error(`column ${meta.path_in_schema.join('.')} holds ${filled} of ${rows} rows`);
  if (values) return { values };
  return { dict: dict ?? [], codes };
}

/**
 * A version-1 data page of a flat column, dictionary-indexed or plain, read with its levels and
 * indices in Int32Arrays (hybrid-runs.ts says why); undefined for what it does not take (other
 * encodings, booleans, indices wider than 24 bits), which hyparquet's `readDataPage` reads.
 */
function readPageInTypedArrays(
  bytes: Uint8Array,
  daph: DataPageHeader,
  decoder: ColumnDecoder,
  maxDefinition: number,
): { definitionLevels: Int32Array | undefined; dataPage: DecodedArray } | undefined {
  const dictionary = daph.encoding === 'PLAIN_DICTIONARY' || daph.encoding === 'RLE_DICTIONARY';
  if (decoder.type === 'BOOLEAN' || (!dictionary && daph.encoding !== 'PLAIN') || maxDefinition > 1) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = daph.num_values;
  let at = 0;
  let levels: Int32Array | undefined;
  let present = count;
  if (maxDefinition > 0) {
    // Levels: their byte length, then runs of 1 bit (a value) or 0 (a null).
    if (bytes.length < 4) throw new Error('data page too short for its levels');
    const length = view.getUint32(0, true);
    if (4 + length > bytes.length) throw new Error('levels past the page’s end');
    levels = new Int32Array(count);
    readHybrid(bytes, 4, 4 + length, 1, levels, count);
    at = 4 + length;
    present = 0;
    for (let i = 0; i < count; i++) present += levels[i];
    // As hyparquet's: no levels when every row has a value.
    if (present === count) levels = undefined;
  }
  if (!dictionary) return { definitionLevels: levels, dataPage: readPlain({ view, offset: at }, decoder.type, present, decoder.element.type_length) };
  if (at >= bytes.length) throw new Error('dictionary page without its index width');
  const width = bytes[at++];
  if (width > MAX_HYBRID_WIDTH) return undefined;
  const indices = new Int32Array(present);
  if (width > 0) readHybrid(bytes, at, bytes.length, width, indices, present);
  return { definitionLevels: levels, dataPage: indices };
}

/**
 * A page's dictionary indices into the chunk's codes from `at` (-1 where the levels say null):
 * the general loop above reads arrays of several kinds and was as slow as the decoding itself.
 */
function fillCodes(codes: Int32Array, at: number, indices: Int32Array, levels: Int32Array | [], maxDefinition: number, count: number, dictLength: number): void {
  let k = 0;
  const nullable = levels.length > 0;
  for (let i = 0; i < count; i++) {
    if (nullable && levels[i] !== maxDefinition) continue;
    const code = indices[k++];
    if (!(code >= 0 && code < dictLength)) throw new Error(`dictionary index ${code} of ${dictLength}`);
    codes[at + i] = code;
  }
}

/** A plain page's numbers into the chunk's values from `at` (NaN where the levels say null). */
function fillNumbers(values: Float64Array, at: number, numbers: Float64Array, levels: Int32Array | [], maxDefinition: number, count: number): void {
  if (levels.length === 0) {
    values.set(numbers.subarray(0, count), at);
    return;
  }
  let k = 0;
  for (let i = 0; i < count; i++) values[at + i] = levels[i] !== maxDefinition ? NaN : numbers[k++];
}

/** The rows decoded so far as values, for a chunk whose later pages are plain. */
function materialize(codes: Int32Array, filled: number, dict: unknown[] | undefined, numeric: boolean): unknown[] | Float64Array {
  const out = numeric ? new Float64Array(codes.length).fill(NaN) : new Array<unknown>(codes.length).fill(null);
  for (let i = 0; i < filled; i++) out[i] = (codes[i] < 0 || !dict ? (numeric ? NaN : null) : dict[codes[i]]) as number;
  return out;
}

/**
 * Any decoded column as dictionary and codes: plain values are gathered into a dictionary of
 * their distinct values (a Date by its time), so the reader treats every text column one way.
 * @example asDictionary({ values: ['a', 'b', 'a'] }) // { dict: ['a', 'b'], codes: [0, 1, 0] }
 */
export function asDictionary(column: DecodedColumn): { dict: unknown[]; codes: Int32Array } {
  if ('codes' in column) return column;
  const values = column.values;
  const dict: unknown[] = [];
  const codes = new Int32Array(values.length);
  const seen = new Map<unknown, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      codes[i] = -1;
      continue;
    }
    const key = v instanceof Date ? v.getTime() : v;
    let code = seen.get(key);
    if (code === undefined) {
      code = dict.length;
      dict.push(v);
      seen.set(key, code);
    }
    codes[i] = code;
  }
  return { dict, codes };
}
