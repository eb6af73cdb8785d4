import { describe, expect, it } from 'vitest';
import { parquetMetadata } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readGroups } from '../../../src/remote/read-columns';
import { ColumnConverter, type Field } from '../../../src/remote/convert-columns';
import { guardedCompressors } from '../../../src/ingest/read-parquet';
import { distinctOf, periodCounts, regionList, seedIndex } from '../../../src/analysis/value-index';
import { expectFactsOfPasses } from '../analysis/facts-check';
import type { StoredObservation } from '../../../src/store';

const asFile = (bytes: ArrayBuffer) => ({ byteLength: bytes.byteLength, slice: (a: number, b?: number) => Promise.resolve(bytes.slice(a, b)) });

interface Table {
  地区: (string | null)[];
  代码: (string | null)[];
  时期: (string | null)[];
  数值: (number | null)[];
  单位: (string | null)[];
}

/** A file of `table` in row groups of `rowGroupSize`, read as the remote reader reads it. */
async function convert(table: Table, rowGroupSize: number): Promise<{ rows: StoredObservation[]; facts: ReturnType<ColumnConverter['facts']> }> {
  const columnData = (Object.keys(table) as (keyof Table)[]).map((name) => ({ name, data: table[name], type: name === '数值' ? ('DOUBLE' as const) : ('STRING' as const) }));
  const buffer = parquetWriteBuffer({ columnData, rowGroupSize, pageSize: 2048 });
  const meta = parquetMetadata(buffer);
  const names = new Map<Field, string>([['region', '地区'], ['regionCode', '代码'], ['period', '时期'], ['value', '数值'], ['unit', '单位']]);
  const groups = await readGroups(asFile(buffer), meta, meta.row_groups.map((_, i) => i), [...names.values()], guardedCompressors);
  const converter = new ColumnConverter('远程', '耕地面积', names, false);
  const rows: StoredObservation[] = [];
  for (const g of groups) converter.append(rows, g, '耕地面积');
  return { rows, facts: converter.facts() };
}

/** `n` rows: regions in runs (some coming back later, some with their code only on later rows), mixed grains, gaps. */
function table(n: number, regions: number): Table {
  const t: Table = { 地区: [], 代码: [], 时期: [], 数值: [], 单位: [] };
  for (let i = 0; i < n; i++) {
    const r = Math.floor(i / 7) % regions;
    t.地区.push(i % 97 === 5 ? null : `县${r}`);
    t.代码.push(i % 5 === 0 || r % 3 === 0 ? null : `23${String(r).padStart(4, '0')}`);
    t.时期.push(i % 53 === 7 ? null : i % 11 === 0 ? `${2000 + (i % 6)}` : i % 13 === 0 ? '不是时期' : `2024年${(i % 12) + 1}月`);
    t.数值.push(i % 41 === 3 ? null : i / 3);
    t.单位.push(i % 2 ? '万亩' : '亩');
  }
  return t;
}

describe('the remote reader’s facts from columns equal the value index’s passes over the rows', () => {
  const cases: [string, number, number, number][] = [
    ['one row group', 500, 12, 10_000],
    ['several row groups, each its own dictionaries', 3000, 40, 700],
    ['many regions, small groups', 4000, 600, 256],
  ];
  it.each(cases)('%s', async (_name, n, regions, rowGroupSize) => {
    const { rows, facts } = await convert(table(n, regions), rowGroupSize);
    expectFactsOfPasses(rows, facts);
  });

  it('seeded, the index answers with them, and the rows are not changed', async () => {
    const { rows, facts } = await convert(table(800, 30), 300);
    const before = JSON.stringify(rows);
    seedIndex(rows, facts!);
    expect(regionList(rows)).toBe(facts!.regions);
    expect(periodCounts(rows)).toBe(facts!.periodCounts);
    expect([...distinctOf(rows, 'region')]).toEqual(regionList(rows.slice()).map((r) => r.name));
    expect(JSON.stringify(rows)).toBe(before);
  });

  it('a published file’s rows (their own grain column) give no facts', () => {
    expect(new ColumnConverter('远程', '耕地面积', new Map(), true).facts()).toBeUndefined();
  });
});
