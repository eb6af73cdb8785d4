/**
 * Boundary files the user uploads for the map view: GeoJSON as is, TopoJSON converted to GeoJSON
 * (ECharts' `registerMap` takes GeoJSON). No boundary data ships with the app. Property names come
 * from the user's file: they are only ever read, never used as keys of our own objects.
 */

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
