import { afterEach, describe, expect, it, vi } from 'vitest';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { asDictionary, type DecodedColumn } from '../../../src/remote/column-chunk';
import { joinRanges, readGroups } from '../../../src/remote/read-columns';
import { guardedCompressors } from '../../../src/ingest/read-parquet';
import { ParquetFileError, RemoteDataset } from '../../../src/remote/remote-dataset';

/** A decoded column's value per row, as parquetRead gives them (null for a null). */
function valuesOf(column: DecodedColumn | undefined, rows: number): unknown[] {
  if (!column) return [];
  if ('codes' in column) return Array.from(column.codes.subarray(0, rows), (c) => (c < 0 ? null : column.dict[c]));
  // A plain number column holds NaN for a null.
  return Array.from(column.values as ArrayLike<unknown>).slice(0, rows).map((v) => (typeof v === 'number' && Number.isNaN(v) ? null : v));
}

const asFile = (bytes: ArrayBuffer) => ({ byteLength: bytes.byteLength, slice: (a: number, b?: number) => Promise.resolve(bytes.slice(a, b)) });

describe('readGroups: columns as dictionaries and indices, the same values as parquetRead', () => {
  const regions = Array.from({ length: 5000 }, (_, i) => (i % 7 === 3 ? null : `地区${i % 40}`));
  const cases: [string, Parameters<typeof parquetWriteBuffer>[0]['columnData'], number | undefined][] = [
    [
      'dictionary strings with nulls, doubles, several pages and row groups',
      [
        { name: '地区', data: regions, type: 'STRING' },
        { name: '数值', data: regions.map((_, i) => (i % 11 === 0 ? null : i / 4)), type: 'DOUBLE' },
      ],
      1200,
    ],
    ['plain strings (no dictionary), one row group', [{ name: '地区', data: regions.map((r, i) => (r === null ? null : `${r}-${i}`)), type: 'STRING', encoding: 'PLAIN' }], undefined],
    ['booleans and 32-bit integers', [{ name: '是', data: regions.map((_, i) => i % 3 === 0), type: 'BOOLEAN' }, { name: '年', data: regions.map((_, i) => 2000 + (i % 25)), type: 'INT32' }], 2048],
  ];
  it.each(cases)('%s', async (_name, columnData, rowGroupSize) => {
    const buffer = parquetWriteBuffer({ columnData, rowGroupSize, pageSize: 4096 });
    const meta = parquetMetadata(buffer);
    const names = columnData.map((c) => c.name);
    const expected = (await parquetReadObjects({ file: buffer, columns: names })) as Record<string, unknown>[];
    const groups = await readGroups(asFile(buffer), meta, meta.row_groups.map((_, i) => i), names, guardedCompressors);
    for (const name of names) {
      const got = groups.flatMap((g) => valuesOf(g.columns.get(name), g.rows));
      expect(got).toEqual(expected.map((row) => row[name] ?? null));
    }
  });

  it('plain numbers come as a Float64Array (NaN for a null), not boxed numbers', async () => {
    const buffer = parquetWriteBuffer({ columnData: [{ name: 'v', data: [1.5, null, 3], type: 'DOUBLE', encoding: 'PLAIN' }] });
    const [g] = await readGroups(asFile(buffer), parquetMetadata(buffer), [0], ['v'], guardedCompressors);
    const column = g.columns.get('v');
    expect(column && 'values' in column && column.values instanceof Float64Array).toBe(true);
    expect(column && 'values' in column && Array.from(column.values as Float64Array)).toEqual([1.5, NaN, 3]);
  });

  it('reads only the row groups asked for, and leaves out a column the file lacks', async () => {
    const buffer = parquetWriteBuffer({ columnData: [{ name: 'a', data: ['x', 'y', 'z', 'w'], type: 'STRING' }], rowGroupSize: 2 });
    const groups = await readGroups(asFile(buffer), parquetMetadata(buffer), [1], ['a', 'missing'], guardedCompressors);
    expect(groups.map((g) => [g.rows, [...g.columns.keys()], valuesOf(g.columns.get('a'), g.rows)])).toEqual([[2, ['a'], ['z', 'w']]]);
  });

  it('fetches a file’s chunks in one request when they sit together', async () => {
    const buffer = parquetWriteBuffer({ columnData: [{ name: 'a', data: regions, type: 'STRING' }, { name: 'b', data: regions.map((_, i) => i), type: 'DOUBLE' }], rowGroupSize: 1000 });
    const asked: [number, number | undefined][] = [];
    const file = { byteLength: buffer.byteLength, slice: (a: number, b?: number) => (asked.push([a, b]), Promise.resolve(buffer.slice(a, b))) };
    const meta = parquetMetadata(buffer);
    await readGroups(file, meta, meta.row_groups.map((_, i) => i), ['a', 'b'], guardedCompressors);
    expect(asked).toHaveLength(1);
  });

  it('a chunk whose bytes are broken throws (the reader turns it into a sentence), never hangs', async () => {
    const buffer = parquetWriteBuffer({ columnData: [{ name: 'a', data: regions, type: 'STRING' }] });
    const meta = parquetMetadata(buffer);
    const broken = buffer.slice(0);
    const start = Number(meta.row_groups[0].columns[0].meta_data?.data_page_offset);
    new Uint8Array(broken).fill(0xff, start, start + 64);
    await expect(readGroups(asFile(broken), meta, [0], ['a'], guardedCompressors)).rejects.toThrow();
  });
});

describe('asDictionary', () => {
  const date = new Date(Date.UTC(2024, 0, 1));
  const cases: [string, DecodedColumn, unknown[], number[]][] = [
    ['plain text', { values: ['a', 'b', 'a', null] }, ['a', 'b'], [0, 1, 0, -1]],
    ['dates by their time', { values: [date, new Date(date.getTime()), null] }, [date], [0, 0, -1]],
    ['numbers', { values: new Float64Array([2, 2, 3]) }, [2, 3], [0, 0, 1]],
    ['numbers with NaN for a null', { values: new Float64Array([NaN, 1]) }, [NaN, 1], [0, 1]],
    ['already a dictionary', { dict: ['x'], codes: Int32Array.from([0, -1]) }, ['x'], [0, -1]],
  ];
  it.each(cases)('%s', (_name, column, dict, codes) => {
    const out = asDictionary(column);
    expect(out.dict).toEqual(dict);
    expect(Array.from(out.codes)).toEqual(codes);
  });
  it('does not change its input', () => {
    const values = ['a', 'b', 'a'];
    asDictionary({ values });
    expect(values).toEqual(['a', 'b', 'a']);
  });
});

describe('joinRanges', () => {
  const cases: [string, { start: number; end: number }[], number, [number, number][]][] = [
    ['neighbours within the gap', [{ start: 12, end: 20 }, { start: 0, end: 10 }], 4, [[0, 20]]],
    ['apart beyond the gap', [{ start: 0, end: 10 }, { start: 20, end: 30 }], 4, [[0, 10], [20, 30]]],
    ['one inside another', [{ start: 0, end: 30 }, { start: 5, end: 10 }], 0, [[0, 30]]],
    ['none', [], 4, []],
  ];
  it.each(cases)('%s', (_name, chunks, gap, ranges) => {
    const before = JSON.stringify(chunks);
    expect(joinRanges(chunks, gap)).toEqual(ranges);
    expect(JSON.stringify(chunks)).toBe(before);
  });
});

describe('a remote file whose pages are broken', () => {
  afterEach(() => vi.unstubAllGlobals());
  it('gives the reader a sentence (parquet_bad_data), never a hang or a bare exception', async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: '地区', data: ['甲', '乙', '甲'], type: 'STRING' },
        { name: '时期', data: ['2024', '2024', '2025'], type: 'STRING' },
        { name: '数值', data: [1, 2, 3], type: 'DOUBLE' },
      ],
    });
    const meta = parquetMetadata(buffer);
    const broken = new Uint8Array(buffer.slice(0));
    const start = Number(meta.row_groups[0].columns[0].meta_data?.data_page_offset);
    broken.fill(0xff, start, start + 16);
    vi.stubGlobal('fetch', async (_url: string, init?: RequestInit) => {
      const [a, b] = ((init?.headers as Record<string, string>).Range ?? 'bytes=0-').slice(6).split('-').map(Number);
      return new Response(broken.slice(a, b + 1), { status: 206 });
    });
    const spec = { id: 'x', name: 'x', columns: { region: '地区', period: '时期', value: '数值' }, indicator: '指标', files: [{ path: 'x.parquet', bytes: broken.length, rows: 3 }] };
    const dataset = new RemoteDataset('remote:x', 'http://test/', spec, {});
    const failure = await dataset.series('指标').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ParquetFileError);
    expect((failure as ParquetFileError).problem.code).toBe('parquet_bad_data');
  });
});
