/**
 * The boundary a map of a self-contained page or an embed carries. The user's file may hold many
 * properties and metres-precise coordinates; the page needs only each feature's join key and its
 * outline, so the snapshot keeps exactly that, with coordinates rounded to 4 decimals (about 10 m,
 * far below what a regional map shows). Read back like any outside input: shapes, counts and
 * numbers are checked, and keys from the file never become object keys of ours.
 */
import type { BoundaryCollection } from '../app/dashboard/boundary';
import { normalizeDivisionCode } from '../domain/region-code';
import { isRecord, own } from '../domain/checked-fields';

type Position = [number, number];
type Geometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** One feature: its join key (a region name or division code) and its outline. */
export interface BoundaryShape {
  key: string;
  geometry: Geometry;
}

/** A map's boundary and join as a snapshot carries them. */
export interface DocumentBoundary {
  /** Whether `key` holds region names or division codes. */
  joinOn: 'name' | 'code';
  shapes: BoundaryShape[];
  /** The user's source and approval number (审图号), drawn as plain text. */
  caption?: string;
}

/** Most features one snapshot's map may hold (every county of China is about 2,900). */
export const MAX_BOUNDARY_SHAPES = 5000;
/** Most points one snapshot's map may hold (about 12 MB of JSON). */
export const MAX_BOUNDARY_POINTS = 1_000_000;
const MAX_KEY = 200;
const MAX_CAPTION = 500;

const round = (v: number) => Math.round(v * 1e4) / 1e4;

function roundRing(ring: readonly (readonly number[])[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const point: Position = [round(p[0]), round(p[1])];
    const last = out[out.length - 1];
    // Rounding merges neighbours that were closer than the precision: keep one of them.
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}

/**
 * Reduce the user's boundary file to the join key (the value of `property`) and rounded outlines.
 * Features without a key are dropped: nothing could be joined to them.
 * @example reduceBoundary(geojson, { property: 'adcode', joinOn: 'code' }).shapes[0].key // '230102'
 */
export function reduceBoundary(
  geojson: BoundaryCollection,
  join: { property: string; joinOn: 'name' | 'code' },
  caption?: string,
): DocumentBoundary {
  const shapes: BoundaryShape[] = [];
  for (const f of geojson.features) {
    const raw = Object.prototype.hasOwnProperty.call(f.properties, join.property) ? f.properties[join.property] : undefined;
    if ((typeof raw !== 'string' && typeof raw !== 'number') || !f.geometry) continue;
    // The key as the map compares it: DataV's numeric adcode 230102 is the code '230102'.
    const key = join.joinOn === 'code' ? normalizeDivisionCode(raw) : String(raw);
    if (key === undefined) continue;
    const g = f.geometry;
    const geometry: Geometry =
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: g.coordinates.map(roundRing) }
        : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(roundRing)) };
    shapes.push({ key, geometry });
  }
  const boundary: DocumentBoundary = { joinOn: join.joinOn, shapes };
  if (caption && caption.trim() !== '') boundary.caption = caption.trim().slice(0, MAX_CAPTION);
  return boundary;
}

/**
 * How many points a boundary holds, to check it against `MAX_BOUNDARY_POINTS` before saving.
 * @example boundaryPoints(reduceBoundary(geojson, join)) // 12840
 */
export function boundaryPoints(boundary: DocumentBoundary): number {
  let n = 0;
  for (const s of boundary.shapes) {
    const polygons = s.geometry.type === 'Polygon' ? [s.geometry.coordinates] : s.geometry.coordinates;
    for (const polygon of polygons) for (const ring of polygon) n += ring.length;
  }
  return n;
}

/** Counts points as they are read, so a hostile file stops at the limit rather than at the end. */
class PointBudget {
  left = MAX_BOUNDARY_POINTS;
}

function readRing(raw: unknown, budget: PointBudget): Position[] | undefined {
  if (!Array.isArray(raw) || raw.length > budget.left) return undefined;
  budget.left -= raw.length;
  const out: Position[] = [];
  for (const p of raw as unknown[]) {
    if (!Array.isArray(p) || p.length < 2) return undefined;
    const [x, y] = p as unknown[];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return undefined;
    out.push([x, y]);
  }
  return out;
}

function readPolygon(raw: unknown, budget: PointBudget): Position[][] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const rings = (raw as unknown[]).map((r) => readRing(r, budget));
  return rings.some((r) => r === undefined) ? undefined : (rings as Position[][]);
}

function readGeometry(raw: unknown, budget: PointBudget): Geometry | undefined {
  if (!isRecord(raw)) return undefined;
  const type = own(raw, 'type');
  const coordinates = own(raw, 'coordinates');
  if (type === 'Polygon') {
    const polygon = readPolygon(coordinates, budget);
    return polygon && { type, coordinates: polygon };
  }
  if (type === 'MultiPolygon' && Array.isArray(coordinates)) {
    const polygons = (coordinates as unknown[]).map((p) => readPolygon(p, budget));
    return polygons.some((p) => p === undefined) ? undefined : { type, coordinates: polygons as Position[][][] };
  }
  return undefined;
}

/**
 * Validate a boundary read from a document; `undefined` when anything is out of shape or over
 * the limits. Only known fields are kept.
 * @example readBoundary({ joinOn: 'name', shapes: [{ key: '道里区', geometry: { type: 'Polygon', coordinates: [[[126, 45], [127, 45], [127, 46]]] } }] })?.shapes.length // 1
 */
export function readBoundary(raw: unknown): DocumentBoundary | undefined {
  if (!isRecord(raw)) return undefined;
  const joinOn = own(raw, 'joinOn');
  const shapes = own(raw, 'shapes');
  const caption = own(raw, 'caption');
  if (joinOn !== 'name' && joinOn !== 'code') return undefined;
  if (caption !== undefined && (typeof caption !== 'string' || caption.length > MAX_CAPTION)) return undefined;
  if (!Array.isArray(shapes) || shapes.length > MAX_BOUNDARY_SHAPES) return undefined;
  const budget = new PointBudget();
  const read: BoundaryShape[] = [];
  for (const s of shapes as unknown[]) {
    if (!isRecord(s)) return undefined;
    const key = own(s, 'key');
    if (typeof key !== 'string' || key === '' || key.length > MAX_KEY) return undefined;
    const geometry = readGeometry(own(s, 'geometry'), budget);
    if (!geometry) return undefined;
    read.push({ key, geometry });
  }
  const boundary: DocumentBoundary = { joinOn, shapes: read };
  if (caption) boundary.caption = caption as string;
  return boundary;
}

/**
 * The boundary as GeoJSON for `echarts.registerMap`, the join key under the property `name` (the
 * one ECharts reads by default).
 * @example boundaryGeoJson(boundary).features[0].properties.name // '道里区'
 */
export function boundaryGeoJson(boundary: DocumentBoundary): {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { name: string }; geometry: Geometry }[];
} {
  return {
    type: 'FeatureCollection',
    features: boundary.shapes.map((s) => ({ type: 'Feature', properties: { name: s.key }, geometry: s.geometry })),
  };
}
