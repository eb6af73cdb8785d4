/**
 * The page's remote datasets: one provider for the store, datasets added by address (and kept,
 * so they open again next time), or for this visit only (an address in the link).
 */
import * as store from '../store';
import { newId } from '../store';
import { openManifest, RemoteDatasets } from './remote-datasets';
import { RemoteDataset } from './remote-dataset';
import { fileDataset } from './open-file';
import type { ColumnMap } from './manifest';
import { REMOTE_ID_PREFIX } from './remote-id';

/** The page's remote datasets. */
export const remoteDatasets = new RemoteDatasets();
/** Manifest address → the ids of its datasets, to forget them together. */
const opened = new Map<string, string[]>();

/**
 * Open the manifest at `url` and list its datasets beside the imported ones; `keep` saves the
 * address for the next visits; `opening`: the same manifest's opening, already under way
 * (`startOpening`).
 * @example const names = await openRemote('http://intranet/data/manifest.json', true)
 */
export async function openRemote(url: string, keep: boolean, opening?: ReturnType<typeof openManifest>): Promise<string[]> {
  const address = new URL(url, location.href).href;
  const { manifest, datasets } = await (opening ?? openManifest(address));
  remoteDatasets.add(datasets);
  opened.set(address, datasets.map((d) => d.id));
  store.setRemoteProvider(remoteDatasets);
  const names = datasets.map((d) => d.spec.name);
  if (keep) {
    const known = (await store.getRemotes()).find((r) => r.url === address);
    await store.putRemote({ id: known?.id ?? newId('remote'), url: address, name: manifest.title ?? names.join('、'), addedAt: known?.addedAt ?? new Date().toISOString() });
  }
  return names;
}

/**
 * Start opening the manifest at `url` before it is listed (`openRemote(url, false, opening)`
 * lists it), and start reading `indicator`'s values in its datasets that hold it: the app opens a
 * linked dataset while its store opens (a first visit creates the database), and the dashboard's
 * first read takes the read under way (RemoteDataset keeps it). A failure here is the later
 * reader's to say.
 * @example const opening = startOpening('data/manifest.json', '耕地面积')
 */
export function startOpening(url: string, indicator: string): ReturnType<typeof openManifest> {
  const opening = openManifest(new URL(url, location.href).href);
  opening.then(
    ({ datasets }) => {
      for (const d of datasets) if (indicator !== '' && d.indicatorNames().includes(indicator)) d.series(indicator).catch(() => undefined);
    },
    () => undefined,
  );
  return opening;
}

/**
 * Open one Parquet file by address with the user's column mapping; `keep` saves the address and
 * the mapping for the next visits.
 * @example await openRemoteFile('http://intranet/county.parquet', { region: '地区', period: '时期', value: '数值', indicator: '指标' }, '县级数据', '', true)
 */
export async function openRemoteFile(url: string, columns: ColumnMap, name: string, indicator: string, keep: boolean): Promise<void> {
  const address = new URL(url, location.href).href;
  const { base, spec } = await fileDataset(address, columns, name, indicator);
  const dataset = new RemoteDataset(`${REMOTE_ID_PREFIX}${address}`, base, spec, {});
  remoteDatasets.add([dataset]);
  opened.set(address, [dataset.id]);
  store.setRemoteProvider(remoteDatasets);
  if (keep) {
    const known = (await store.getRemotes()).find((r) => r.url === address);
    const record: store.RemoteSourceRecord = { id: known?.id ?? newId('remote'), url: address, name, addedAt: known?.addedAt ?? new Date().toISOString(), columns };
    if (indicator !== '') record.indicator = indicator;
    await store.putRemote(record);
  }
}

/**
 * Forget a kept address and its datasets.
 * @example await closeRemote(record)
 */
export async function closeRemote(record: store.RemoteSourceRecord): Promise<void> {
  for (const id of opened.get(record.url) ?? []) remoteDatasets.remove(id);
  opened.delete(record.url);
  await store.deleteRemote(record.id);
  store.setRemoteProvider(remoteDatasets);
}

/**
 * Open every kept address (at start); the ones that failed come back with their error.
 * @example const failed = await openKeptRemotes()
 */
export async function openKeptRemotes(): Promise<{ record: store.RemoteSourceRecord; error: unknown }[]> {
  const failed: { record: store.RemoteSourceRecord; error: unknown }[] = [];
  for (const record of await store.getRemotes()) {
    try {
      if (record.columns) await openRemoteFile(record.url, record.columns, record.name, record.indicator ?? '', false);
      else await openRemote(record.url, false);
    } catch (error) {
      failed.push({ record, error });
    }
  }
  return failed;
}
