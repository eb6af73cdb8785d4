/**
 * How a boundary file's features join the data (by region name or division code). Apart from
 * `dashboard/boundary.ts` (reading and checking a file) because the page's export code needs
 * only this on the first page, and the reader loads when a map is drawn (initial-JS budget).
 */
import { normalizeDivisionCode } from '../../domain/region-code';
import type { BoundaryCollection, BoundaryFeature } from './boundary';

/**
 * The text of one property across features (missing ones left out): the join keys as the map
 * compares them. For a code join, codes are normalized (`normalizeDivisionCode`): DataV writes
 * `adcode` as a JSON number, the data has text.
 * @example featureValues(geojson, 'name') // ['道里区', '南岗区']
 * @example featureValues(geojson, 'adcode', 'code') // ['230102', '230103']
 */
export function featureValues(geojson: BoundaryCollection, property: string, joinOn: 'name' | 'code' = 'name'): string[] {
  const out: string[] = [];
  for (const f of geojson.features) {
    const key = joinKey(f, property, joinOn);
    if (key !== undefined) out.push(key);
  }
  return out;
}

/** One feature's join key: its property as text, a code normalized; undefined when it has none. */
function joinKey(f: BoundaryFeature, property: string, joinOn: 'name' | 'code'): string | undefined {
  const v = Object.prototype.hasOwnProperty.call(f.properties, property) ? f.properties[property] : undefined;
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  return joinOn === 'code' ? normalizeDivisionCode(v) : String(v);
}

/**
 * The boundary as ECharts is to read it: each feature's join property replaced by its join key
 * as text. ECharts matched a numeric `adcode` (230102) to no data name ('230102'), and every area
 * was drawn as if it had no value. Features and properties are copied, never changed in place.
 * @example keyedBoundary(geojson, { property: 'adcode', joinOn: 'code' }).features[0].properties.adcode // '230102'
 */
export function keyedBoundary(geojson: BoundaryCollection, join: BoundaryJoin): BoundaryCollection {
  return {
    type: 'FeatureCollection',
    features: geojson.features.map((f) => {
      const key = joinKey(f, join.property, join.joinOn);
      if (key === undefined || f.properties[join.property] === key) return f;
      // Spread and a computed key define own properties: a `__proto__` property stays data.
      return { ...f, properties: { ...f.properties, [join.property]: key } };
    }),
  };
}

/** How the map joins data to features. */
export interface BoundaryJoin {
  property: string;
  joinOn: 'name' | 'code';
}

/**
 * The property and join (region name or division code) under which most regions find a feature;
 * `name` by name when nothing matches.
 * @example guessJoin(geojson, [{ name: '道里区', code: '230102' }]) // { property: 'adcode', joinOn: 'code' }
 */
export function guessJoin(geojson: BoundaryCollection, regions: readonly { name: string; code?: string }[]): BoundaryJoin {
  const keys = new Set<string>();
  for (const f of geojson.features) for (const k of Object.keys(f.properties)) keys.add(k);
  const names = new Set(regions.map((r) => r.name));
  const codes = new Set(regions.map((r) => normalizeDivisionCode(r.code)).filter((c): c is string => Boolean(c)));
  let best: BoundaryJoin & { hits: number } = { property: 'name', joinOn: 'name', hits: 0 };
  for (const property of keys) {
    for (const joinOn of ['code', 'name'] as const) {
      const values = featureValues(geojson, property, joinOn);
      const pool = joinOn === 'code' ? codes : names;
      const hits = values.filter((v) => pool.has(v)).length;
      if (hits > best.hits) best = { property, joinOn, hits };
    }
  }
  return { property: best.property, joinOn: best.joinOn };
}
