import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { buildPublication, type PublishInput, type PublishedFile } from '../../../src/publish/partition';
import { orderFiles, publishedIndexHtml, versionName, MANIFEST_PATH } from '../../../src/publish/folder';
import { crc32, zipParts } from '../../../src/publish/zip';
import { listZipEntries } from '../../../src/ingest/zip-entries';
import { openManifest, RemoteDatasets } from '../../../src/remote/remote-datasets';
import { parseManifest } from '../../../src/remote/manifest';
import { startNginx, type Nginx } from '../../publish/nginx';
import type { Dataset } from '../../../src/domain/types';
import type { StoredObservation } from '../../../src/store';

const dataset = (id: string, name: string): Dataset => ({
  id,
  name,
  fileName: `${name}.csv`,
  format: 'csv',
  encoding: 'utf-8',
  importedAt: '2026-01-01T00:00:00.000Z',
  rowCount: 0,
  issueCount: 0,
  notes: [],
  status: 'complete',
  version: 1,
});

/** Dataset A is chosen; B, with its own secret names and values, is not. */
const rowsA: StoredObservation[] = [
  { datasetId: 'a', region: '道里区', regionCode: '230102', indicator: '耕地面积', period: '2023', value: 60400, unit: '亩', displayUnit: '万亩', grain: 'year' },
  { datasetId: 'a', region: '道里区', regionCode: '230102', indicator: '耕地面积', period: '2024', value: 62000, unit: '亩', displayUnit: '万亩', grain: 'year', approximate: true },
  { datasetId: 'a', region: '全市', indicator: '耕地面积', period: '2024', value: 99000, unit: '亩', grain: 'year', isTotal: true },
  { datasetId: 'a', region: '南岗区', indicator: '秸秆还田率', period: '2024-03', periodLabel: '2024年3月', value: 65.73, unit: '%', grain: 'month', target: 70 },
  { datasetId: 'a', region: '南岗区', indicator: '同比', period: '2024', value: -30.1, unit: '%', grain: 'year', kind: 'change', changeType: 'relative', sourceText: '同比下降30.1%' },
];
const rowsB: StoredObservation[] = [{ datasetId: 'b', region: '保密县', indicator: '保密指标', period: '2024', value: 987654.321, unit: '吨', grain: 'year' }];

function input(): PublishInput {
  const spec = (indicator: string, datasets?: string[]) => ({ version: 1 as const, kind: 'trend' as const, indicator, ...(datasets ? { datasets } : {}) });
  return {
    datasets: [
      { dataset: dataset('a', '耕地统计'), rows: rowsA },
      { dataset: dataset('b', '保密数据'), rows: rowsB },
    ],
    chosen: ['a'],
    indicators: [
      { name: '耕地面积', baseUnit: '亩', displayUnit: '万亩', polarity: 'higher', targets: [] },
      { name: '保密指标', baseUnit: '吨', polarity: 'higher', targets: [], description: '保密说明' },
    ],
    views: [
      { id: 'v1', name: '耕地趋势', spec: spec('耕地面积', ['a', 'b']) },
      { id: 'v2', name: '保密视图', spec: spec('保密指标', ['b']) },
    ],
    decks: [
      // A ledger's slide is never published: its tasks name units and people.
      { id: 'd1', name: '汇报', slides: [{ viewId: 'v1' }, { viewId: 'v2' }, { view: { name: '内嵌', spec: spec('保密指标') } }, { ledger: { id: 'l1', show: 'summary' } }] },
      { id: 'd2', name: '保密汇报', slides: [{ viewId: 'v2' }] },
    ],
    publisher: '张三（统计科）',
    publishedAt: '2026-01-02T03:04:05.678Z',
  };
}

const version = versionName('2026-01-02T03:04:05.678Z');
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('buildPublication', () => {
  it('writes one file per dataset × indicator under the version folder, and a manifest that lists them', () => {
    const { files, manifest } = buildPublication(input(), version);
    expect(version).toBe('v20260102T030405678Z');
    expect(files.map((f) => f.path)).toEqual([`${version}/data/d1-i1.parquet`, `${version}/data/d1-i2.parquet`, `${version}/data/d1-i3.parquet`]);
    expect(manifest.datasets.map((d) => [d.id, d.indicators, d.files.map((f) => [f.rows, f.indicators])])).toEqual([
      ['a', ['耕地面积', '秸秆还田率', '同比'], [[3, ['耕地面积']], [1, ['秸秆还田率']], [1, ['同比']]]],
    ]);
    expect(manifest).toMatchObject({ publisher: '张三（统计科）', publishedAt: '2026-01-02T03:04:05.678Z', dataAsOf: '2024-03' });
    // The manifest reads back through the validating reader.
    expect('manifest' in parseManifest(JSON.stringify(manifest))).toBe(true);
  });

  it('holds no data the user did not choose: not its values, names, settings, views or decks', async () => {
    const { files, manifest } = buildPublication(input(), version);
    const json = JSON.stringify(manifest);
    for (const secret of ['保密县', '保密指标', '保密说明', '保密视图', '保密汇报', '保密数据', '"b"', '987654']) expect(json).not.toContain(secret);
    expect(manifest.views).toEqual([{ id: 'v1', name: '耕地趋势', spec: { version: 1, kind: 'trend', indicator: '耕地面积', datasets: ['a'] } }]);
    expect(manifest.decks).toEqual([{ id: 'd1', name: '汇报', slides: [{ viewId: 'v1' }] }]);
    // Every value in every file is one of the chosen dataset's, read back by a Parquet reader.
    const regions = new Set<string>();
    const values: number[] = [];
    for (const f of files) {
      for (const row of await parquetReadObjects({ file: f.bytes.slice().buffer })) {
        regions.add(row.region as string);
        values.push(row.value as number);
      }
      for (const secret of ['保密县', '保密指标']) expect(text(f.bytes)).not.toContain(secret);
    }
    expect([...regions].sort()).toEqual(['全市', '南岗区', '道里区']);
    expect(values.sort((x, y) => x - y)).toEqual(rowsA.map((o) => o.value).sort((x, y) => x - y));
  });

  it('carries the boundary file a published map view is drawn on, and no other', () => {
    const map = (id: string, name: string) => ({ id, name, caption: '审图号：测试', geojson: '{"type":"FeatureCollection","features":[]}' });
    const given = input();
    const onMap = { id: 'v3', name: '耕地地图', spec: { version: 1 as const, kind: 'map' as const, indicator: '耕地面积' }, map: { id: 'm1', name: '区县', joinOn: 'name' as const, property: 'name' } };
    const { manifest } = buildPublication({ ...given, views: [...given.views, onMap], maps: [map('m1', '区县'), map('m2', '保密边界')] }, version);
    expect(manifest.maps).toEqual([map('m1', '区县')]);
    const read = parseManifest(JSON.stringify(manifest));
    expect('manifest' in read && read.manifest.maps).toEqual([map('m1', '区县')]);
    // Nothing drawn on a map: no boundary file goes out.
    expect(buildPublication({ ...given, maps: [map('m1', '区县')] }, version).manifest.maps).toBeUndefined();
  });

  it('does not change its input', () => {
    const given = input();
    const copy = structuredClone(given);
    buildPublication(given, version);
    expect(given).toEqual(copy);
  });
});

describe('the folder', () => {
  it('writes data first and the top-level manifest last; index.html opens the manifest and keeps its CSP', () => {
    const { files, manifest } = buildPublication(input(), version);
    const csp = '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\'" />';
    const app: PublishedFile[] = [
      { path: 'index.html', bytes: new TextEncoder().encode(`<!doctype html><html><head>${csp}<title>x</title></head></html>`) },
      { path: 'assets/index-abc.js', bytes: new Uint8Array([1]) },
    ];
    const ordered = orderFiles(app, files, manifest, version);
    expect(ordered.map((f) => f.path)).toEqual([...files.map((f) => f.path), `${version}/manifest.json`, 'assets/index-abc.js', 'index.html', '服务器说明.txt', MANIFEST_PATH]);
    const html = text(ordered.find((f) => f.path === 'index.html')!.bytes);
    expect(html).toContain('<meta name="dashboard-published" content="manifest.json" />');
    expect(html).toContain(csp);
    // Publishing a published page again does not stack the tag.
    expect(publishedIndexHtml(html).match(/dashboard-published/g)).toHaveLength(1);
    expect(text(ordered.find((f) => f.path === '服务器说明.txt')!.bytes)).toMatch(/Range[\s\S]*file:\/\//);
  });

  it('zips every file, stored, with the CRC each entry needs', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const files = [
      { path: 'index.html', bytes: new TextEncoder().encode('<html>') },
      { path: 'v1/data/d1-i1.parquet', bytes: new Uint8Array([80, 65, 82, 49]) },
      { path: '服务器说明.txt', bytes: new TextEncoder().encode('说明') },
    ];
    const parts = zipParts(files);
    const zip = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) zip.set(p, (at += p.length) - p.length);
    const entries = listZipEntries(zip)!;
    expect([...entries.keys()]).toEqual(files.map((f) => f.path));
    for (const f of files) {
      const e = entries.get(f.path)!;
      expect([e.method, e.size, e.crc32]).toEqual([0, f.bytes.length, crc32(f.bytes)]);
      const nameLength = new DataView(zip.buffer).getUint16(e.localOffset + 26, true);
      expect(zip.slice(e.localOffset + 30 + nameLength, e.localOffset + 30 + nameLength + e.size)).toEqual(f.bytes);
    }
  });
});

describe('a published folder served by nginx reads back as the chosen values', () => {
  let server: Nginx;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'published-'));
    const { files, manifest } = buildPublication(input(), version);
    for (const f of orderFiles([], files, manifest, version)) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.bytes);
    }
    server = await startNginx(dir);
  });
  afterAll(async () => server?.stop());

  it('every observation comes back with its fields', async () => {
    const { datasets, manifest } = await openManifest(`${server.url}${MANIFEST_PATH}`, { keepIds: true });
    const remote = new RemoteDatasets();
    remote.add(datasets);
    expect(remote.datasets().map((d) => d.id)).toEqual(['a']);
    expect(manifest.views?.length).toBe(1);
    const back: StoredObservation[] = [];
    for (const indicator of ['耕地面积', '秸秆还田率', '同比']) back.push(...(await remote.series({ indicator })));
    expect(back).toEqual(rowsA);
  });
});
