/**
 * What a saved page or an embed carries of a 按地区 view beyond its rows: the indicators it spans
 * and the datasets its cards are grouped by, and for each row the dataset it came from (rows in
 * a document keep only what a chart needs, so the dataset travels beside them, by index). The
 * page builds the view from these with `buildView`, as the app's tab does.
 */
import type { Indicator, Observation } from '../domain/types';
import { fieldsOf, isText } from '../domain/checked-fields';
import type { RegionSet } from '../views/region';
import type { ViewData } from '../views/build-view';

/** A 按地区 view's extra facts in a document. */
export interface DocumentRegion {
  indicators: Indicator[];
  datasets: { id: string; name: string }[];
  /** Per row of the payload, in order: the index in `datasets` of its dataset, -1 for none. */
  datasetOf: number[];
}

/** Most indicators (and datasets) one 按地区 item may carry. */
const MAX_ITEMS = 2000;

/**
 * The facts to carry for rows of a 按地区 view (each may name its `datasetId`).
 * @example regionDocument(rows, set, pick).datasetOf // [0, 0, 1]
 */
export function regionDocument(
  rows: readonly (Observation & { datasetId?: string })[],
  set: RegionSet,
  pickIndicator: (i: Indicator) => Indicator,
): DocumentRegion {
  const index = new Map(set.datasets.map((d, i) => [d.id, i]));
  return {
    indicators: set.indicators.slice(0, MAX_ITEMS).map(pickIndicator),
    datasets: set.datasets.slice(0, MAX_ITEMS).map((d) => ({ id: d.id, name: d.name })),
    datasetOf: rows.map((o) => (o.datasetId === undefined ? -1 : (index.get(o.datasetId) ?? -1))),
  };
}

const isName = (v: unknown): v is string => isText(v, 300);

/**
 * Read the facts back (outside input): known keys only, every index in range for `rows` rows;
 * undefined when anything is wrong. Indicators are read by the document's own reader.
 * @example readRegionDocument(raw, 3, readIndicator)?.datasetOf // [0, 0, 1]
 */
export function readRegionDocument(
  raw: unknown,
  rows: number,
  readIndicator: (raw: unknown) => Indicator | undefined,
): DocumentRegion | undefined {
  const f = fieldsOf(raw, ['indicators', 'datasets', 'datasetOf'] as const);
  if (!f) return undefined;
  const { indicators, datasets, datasetOf } = f;
  if (!Array.isArray(indicators) || indicators.length > MAX_ITEMS) return undefined;
  if (!Array.isArray(datasets) || datasets.length > MAX_ITEMS) return undefined;
  if (!Array.isArray(datasetOf) || datasetOf.length !== rows) return undefined;
  const read = indicators.map(readIndicator);
  if (read.some((i) => i === undefined)) return undefined;
  const sets = datasets.map((d) => {
    const set = fieldsOf(d, ['id', 'name'] as const);
    return set && isName(set.id) && isName(set.name) ? { id: set.id, name: set.name } : undefined;
  });
  if (sets.some((d) => d === undefined)) return undefined;
  if (!datasetOf.every((n) => Number.isInteger(n) && n >= -1 && n < datasets.length)) return undefined;
  return { indicators: read as Indicator[], datasets: sets as { id: string; name: string }[], datasetOf: [...(datasetOf as number[])] };
}

/**
 * The view's data again: the rows with their datasets, and the indicators and datasets it spans.
 * @example regionViewData(data, region).regionSet?.indicators.length
 */
export function regionViewData(data: ViewData, region: DocumentRegion): ViewData {
  return {
    ...data,
    observations: data.observations.map((o, i) => {
      const d = region.datasets[region.datasetOf[i] ?? -1];
      return d ? { ...o, datasetId: d.id } : o;
    }),
    regionSet: { indicators: region.indicators, datasets: region.datasets },
  };
}
