/**
 * The page's remote datasets, as the store's provider (`setRemoteProvider`): opened from a
 * manifest's address (a folder of partitions, or a published folder), listed beside imported
 * datasets, their values read when a view asks.
 */
import type { Dataset, Indicator, Region } from '../domain/types';
import type { RemoteProvider, StoredObservation } from '../store';
import { parseManifest, type ParquetManifest } from './manifest';
import { fetchText, RemoteError } from './range-buffer';
import { RemoteDataset } from './remote-dataset';
import { REMOTE_ID_PREFIX } from './remote-id';

/** A manifest that could not be used: the problem, for a sentence. */
export class ManifestError extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
  ) {
    super(code);
  }
}

/**
 * Read the manifest at `url` and its datasets (no values yet); `keepIds` for a published folder.
 * @example const { manifest, datasets } = await openManifest('https://intranet/data/manifest.json')
 */
export async function openManifest(url: string, options: { keepIds?: boolean } = {}): Promise<{ manifest: ParquetManifest; datasets: RemoteDataset[] }> {
  const text = await fetchText(url);
  const read = parseManifest(text);
  if ('problem' in read) throw new ManifestError(read.problem, read.detail ?? '');
  const base = url.slice(0, url.lastIndexOf('/') + 1);
  // A published folder's own page keeps the datasets' ids, which its views and decks name; beside
  // a user's datasets, the folder's address keeps them apart.
  const datasets = read.manifest.datasets.map((spec) => new RemoteDataset(options.keepIds ? spec.id : `${REMOTE_ID_PREFIX}${base}${spec.id}`, base, spec, read.manifest));
  return { manifest: read.manifest, datasets };
}

/** Remote datasets as the store's provider. */
export class RemoteDatasets implements RemoteProvider {
  private list: RemoteDataset[] = [];

  /** Add datasets (a dataset opened again replaces the earlier one). */
  add(datasets: readonly RemoteDataset[]): void {
    const ids = new Set(datasets.map((d) => d.id));
    this.list = this.list.filter((d) => !ids.has(d.id)).concat(datasets);
  }

  /** Forget a dataset. */
  remove(id: string): void {
    this.list = this.list.filter((d) => d.id !== id);
  }

  datasets(): Dataset[] {
    return this.list.map((d) => d.dataset());
  }

  indicators(): Indicator[] {
    const seen = new Map<string, Indicator>();
    for (const d of this.list) for (const i of d.indicators()) if (!seen.has(i.name)) seen.set(i.name, i);
    return [...seen.values()];
  }

  regions(): Region[] {
    const seen = new Map<string, Region>();
    for (const d of this.list) for (const r of d.regions()) if (!seen.has(r.name)) seen.set(r.name, r);
    return [...seen.values()];
  }

  datasetIndicators(): Map<string, string[]> {
    return new Map(this.list.map((d) => [d.id, d.indicatorNames()]));
  }

  async series(query: { indicator: string; datasets?: readonly string[]; regions?: readonly string[] }): Promise<StoredObservation[]> {
    const chosen = query.datasets?.length ? new Set(query.datasets) : undefined;
    const wanted = this.list.filter((d) => (!chosen || chosen.has(d.id)) && d.indicatorNames().includes(query.indicator));
    const parts = await Promise.all(wanted.map((d) => d.series(query.indicator)));
    const all = parts.length === 1 ? parts[0] : ([] as StoredObservation[]).concat(...parts);
    if (!query.regions?.length) return all;
    const regions = new Set(query.regions);
    return all.filter((o) => regions.has(o.region));
  }
}

export { RemoteError };
