import { describe, expect, it } from 'vitest';
import { checkGeometries, jsonDepth, MAX_DEPTH } from '../../../src/app/dashboard/boundary-check';
import { parseBoundary } from '../../../src/app/dashboard/boundary';

const ring = (first: unknown) => [[first, [127, 45], [127, 46], [126, 46], [126, 45]]];
const polygon = (first: unknown = [126, 45]) => ({ type: 'Polygon', coordinates: ring(first) });
const fc = (...geometries: unknown[]) =>
  JSON.stringify({ type: 'FeatureCollection', features: geometries.map((geometry, i) => ({ type: 'Feature', properties: { name: `区${i}` }, geometry })) });

describe('jsonDepth', () => {
  it.each([
    ['flat', '[]', 1],
    ['nested', '{"a":[[1,{"b":2}]]}', 4],
    ['brackets in strings do not count', '{"a":"[[[[{{{"}', 1],
    ['escaped quotes stay in the string', '{"a":"\\"[[["}', 1],
    ['stops past the limit', '['.repeat(200_000), MAX_DEPTH + 1],
  ])('%s', (_name, text, expected) => {
    expect(jsonDepth(text)).toBe(expected);
  });
});

describe('checkGeometries', () => {
  it('keeps areas and leaves points and lines out', () => {
    expect(checkGeometries([polygon(), { type: 'Point', coordinates: [1, 2] }, null])).toEqual({ keep: [true, false, false] });
  });

  it.each([
    ['string coordinates', polygon(['126', '45']), '"126"'],
    ['a null coordinate (Infinity in JSON.stringify)', polygon([null, 45]), 'null'],
    ['an infinite coordinate', polygon([Infinity, 45]), 'Infinity'],
    ['a position that is an array of arrays', polygon([[126, 45]]), '[…]'],
    ['coordinates that are not an array', { type: 'MultiPolygon', coordinates: 'x' }, '"x"'],
  ])('%s is refused, naming the feature and the value', (_name, geometry, value) => {
    const r = checkGeometries([polygon(), geometry]);
    expect(r).toMatchObject({ error: 'views.map.badCoordinates', params: { n: 2 } });
    expect('error' in r && String(r.params.value)).toContain(value);
  });

  it('names the types found when there is no area', () => {
    expect(checkGeometries([{ type: 'Point', coordinates: [1, 2] }, { type: 'LineString', coordinates: [] }])).toEqual({
      error: 'views.map.noAreas',
      params: { types: 'Point、LineString' },
    });
  });

  it('does not mutate its input', () => {
    const input = [polygon()];
    const copy = JSON.parse(JSON.stringify(input));
    checkGeometries(input);
    expect(input).toEqual(copy);
  });
});

describe('parseBoundary refuses what would break the map', () => {
  it.each([
    ['string coordinates', fc(polygon(['126', '45'])), 'views.map.badCoordinates'],
    ['infinite coordinates (1e999)', fc(polygon([0, 45])).replace('[[[0,', '[[[1e999,'), 'views.map.badCoordinates'],
    ['points only', fc({ type: 'Point', coordinates: [126, 45] }), 'views.map.noAreas'],
    ['200,000-deep nesting', `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${'['.repeat(200_000)}${']'.repeat(200_000)}}}]}`, 'views.map.tooDeep'],
    ['TopoJSON with broken arcs', '{"type":"Topology","arcs":[5],"objects":{"a":{"type":"Polygon","arcs":[[0]]}}}', 'views.map.notBoundary'],
  ])('%s', (_name, text, error) => {
    const r = parseBoundary(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toBe(error);
  });

  it('keeps the areas of a file that also has points', () => {
    const r = parseBoundary(fc(polygon(), { type: 'Point', coordinates: [126, 45] }));
    expect(r.ok && r.geojson.features.length).toBe(1);
  });
});
