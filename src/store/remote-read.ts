/**
 * Remote, read-only datasets (Parquet read in place, issue 26) joined to the store's reads.
 *
 * The store does not know how remote values are read (HTTP range requests, hyparquet: that is
 * `src/remote`, which the store may not import). The app registers a provider here; these
 * functions are the store's own queries with the provider's answers added, so every view reads
 * a remote dataset exactly as it reads an imported one. With no provider (the usual case) each is
 * the store's query unchanged. A remote dataset's values never enter IndexedDB.
 *
 * For the store's owners: this is the one hook. `index.ts` exports these names from here instead
 * of from their modules; nothing else in the store changed.
 */
import { comparePeriods } from '../domain/period';
import type { Dataset, Indicator, Region } from '../domain/types';
import { getSeries as localSeries, getSnapshot as localSnapshot, getPeriods as localPeriods } from './observations';
import { getDatasets as localDatasets } from './datasets';
import { getIndicators as localIndicators, getRegions as localRegions } from './indicators';
import { getDatasetIndicators as localDatasetIndicators } from './dataset-indicators';
import { remoteProvider, type RemoteProvider } from './remote-provider';
import type { StoredObservation } from './types';

export { setRemoteProvider, type RemoteProvider } from './remote-provider';

/** Whether a query names datasets and none of them is remote (then the provider is not asked). */
function asksRemote(datasets: readonly string[] | undefined, remote: RemoteProvider): boolean {
  if (!datasets?.length) return true;
  const ids = new Set(remote.datasets().map((d) => d.id));
  return datasets.some((id) => ids.has(id));
}

/**
 * `getSeries` over imported and remote datasets. Not `async`: without remote datasets it hands
 * back the store's own promise, which is shared by every caller asking the same (shared-reads.ts).
 * @example await getSeries({ indicator: '耕地面积' })
 */
export function getSeries(query: { indicator: string; datasets?: readonly string[]; regions?: readonly string[] }): Promise<StoredObservation[]> {
  const remote = remoteProvider();
  if (!remote || !asksRemote(query.datasets, remote)) return localSeries(query);
  return Promise.all([localSeries(query), remote.series(query)]).then(([local, far]) =>
    local.length === 0 ? far : far.length === 0 ? local : local.concat(far),
  );
}

/**
 * `getSnapshot` over imported and remote datasets; not `async`, like `getSeries`.
 * @example await getSnapshot({ indicator: '耕地面积', period: '2024' })
 */
export function getSnapshot(query: { indicator: string; period: string; datasets?: readonly string[] }): Promise<StoredObservation[]> {
  const remote = remoteProvider();
  if (!remote || !asksRemote(query.datasets, remote)) return localSnapshot(query);
  return Promise.all([localSnapshot(query), remote.series(query)]).then(([local, far]) =>
    local.concat(far.filter((o) => o.period === query.period)),
  );
}

/** `getPeriods` over imported and remote datasets. @example await getPeriods('耕地面积') */
export async function getPeriods(indicator: string): Promise<string[]> {
  const local = await localPeriods(indicator);
  const provider = remoteProvider();
  if (!provider) return local;
  const far = await provider.series({ indicator });
  return [...new Set(local.concat(far.map((o) => o.period)))].sort(comparePeriods);
}

/** `getDatasets` with the remote datasets after the imported ones. @example await getDatasets() */
export async function getDatasets(options: { includeHidden?: boolean } = {}): Promise<Dataset[]> {
  const local = await localDatasets(options);
  const provider = remoteProvider();
  return provider ? local.concat(provider.datasets()) : local;
}

/** `getIndicators`, remote ones added when not imported too (an imported one keeps its settings). */
export async function getIndicators(): Promise<Indicator[]> {
  const local = await localIndicators();
  const provider = remoteProvider();
  if (!provider) return local;
  const known = new Set(local.map((i) => i.name));
  return local.concat(provider.indicators().filter((i) => !known.has(i.name))).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `getRegions`, remote ones added when not imported too. */
export async function getRegions(): Promise<Region[]> {
  const local = await localRegions();
  const provider = remoteProvider();
  if (!provider) return local;
  const known = new Set(local.map((r) => r.name));
  return local.concat(provider.regions().filter((r) => !known.has(r.name))).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `getDatasetIndicators` with the remote datasets'. */
export async function getDatasetIndicators(): Promise<Map<string, string[]>> {
  const local = await localDatasetIndicators();
  const provider = remoteProvider();
  if (provider) for (const [id, names] of provider.datasetIndicators()) local.set(id, names);
  return local;
}
