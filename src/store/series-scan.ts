/**
 * Turning one indicator's stored blocks into observations, the same for the whole store's reads
 * (observations.ts, through Dexie) and the first page's early read (early-read.ts, plain
 * IndexedDB), so the two give the same rows in the same order. Free of Dexie.
 */
import { GRAINS, VALUE_KINDS, type Dataset, type Grain, type Observation, type ValueKind } from '../domain/types';
import type { BlockRecord } from './db';
import { decodeObservation, FLAG } from './columns';
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
  const finder = new FactsFinder();
  for (const block of blocks) {
    const of = strings.get(block.datasetId) ?? [];
    const keep = filters.get(block.datasetId);
    decodeInto(out, block, of, keep);
    finder.note(block, of, keep);
  }
  found.set(out, finder.facts(out.length));
  return out;
}

/**
 * What the value index (analysis/value-index.ts, `seedIndex`) would find by passing over a
 * series' observations, found from the blocks' codes instead: the regions (first seen, with the
 * first code any of their values carries), the distinct periods counted per grain, the
 * indicators and datasets, and the kinds of value and whether any value is a total. Every view of
 * a switch asked these of an indicator's ~348,000 objects at 10M values (~35 ms of the page's CPU
 * before the trend drew); a look per run of a region's codes and a count per period code is a
 * few ms. The remote reader hands the same facts over (remote/convert-columns.ts).
 */
export interface SeriesFacts {
  length: number;
  regions: readonly { name: string; code?: string }[];
  periodCounts: {
    unstated: ReadonlyMap<string, number>;
    stated: ReadonlyMap<Grain | 'unknown', ReadonlyMap<string, number>>;
  };
  periods: ReadonlySet<string>;
  indicators: ReadonlySet<string>;
  datasets: ReadonlySet<string>;
  kinds: ReadonlySet<ValueKind>;
  anyTotal: boolean;
}

const found = new WeakMap<readonly object[], SeriesFacts>();

/**
 * The facts `decodeSeries` found from the codes of the list it made (undefined for any other
 * list, or one whose length changed).
 * @example seriesFacts(await getSeries({ indicator: '压采量' }))?.periods // Set { '2023', '2024' }
 */
export function seriesFacts(rows: readonly object[]): SeriesFacts | undefined {
  const facts = found.get(rows);
  return facts && facts.length === rows.length ? facts : undefined;
}

/** Collects `SeriesFacts` block by block, in the order `decodeSeries` appends the values. */
class FactsFinder {
  private readonly regions = new Map<string, { name: string; code?: string }>();
  /** Each period × grain in first-seen order (as a string and its grain code), with its count. */
  private readonly periodKeys: { period: string; grain: number; count: number }[] = [];
  private readonly indicators = new Set<string>();
  private readonly datasets = new Set<string>();
  private kindBits = 0;
  private readonly kindOrder: ValueKind[] = [];
  private anyTotal = false;
  /** Per dataset's strings: period code × 8 + grain code → index in `periodKeys` + 1. */
  private readonly slots = new Map<readonly string[], Int32Array>();

  note(block: BlockRecord, strings: readonly string[], keep: RowFilter | undefined): void {
    let slots = this.slots.get(strings);
    if (!slots) this.slots.set(strings, (slots = new Int32Array(strings.length * 8)));
    const { region, period, codes, flags, regionCode } = block;
    let lastRegion = -1;
    let lastCode = -1;
    let kept = 0;
    for (let k = 0; k < block.count; k++) {
      if (keep && !keep(block, k)) continue;
      kept++;
      // Values come grouped by region: the map is asked once per run of a region's codes.
      const r = region[k];
      const c = regionCode === undefined ? 0 : regionCode[k];
      if (r !== lastRegion || c !== lastCode) {
        lastRegion = r;
        lastCode = c;
        this.seeRegion(strings[r], c > 0 ? strings[c - 1] : undefined);
      }
      const code = codes[k];
      const slot = period[k] * 8 + (code & 7);
      const at = slots[slot];
      if (at === 0) {
        this.periodKeys.push({ period: strings[period[k]], grain: code & 7, count: 1 });
        slots[slot] = this.periodKeys.length;
      } else this.periodKeys[at - 1].count++;
      const kind = (code >> 3) & 3;
      if ((this.kindBits & (1 << kind)) === 0) {
        this.kindBits |= 1 << kind;
        this.kindOrder.push(kind === 0 ? 'level' : VALUE_KINDS[kind - 1]);
      }
      if ((flags[k] & FLAG.hasIsTotal) !== 0 && (flags[k] & FLAG.isTotal) !== 0) this.anyTotal = true;
    }
    if (kept > 0) {
      this.indicators.add(block.indicator);
      this.datasets.add(block.datasetId);
    }
  }

  facts(length: number): SeriesFacts {
    const unstated = new Map<string, number>();
    const stated = new Map<Grain | 'unknown', Map<string, number>>();
    const periods = new Set<string>();
    for (const { period, grain, count } of this.periodKeys) {
      periods.add(period);
      let counts = unstated;
      if (grain !== 0) {
        const g = GRAINS[grain - 1];
        const known = stated.get(g);
        if (known) counts = known;
        else stated.set(g, (counts = new Map()));
      }
      counts.set(period, (counts.get(period) ?? 0) + count);
    }
    return {
      length,
      regions: [...this.regions.values()],
      periodCounts: { unstated, stated },
      periods,
      indicators: this.indicators,
      datasets: this.datasets,
      kinds: new Set(this.kindOrder),
      anyTotal: this.anyTotal,
    };
  }

  private seeRegion(name: string, code: string | undefined): void {
    const seen = this.regions.get(name);
    if (!seen) this.regions.set(name, code ? { name, code } : { name });
    else if (seen.code === undefined && code) seen.code = code;
  }
}

/**
 * Decode a block's values that `keep` keeps onto `out`. A function of its own: V8 optimizes a
 * long loop by compiling the function around it, and the scan around it took 10–40 ms to
 * compile during a switch of indicator.
 *
 * A value as an import writes it (a grain, a kind, `approximate`, `isTotal` and a source row and
 * column; with or without a region code, a period label and a display unit; no other field) is
 * made by one object literal with every field, in `decodeObservation`'s order and with the
 * dataset: `decodeObservation` adds the optional fields one by one to a literal of five, so each
 * object grew a second store for the other nine, copied as it grew. Node, one indicator of the
 * 10M case (348,000 values): ~120 → ~55 ms CPU with the garbage collector's share. Any other
 * value is decoded by `decodeObservation`.
 */
function decodeInto(out: StoredObservation[], block: BlockRecord, strings: readonly string[], keep: RowFilter | undefined): void {
  const { indicator, datasetId, region, period, unit, value, codes, flags, regionCode, periodLabel, displayUnit, sourceColumn, row } =
    block;
  // Blocks with a column an import leaves out of its usual values take the long way throughout.
  const usual = block.sourceText === undefined && block.citations === undefined && sourceColumn !== undefined && row !== undefined;
  for (let k = 0; k < block.count; k++) {
    if (keep && !keep(block, k)) continue;
    const code = codes[k];
    const flag = flags[k];
    // A grain and a kind among the codes (no change type); the approximate, total and source flags, no target.
    if (
      !usual ||
      (code & 7) === 0 ||
      code >> 5 !== 0 ||
      ((code >> 3) & 3) === 0 ||
      (flag & ~USUAL_VALUE_FLAGS) !== USUAL_FLAGS ||
      sourceColumn[k] === 0
    ) {
      out.push(withDataset(decodeObservation(block, k, strings), datasetId));
      continue;
    }
    const r = strings[region[k]];
    const p = strings[period[k]];
    const v = value[k];
    const u = strings[unit[k]];
    const grain = GRAINS[(code & 7) - 1];
    const kind = VALUE_KINDS[((code >> 3) & 3) - 1];
    const approximate = (flag & FLAG.approximate) !== 0;
    const isTotal = (flag & FLAG.isTotal) !== 0;
    const source = { row: row[k], column: strings[sourceColumn[k] - 1] };
    const c = regionCode === undefined ? 0 : regionCode[k];
    const l = periodLabel === undefined ? 0 : periodLabel[k];
    const d = displayUnit === undefined ? 0 : displayUnit[k];
    // One literal per combination of the three optional fields (a literal's fields are laid out once).
    switch ((c > 0 ? 4 : 0) | (l > 0 ? 2 : 0) | (d > 0 ? 1 : 0)) {
      case 7:
        out.push({
          region: r,
          indicator,
          period: p,
          value: v,
          unit: u,
          regionCode: strings[c - 1],
          periodLabel: strings[l - 1],
          grain,
          displayUnit: strings[d - 1],
          kind,
          approximate,
          isTotal,
          source,
          datasetId,
        });
        break;
      case 6:
        out.push({
          region: r,
          indicator,
          period: p,
          value: v,
          unit: u,
          regionCode: strings[c - 1],
          periodLabel: strings[l - 1],
          grain,
          kind,
          approximate,
          isTotal,
          source,
          datasetId,
        });
        break;
      case 5:
        out.push({
          region: r,
          indicator,
          period: p,
          value: v,
          unit: u,
          regionCode: strings[c - 1],
          grain,
          displayUnit: strings[d - 1],
          kind,
          approximate,
          isTotal,
          source,
          datasetId,
        });
        break;
      case 4:
        out.push({
          region: r,
          indicator,
          period: p,
          value: v,
          unit: u,
          regionCode: strings[c - 1],
          grain,
          kind,
          approximate,
          isTotal,
          source,
          datasetId,
        });
        break;
      case 3:
        out.push({
          region: r,
          indicator,
          period: p,
          value: v,
          unit: u,
          periodLabel: strings[l - 1],
          grain,
          displayUnit: strings[d - 1],
          kind,
          approximate,
          isTotal,
          source,
          datasetId,
        });
        break;
      case 2:
        out.push({
          region: r,
          indicator,
          period: p,
          value: v,
          unit: u,
          periodLabel: strings[l - 1],
          grain,
          kind,
          approximate,
          isTotal,
          source,
          datasetId,
        });
        break;
      case 1:
        out.push({
          region: r,
          indicator,
          period: p,
          value: v,
          unit: u,
          grain,
          displayUnit: strings[d - 1],
          kind,
          approximate,
          isTotal,
          source,
          datasetId,
        });
        break;
      default:
        out.push({ region: r, indicator, period: p, value: v, unit: u, grain, kind, approximate, isTotal, source, datasetId });
    }
  }
}

/** The flags an import sets on every value: the approximate and total flags (their values apart) and the source's. */
const USUAL_FLAGS = FLAG.hasApproximate | FLAG.hasIsTotal | FLAG.hasSource;
/** The flags that carry a value (not whether the field is there). */
const USUAL_VALUE_FLAGS = FLAG.approximate | FLAG.isTotal;

/** An observation with the dataset it was read from. */
export function withDataset(o: Observation, datasetId: string): StoredObservation {
  const stored = o as StoredObservation;
  stored.datasetId = datasetId;
  return stored;
}
