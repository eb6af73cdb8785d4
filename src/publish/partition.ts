/**
 * What 发布到内网 writes, apart from the app itself: the chosen datasets as Parquet files, one per
 * dataset × indicator (a view reads one indicator, so it fetches one file's columns), and the
 * manifest that lists them with the chosen views and decks, who published and when. Pure: the
 * caller reads the chosen datasets' values and writes the files where the user said.
 *
 * Only what was chosen goes in: values of the chosen datasets, settings of the indicators they
 * hold, views of those indicators (their dataset lists cut to the chosen ones), decks made of
 * such views and the boundary files their maps are drawn on.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { comparePeriods } from '../domain/period';
import type { Dataset, Indicator, Region } from '../domain/types';
import type { Deck, DeckSlide, SavedView, StoredMap, StoredObservation } from '../store';
import { MANIFEST_FORMAT, NATIVE_COLUMNS, type ManifestDataset, type ParquetManifest } from '../remote/manifest';

/** What the user chose to publish, with the values of the chosen datasets. */
export interface PublishInput {
  /** Datasets with their values; only those in `chosen` are published. */
  datasets: { dataset: Dataset; rows: readonly StoredObservation[] }[];
  chosen: readonly string[];
  /** Indicator settings of the workspace; only those of published indicators are kept. */
  indicators: readonly Indicator[];
  views: readonly SavedView[];
  decks: readonly Deck[];
  /** The workspace's boundary files; only those a published map view is drawn on are kept. */
  maps?: readonly StoredMap[];
  publisher: string;
  /** ISO instant. */
  publishedAt: string;
  title?: string;
}

/** A file of the folder, by its path inside it. */
export interface PublishedFile {
  path: string;
  bytes: Uint8Array;
}

/** Rows per row group: a view reads a whole file's columns, so groups only bound page sizes. */
const ROW_GROUP = 100_000;

/**
 * The data files and the manifest of one published version, under `version/`.
 * @example const { files, manifest } = buildPublication(input, 'v20260101T000000Z')
 */
export function buildPublication(input: PublishInput, version: string): { files: PublishedFile[]; manifest: ParquetManifest } {
  const files: PublishedFile[] = [];
  const datasets: ManifestDataset[] = [];
  const published = new Set<string>();
  let last = '';
  const wanted = new Set(input.chosen);
  input.datasets.filter(({ dataset }) => wanted.has(dataset.id)).forEach(({ dataset, rows }, d) => {
    const byIndicator = groupByIndicator(rows);
    const entry: ManifestDataset = {
      id: dataset.id,
      name: dataset.name,
      columns: { region: NATIVE_COLUMNS.region, indicator: NATIVE_COLUMNS.indicator, period: NATIVE_COLUMNS.period, value: NATIVE_COLUMNS.value, native: true },
      files: [],
      indicators: [...byIndicator.keys()],
      regions: regionsOf(rows),
    };
    if (dataset.source !== undefined) entry.source = dataset.source;
    let n = 0;
    for (const [indicator, list] of byIndicator) {
      // ASCII names: any server and any zip tool handle them; the manifest says what each holds.
      const path = `${version}/data/d${d + 1}-i${++n}.parquet`;
      const bytes = writeObservations(list);
      files.push({ path, bytes });
      entry.files.push({ path, bytes: bytes.length, rows: list.length, indicators: [indicator] });
      published.add(indicator);
      for (const o of list) if (last === '' || comparePeriods(o.period, last) > 0) last = o.period;
    }
    if (entry.files.length > 0) datasets.push(entry);
  });
  const chosenIds = new Set(datasets.map((d) => d.id));
  const views = input.views.filter((v) => published.has(v.spec.indicator)).map((v) => cutToDatasets(v, chosenIds));
  const viewIds = new Set(views.map((v) => v.id));
  const decks = input.decks
    .map((deck) => ({ ...deck, slides: deck.slides.filter((s) => slideKept(s, viewIds, published)).map((s) => ('view' in s ? { view: cutToDatasets(s.view, chosenIds) } : s)) }))
    .filter((deck) => deck.slides.length > 0);
  const manifest: ParquetManifest = {
    format: MANIFEST_FORMAT,
    version: 1,
    publishedAt: input.publishedAt,
    publisher: input.publisher,
    datasets,
    indicators: input.indicators.filter((i) => published.has(i.name)),
    views,
    decks,
  };
  // A published deck's map slides draw on the boundary file their view names.
  const drawnOn = new Set([...views, ...decks.flatMap((d) => d.slides.flatMap((s) => ('view' in s ? [s.view] : [])))].flatMap((v) => (v.map ? [v.map.id] : [])));
  const maps = (input.maps ?? []).filter((m) => drawnOn.has(m.id));
  if (maps.length > 0) manifest.maps = maps;
  if (last !== '') manifest.dataAsOf = last;
  if (input.title !== undefined) manifest.title = input.title;
  return { files, manifest };
}

/** A view (or an inline slide's view) with its dataset list cut to the published datasets. */
function cutToDatasets<V extends Omit<SavedView, 'id'>>(view: V, chosen: ReadonlySet<string>): V {
  if (!view.spec.datasets?.length) return view;
  const kept = view.spec.datasets.filter((id) => chosen.has(id));
  const spec = { ...view.spec };
  if (kept.length > 0) spec.datasets = kept;
  else delete spec.datasets;
  return { ...view, spec };
}

function slideKept(slide: DeckSlide, viewIds: ReadonlySet<string>, indicators: ReadonlySet<string>): boolean {
  if ('view' in slide) return indicators.has(slide.view.spec.indicator);
  // A ledger is not published (its tasks name units and people): its slides stay home.
  if ('ledger' in slide) return false;
  return viewIds.has(slide.viewId) && (slide.pairViewId === undefined || viewIds.has(slide.pairViewId));
}

function groupByIndicator(rows: readonly StoredObservation[]): Map<string, StoredObservation[]> {
  const out = new Map<string, StoredObservation[]>();
  for (const o of rows) {
    let list = out.get(o.indicator);
    if (!list) out.set(o.indicator, (list = []));
    list.push(o);
  }
  return out;
}

function regionsOf(rows: readonly StoredObservation[]): Region[] {
  const seen = new Map<string, Region>();
  for (const o of rows) {
    const known = seen.get(o.region);
    if (!known) seen.set(o.region, o.regionCode !== undefined ? { name: o.region, code: o.regionCode } : { name: o.region });
    else if (known.code === undefined && o.regionCode !== undefined) known.code = o.regionCode;
  }
  return [...seen.values()];
}

/**
 * One indicator's observations as a Parquet file, in the columns a published dataset is read by
 * (`NATIVE_COLUMNS`); absent fields are nulls. String statistics are kept whole, so a reader's
 * choice of row groups by min/max is exact.
 * @example writeObservations([{ region: '道里区', indicator: '面积', period: '2024', value: 60400, unit: '亩', datasetId: 'a' }])
 */
export function writeObservations(rows: readonly StoredObservation[]): Uint8Array {
  const text = (pick: (o: StoredObservation) => string | undefined) => rows.map((o) => pick(o) ?? null);
  const flag = (pick: (o: StoredObservation) => boolean | undefined) => rows.map((o) => (pick(o) ? true : null));
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: NATIVE_COLUMNS.region, data: text((o) => o.region), type: 'STRING' },
      { name: NATIVE_COLUMNS.regionCode, data: text((o) => o.regionCode), type: 'STRING' },
      { name: NATIVE_COLUMNS.indicator, data: text((o) => o.indicator), type: 'STRING' },
      { name: NATIVE_COLUMNS.period, data: text((o) => o.period), type: 'STRING' },
      { name: NATIVE_COLUMNS.periodLabel, data: text((o) => o.periodLabel), type: 'STRING' },
      { name: NATIVE_COLUMNS.grain, data: text((o) => o.grain), type: 'STRING' },
      { name: NATIVE_COLUMNS.value, data: Float64Array.from(rows, (o) => o.value), type: 'DOUBLE' },
      { name: NATIVE_COLUMNS.unit, data: text((o) => o.unit), type: 'STRING' },
      { name: NATIVE_COLUMNS.displayUnit, data: text((o) => o.displayUnit), type: 'STRING' },
      { name: NATIVE_COLUMNS.kind, data: text((o) => o.kind), type: 'STRING' },
      { name: NATIVE_COLUMNS.changeType, data: text((o) => o.changeType), type: 'STRING' },
      { name: NATIVE_COLUMNS.approximate, data: flag((o) => o.approximate), type: 'BOOLEAN' },
      { name: NATIVE_COLUMNS.isTotal, data: flag((o) => o.isTotal), type: 'BOOLEAN' },
      { name: NATIVE_COLUMNS.target, data: rows.map((o) => o.target ?? null), type: 'DOUBLE' },
      { name: NATIVE_COLUMNS.sourceText, data: text((o) => o.sourceText), type: 'STRING' },
    ],
    rowGroupSize: ROW_GROUP,
    statisticsTruncateLength: Infinity,
  });
  return new Uint8Array(buffer);
}
