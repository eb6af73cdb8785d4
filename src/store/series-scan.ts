/**
 * Turning one indicator's stored blocks into observations, the same for the whole store's reads
 * (observations.ts, through Dexie) and the first page's early read (early-read.ts, plain
 * IndexedDB), so the two give the same rows in the same order. Free of Dexie.
 */
import type { Dataset, Observation } from '../domain/types';
import type { BlockRecord } from './db';
import { decodeObservation } from './columns';
import type { StoredObservation } from './types';

/** Which values of a block a query keeps (undefined: all). */
export type RowFilter = (block: BlockRecord, k: number) => boolean;

/** A series query: one indicator, optionally some datasets and regions. */
export interface SeriesQuery {
  indicator: string;
  datasets?: readonly string[];
  regions?: readonly string[];
}

/**
 * The shared-reads key of a series query (shared-reads.ts): the early read and the store's own
 * answer the same question under it, so the app's first load gets the early read's answer.
 * @example seriesKey({ indicator: '压采量' }) // '["series","压采量",[],[]]'
 */
export function seriesKey(query: SeriesQuery): string {
  return JSON.stringify(['series', query.indicator, query.datasets ?? [], query.regions ?? []]);
}

/** The filter of a series query's regions, given a dataset's strings. */
export function seriesFilter(query: SeriesQuery): (strings: readonly string[]) => RowFilter | undefined {
  const regions = query.regions?.length ? new Set(query.regions) : undefined;
  return (strings) => {
    if (!regions) return undefined;
    const wanted = new Set<number>();
    strings.forEach((s, i) => {
      if (regions.has(s)) wanted.add(i);
    });
    return (block, k) => wanted.has(block.region[k]);
  };
}

/** The complete datasets a query reads: those it names, else all. */
export function datasetsOf(complete: readonly Dataset[], datasets: readonly string[] | undefined): readonly Dataset[] {
  const chosen = datasets?.length ? new Set(datasets) : undefined;
  return chosen ? complete.filter((d) => chosen.has(d.id)) : complete;
}

/**
 * Decode the blocks of `wanted` datasets (each dataset's blocks in sequence order) in dataset
 * then source order, keeping what `makeFilter` keeps.
 */
export function decodeSeries(
  wanted: readonly Dataset[],
  byDataset: ReadonlyMap<string, readonly BlockRecord[]>,
  strings: ReadonlyMap<string, readonly string[]>,
  makeFilter: (strings: readonly string[]) => RowFilter | undefined,
): StoredObservation[] {
  const ids = wanted.map((d) => d.id);
  const blocks = ids.flatMap((id) => byDataset.get(id) ?? []);
  const filters = new Map(ids.map((id) => [id, makeFilter(strings.get(id) ?? [])]));
  const out: StoredObservation[] = [];
  for (const block of blocks) decodeInto(out, block, strings.get(block.datasetId) ?? [], filters.get(block.datasetId));
  return out;
}

/**
 * Decode a block's values that `keep` keeps onto `out`. A function of its own: V8 optimizes a
 * long loop by compiling the function around it, and the scan around it took 10–40 ms to
 * compile during a switch of indicator.
 */
function decodeInto(out: StoredObservation[], block: BlockRecord, strings: readonly string[], keep: RowFilter | undefined): void {
  for (let k = 0; k < block.count; k++) {
    if (!keep || keep(block, k)) out.push(withDataset(decodeObservation(block, k, strings), block.datasetId));
  }
}

/** An observation with the dataset it was read from. */
export function withDataset(o: Observation, datasetId: string): StoredObservation {
  const stored = o as StoredObservation;
  stored.datasetId = datasetId;
  return stored;
}
