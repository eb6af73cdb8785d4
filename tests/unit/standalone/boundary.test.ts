import { describe, expect, it } from 'vitest';
import { boundaryGeoJson, boundaryPoints, MAX_BOUNDARY_SHAPES, readBoundary, reduceBoundary, type DocumentBoundary } from '../../../src/standalone/boundary';
import type { BoundaryCollection } from '../../../src/app/dashboard/boundary';

const file = (): BoundaryCollection => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: '道里区', adcode: 230102, 描述: '很长的说明'.repeat(100) },
      geometry: { type: 'Polygon', coordinates: [[[126.123456, 45.000001], [126.123457, 45.000002], [126.5, 45], [126.5, 45.5], [126.123456, 45.000001]]] },
    },
    {
      type: 'Feature',
      properties: { name: '南岗区', adcode: '230103' },
      geometry: { type: 'MultiPolygon', coordinates: [[[[127, 45], [127.5, 45], [127.5, 45.5], [127, 45]]]] },
    },
    { type: 'Feature', properties: { adcode: '230104' }, geometry: { type: 'Polygon', coordinates: [[[128, 45], [128.5, 45], [128, 45.5]]] } },
  ],
});

describe('reduceBoundary', () => {
  const cases: [string, { property: string; joinOn: 'name' | 'code' }, string[]][] = [
    ['by name: features without a name are dropped', { property: 'name', joinOn: 'name' }, ['道里区', '南岗区']],
    ['by code: numbers become text', { property: 'adcode', joinOn: 'code' }, ['230102', '230103', '230104']],
    ['by name: a number is its text', { property: 'adcode', joinOn: 'name' }, ['230102', '230103', '230104']],
    ['a property no feature has keeps nothing', { property: '__proto__', joinOn: 'name' }, []],
  ];
  it.each(cases)('%s', (_name, join, keys) => {
    const b = reduceBoundary(file(), join);
    expect(b.shapes.map((s) => s.key)).toEqual(keys);
    expect(b.joinOn).toBe(join.joinOn);
  });

  it('keeps only the key and the outline, rounded to 4 decimals, neighbours merged by rounding kept once', () => {
    const b = reduceBoundary(file(), { property: 'name', joinOn: 'name' }, '  审图号：GS(2099)0000号 ');
    expect(b.shapes[0]).toEqual({
      key: '道里区',
      geometry: { type: 'Polygon', coordinates: [[[126.1235, 45], [126.5, 45], [126.5, 45.5], [126.1235, 45]]] },
    });
    expect(JSON.stringify(b)).not.toContain('很长的说明');
    expect(b.caption).toBe('审图号：GS(2099)0000号');
  });

  it('does not mutate its input', () => {
    const input = file();
    const copy = structuredClone(input);
    reduceBoundary(input, { property: 'name', joinOn: 'name' });
    expect(input).toEqual(copy);
  });
});

describe('readBoundary', () => {
  const good = (): DocumentBoundary => reduceBoundary(file(), { property: 'name', joinOn: 'name' }, '审图号');

  it('reads back what reduceBoundary made', () => {
    expect(readBoundary(JSON.parse(JSON.stringify(good())))).toEqual(good());
  });

  const bad: [string, (b: Record<string, unknown>) => unknown][] = [
    ['not an object', () => [1]],
    ['unknown join', (b) => ({ ...b, joinOn: 'adcode' })],
    ['caption not text', (b) => ({ ...b, caption: 5 })],
    ['shapes not a list', (b) => ({ ...b, shapes: {} })],
    ['empty key', (b) => ({ ...b, shapes: [{ key: '', geometry: (b.shapes as { geometry: unknown }[])[0].geometry }] })],
    ['a point that is not a number', (b) => ({ ...b, shapes: [{ key: 'a', geometry: { type: 'Polygon', coordinates: [[[1, '2']]] } }] })],
    ['an infinite coordinate', (b) => ({ ...b, shapes: [{ key: 'a', geometry: { type: 'Polygon', coordinates: [[[1, Infinity]]] } }] })],
    ['an unknown geometry', (b) => ({ ...b, shapes: [{ key: 'a', geometry: { type: 'Point', coordinates: [1, 2] } }] })],
    ['too many shapes', (b) => ({ ...b, shapes: Array.from({ length: MAX_BOUNDARY_SHAPES + 1 }, () => (b.shapes as unknown[])[0]) })],
    ['too many points', (b) => ({ ...b, shapes: [{ key: 'a', geometry: { type: 'Polygon', coordinates: [Array.from({ length: 1_000_001 }, () => [1, 2])] } }] })],
  ];
  it.each(bad)('refuses %s', (_name, change) => {
    expect(readBoundary(change(JSON.parse(JSON.stringify(good()))))).toBeUndefined();
  });

  it('keeps a key named __proto__ as data and drops unknown fields', () => {
    const raw = JSON.parse(
      '{"joinOn":"name","extra":1,"__proto__":{"polluted":1},"shapes":[{"key":"__proto__","more":2,"geometry":{"type":"Polygon","coordinates":[[[1,2],[3,4],[5,6]]]}}]}',
    );
    const b = readBoundary(raw)!;
    expect(b.shapes[0].key).toBe('__proto__');
    expect(Object.keys(b)).toEqual(['joinOn', 'shapes']);
    expect(Object.keys(b.shapes[0])).toEqual(['key', 'geometry']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(boundaryGeoJson(b).features[0].properties.name).toBe('__proto__');
  });
});

describe('boundaryPoints', () => {
  it('counts every point of polygons and multipolygons after reduction', () => {
    // 道里区: 5 points, one merged by rounding → 4; 南岗区: 4.
    expect(boundaryPoints(reduceBoundary(file(), { property: 'name', joinOn: 'name' }))).toBe(8);
  });
});
