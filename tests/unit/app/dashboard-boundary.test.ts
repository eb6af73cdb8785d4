import { describe, expect, it } from 'vitest';
import { parseBoundary } from '../../../src/app/dashboard/boundary';
import { featureValues, guessJoin, keyedBoundary } from '../../../src/app/dashboard/boundary-join';

const square = (x: number) => [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]];
const geo = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '道里区', adcode: 230102 }, geometry: { type: 'Polygon', coordinates: square(0) } },
    { type: 'Feature', properties: { name: '无数据区', adcode: 230199 }, geometry: { type: 'Polygon', coordinates: square(1) } },
  ],
});
// Two squares sharing the edge x = 1, quantized with a transform.
const topo = JSON.stringify({
  type: 'Topology',
  transform: { scale: [0.5, 0.5], translate: [10, 20] },
  arcs: [
    [[2, 0], [0, 2]],
    [[2, 2], [-2, 0], [0, -2], [2, 0]],
    [[2, 0], [2, 0], [0, 2], [-2, 0]],
  ],
  objects: {
    regions: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], properties: { name: '道里区' } },
        { type: 'Polygon', arcs: [[2, ~0]], properties: { name: '南岗区' } },
      ],
    },
  },
});

describe('parseBoundary', () => {
  it.each([
    ['not JSON', '{', 'views.map.badJson'],
    ['JSON but not a boundary', '{"type":"Feature"}', 'views.map.notBoundary'],
    ['no features', '{"type":"FeatureCollection","features":[]}', 'views.map.notBoundary'],
    ['an array', '[]', 'views.map.notBoundary'],
  ])('%s', (_name, text, error) => {
    expect(parseBoundary(text)).toEqual({ ok: false, error });
  });

  it('reads GeoJSON features and their properties', () => {
    const r = parseBoundary(geo);
    if (!r.ok) throw new Error(r.error);
    expect(featureValues(r.geojson, 'name')).toEqual(['道里区', '无数据区']);
    expect(featureValues(r.geojson, 'adcode')).toEqual(['230102', '230199']);
  });

  it('converts TopoJSON: decodes deltas, applies the transform, reverses negative arcs', () => {
    const r = parseBoundary(topo);
    if (!r.ok) throw new Error(r.error);
    expect(featureValues(r.geojson, 'name')).toEqual(['道里区', '南岗区']);
    expect(r.geojson.features[0].geometry).toEqual({
      type: 'Polygon',
      coordinates: [[[11, 20], [11, 21], [10, 21], [10, 20], [11, 20]]],
    });
    expect(r.geojson.features[1].geometry).toEqual({
      type: 'Polygon',
      coordinates: [[[11, 20], [12, 20], [12, 21], [11, 21], [11, 20]]],
    });
  });

  it('a __proto__ property stays data', () => {
    const r = parseBoundary('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"__proto__":{"polluted":1},"name":"x"},"geometry":{"type":"Polygon","coordinates":[]}}]}');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('guessJoin', () => {
  it.each([
    ['by code when codes match', [{ name: '道里', code: '230102' }], { property: 'adcode', joinOn: 'code' }],
    ['by code when the data has 12-digit statistical codes', [{ name: '道里', code: '230102000000' }], { property: 'adcode', joinOn: 'code' }],
    ['by name when names match', [{ name: '道里区' }], { property: 'name', joinOn: 'name' }],
    ['name by default', [{ name: '别处' }], { property: 'name', joinOn: 'name' }],
  ])('%s', (_name, regions, expected) => {
    const r = parseBoundary(geo);
    if (!r.ok) throw new Error(r.error);
    expect(guessJoin(r.geojson, regions)).toEqual(expected);
  });

  it('does not mutate its input', () => {
    const r = parseBoundary(geo);
    if (!r.ok) throw new Error(r.error);
    const copy = structuredClone(r.geojson);
    guessJoin(r.geojson, [{ name: '道里区' }]);
    featureValues(r.geojson, 'name');
    expect(r.geojson).toEqual(copy);
  });
});

describe('keyedBoundary', () => {
  const parsed = () => {
    const r = parseBoundary(geo);
    if (!r.ok) throw new Error(r.error);
    return r.geojson;
  };

  it.each([
    ['numeric adcodes become text for a code join', { property: 'adcode', joinOn: 'code' as const }, '230102'],
    ['names stay names for a name join', { property: 'name', joinOn: 'name' as const }, '道里区'],
  ])('%s', (_name, join, first) => {
    const keyed = keyedBoundary(parsed(), join);
    expect(keyed.features[0].properties[join.property]).toBe(first);
    expect(typeof keyed.features[1].properties[join.property]).toBe('string');
    expect(keyed.features[0].geometry).toEqual(parsed().features[0].geometry);
  });

  it('compares numeric codes as text: featureValues of a code join are normalized', () => {
    expect(featureValues(parsed(), 'adcode', 'code')).toEqual(['230102', '230199']);
  });

  it('does not mutate its input', () => {
    const input = parsed();
    const copy = structuredClone(input);
    keyedBoundary(input, { property: 'adcode', joinOn: 'code' });
    expect(input).toEqual(copy);
  });
});
