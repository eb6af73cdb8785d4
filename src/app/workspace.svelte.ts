/**
 * The user's stored workspace as the UI sees it: datasets, indicators, storage state. Reloads
 * itself when this tab or another one writes.
 */
import { getContext, setContext } from 'svelte';
import type { Dataset, Indicator, Region } from '../domain/types';
import * as store from '../store';
import { buildRegionIdentity, type RegionIdentity } from '../analysis/region-identity';
import { divisions, storedAliases } from './dashboard/division-names.svelte';
import { whenFirstChartDrawn } from './dashboard/after-first-chart.svelte';

const CONTEXT = Symbol('workspace');
/**
 * The sample's loader, fetched when a workspace has no datasets (a first visit) or the sample is
 * removed: a returning user's page never needs it (initial-JS budget).
 */
const sampleData = () => import('./import/sample-data');
const DELETED_KEPT_MS = 30 * 24 * 3600 * 1000;

export type Notice =
  | { kind: 'sample-loaded' }
  | { kind: 'error'; key: string; params?: Record<string, string | number> };

export class Workspace {
  ready = $state(false);
  /** False when IndexedDB is unavailable and data lives only in this tab's memory. */
  persistent = $state(true);
  /** Another tab opened a newer version of the app: this one must reload. */
  outdated = $state(false);
  datasets = $state.raw<Dataset[]>([]);
  /** Deleted datasets still restorable (undo), newest first. */
  deleted = $state.raw<Dataset[]>([]);
  indicators = $state.raw<Indicator[]>([]);
  /** Dataset id → the indicators it holds: the picker lists those of the chosen datasets. */
  datasetIndicators = $state.raw<ReadonlyMap<string, readonly string[]>>(new Map());
  /** Every region seen in imports, by name as written (with the first code seen for it). */
  regions = $state.raw<Region[]>([]);
  /**
   * The label each region shows under, whatever way a file wrote it (analysis/region-identity);
   * names stored without a code are matched to the division table once it has loaded.
   */
  readonly regionIdentity: RegionIdentity = $derived(
    this.identityFor(this.regions, divisions()?.matchStoredRegions(this.regions, storedAliases())),
  );
  /** The last identity built, kept while its inputs say the same (see `identityFor`). */
  private lastIdentity: { regions: Region[]; matches: string; identity: RegionIdentity } | undefined;
  notice = $state.raw<Notice | null>(null);
  /**
   * The store's version (its count of committed writes, here or in other tabs) as of the lists
   * above: set once they are read again after a write, so what reloads as it moves reads lists
   * and values of the same data.
   */
  version = $state.raw<store.StoreVersion>(store.storeVersion());
  /** The values version the dataset, indicator and region lists were read at. */
  private listsAt: number | undefined;
  /** Settles when the store is open: reads started before then wait for it. */
  readonly opened: Promise<void>;
  private markOpened!: () => void;

  constructor() {
    this.opened = new Promise((resolve) => (this.markOpened = resolve));
  }

  /**
   * The region identity, the same object while the regions and their matches say the same: the
   * division table arrives after the first charts, and a workspace whose names all carry codes
   * (nothing to match) must not redraw every chart then (a switch made meanwhile drew the old
   * indicator once more).
   */
  private identityFor(regions: Region[], matches: ReadonlyMap<string, string> | undefined): RegionIdentity {
    const key = matches && matches.size > 0 ? JSON.stringify([...matches]) : '';
    const last = this.lastIdentity;
    if (last && last.regions === regions && last.matches === key) return last.identity;
    const identity = buildRegionIdentity(regions, matches);
    this.lastIdentity = { regions, matches: key, identity };
    return identity;
  }

  async init(): Promise<void> {
    let persistent: boolean;
    try {
      // The same opening main.ts started before the app's code arrived, if it did.
      ({ persistent } = await store.openStore());
    } catch (e) {
      // The database was upgraded by a newer build in another tab: show the reload banner (a
      // reload fetches that build) instead of a raw error, and write nothing.
      if (e instanceof store.StoreError && e.code === 'newer-version') {
        this.outdated = true;
        return;
      }
      throw e;
    }
    this.persistent = persistent;
    this.markOpened();
    store.onVersionChange(() => (this.outdated = true));
    store.onStoreChange((change) => void this.refresh(change.scope));
    // The lists as of the version views first load at: they need not load again.
    const version = store.storeVersion();
    await this.read(undefined, version.values);
    this.version = version;
    const sample = this.datasets.length === 0 ? await sampleData() : undefined;
    if (sample && !(await store.getSetting<boolean>(sample.SAMPLE_REMOVED_KEY))) {
      await sample.loadSampleData();
      this.notice = { kind: 'sample-loaded' };
      // A new version: a view the address named (a shared link opened on a first visit) has
      // already loaded, before the sample was stored, and found no values.
      await this.refresh();
    }
    this.ready = true;
    // Deleted datasets stay restorable for a month, then their values are freed; after the first
    // charts, since only the undo list can change. Its read-write transaction spans the value
    // blocks, and a read of the first chart's values queued behind it.
    // A purge that fails (the database closed by a newer tab) is tried again at the next start.
    whenFirstChartDrawn(() => void this.purgeOld().catch(() => undefined));
  }

  private async purgeOld(): Promise<void> {
    const purged = await store.purgeDeleted(DELETED_KEPT_MS);
    if (purged.length > 0) await this.refresh();
  }

  /**
   * Reload the lists after a write (this tab's, or another's: `scope` is the store's name for what
   * changed, `maps`, `indicators`…, when known), then take the store's version: views reload
   * their values as `dataVersion` moves.
   */
  async refresh(scope?: string): Promise<void> {
    const version = store.storeVersion();
    await this.read(scope, version.values);
    this.version = version;
    // On the page's timeline, like the loads it starts (tests wait for it).
    performance.mark('workspace:refresh', { detail: { scope: scope ?? '' } });
  }

  /** Every committed write so far, for what lists views, decks or settings. */
  get revision(): number {
    return this.version.changes;
  }

  /**
   * Writes that may have changed stored values (datasets, a restored backup): saving a view, a
   * deck or a setting must not re-read and redraw every chart. Indicator settings reach the
   * charts through `indicators`.
   */
  get dataVersion(): number {
    return this.version.values;
  }

  /**
   * Writes that may have changed boundary maps: a boundary file can be megabytes, and reading it
   * again after every import or setting was a long task for nothing.
   */
  get mapsRevision(): number {
    return this.version.maps;
  }

  /**
   * Read the lists stored values give (datasets, indicators, regions) when the values have changed
   * since they were read (`values`, the store's values version), else only the indicators after
   * their own change.
   */
  private async read(scope: string | undefined, values: number): Promise<void> {
    // A newer version elsewhere closed our connection: keep showing what we had (the banner asks
    // for a reload) rather than failing a write that did commit, such as an import just saved.
    if (this.outdated) return;
    if (values === this.listsAt) {
      // Views, decks, settings and maps are read where they are shown; a new `indicators` array
      // would make every view that lists indicators (按地区 reads all their values) run again.
      if (scope === 'indicators') this.indicators = await store.getIndicators();
      return;
    }
    const [all, indicators, regions, held] = await Promise.all([
      store.getDatasets({ includeHidden: true }),
      store.getIndicators(),
      store.getRegions(),
      store.getDatasetIndicators(),
    ]);
    this.datasetIndicators = held;
    this.datasets = all.filter((d) => d.status === 'complete');
    this.deleted = all
      .filter((d) => d.status === 'deleted')
      .sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''));
    this.indicators = indicators;
    this.regions = regions;
    this.listsAt = values;
  }

  /** Whether the browser promised not to evict our data; asked after the first own import. */
  persisted = $state<boolean | null | undefined>(undefined);

  /** After an import: reload lists and ask the browser to keep the data (once). */
  async afterImport(): Promise<void> {
    await this.refresh();
    // Asked, not awaited: the browser's answer (a round trip to its own process, 10–40 ms) held
    // up the chart of the indicator just imported, which waits for this.
    if (this.persisted === undefined && this.persistent) {
      void store.requestPersistence().then((persisted) => (this.persisted = persisted));
    }
  }

  get hasSample(): boolean {
    return this.datasets.some((d) => d.isSample);
  }

  /** One click removes every sample dataset, and remembers not to load them again. */
  async removeSample(): Promise<void> {
    const [{ SAMPLE_REMOVED_KEY }, { SAMPLE_DECK_ID, SAMPLE_VIEW_PREFIX }] = await Promise.all([sampleData(), import('./briefing/sample')]);
    for (const d of this.datasets.filter((x) => x.isSample)) await store.deleteDataset(d.id);
    await store.purgeDeleted(0);
    // The sample deck and its views are made of the sample data: they go with it.
    await store.deleteDeck(SAMPLE_DECK_ID);
    for (const v of await store.getViews()) if (v.id.startsWith(SAMPLE_VIEW_PREFIX)) await store.deleteView(v.id);
    await store.putSetting(SAMPLE_REMOVED_KEY, true);
    this.notice = null;
    await this.refresh();
  }
}

export function provideWorkspace(): Workspace {
  return setContext(CONTEXT, new Workspace());
}

export function useWorkspace(): Workspace {
  return getContext<Workspace>(CONTEXT);
}
