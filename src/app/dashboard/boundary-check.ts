/**
 * Checks on a boundary file before it is stored or drawn. ECharts threw on string or infinite
 * coordinates and on Points, and recursed into 200,000 nested arrays until the stack overflowed;
 * such a file was stored with "已保存边界文件" and then broke the map at every load. Every walk
 * here is a loop of fixed depth (never recursion), and nesting is limited before parsing.
 */

/** A reason a boundary cannot be used: a message key (`views.map.*`) and its parameters. */
export interface BoundaryProblem {
  error: 'views.map.tooDeep' | 'views.map.badCoordinates' | 'views.map.noAreas';
  params: Record<string, string | number>;
}

/** Deeper nesting than any GeoJSON or TopoJSON needs (a MultiPolygon's numbers are 6 levels down). */
export const MAX_DEPTH = 32;

/**
 * The deepest `[`/`{` nesting of JSON text, counted in one pass outside strings; stops counting
 * past `limit`. JSON.parse and later walks of very deep input overflow the stack.
 * @example jsonDepth('{"a":[[1]]}') // 3
 */
export function jsonDepth(text: string, limit: number = MAX_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** A position: an array whose first two items are finite numbers. */
function isPosition(p: unknown): boolean {
  return Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

/** The first position of a polygon (rings of positions) that is not one, as text; '' when all are. */
function badInPolygon(polygon: unknown): string | undefined {
  if (!Array.isArray(polygon)) return quote(polygon);
  for (const ring of polygon) {
    if (!Array.isArray(ring)) return quote(ring);
    for (const p of ring) if (!isPosition(p)) return quote(p);
  }
  return undefined;
}

/** A short quote of a bad value; nested arrays are said to be arrays, not printed. */
function quote(v: unknown): string {
  if (Array.isArray(v)) return `[${v.slice(0, 2).map((x) => (Array.isArray(x) ? '[…]' : typeof x === 'string' ? `"${x.slice(0, 12)}"` : String(x))).join(', ')}${v.length > 2 ? ', …' : ''}]`;
  return typeof v === 'string' ? `"${v.slice(0, 12)}"` : String(v).slice(0, 20);
}

/** A GeoJSON geometry as far as checking goes. */
interface Geometry {
  type?: unknown;
  coordinates?: unknown;
}

/**
 * The features that can be drawn (Polygon and MultiPolygon with finite coordinates), or the first
 * problem: a feature whose coordinates are not numbers (naming it and the value), or no area at
 * all (naming the geometry types found). Features of other types (points, lines) are left out.
 * @example checkGeometries([{ type: 'Point', coordinates: [126, 45] }]) // { error: 'views.map.noAreas', params: { types: 'Point' } }
 */
export function checkGeometries(geometries: readonly (Geometry | null)[]): BoundaryProblem | { keep: boolean[] } {
  const keep: boolean[] = [];
  const others = new Set<string>();
  for (let i = 0; i < geometries.length; i++) {
    const g = geometries[i];
    const type = g && typeof g.type === 'string' ? g.type : '';
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      if (type) others.add(type.slice(0, 20));
      keep.push(false);
      continue;
    }
    const polygons = type === 'Polygon' ? [g!.coordinates] : g!.coordinates;
    if (!Array.isArray(polygons)) return { error: 'views.map.badCoordinates', params: { n: i + 1, value: quote(polygons) } };
    for (const polygon of polygons) {
      const bad = badInPolygon(polygon);
      if (bad !== undefined) return { error: 'views.map.badCoordinates', params: { n: i + 1, value: bad } };
    }
    keep.push(true);
  }
  if (!keep.includes(true)) return { error: 'views.map.noAreas', params: { types: [...others].join('、') || '—' } };
  return { keep };
}
