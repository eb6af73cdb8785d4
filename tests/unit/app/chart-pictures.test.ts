import { describe, expect, it } from 'vitest';
import { pictureKey, readKept, type Picture } from '../../../src/app/chart-pictures';
import { onFirstScreen } from '../../../src/app/chart-pictures-take';

const KEY = pictureKey({ search: '?view=kpi&ind=PM10', width: 1920, height: 1080, dpr: 1, look: 'light,good-green,zh', build: 'index-a1.js' });
const good: Picture = { testid: 'trend-chart', src: 'data:image/webp;base64,UklGRhIAAABXRUJQ', left: 316, top: 400, width: 1584, height: 420 };
const kept = (pictures: unknown[], key = KEY) => JSON.stringify({ key, pictures });

describe('pictureKey', () => {
  it.each([
    ['another view', { search: '?view=kpi&ind=%E5%8E%8B%E9%87%87%E9%87%8F' }],
    ['another window size', { width: 1024, height: 768 }],
    ['another pixel ratio', { dpr: 2 }],
    ['another look (dark theme)', { look: 'dark,good-green,zh' }],
    ['another build', { build: 'index-b2.js' }],
  ])('differs for %s', (_, change) => {
    const base = { search: '?view=kpi&ind=PM10', width: 1920, height: 1080, dpr: 1, look: 'light,good-green,zh', build: 'index-a1.js' };
    expect(pictureKey({ ...base, ...change })).not.toBe(KEY);
    expect(pictureKey(base)).toBe(KEY);
  });
});

describe('readKept', () => {
  it('gives the pictures taken under the same key', () => {
    expect(readKept(kept([good]), KEY)).toEqual([good]);
  });

  it.each([
    ['nothing kept', null],
    ['not JSON', '{"key":'],
    ['JSON null', 'null'],
    ['another key', kept([good], 'other')],
    ['pictures not a list', JSON.stringify({ key: KEY, pictures: { 0: good } })],
  ])('gives none for %s', (_, text) => {
    expect(readKept(text, KEY)).toEqual([]);
  });

  it.each([
    ['a remote image', { ...good, src: 'https://example.com/x.png' }],
    ['a script URL', { ...good, src: 'javascript:alert(1)' }],
    ['a PNG (pictures are WebP)', { ...good, src: 'data:image/png;base64,iVBORw0KGgo=' }],
    ['an SVG (it could carry script)', { ...good, src: 'data:image/svg+xml;base64,PHN2Zz4=' }],
    ['no size', { ...good, width: 0 }],
    ['a position that is not a number', { ...good, top: '0; background:url(x)' }],
    ['an infinite position', { ...good, left: Infinity }],
    ['a testid that is not text', { ...good, testid: { toString: 1 } }],
    ['__proto__ as the record', JSON.parse('{"__proto__": {"src": "data:image/webp;base64,AA=="}}')],
  ])('drops a picture with %s', (_, bad) => {
    expect(readKept(kept([bad, good]), KEY)).toEqual([good]);
  });

  it('keeps at most four pictures', () => {
    expect(readKept(kept(Array.from({ length: 9 }, () => good)), KEY)).toHaveLength(4);
  });
});

describe('onFirstScreen', () => {
  const viewport = { width: 1920, height: 1080 };
  const at = (top: number, left = 0, height = 420, width = 800) => ({ top, left, height, width });

  it.each([
    ['a chart below the first screen', [at(1100)], []],
    ['a chart partly on it', [at(900)], [at(900)]],
    ['a hidden chart (no size)', [at(100, 0, 0)], []],
    ['charts in reading order', [at(600, 900), at(600, 0), at(100)], [at(100), at(600, 0), at(600, 900)]],
    ['at most four', [at(0), at(100), at(200), at(300), at(400)], [at(0), at(100), at(200), at(300)]],
  ])('%s', (_, charts, expected) => {
    expect(onFirstScreen(charts, viewport)).toEqual(expected);
  });
});
