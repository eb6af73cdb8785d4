/**
 * Boundary files the user uploads for the map view: GeoJSON as is, TopoJSON converted to GeoJSON
 * (ECharts' `registerMap` takes GeoJSON). No boundary data ships with the app. Property names come
 * from the user's file: they are only ever read, never used as keys of our own objects.
 */

import { normalizeDivisionCode } from '../domain/region-code';
import { checkGeometries, jsonDepth, MAX_DEPTH, type BoundaryProblem } from './boundary-check';

type Position = number[];

/** A GeoJSON feature as far as the map needs it. */
export interface BoundaryFeature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] } | null;
}

/** What ECharts `registerMap` takes. */
export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

/** A parse result: the features, or a message key (and its parameters) saying why not. */
export type BoundaryResult =
  | { ok: true; geojson: BoundaryCollection }
  | { ok: false; error: 'views.map.badJson' | 'views.map.notBoundary'; params?: undefined }
  | ({ ok: false } & BoundaryProblem);

interface Topology {
  type: 'Topology';
  arcs: Position[][];
  objects: Record<string, { type: string; geometries?: TopoGeometry[] }>;
  transform?: { scale: [number, number]; translate: [number, number] };
}

interface TopoGeometry {
  type: string;
  arcs?: unknown;
  properties?: Record<string, unknown>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Decode every arc once: undo the delta encoding and apply the transform of a quantized topology. */
function decodeArcs(topology: Topology): Position[][] {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    if (!t) return arc.map((p) => [p[0], p[1]]);
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      x += p[0];
      y += p[1];
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

/** A ring from arc indices; a negative index `~i` is arc i reversed. Shared end points are kept once. */
function ring(indices: unknown, arcs: Position[][]): Position[] {
  const out: Position[] = [];
  if (!Array.isArray(indices)) return out;
  for (const raw of indices) {
    if (typeof raw !== 'number') continue;
    const arc = raw >= 0 ? arcs[raw] : arcs[~raw] && [...arcs[~raw]].reverse();
    if (!arc) continue;
    out.push(...(out.length ? arc.slice(1) : arc));
  }
  return out;
}

function topoFeature(g: TopoGeometry, arcs: Position[][]): BoundaryFeature {
  const properties = isObject(g.properties) ? g.properties : {};
  const polygon = (p: unknown) => (Array.isArray(p) ? p.map((r) => ring(r, arcs)) : []);
  if (g.type === 'Polygon') return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: polygon(g.arcs) } };
  if (g.type === 'MultiPolygon' && Array.isArray(g.arcs)) {
    return { type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates: g.arcs.map(polygon) } };
  }
  return { type: 'Feature', properties, geometry: null };
}

function fromTopology(t: Topology): BoundaryFeature[] {
  const arcs = decodeArcs(t);
  const features: BoundaryFeature[] = [];
  for (const obj of Object.values(t.objects)) {
    if (!isObject(obj)) continue;
    if (obj.type === 'GeometryCollection' && Array.isArray(obj.geometries)) {
      for (const g of obj.geometries) if (isObject(g)) features.push(topoFeature(g, arcs));
    } else {
      features.push(topoFeature(obj as TopoGeometry, arcs));
    }
  }
  return features;
}

/**
 * Read an uploaded boundary file's text.
 * @example parseBoundary('{"type":"FeatureCollection","features":[]}').ok // true
 */
export function parseBoundary(text: string): BoundaryResult {
  // Before parsing: very deep nesting overflowed the stack of whatever walked it next.
  const depth = jsonDepth(text);
  if (depth > MAX_DEPTH) return { ok: false, error: 'views.map.tooDeep', params: { max: MAX_DEPTH } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'views.map.badJson' };
  }
  if (!isObject(json)) return { ok: false, error: 'views.map.notBoundary' };
  let features: BoundaryFeature[];
  if (json.type === 'FeatureCollection' && Array.isArray(json.features)) {
    features = json.features.filter(isObject).map((f) => ({
      type: 'Feature',
      properties: isObject(f.properties) ? f.properties : {},
      geometry: (f.geometry ?? null) as BoundaryFeature['geometry'],
    }));
  } else if (json.type === 'Topology' && Array.isArray(json.arcs) && isObject(json.objects)) {
    try {
      features = fromTopology(json as unknown as Topology);
    } catch {
      // Arcs that are not arrays of positions: the conversion cannot even start.
      return { ok: false, error: 'views.map.notBoundary' };
    }
  } else {
    return { ok: false, error: 'views.map.notBoundary' };
  }
  if (features.length === 0) return { ok: false, error: 'views.map.notBoundary' };
  // Only areas with finite coordinates are drawn; points and lines are left out.
  const checked = checkGeometries(features.map((f) => (isObject(f.geometry) ? f.geometry : null)));
  if ('error' in checked) return { ok: false, ...checked };
  return { ok: true, geojson: { type: 'FeatureCollection', features: features.filter((_, i) => checked.keep[i]) } };
}

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
