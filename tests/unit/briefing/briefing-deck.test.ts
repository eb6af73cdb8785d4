import { describe, expect, it } from 'vitest';
import {
  briefingLink,
  duplicateDeck,
  indicatorsOf,
  mapsOf,
  viewsById,
  moveSlide,
  pairSlide,
  resolveSlide,
  slideNotes,
  slideTitle,
  titleSlide,
  type ResolvedSlide,
} from '../../../src/app/briefing/deck';
import type { Deck, DeckSlide, SavedView } from '../../../src/store';
import type { ViewSpec } from '../../../src/domain/types';

const spec: ViewSpec = { version: 1, kind: 'trend', indicator: 'PM10平均浓度' };
const trend: SavedView = { id: 'v1', name: '趋势', spec, title: 'PM10 逐年下降', notes: '先讲结论' };
const kpi: SavedView = { id: 'v2', name: '指标', spec: { ...spec, kind: 'comparison' }, slideKind: 'kpi', notes: '再讲原因' };
const kpiKind: SavedView = { id: 'v3', name: '卡片', spec: { ...spec, kind: 'overview' } };
const views = new Map([trend, kpi, kpiKind].map((v) => [v.id, v]));

describe('resolveSlide', () => {
  it.each<[string, DeckSlide, ResolvedSlide['kind']]>([
    ['a chart view', { viewId: 'v1' }, 'chart'],
    ['a view shown as KPI', { viewId: 'v2' }, 'kpi'],
    ['a KPI view kind', { viewId: 'v3' }, 'kpi'],
    ['a deleted view', { viewId: 'gone' }, 'missing'],
    ['a title slide', titleSlide('2024年汇报', '生态环境局', '', spec), 'title'],
    ['an inline chart', { view: { name: '内联', spec } }, 'chart'],
    ['two views side by side', pairSlide('v1', 'v2'), 'pair'],
    ['a pair with a deleted view', pairSlide('v1', 'gone'), 'missing'],
  ])('%s', (_, slide, kind) => {
    expect(resolveSlide(slide, views).kind).toBe(kind);
  });

  it('a pair has the left and right views', () => {
    const r = resolveSlide(pairSlide('v1', 'v2'), views);
    expect(r.kind === 'pair' && [r.view.id, r.right.id]).toEqual(['v1', 'v2']);
  });

  it('a key named __proto__ resolves as missing, not as an object prototype', () => {
    expect(resolveSlide({ viewId: '__proto__' }, views).kind).toBe('missing');
  });

  it('does not mutate its input', () => {
    const slide = pairSlide('v1', 'v2');
    const before = structuredClone(slide);
    resolveSlide(slide, views);
    expect(slide).toEqual(before);
  });
});

describe('slideNotes and slideTitle', () => {
  it('joins both notes of a pair', () => {
    expect(slideNotes(resolveSlide(pairSlide('v1', 'v2'), views))).toBe('先讲结论\n\n再讲原因');
  });
  it('is empty for a missing slide', () => {
    expect(slideNotes({ kind: 'missing' })).toBe('');
  });
  it.each([
    [trend, 'PM10 逐年下降'],
    [{ ...trend, title: '  ' }, '趋势'],
    [kpiKind, '卡片'],
  ])('title of %j', (view, expected) => {
    expect(slideTitle(view)).toBe(expected);
  });
});

describe('moveSlide', () => {
  it.each([
    [['a', 'b', 'c'], 0, 2, ['b', 'c', 'a']],
    [['a', 'b', 'c'], 2, 0, ['c', 'a', 'b']],
    [['a', 'b', 'c'], 1, 2, ['a', 'c', 'b']],
    [['a', 'b', 'c'], 1, 1, ['a', 'b', 'c']],
    [['a', 'b', 'c'], 0, 5, ['a', 'b', 'c']],
    [['a', 'b', 'c'], -1, 0, ['a', 'b', 'c']],
  ])('%j from %i to %i', (slides, from, to, expected) => {
    expect(moveSlide(slides, from, to)).toEqual(expected);
  });

  it('does not mutate its input', () => {
    const slides = ['a', 'b', 'c'];
    moveSlide(slides, 0, 2);
    expect(slides).toEqual(['a', 'b', 'c']);
  });
});

describe('duplicateDeck', () => {
  const deck: Deck = { id: 'd1', name: '季度汇报', slides: [{ viewId: 'v1' }, titleSlide('标题', '', '', spec)] };

  it('copies the slides under a new id and name', () => {
    const copy = duplicateDeck(deck, 'd2', '季度汇报（副本）');
    expect(copy).toEqual({ id: 'd2', name: '季度汇报（副本）', slides: deck.slides });
  });

  it('does not mutate its input, and the copy is independent', () => {
    const before = structuredClone(deck);
    const copy = duplicateDeck(deck, 'd2', 'x');
    (copy.slides[1] as { view: { title?: string } }).view.title = 'changed';
    expect(deck).toEqual(before);
  });
});

describe('indicatorsOf', () => {
  it('lists each indicator once, both sides of a pair, none for titles', () => {
    const other: SavedView = { id: 'v4', name: 'x', spec: { ...spec, indicator: '优良天数' } };
    const all = new Map([...views, ['v4', other]]);
    const slides = [{ viewId: 'v1' }, pairSlide('v2', 'v4'), titleSlide('t', '', '', { ...spec, indicator: '不画' })].map((s) =>
      resolveSlide(s, all),
    );
    expect(indicatorsOf(slides)).toEqual(['PM10平均浓度', '优良天数']);
  });
});

describe('mapsOf', () => {
  const file = (id: string) => ({ id, name: `边界${id}`, joinOn: 'code' as const, property: 'adcode' });
  const map = (id: string, m?: ReturnType<typeof file>): SavedView => ({ id, name: id, spec: { ...spec, kind: 'map' }, ...(m ? { map: m } : {}) });
  const all = new Map([...views, ...[map('m1', file('f1')), map('m2', file('f1')), map('m3', file('f2')), map('m4')].map((v) => [v.id, v] as const)]);

  it.each<[string, DeckSlide[], string[]]>([
    ['a deck without maps reads none', [{ viewId: 'v1' }, pairSlide('v1', 'v2')], []],
    ['each file once, from both sides of a pair', [{ viewId: 'm1' }, pairSlide('v1', 'm2'), pairSlide('m3', 'v1')], ['f1', 'f2']],
    ['a map view saved without a file names none', [{ viewId: 'm4' }], []],
  ])('%s', (_, slides, ids) => {
    expect(mapsOf(slides.map((s) => resolveSlide(s, all))).map((m) => m.id)).toEqual(ids);
  });

  it('does not change the slides', () => {
    const slides = [{ viewId: 'm1' }].map((s) => resolveSlide(s, all));
    const before = JSON.stringify(slides);
    mapsOf(slides);
    expect(JSON.stringify(slides)).toBe(before);
  });
});

describe('viewsById', () => {
  it('finds views by id', () => {
    expect(viewsById([trend, kpi]).get('v2')).toBe(kpi);
  });
});

describe('briefingLink', () => {
  it.each<[string | undefined, number, 'present' | 'presenter' | undefined, string]>([
    ['d1', 3, 'present', '/?page=briefing&deck=d1&slide=3&present=1'],
    ['d1', 1, 'presenter', '/?page=briefing&deck=d1&slide=1&presenter=1'],
    [undefined, 1, undefined, '/?page=briefing&slide=1'],
    ['a&b=c', 2, undefined, '/?page=briefing&deck=a%26b%3Dc&slide=2'],
  ])('%s slide %i %s', (deck, slide, mode, expected) => {
    expect(briefingLink('/', deck, slide, mode)).toBe(expected);
  });
});
