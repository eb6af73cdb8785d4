/**
 * Types the store hands to the rest of the app. The storage layout (column blocks, dictionaries)
 * is private to `src/store` and never appears here.
 */
import type { Dataset, Indicator, Observation, Region, ViewSpec } from '../domain/types';

/**
 * An observation read back from the store, with the dataset it came from so every value can be
 * traced to its file and row.
 * @example { datasetId: 'ds-1', region: '道里区', indicator: '压采量', period: '2024', value: 1.14e8, unit: '立方米' }
 */
export type StoredObservation = Observation & { datasetId: string };

/**
 * What an importer knows about a dataset before it is stored. The store assigns the id (unless
 * given), status, version, import time and row count.
 * @example { name: '2024年指标', fileName: 'a.csv', format: 'csv', encoding: 'gb18030', issueCount: 0, notes: [] }
 */
export type DatasetMeta = Omit<
  Dataset,
  'id' | 'status' | 'version' | 'replaces' | 'deletedAt' | 'rowCount' | 'importedAt'
> & { id?: string; importedAt?: string };

/** Progress of a long write: values written so far out of the total. */
export interface WriteProgress {
  written: number;
  total: number;
}

/**
 * Options of `putDataset`/`replaceDataset`.
 * @example { onProgress: (p) => console.log(p.written / p.total) }
 */
export interface PutOptions {
  onProgress?: (progress: WriteProgress) => void;
  /**
   * Above this many values the write is split over several transactions, guarded by the
   * dataset's `pending` status (default 2,000,000). Mainly for tests of the chunked path.
   */
  singleTransactionLimit?: number;
}

/** Returned by `deleteDataset`: what `undoDelete` needs, and when the delete happened. */
export interface DeleteToken {
  id: string;
  deletedAt: string;
}

/** How a saved view is laid out when it becomes a slide. */
export type SlideKind = 'chart' | 'kpi' | 'table' | 'text';

/**
 * A saved view: a validated spec plus the words around it.
 * @example { id: 'v1', name: '压采量趋势', spec: { version: 1, kind: 'trend', indicator: '压采量' } }
 */
export interface SavedView {
  id: string;
  name: string;
  spec: ViewSpec;
  title?: string;
  subtitle?: string;
  notes?: string;
  slideKind?: SlideKind;
  /** A map view's boundary file: its slides draw the map on it, or say it was deleted. */
  map?: SavedViewMap;
}

/**
 * The boundary file a saved map view is drawn on (a `maps` record, by id) and how its features
 * join the values (the property holding names or division codes), as the dashboard joined them.
 * @example { id: 'map-1', name: '哈尔滨市区县', joinOn: 'code', property: 'adcode' }
 */
export interface SavedViewMap {
  id: string;
  name: string;
  joinOn: 'name' | 'code';
  property: string;
}

/**
 * A slide in a deck: a reference to a saved view, a view kept inline in the deck, or a ledger's
 * summary or board slide (read from the ledger when shown, so it is current).
 */
export type DeckSlide =
  | { viewId: string; pairViewId?: string }
  | { view: Omit<SavedView, 'id'> }
  | { ledger: { id: string; show: 'summary' | 'board' } };

/**
 * An ordered briefing deck.
 * @example { id: 'd1', name: '季度汇报', slides: [{ viewId: 'v1' }] }
 */
export interface Deck {
  id: string;
  name: string;
  slides: DeckSlide[];
}

/**
 * A user-uploaded boundary file (the app ships none), with the caption (source, 审图号) printed
 * under every map drawn from it.
 * @example { id: 'm1', name: '黑龙江省', caption: '审图号：黑S(2023)001号', geojson: '{"type":"FeatureCollection","features":[]}' }
 */
export interface StoredMap {
  id: string;
  name: string;
  caption: string;
  /** GeoJSON or TopoJSON text as uploaded. */
  geojson: string;
}

/** One setting: a key and any structured-cloneable, JSON-writable value. */
export interface Setting {
  key: string;
  value: unknown;
}

/** The observations of one dataset in a backup, as plain arrays, one per field (`null` = absent). */
export interface BackupColumns {
  datasetId: string;
  region: string[];
  indicator: string[];
  period: string[];
  value: number[];
  unit: string[];
  regionCode: (string | null)[];
  periodLabel: (string | null)[];
  grain: (string | null)[];
  displayUnit: (string | null)[];
  kind: (string | null)[];
  changeType: (string | null)[];
  approximate: (boolean | null)[];
  isTotal: (boolean | null)[];
  target: (number | null)[];
  sourceRow: (number | null)[];
  sourceColumn: (string | null)[];
  sourceText: (string | null)[];
  /** Each value's provenance cells (`encodeCitations`), when its file had several; absent in older backups. */
  citations?: (string | null)[];
}

/**
 * The whole workspace in one JSON-writable object. Version 3 adds `tables`; version 2 keeps
 * observations as columns; versions 1 and 2 are still read, see `backup-readers.ts`.
 * @example JSON.stringify(await exportWorkspace())
 */
export interface WorkspaceBackup {
  format: 'indicator-dashboard-backup';
  version: 3;
  exportedAt: string;
  datasets: Dataset[];
  observations: BackupColumns[];
  indicators: Indicator[];
  regions: Region[];
  views: SavedView[];
  decks: Deck[];
  settings: Setting[];
  maps: StoredMap[];
  /**
   * Every other table, as its records (ledgers, their tasks and events, region aliases, remote
   * datasets, and any table a later schema adds): table name → records. Empty in older files.
   */
  tables: Record<string, unknown[]>;
}

/** What a restore did. */
export interface ImportSummary {
  datasets: number;
  observations: number;
  /** Datasets, views, decks, maps, settings or indicators already present and kept (merge only). */
  skipped: number;
}

/** Storage use and whether the browser promised to keep the data. */
export interface StorageInfo {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
  /** False when the database lives in memory for this session only. */
  persistent: boolean;
}
