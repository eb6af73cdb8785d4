/**
 * Decks as data: what each slide of a deck is, and the edits a deck editor makes (reorder,
 * duplicate), as pure functions returning new values.
 */
import type { ViewSpec } from '../../domain/types';
import type { Deck, DeckSlide, SavedView, SavedViewMap } from '../../store';
import type { LedgerSlideShow, LedgerSlideSource } from '../../ledger/slide-snapshot';
import { withCurrentKind } from '../../export/view-spec';
import type { SlideMap } from '../../views/slides';

/**
 * A view as a slide draws it (a saved view, or one kept inline in the deck); a map view with the
 * boundary file the deck read for it (`Briefing.boundaries`).
 */
export type SlideView = Omit<SavedView, 'id'> & { id?: string; boundary?: SlideMap };

/** What one slide shows, resolved against the saved views. */
export type ResolvedSlide =
  | { kind: 'title'; view: SlideView }
  | { kind: 'chart'; view: SlideView }
  | { kind: 'kpi'; view: SlideView }
  | { kind: 'pair'; view: SlideView; right: SlideView }
  | { kind: 'ledger'; show: LedgerSlideShow; ledgerId: string; source: LedgerSlideSource }
  | { kind: 'missing' };

/**
 * Whether a view is drawn as a big number rather than a chart.
 * @example isKpiView({ name: 'a', spec: { version: 1, kind: 'overview', indicator: 'x' } }) // true
 */
export function isKpiView(view: SlideView): boolean {
  return view.slideKind === 'kpi' || view.spec.kind === 'overview';
}

/**
 * A stored view as today's code reads it: its spec under today's kind names (a view saved when
 * the overview was called `kpi` is an overview). The same object when nothing changed.
 * @example currentView({ id: 'v1', name: 'a', spec: { version: 1, kind: 'kpi', indicator: 'x' } }).spec.kind // 'overview'
 */
export function currentView<V extends SlideView>(view: V): V {
  const spec = withCurrentKind(view.spec);
  return spec === view.spec ? view : { ...view, spec };
}

/**
 * A stored deck as today's code reads it (a copy): the views kept inline in its slides under today's kind names.
 * @example currentDeck({ id: 'd1', name: '汇报', slides: [{ view: oldKpiView }] }).slides[0].view.spec.kind // 'overview'
 */
export function currentDeck(deck: Deck): Deck {
  return { ...deck, slides: deck.slides.map((s) => ('view' in s ? { ...s, view: currentView(s.view) } : s)) };
}

function pairOf(slide: DeckSlide): string | undefined {
  return 'viewId' in slide ? slide.pairViewId : undefined;
}

/**
 * Resolve a deck slide: a title, a chart, a KPI, two views side by side, a ledger's slide (from
 * the ledgers read for the deck), or a view or ledger since deleted.
 * @example resolveSlide({ viewId: 'v1' }, new Map([['v1', view]])).kind // 'chart'
 */
export function resolveSlide(
  slide: DeckSlide,
  views: ReadonlyMap<string, SavedView>,
  ledgers: ReadonlyMap<string, LedgerSlideSource> = new Map(),
): ResolvedSlide {
  if ('ledger' in slide) {
    const source = ledgers.get(slide.ledger.id);
    return source ? { kind: 'ledger', show: slide.ledger.show, ledgerId: slide.ledger.id, source } : { kind: 'missing' };
  }
  if ('view' in slide) {
    const view = slide.view;
    return view.slideKind === 'text' ? { kind: 'title', view } : { kind: isKpiView(view) ? 'kpi' : 'chart', view };
  }
  const view = views.get(slide.viewId);
  if (!view) return { kind: 'missing' };
  const pairId = pairOf(slide);
  if (pairId !== undefined) {
    const right = views.get(pairId);
    return right ? { kind: 'pair', view, right } : { kind: 'missing' };
  }
  if (view.slideKind === 'text') return { kind: 'title', view };
  return { kind: isKpiView(view) ? 'kpi' : 'chart', view };
}

/**
 * The presenter notes of a slide (both views' notes on a comparison slide).
 * @example slideNotes({ kind: 'chart', view: { name: 'a', spec, notes: '先讲结论' } }) // '先讲结论'
 */
export function slideNotes(slide: ResolvedSlide): string {
  if (slide.kind === 'missing' || slide.kind === 'ledger') return '';
  const notes = [slide.view.notes, slide.kind === 'pair' ? slide.right.notes : undefined];
  return notes.filter((n): n is string => !!n && n.trim() !== '').join('\n\n');
}

/**
 * The heading of a slide: the view's title, else its name.
 * @example slideTitle({ name: '趋势', title: '', spec }) // '趋势'
 */
export function slideTitle(view: SlideView): string {
  return view.title?.trim() || view.name;
}

/**
 * The slides with one moved from `from` to `to` (drag and drop, or the up/down buttons).
 * @example moveSlide([a, b, c], 0, 2) // [b, c, a]
 */
export function moveSlide<T>(slides: readonly T[], from: number, to: number): T[] {
  const copy = [...slides];
  if (from < 0 || from >= copy.length || to < 0 || to >= copy.length || from === to) return copy;
  const [moved] = copy.splice(from, 1);
  copy.splice(to, 0, moved as T);
  return copy;
}

/**
 * A copy of a deck under a new id and name; slides are copied, so editing one deck leaves the other.
 * @example duplicateDeck(deck, 'd2', '季度汇报（副本）').slides.length === deck.slides.length
 */
export function duplicateDeck(deck: Deck, id: string, name: string): Deck {
  return { id, name, slides: deck.slides.map((s) => JSON.parse(JSON.stringify(s)) as typeof s) };
}

/**
 * A title slide, kept inline in the deck. The spec is the indicator the deck is about, so the
 * slide still satisfies the store's saved-view shape; a title slide draws no chart from it.
 * @example titleSlide('2024年工作汇报', '生态环境局', '', spec)
 */
export function titleSlide(title: string, subtitle: string, notes: string, spec: ViewSpec): DeckSlide {
  return { view: { name: title, title, subtitle, notes, spec, slideKind: 'text' } };
}

/**
 * A comparison slide: two saved views side by side.
 * @example pairSlide('v1', 'v2') // { viewId: 'v1', pairViewId: 'v2' }
 */
export function pairSlide(leftViewId: string, rightViewId: string): DeckSlide {
  return { viewId: leftViewId, pairViewId: rightViewId };
}

/**
 * A ledger's summary or board slide.
 * @example ledgerSlide('l1', 'summary') // { ledger: { id: 'l1', show: 'summary' } }
 */
export function ledgerSlide(ledgerId: string, show: LedgerSlideShow): DeckSlide {
  return { ledger: { id: ledgerId, show } };
}

/**
 * The ledgers a deck's slides show, so their tasks are read before presenting.
 * @example ledgersOf([{ ledger: { id: 'l1', show: 'board' } }, { viewId: 'v1' }]) // ['l1']
 */
export function ledgersOf(slides: readonly DeckSlide[]): string[] {
  return [...new Set(slides.flatMap((s) => ('ledger' in s ? [s.ledger.id] : [])))];
}

/**
 * Saved views by id, for `resolveSlide`.
 * @example viewsById([view]).get(view.id) === view
 */
export function viewsById(views: readonly SavedView[]): ReadonlyMap<string, SavedView> {
  return new Map(views.map((v) => [v.id, v]));
}

/**
 * The indicators a deck's slides draw, so their observations are loaded before presenting.
 * @example indicatorsOf([{ kind: 'chart', view }]) // ['PM10平均浓度']
 */
export function indicatorsOf(slides: readonly ResolvedSlide[]): string[] {
  const wanted = new Set<string>();
  for (const s of slides) {
    if (s.kind === 'chart' || s.kind === 'kpi' || s.kind === 'pair') wanted.add(s.view.spec.indicator);
    if (s.kind === 'pair') wanted.add(s.right.spec.indicator);
  }
  return [...wanted];
}

/**
 * The boundary files a deck's map slides are drawn on (one entry per file), so they are read before presenting.
 * @example mapsOf([{ kind: 'chart', view: { name: 'a', spec: { version: 1, kind: 'map', indicator: 'x' }, map } }]) // [map]
 */
export function mapsOf(slides: readonly ResolvedSlide[]): SavedViewMap[] {
  const byId = new Map<string, SavedViewMap>();
  for (const s of slides) {
    if (s.kind !== 'chart' && s.kind !== 'pair') continue;
    for (const v of s.kind === 'pair' ? [s.view, s.right] : [s.view]) if (v.spec.kind === 'map' && v.map) byId.set(v.map.id, v.map);
  }
  return [...byId.values()];
}

/**
 * Whether a slide shows 按地区 (one region across every indicator), whose data is every indicator's.
 * @example showsRegion({ kind: 'chart', view: { name: 'a', spec: { version: 1, kind: 'region', indicator: 'x', regions: ['道里区'] } } }) // true
 */
export function showsRegion(slide: ResolvedSlide): boolean {
  if (slide.kind !== 'chart' && slide.kind !== 'pair') return false;
  return slide.view.spec.kind === 'region' || (slide.kind === 'pair' && slide.right.spec.kind === 'region');
}

/**
 * The address of a deck at a slide (1-based): `?page=briefing&deck=<id>&slide=<n>`, plus
 * `present=1` to open presenting or `presenter=1` for the presenter window.
 * @example briefingLink('/', 'd1', 3, 'present') // '/?page=briefing&deck=d1&slide=3&present=1'
 */
export function briefingLink(pathname: string, deckId: string | undefined, slide: number, mode?: 'present' | 'presenter'): string {
  const params = new URLSearchParams({ page: 'briefing' });
  if (deckId) params.set('deck', deckId);
  params.set('slide', String(slide));
  if (mode) params.set(mode, '1');
  return `${pathname}?${params}`;
}
