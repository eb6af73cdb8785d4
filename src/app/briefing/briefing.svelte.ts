/**
 * Briefing state: saved views, decks, the deck being edited or presented, the current slide, and
 * the link to the presenter window. The address bar holds `?page=briefing&deck=<id>&slide=<n>`
 * (plus `present=1` or `presenter=1`), so a deck opens from a link.
 */
import type { Indicator } from '../../domain/types';
import type { Locale } from '../../domain/messages';
import { labelRegions, labelTargets, type RegionIdentity } from '../../analysis/region-identity';
import { chosenDatasets, rowsInOrder, type DatasetFacts } from '../../analysis/dataset-choice';
import type { ViewData } from '../../views/build-view';
import * as store from '../../store';
import type { Deck, DeckSlide, SavedView, StoredObservation } from '../../store';
import {
  briefingLink,
  currentDeck,
  currentView,
  showsRegion,
  duplicateDeck,
  indicatorsOf,
  ledgersOf,
  mapsOf,
  moveSlide,
  resolveSlide,
  viewsById,
  type ResolvedSlide,
  type SlideView,
} from './deck';
import { interpretKey, nextIndex, type KeyAction } from './keys';
import { BRIEFING_CHANNEL, parseSyncMessage } from './sync';
import { takeOpeningAddress } from './opening';
import { SAMPLE_VIEW_PREFIX } from './sample';
import type { LedgerSlideSource } from '../../ledger/slide-snapshot';
import type { DeckBoundary } from './slide-boundaries';

/** What a slide's data needs from the workspace. */
export interface WorkspaceLists {
  indicators: readonly Indicator[];
  regionIdentity: RegionIdentity;
  /** With their names, which head a 按地区 slide's groups. */
  datasets: readonly (DatasetFacts & { name?: string })[];
}

export class Briefing {
  private readonly opened = takeOpeningAddress();
  views = $state.raw<SavedView[]>([]);
  decks = $state.raw<Deck[]>([]);
  deckId = $state<string | undefined>(this.opened.get('deck') ?? undefined);
  /** 0-based slide index. */
  index = $state(Math.max(0, (Number.parseInt(this.opened.get('slide') ?? '1', 10) || 1) - 1));
  presenting = $state(this.opened.get('present') === '1');
  /** This window is the presenter console (current and next slide, notes, clock). */
  readonly console = this.opened.get('presenter') === '1';
  blank = $state(false);
  /** Digits typed towards a jump. */
  pending = $state('');
  loaded = $state(false);
  /** Observations by indicator, for the indicators the current deck shows. */
  series = $state.raw<Readonly<Record<string, StoredObservation[]>>>(Object.create(null));
  /** The ledgers the current deck's ledger slides show, read for today. */
  ledgers = $state.raw<ReadonlyMap<string, LedgerSlideSource>>(new Map());
  /** The boundary files the current deck's map slides are drawn on, by map id (a deleted one is absent). */
  boundaries = $state.raw<ReadonlyMap<string, DeckBoundary>>(new Map());

  readonly deck: Deck | undefined;
  readonly slides: ResolvedSlide[];

  private readonly sender = store.newId('w');
  private channel: BroadcastChannel | undefined;

  constructor() {
    this.deck = $derived(this.decks.find((d) => d.id === this.deckId));
    this.slides = $derived.by(() => {
      const byId = viewsById(this.views);
      return (this.deck?.slides ?? []).map((s) => this.withBoundaries(resolveSlide(s, byId, this.ledgers)));
    });
  }

  /** Read views and decks, then the observations the current deck needs. */
  async reload(): Promise<void> {
    const [views, decks] = await Promise.all([store.getViews(), store.getDecks()]);
    // Stored before a kind was renamed (the overview was `kpi`): read under today's names.
    this.views = views.map(currentView);
    this.decks = decks.map(currentDeck);
    if (this.deckId && !decks.some((d) => d.id === this.deckId)) this.deckId = undefined;
    await Promise.all([this.loadSeries(), this.loadLedgers(), this.loadBoundaries()]);
    this.index = nextIndex(this.index, this.slides.length, { type: 'none' });
    this.loaded = true;
  }

  private async loadSeries(): Promise<void> {
    // Indicator names come from files: a null-prototype record keeps `__proto__` an ordinary key.
    const next: Record<string, StoredObservation[]> = Object.assign(Object.create(null), this.series);
    const wanted = indicatorsOf(this.slides);
    // A 按地区 slide shows its region's card of every indicator.
    if (this.slides.some(showsRegion)) wanted.push(...(await store.getIndicators()).map((i) => i.name));
    for (const indicator of wanted) {
      if (!(indicator in next)) next[indicator] = await store.getSeries({ indicator });
    }
    this.series = next;
  }

  /** Read the ledgers of the deck's ledger slides again (they change as the ledger is kept). */
  private async loadLedgers(): Promise<void> {
    const ids = ledgersOf(this.deck?.slides ?? []);
    this.ledgers = ids.length === 0 ? new Map() : await (await import('../ledger/deck-ledgers')).readDeckLedgers(ids);
  }

  /**
   * Read the boundary files of the deck's map slides. Their reader loads only for a deck that has
   * a map slide (initial-JS budget).
   */
  private async loadBoundaries(): Promise<void> {
    const maps = mapsOf(this.slides);
    this.boundaries = maps.length === 0 ? new Map() : await (await import('./slide-boundaries')).readDeckBoundaries(maps);
  }

  /** A map slide's view with its boundary file as read (or, deleted, its name alone). */
  private withBoundaries(slide: ResolvedSlide): ResolvedSlide {
    const drawn = (view: SlideView): SlideView =>
      view.spec.kind === 'map' && view.map ? { ...view, boundary: { file: view.map.name, loaded: this.boundaries.get(view.map.id)?.loaded } } : view;
    if (slide.kind !== 'chart' && slide.kind !== 'pair') return slide;
    const view = drawn(slide.view);
    if (slide.kind === 'chart') return view === slide.view ? slide : { ...slide, view };
    const right = drawn(slide.right);
    return view === slide.view && right === slide.right ? slide : { ...slide, view, right };
  }

  /** Forget loaded observations (after an import) so slides show the stored data. */
  async refreshData(): Promise<void> {
    this.series = Object.create(null);
    await this.reload();
  }

  /**
   * What a slide view draws from: its indicator and observations (of its datasets, if chosen).
   * @example briefing.dataFor(view, ws, 'zh')?.observations.length
   */
  dataFor(view: SlideView, workspace: WorkspaceLists, locale: Locale): ViewData | undefined {
    if (view.spec.kind === 'region') return this.regionDataFor(view, workspace, locale);
    const indicator = workspace.indicators.find((i) => i.name === view.spec.indicator);
    const rows = view.spec.indicator in this.series ? this.series[view.spec.indicator] : undefined;
    if (!indicator || !rows) return undefined;
    // As on the dashboard: the user's own datasets unless the view names others, the newest
    // import's value first. The sample deck's views are of the sample, whatever else is stored.
    const ofSample = !view.spec.datasets?.length && view.id?.startsWith(SAMPLE_VIEW_PREFIX) === true;
    const named = ofSample ? workspace.datasets.filter((d) => d.isSample).map((d) => d.id) : view.spec.datasets;
    const chosen = rowsInOrder(rows, chosenDatasets(named, workspace.datasets));
    // Regions under their labels, as on the dashboard (哈尔滨市道里区 and 道里区 are one region).
    const identity = workspace.regionIdentity;
    return { indicator: labelTargets(indicator, identity), observations: labelRegions(chosen, identity), locale };
  }

  /**
   * What a 按地区 slide draws from: its region's rows of every indicator (of the view's datasets,
   * else the user's own), as the dashboard's tab reads them (app/dashboard/view-region.ts).
   */
  private regionDataFor(view: SlideView, workspace: WorkspaceLists, locale: Locale): ViewData | undefined {
    const region = view.spec.regions?.[0];
    const indicator = workspace.indicators.find((i) => i.name === view.spec.indicator) ?? workspace.indicators[0];
    if (region === undefined || !indicator) return undefined;
    const identity = workspace.regionIdentity;
    const ids = chosenDatasets(view.spec.datasets, workspace.datasets);
    const observations = workspace.indicators.flatMap((i) =>
      i.name in this.series ? labelRegions(rowsInOrder(this.series[i.name], ids), identity).filter((o) => o.region === region) : [],
    );
    return {
      indicator: labelTargets(indicator, identity),
      observations,
      locale,
      regionSet: {
        indicators: workspace.indicators.map((i) => labelTargets(i, identity)),
        datasets: workspace.datasets.map((d) => ({ id: d.id, name: d.name ?? d.id })),
      },
    };
  }

  // ── navigation ────────────────────────────────────────────────────────────

  /** Apply a key press; returns the action so the UI can leave full screen on `exit`. */
  key(key: string): KeyAction {
    const { action, pending } = interpretKey(key, this.pending);
    this.pending = pending;
    if (action.type === 'blank') this.setPosition(this.index, !this.blank);
    else if (action.type !== 'none' && action.type !== 'exit') this.setPosition(nextIndex(this.index, this.slides.length, action), false);
    return action;
  }

  go(index: number): void {
    this.setPosition(nextIndex(index, this.slides.length, { type: 'none' }), false);
  }

  private setPosition(index: number, blank: boolean): void {
    this.index = index;
    this.blank = blank;
    this.writeUrl();
    if (this.deckId) {
      this.channel?.postMessage({ type: 'position', deck: this.deckId, index, blank, sender: this.sender });
    }
  }

  start(index = this.index): void {
    this.presenting = true;
    this.setPosition(nextIndex(index, this.slides.length, { type: 'none' }), false);
  }

  stop(): void {
    this.presenting = false;
    this.blank = false;
    this.pending = '';
    this.writeUrl();
  }

  /** Open the deck (editing), or none. */
  select(deckId: string | undefined): void {
    this.deckId = deckId;
    this.index = 0;
    this.writeUrl();
    void this.loadSeries();
    void this.loadLedgers();
    void this.loadBoundaries();
  }

  /** The address of this deck at the current slide; `mode` adds `present=1` or `presenter=1`. */
  link(mode?: 'present' | 'presenter'): string {
    return briefingLink(location.pathname, this.deckId, this.index + 1, mode);
  }

  private writeUrl(): void {
    const url = this.link(this.console ? 'presenter' : this.presenting ? 'present' : undefined);
    if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
  }

  /**
   * Keep this window in step with the other (presenting ↔ presenter): both send their position and
   * follow the other's. Returns the disconnect function.
   */
  connect(): () => void {
    if (typeof BroadcastChannel === 'undefined') return () => {};
    const channel = new BroadcastChannel(BRIEFING_CHANNEL);
    this.channel = channel;
    channel.onmessage = (e: MessageEvent) => {
      const m = parseSyncMessage(e.data);
      if (!m || m.sender === this.sender || m.deck !== this.deckId) return;
      this.index = nextIndex(m.index, this.slides.length, { type: 'none' });
      this.blank = m.blank;
      this.writeUrl();
    };
    // A console that just opened tells the presenting window where it is (the slide in its link).
    if (this.console) this.setPosition(this.index, false);
    return () => {
      channel.close();
      this.channel = undefined;
    };
  }

  /**
   * Open the presenter console in a second window; false when the browser blocked it.
   * @example briefing.openConsole()
   */
  openConsole(): boolean {
    const opened = window.open(this.link('presenter'), 'briefing-presenter', 'popup,width=1280,height=800');
    return opened !== null;
  }

  // ── editing ───────────────────────────────────────────────────────────────

  async saveView(view: Omit<SavedView, 'id'>): Promise<SavedView> {
    const saved: SavedView = { ...view, id: store.newId('view') };
    await store.putView(saved);
    await this.reload();
    return saved;
  }

  async deleteView(id: string): Promise<void> {
    await store.deleteView(id);
    await this.reload();
  }

  async createDeck(name: string): Promise<void> {
    const deck: Deck = { id: store.newId('deck'), name, slides: [] };
    await store.putDeck(deck);
    this.deckId = deck.id;
    await this.reload();
    this.select(deck.id);
  }

  async renameDeck(name: string): Promise<void> {
    if (!this.deck || !name.trim()) return;
    await store.putDeck({ ...this.deck, name: name.trim() });
    await this.reload();
  }

  async duplicateDeck(name: string): Promise<void> {
    if (!this.deck) return;
    const copy = duplicateDeck($state.snapshot(this.deck) as Deck, store.newId('deck'), name);
    await store.putDeck(copy);
    await this.reload();
    this.select(copy.id);
  }

  async deleteDeck(): Promise<void> {
    if (!this.deck) return;
    await store.deleteDeck(this.deck.id);
    this.select(undefined);
    await this.reload();
  }

  async setSlides(slides: DeckSlide[]): Promise<void> {
    if (!this.deck) return;
    await store.putDeck({ ...this.deck, slides: slides.map((s) => $state.snapshot(s) as DeckSlide) });
    await this.reload();
  }

  async addSlide(slide: DeckSlide): Promise<void> {
    if (this.deck) await this.setSlides([...this.deck.slides, slide]);
  }

  async moveSlide(from: number, to: number): Promise<void> {
    if (this.deck) await this.setSlides(moveSlide(this.deck.slides, from, to));
  }

  async removeSlide(at: number): Promise<void> {
    if (this.deck) await this.setSlides(this.deck.slides.filter((_, i) => i !== at));
  }
}
