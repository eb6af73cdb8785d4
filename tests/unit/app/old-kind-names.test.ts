/**
 * Saved views and decks stored before the overview was renamed (`kpi` → `overview`) read as
 * overviews; everything else is read as it was stored.
 */
import { describe, expect, it } from 'vitest';
import { currentDeck, currentView, isKpiView, resolveSlide } from '../../../src/app/briefing/deck';
import type { Deck, SavedView } from '../../../src/store';
import type { ViewSpec } from '../../../src/domain/types';

// A view as it was stored: the kind's old name is outside today's ViewKind.
const oldSpec = { version: 1, kind: 'kpi', indicator: '压采量', regions: ['道里区'] } as unknown as ViewSpec;
const old: SavedView = { id: 'v1', name: '压采量', spec: oldSpec };
const trend: SavedView = { id: 'v2', name: '趋势', spec: { version: 1, kind: 'trend', indicator: '压采量' } };

describe('currentView', () => {
  it.each<[string, SavedView, ViewSpec['kind']]>([
    ['a view stored as kpi', old, 'overview'],
    ['a view of a current kind', trend, 'trend'],
  ])('reads %s', (_, view, kind) => {
    expect(currentView(view).spec.kind).toBe(kind);
  });

  it('keeps everything else of the view, and draws an old kpi view as a KPI slide', () => {
    const read = currentView(old);
    expect(read).toEqual({ ...old, spec: { ...oldSpec, kind: 'overview' } });
    expect(isKpiView(read)).toBe(true);
    expect(resolveSlide({ viewId: 'v1' }, new Map([['v1', read]])).kind).toBe('kpi');
  });

  it('returns the same view when nothing changed, and never changes its input', () => {
    expect(currentView(trend)).toBe(trend);
    const before = JSON.stringify(old);
    currentView(old);
    expect(JSON.stringify(old)).toBe(before);
  });
});

describe('currentDeck', () => {
  const deck: Deck = { id: 'd1', name: '汇报', slides: [{ viewId: 'v2' }, { view: { name: '内嵌', spec: oldSpec } }] };

  it('reads the views kept inline in a deck under today names, and leaves references alone', () => {
    const read = currentDeck(deck);
    expect(read.slides[0]).toEqual({ viewId: 'v2' });
    expect('view' in read.slides[1]! && read.slides[1].view.spec.kind).toBe('overview');
  });

  it('never changes its input', () => {
    const before = JSON.stringify(deck);
    currentDeck(deck);
    expect(JSON.stringify(deck)).toBe(before);
  });
});
