import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeStore,
  getDatasetIndicators,
  getDatasets,
  getIndicators,
  getPeriods,
  getRegions,
  getSeries,
  getSnapshot,
  openStore,
  setRemoteProvider,
  type RemoteProvider,
  type StoredObservation,
} from '../../../src/store';
// The store's inner write of observation objects: the app writes encoded columns (putEncodedDataset).
import { putDataset } from '../../../src/store/dataset-write';
import type { Dataset } from '../../../src/domain/types';
import { freshName, meta, obs } from '../store/fixtures';

/** A provider of one remote dataset, counting what it was asked. */
function provider(): RemoteProvider & { asked: string[] } {
  const dataset: Dataset = { id: 'remote:x', name: '远程', fileName: 'http://x/', format: 'parquet', encoding: '', importedAt: '2026-01-01T00:00:00.000Z', rowCount: 2, issueCount: 0, notes: [], status: 'complete', version: 1 };
  const rows: StoredObservation[] = [
    { datasetId: 'remote:x', region: '远程县', indicator: '耕地面积', period: '2025', value: 7, unit: '亩' },
    { datasetId: 'remote:x', region: '道里区', indicator: '耕地面积', period: '2024', value: 8, unit: '亩' },
  ];
  const asked: string[] = [];
  return {
    asked,
    datasets: () => [dataset],
    indicators: () => [{ name: '耕地面积', baseUnit: '亩', polarity: 'higher', targets: [], description: '远程的设置' }, { name: '远程指标', baseUnit: '', polarity: 'higher', targets: [] }],
    regions: () => [{ name: '远程县' }, { name: '道里区', code: '999999' }],
    datasetIndicators: () => new Map([['remote:x', ['耕地面积', '远程指标']]]),
    series: async (q) => {
      asked.push(q.indicator);
      return rows.filter((o) => o.indicator === q.indicator && (!q.regions?.length || q.regions.includes(o.region)));
    },
  };
}

let localId = '';
beforeEach(async () => {
  await openStore({ name: freshName() });
  localId = (await putDataset(meta('本地'), [obs('道里区', '耕地面积', '2024', 60400), obs('南岗区', '耕地面积', '2023', 51000)])).id;
});
afterEach(() => {
  setRemoteProvider(undefined);
  closeStore();
});

describe("the store's reads with remote datasets", () => {
  it('without a provider, each read is the store’s own', async () => {
    expect((await getDatasets()).map((d) => d.name)).toEqual(['本地']);
    expect((await getSeries({ indicator: '耕地面积' })).map((o) => o.value).sort()).toEqual([51000, 60400]);
  });

  it('with one, lists and values add the remote ones; an imported indicator keeps its own settings', async () => {
    const remote = provider();
    setRemoteProvider(remote);
    expect((await getDatasets()).map((d) => d.id)).toEqual([localId, 'remote:x']);
    expect((await getIndicators()).map((i) => [i.name, i.description])).toEqual([
      ['耕地面积', undefined],
      ['远程指标', undefined],
    ]);
    expect((await getRegions()).map((r) => [r.name, r.code])).toEqual([
      ['南岗区', undefined],
      ['远程县', undefined],
      ['道里区', undefined],
    ]);
    expect((await getDatasetIndicators()).get('remote:x')).toEqual(['耕地面积', '远程指标']);
    expect((await getSeries({ indicator: '耕地面积' })).map((o) => [o.datasetId === localId ? 'local' : o.datasetId, o.value])).toEqual([
      ['local', 60400],
      ['local', 51000],
      ['remote:x', 7],
      ['remote:x', 8],
    ]);
    expect((await getSnapshot({ indicator: '耕地面积', period: '2024' })).map((o) => o.value)).toEqual([60400, 8]);
    expect(await getPeriods('耕地面积')).toEqual(['2023', '2024', '2025']);
  });

  it('a query naming only imported datasets does not ask the remote ones', async () => {
    const remote = provider();
    setRemoteProvider(remote);
    expect((await getSeries({ indicator: '耕地面积', datasets: [localId] })).map((o) => o.value)).toEqual([60400, 51000]);
    expect(remote.asked).toEqual([]);
    expect((await getSeries({ indicator: '耕地面积', datasets: ['remote:x'], regions: ['道里区'] })).map((o) => o.value)).toEqual([8]);
  });
});
