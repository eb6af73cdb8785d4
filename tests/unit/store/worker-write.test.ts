import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_DB_NAME,
  StoreError,
  closeStore,
  getDataset,
  getDatasets,
  getIndicators,
  getObservations,
  openStore,
  putDataset,
} from '../../../src/store';
import { emptyDictionary, encodeBlocks } from '../../../src/store/columns';
import type { EncodedColumns } from '../../../src/store/put-columns';
import { getDb } from '../../../src/store/open';
import {
  appendFromWorker,
  putDatasetFromWorker,
  workerWritableDb,
  writeFromWorker,
  type WorkerWriteRequest,
  type WorkerWriter,
} from '../../../src/store/worker-write';
import type { Observation } from '../../../src/domain/types';
import { freshName, many, meta } from './fixtures';

afterEach(() => closeStore());

/** What the import worker holds after parsing: blocks encoded for no dataset yet. */
function encode(observations: readonly Observation[]): EncodedColumns {
  const dictionary = emptyDictionary('');
  const blocks = encodeBlocks('', observations, dictionary, 0);
  return { blocks, dictionary, count: observations.length };
}

/** A worker in this process: its own connection, as the import worker opens one. */
function workerHolding(observations: readonly Observation[], seen: WorkerWriteRequest[] = []): WorkerWriter {
  return (request) => {
    seen.push(request);
    return writeFromWorker(request, encode(observations));
  };
}

const strip = (rows: readonly object[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'datasetId')));

/** Values held by every block in the database, whatever the status of their dataset. */
async function rawValues(): Promise<number> {
  return (await getDb().blocks.toArray()).reduce((n, b) => n + b.count, 0);
}

async function open(): Promise<string> {
  const name = freshName();
  await openStore({ name });
  return name;
}

describe('workerWritableDb', () => {
  it('names the open database, which a worker can reach', async () => {
    const name = await open();
    expect(workerWritableDb()).toBe(name);
  });
});

describe('putDatasetFromWorker', () => {
  it.each([
    ['one transaction', 5000, undefined],
    ['chunked writes', 120_000, 100_000],
  ])('stores what the worker holds, as putDataset would (%s)', async (_, n, limit) => {
    await open();
    const rows = many(n);
    const ds = await putDatasetFromWorker(meta('工作线程'), n, workerHolding(rows), { singleTransactionLimit: limit });
    expect([ds.rowCount, ds.status, ds.version]).toEqual([n, 'complete', 1]);
    expect(await getDataset(ds.id)).toEqual(ds);
    expect(strip(await getObservations(ds.id, { offset: 0, limit: n }))).toEqual(rows);
    expect((await getIndicators()).map((i) => i.name).sort()).toEqual(['指标0', '指标1', '指标2']);
  });

  it('asks the worker for the page database, with the record made on the page', async () => {
    const name = await open();
    const seen: WorkerWriteRequest[] = [];
    const ds = await putDatasetFromWorker(meta('请求'), 10, workerHolding(many(10), seen));
    expect(seen).toEqual([{ dbName: name, dataset: ds }]);
  });

  it('a new version supersedes the old one in the same write', async () => {
    await open();
    const v1 = await putDataset(meta('版本'), many(30));
    const v2 = await putDatasetFromWorker(meta('版本'), 12, workerHolding(many(12, '新指标')), { replaces: v1.id });
    expect([v2.version, v2.replaces]).toEqual([2, v1.id]);
    expect((await getDatasets()).map((d) => d.id)).toEqual([v2.id]);
    expect((await getDataset(v1.id))?.status).toBe('superseded');
  });

  it('announces the stored dataset to other tabs', async () => {
    const name = await open();
    const other = new BroadcastChannel(`${DEFAULT_DB_NAME}:${name}`);
    const heard = new Promise<unknown>((resolve) => (other.onmessage = (e) => resolve(e.data)));
    try {
      const ds = await putDatasetFromWorker(meta('广播'), 5, workerHolding(many(5)));
      expect(await heard).toEqual({ scope: 'datasets', id: ds.id });
    } finally {
      other.close();
    }
  });

  it('a failed write leaves the store as it was and throws the StoreError the worker reported', async () => {
    await open();
    const kept = await putDataset(meta('已有'), many(40));
    // The record's id is taken: the worker's transaction fails on its first write and rolls back.
    const clash: WorkerWriter = (request) =>
      'dataset' in request ? writeFromWorker({ ...request, dataset: { ...request.dataset, id: kept.id } }, encode(many(20))) : writeFromWorker(request, encode([]));
    await expect(putDatasetFromWorker(meta('冲突'), 20, clash)).rejects.toThrow();
    expect((await getDatasets()).map((d) => [d.id, d.rowCount])).toEqual([[kept.id, 40]]);
    expect(await rawValues()).toBe(40);

    const missing = putDatasetFromWorker(meta('无'), 20, workerHolding(many(20)), { replaces: 'ds-none' });
    await expect(missing).rejects.toBeInstanceOf(StoreError);
    await expect(missing).rejects.toMatchObject({ code: 'not-found' });
  });

  it('rebuilds a quota failure with its sizes', async () => {
    await open();
    const full: WorkerWriter = () => Promise.resolve({ ok: false, code: 'quota', params: { usage: '1 GB', quota: '1 GB' }, usage: 2 ** 30, quota: 2 ** 30 });
    await expect(putDatasetFromWorker(meta('满'), 1, full)).rejects.toMatchObject({ code: 'quota', usage: 2 ** 30, quota: 2 ** 30 });
    expect(await getDatasets()).toEqual([]);
  });
});

describe('appendFromWorker', () => {
  it('appends what the worker holds; the row count grows', async () => {
    await open();
    const first = many(30);
    const ds = await putDataset(meta('追加'), first);
    const more = many(8, '追加指标');
    const grown = await appendFromWorker(ds.id, workerHolding(more));
    expect(grown.rowCount).toBe(38);
    expect(strip(await getObservations(ds.id, { offset: 0, limit: 100 }))).toEqual([...first, ...more]);
  });

  it('to a dataset that is not there: an error, nothing written', async () => {
    await open();
    await expect(appendFromWorker('ds-none', workerHolding(many(3)))).rejects.toMatchObject({ code: 'not-found' });
    expect(await rawValues()).toBe(0);
  });
});

describe('writeFromWorker', () => {
  it('answers an error instead of throwing when the database cannot be written', async () => {
    await open();
    const request: WorkerWriteRequest = { dbName: freshName(), appendTo: 'ds-none' };
    expect(await writeFromWorker(request, encode(many(2)))).toMatchObject({ ok: false, code: 'not-found' });
  });
});
