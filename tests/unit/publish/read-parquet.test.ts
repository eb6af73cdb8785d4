import { describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../../src/ingest';
import { detectFormat } from '../../../src/ingest/detect-format';
import { parquetMetadata } from 'hyparquet';
import { cellText, checkParquetMetadata } from '../../../src/ingest/read-parquet';

/** A small long-form table written by hyparquet-writer. */
function smallFile(): Uint8Array {
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: '地区', data: ['道里区', '南岗区', '道里区'], type: 'STRING' },
        { name: '指标', data: ['耕地面积', '耕地面积', '耕地面积'], type: 'STRING' },
        { name: '年份', data: ['2023', '2023', '2024'], type: 'STRING' },
        { name: '数值（万亩）', data: [6.04, 5.1, 6.2], type: 'DOUBLE' },
      ],
    }),
  );
}

const codes = (r: { issues: { code: string }[] }) => r.issues.map((i) => i.code);

describe('Parquet import (a local copy)', () => {
  it('is detected by its PAR1 mark, whatever the name', () => {
    expect(detectFormat('数据.bin', smallFile())).toBe('parquet');
    expect(detectFormat('坏.parquet', new Uint8Array([1, 2, 3]))).toBe('parquet');
    expect(detectFormat('a.csv', new TextEncoder().encode('地区,2024'))).toBe('csv');
  });

  it('goes through the same column roles and units as a CSV', async () => {
    const r = await ingest({ name: '耕地.parquet', bytes: smallFile() });
    expect(r.format).toBe('parquet');
    expect(r.mapping).toMatchObject({ 地区: 'region', 指标: 'indicator', 年份: 'period', '数值（万亩）': 'value' });
    expect(r.records.map((o) => [o.region, o.indicator, o.period, o.value, o.unit])).toEqual([
      ['道里区', '耕地面积', '2023', 60400, '亩'],
      ['南岗区', '耕地面积', '2023', 51000, '亩'],
      ['道里区', '耕地面积', '2024', 62000, '亩'],
    ]);
    expect(r.issues).toEqual([]);
  });

  it("takes the user's corrections of roles, as the wizard sends them", async () => {
    const r = await ingest({ name: 'a.parquet', bytes: smallFile() }, { columns: { 指标: 'ignore' }, defaults: { indicator: '面积' } });
    expect(new Set(r.records.map((o) => o.indicator))).toEqual(new Set(['面积']));
  });

  it('does not change the bytes it was given', async () => {
    const bytes = smallFile();
    const copy = bytes.slice();
    await ingest({ name: 'a.parquet', bytes });
    expect(bytes).toEqual(copy);
  });

  it('reads a file DuckDB wrote (dictionary pages, Snappy, DECIMAL and DATE columns)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pq-'));
    const path = join(dir, 'duck.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    await con.run(
      `COPY (SELECT '地区' || (i % 5) AS 地区, '指标' || (i % 3) AS 指标, DATE '2020-01-01' + INTERVAL (i % 4) YEAR AS 日期,
              (i * 1.5)::DECIMAL(10, 1) AS 数值, '吨' AS 单位 FROM range(60) t(i)) TO '${path}' (FORMAT parquet)`,
    );
    const sums = (await con.runAndReadAll(`SELECT 指标, sum(数值)::DOUBLE AS s FROM '${path}' GROUP BY 1 ORDER BY 1`)).getRowObjects();
    con.closeSync();
    const r = await ingest({ name: 'duck.parquet', bytes: new Uint8Array(readFileSync(path)) });
    expect(r.records).toHaveLength(60);
    const mine = new Map<string, number>();
    for (const o of r.records) mine.set(o.indicator, (mine.get(o.indicator) ?? 0) + o.value);
    expect([...mine].sort()).toEqual(sums.map((s) => [s['指标'], s['s']]));
    // A DATE column is read as its day, as a CSV cell 2020-01-01 is.
    expect(r.records[0].period).toBe('2020-01-01');
  });
});

describe('hostile Parquet gives a sentence, not a hang', () => {
  const good = smallFile();
  const n = good.length;
  const metaLength = new DataView(good.buffer).getUint32(n - 8, true);
  const cases: [string, () => Uint8Array, string][] = [
    ['cut short (no end mark)', () => good.slice(0, n - 10), 'parquet_bad_file'],
    ['metadata longer than the file', () => withUint32(good, n - 8, 0x7fffffff), 'parquet_bad_metadata'],
    ['metadata of garbage', () => fill(good, n - 8 - metaLength, n - 8, 0xff), 'parquet_bad_metadata'],
    ['named .parquet but text', () => new TextEncoder().encode('地区,数值\n道里区,1'), 'parquet_bad_file'],
    ['empty', () => new Uint8Array(0), 'parquet_bad_file'],
  ];
  it.each(cases)('%s', async (_name, make, code) => {
    const r = await ingest({ name: 'x.parquet', bytes: make() });
    expect(r.records).toEqual([]);
    expect(codes(r)).toEqual([code]);
    expect(r.issues[0].message).toContain('x.parquet');
    expect(r.issues[0].message).not.toMatch(/\{\w+\}/);
  });

  it('a row count or a decoded size beyond the limits is refused before decoding, with the numbers', () => {
    const bytes = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'v', data: new Float64Array(11), type: 'DOUBLE' }] }));
    const meta = parquetMetadata(bytes);
    expect(checkParquetMetadata(meta, bytes.length, 11)).toBeUndefined();
    expect(checkParquetMetadata(meta, bytes.length, 10)).toEqual({ code: 'parquet_too_large', params: { rows: 11, max: 10 } });
    const chunk = meta.row_groups[0].columns[0].meta_data!;
    const swollen = { ...meta, row_groups: [{ ...meta.row_groups[0], columns: [{ ...meta.row_groups[0].columns[0], meta_data: { ...chunk, total_uncompressed_size: 5n * 1024n ** 3n } }] }] };
    expect(checkParquetMetadata(swollen, bytes.length, 11)).toEqual({ code: 'parquet_too_big', params: { size: 5120, max: 1024 } });
    const beyond = { ...meta, row_groups: [{ ...meta.row_groups[0], columns: [{ ...meta.row_groups[0].columns[0], meta_data: { ...chunk, total_compressed_size: 10n ** 9n } }] }] };
    expect(checkParquetMetadata(beyond, bytes.length, 11)?.code).toBe('parquet_bad_metadata');
  });

  it('every single-byte corruption of the footer and pages ends, with records or a sentence', async () => {
    const started = Date.now();
    for (let at = 4; at < n - 4; at += 3) {
      const r = await ingest({ name: 'x.parquet', bytes: fill(good, at, at + 1, good[at] ^ 0x5a) });
      // Either it still reads (a flipped string byte) or it says why.
      if (r.records.length === 0) expect(r.issues.length).toBeGreaterThan(0);
    }
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('cellText', () => {
  const cases: [unknown, string][] = [
    [null, ''],
    [undefined, ''],
    ['010101', '010101'],
    [6.04, '6.04'],
    [12n, '12'],
    [true, 'true'],
    [new Date(Date.UTC(2024, 2, 1)), '2024-03-01'],
    [new Date(Date.UTC(2024, 2, 1, 8)), '2024-03-01T08:00:00.000Z'],
    [{ a: 1n }, '{"a":"1"}'],
  ];
  it.each(cases)('%s → %s', (v, text) => expect(cellText(v)).toBe(text));
});

function withUint32(bytes: Uint8Array, at: number, v: number): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setUint32(at, v, true);
  return out;
}

function fill(bytes: Uint8Array, from: number, to: number, v: number): Uint8Array {
  const out = bytes.slice();
  out.fill(v, from, to);
  return out;
}
