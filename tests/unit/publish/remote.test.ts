import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { parquetMetadata } from 'hyparquet';
import { startNginx, type Nginx } from '../../publish/nginx';
import { groupBy, makeDataset, type MadeDataset } from '../../publish/make-dataset';
import { openManifest, RemoteDatasets } from '../../../src/remote/remote-datasets';
import { RemoteDataset, rowGroupsFor } from '../../../src/remote/remote-dataset';
import { columnMap, fileDataset, previewParquetAddress } from '../../../src/remote/open-file';
import { RemoteError, transfer } from '../../../src/remote/range-buffer';
import { openRemote, remoteDatasets, startOpening } from '../../../src/remote/session';
import { setRemoteProvider } from '../../../src/store/remote-provider';
import type { StoredObservation } from '../../../src/store';

/** Sum and count per key, as DuckDB's GROUP BY gives them, rounded to stay clear of float noise. */
function group(rows: readonly StoredObservation[], key: (o: StoredObservation) => string): [string, number, number][] {
  const m = new Map<string, [number, number]>();
  for (const o of rows) {
    const e = m.get(key(o)) ?? [0, 0];
    e[0] += o.value;
    e[1]++;
    m.set(key(o), e);
  }
  return [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, [s, n]]) => [k, Math.round(s * 100) / 100, n]);
}
const rounded = (rows: [string, number, number][]) => rows.map(([k, s, n]) => [k, Math.round(s * 100) / 100, n]);

describe('a remote Parquet dataset, written by DuckDB, served by nginx, read in place', () => {
  let server: Nginx;
  let made: MadeDataset;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'remote-'));
    // 4 indicators × 60 regions × 24 months; small row groups so that row-group choice matters.
    made = await makeDataset(dir, { indicators: 4, regions: 60, months: 24, rowGroup: 500 });
    server = await startNginx(dir);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    made?.con.closeSync();
  });

  it("lists the manifest's datasets, indicators and regions without reading a value", async () => {
    server.resetLog();
    const { manifest, datasets } = await openManifest(`${server.url}manifest.json`);
    expect(manifest.datasets).toHaveLength(1);
    const remote = new RemoteDatasets();
    remote.add(datasets);
    expect(remote.datasets().map((d) => [d.name, d.format, d.rowCount, d.status])).toEqual([['分区 Parquet（DuckDB）', 'parquet', 5760, 'complete']]);
    expect(remote.indicators().map((i) => i.name)).toEqual(made.indicatorNames);
    expect(remote.regions()).toHaveLength(60);
    expect(server.requests().map((r) => r.split(' ').slice(0, 3).join(' '))).toEqual(['GET /manifest.json 200']);
  });

  it.each(['指标01', '指标02', '指标04'])("%s: sums per region and per period equal DuckDB's GROUP BY", async (indicator) => {
    const { datasets } = await openManifest(`${server.url}manifest.json`);
    const remote = new RemoteDatasets();
    remote.add(datasets);
    const rows = await remote.series({ indicator });
    expect(group(rows, (o) => o.region)).toEqual(rounded(await groupBy(made, indicator, '地区')));
    expect(group(rows, (o) => o.period)).toEqual(rounded(await groupBy(made, indicator, '时期')));
    // 万亩 is stored in 亩, labelled in 万亩 again; codes come along.
    const sample = rows[0];
    expect(sample.unit).toBe(indicator === '指标02' || indicator === '指标04' ? '亩' : '吨');
    expect(sample.regionCode).toMatch(/^99\d{4}$/);
  });

  it('reads one view with range requests for its own file only, and reads it once', async () => {
    const { datasets } = await openManifest(`${server.url}manifest.json`);
    const remote = new RemoteDatasets();
    remote.add(datasets);
    server.resetLog();
    const before = transfer.bytes;
    await remote.series({ indicator: '指标03', regions: ['地区0005'] });
    const sent = server.bytesSent();
    const lines = server.requests();
    expect(lines.every((l) => l.includes('/data/ind-03.parquet 206'))).toBe(true);
    expect(sent).toBeLessThan(made.bytes / 4 + 1024);
    expect(transfer.bytes - before).toBe(sent);
    // The same indicator again (another region): from what was kept, no request.
    server.resetLog();
    const again = await remote.series({ indicator: '指标03', regions: ['地区0006'] });
    expect(again.every((o) => o.region === '地区0006')).toBe(true);
    expect(again).toHaveLength(24);
    expect(server.requests()).toEqual([]);
  });

  it('a missing file is an error the caller can say, not a hang', async () => {
    const { datasets } = await openManifest(`${server.url}manifest.json`);
    (datasets[0].spec.files[0] as { path: string }).path = 'data/missing.parquet';
    const remote = new RemoteDatasets();
    remote.add(datasets);
    await expect(remote.series({ indicator: '指标01' })).rejects.toMatchObject({ code: 'remote_http', params: { status: 404 } });
  });

  it('a linked address opened while the store opens: the first view takes the read under way, each request once', async () => {
    vi.stubGlobal('location', { href: server.url, origin: new URL(server.url).origin });
    try {
      server.resetLog();
      const opening = startOpening('manifest.json', '指标02');
      expect(await openRemote('manifest.json', false, opening)).toEqual(['分区 Parquet（DuckDB）']);
      const rows = await remoteDatasets.series({ indicator: '指标02' });
      expect(group(rows, (o) => o.region)).toEqual(rounded(await groupBy(made, '指标02', '地区')));
      // The manifest once, and the file once (small: its footer's read holds its columns too).
      expect(server.requests().map((r) => r.split(' ').slice(0, 3).join(' '))).toEqual([
        'GET /manifest.json 200',
        'GET /data/ind-02.parquet 206',
      ]);
      // A manifest that is not there: said by the listing, once.
      await expect(openRemote('missing.json', false, startOpening('missing.json', '指标02'))).rejects.toBeInstanceOf(RemoteError);
    } finally {
      for (const d of remoteDatasets.datasets()) remoteDatasets.remove(d.id);
      setRemoteProvider(undefined);
      vi.unstubAllGlobals();
    }
  });
});

describe('one Parquet file by address, no manifest: roles guessed, corrected, values read per indicator', () => {
  let server: Nginx;
  let made: MadeDataset;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'remote-file-'));
    made = await makeDataset(dir, { indicators: 5, regions: 200, months: 24 });
    // One file of every indicator, sorted by indicator, in small row groups, as a platform exports it.
    await made.con.run(`COPY (SELECT * FROM ${made.table} ORDER BY 指标, 地区, 时期) TO '${join(dir, 'all.parquet')}' (FORMAT parquet, ROW_GROUP_SIZE 480)`);
    server = await startNginx(dir);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    made?.con.closeSync();
  });

  it('shows the columns with the roles an import gives them, and the first rows', async () => {
    const preview = await previewParquetAddress(`${server.url}all.parquet`);
    expect(preview.rows).toBe(24000);
    expect(preview.columns).toEqual(['指标', '地区', '代码', '时期', '数值', '单位']);
    expect(preview.roles).toEqual(['indicator', 'region', 'regionCode', 'period', 'value', 'unit']);
    expect(preview.sample[0]).toEqual(['指标01', '地区0000', '990000', '2019-01', expect.stringMatching(/^\d/), '吨']);
    expect(columnMap(preview.columns, ['ignore', 'region', 'ignore', 'period', 'value', 'ignore'], '')).toEqual({ missing: 'indicator' });
  });

  it("reads one indicator's row groups only, and its values equal DuckDB's", async () => {
    const preview = await previewParquetAddress(`${server.url}all.parquet`);
    const map = columnMap(preview.columns, preview.roles, '');
    if ('missing' in map) throw new Error(map.missing);
    const { base, spec } = await fileDataset(`${server.url}all.parquet`, map, '全部指标');
    expect(spec.indicators).toEqual(made.indicatorNames);
    expect(spec.regions).toHaveLength(200);
    const dataset = new RemoteDataset('remote:file', base, spec, {});
    server.resetLog();
    const rows = await dataset.series('指标02');
    expect(group(rows, (o) => o.region)).toEqual(rounded(await groupBy(made, '指标02', '地区')));
    // 5 indicators in 480-row groups: one indicator's values are about a fifth of the file, with
    // the footer's 16 KB read on top (the whole file would be 100%).
    const sent = server.requests().reduce((n, l) => n + Number(l.split(' ')[3]), 0);
    expect(sent).toBeLessThan(statSync(join(made.dir, 'all.parquet')).size * 0.4);
  });
});

describe('rowGroupsFor: row groups chosen from statistics', () => {
  const file = parquetMetadata(
    parquetWriteBuffer({
      columnData: [
        { name: '指标', data: ['甲', '甲', '乙', '乙', '丙', '丙'], type: 'STRING' },
        { name: '数值', data: new Float64Array([1, 2, 3, 4, 5, 6]), type: 'DOUBLE' },
      ],
      rowGroupSize: 2,
    }),
  );
  const cases: [string, string | undefined, number[]][] = [
    ['甲', '指标', [0]],
    ['乙', '指标', [1]],
    ['丁', '指标', []],
    ['甲', undefined, [0, 1, 2]],
  ];
  it.each(cases)('%s (column %s) → %j', (indicator, column, groups) => {
    expect(rowGroupsFor(file, column, indicator)).toEqual(groups);
  });
});
