/**
 * What the user is looking at: the page and the view spec, kept in the URL so that a shared link
 * or the back button restores it exactly, and the stored observations the view needs.
 */
import { getContext, setContext } from 'svelte';
import { VALUE_KINDS, type Indicator, type ValueKind, type ViewKind, type ViewSpec } from '../../domain/types';
import { comparePeriods } from '../../domain/period';
import { shownRegions } from '../../views/regions';
import { chartKindReady, loadChartKinds } from '../../views/chart-kind-registry';
import { latestPeriod } from '../../analysis/series';
import { distinctOf, memoOn, regionList, seedIndex } from '../../analysis/value-index';
import { labelRegions, labelTargets, regionsOf } from '../../analysis/region-identity';
import { expandRegionRules, hasRegionRule } from '../../analysis/region-drill';
import { chosenDatasets, indicatorsHeld, rowsInOrder } from '../../analysis/dataset-choice';
import { viewSpecToSearchParams } from '../../export/view-spec';
import { linkName, nameOfLink } from '../../export/name-key';
import * as store from '../../store';
import type { StoredObservation } from '../../store';
import type { Workspace } from '../workspace.svelte';
import { stable } from '../stable';
import { indicatorToShow, viewInAddress } from './view-in-address';
import { whenFirstChartDrawn } from './after-first-chart.svelte';
import { drawNextAtOnce } from './draw-at-once';

const CONTEXT = Symbol('explorer');
/** How long the page stays quiet after a load before the other values are read into memory. */
const WARM_AFTER_MS = 2000;
/**
 * How long the task that brings the page's first values may run before its trend draws in it:
 * the dashboard's first render and the chart's instance come first (~60 ms at 1M values), and no
 * one is waiting on the page for anything but that chart yet.
 */
const FIRST_AT_ONCE_MS = 150;

export type Page = 'dashboard' | 'datasets' | 'briefing' | 'ledger' | 'report';
export const PAGES: readonly Page[] = ['dashboard', 'datasets', 'briefing', 'ledger', 'report'];

export class Explorer {
  page = $state<Page>('dashboard');
  /** A first visit opens on the overview (KPI cards with the trend, comparison and rows). */
  spec = $state.raw<ViewSpec>({ version: 1, kind: 'overview', indicator: '' });
  /** Every stored observation of the loaded indicator (all regions, all periods), as stored. */
  observations = $state.raw<StoredObservation[]>([]);
  /** `observations` with each region under its label (哈尔滨市道里区 and 道里区 are one region). */
  readonly labelled: StoredObservation[];
  /**
   * The indicator `observations` belong to. It trails `spec.indicator` while a load runs, so the
   * page keeps showing one indicator's name with that indicator's data and redraws once, when
   * the new data is there, instead of drawing the new name over the old values first.
   */
  loadedIndicator = $state('');
  loading = $state(false);

  /**
   * The 按地区 tab (every indicator for one region): undefined when another tab is shown, '' for
   * the default region, else the region's name. Kept beside the spec (URL param `region`) because
   * it spans indicators, which a ViewSpec does not.
   */
  focusRegion = $state<string | undefined>(undefined);

  /** Which values to draw when an indicator has both levels and changes (同比…). */
  measure = $state<ValueKind>('level');

  /**
   * The spec of what is on screen: `spec` once its indicator's values are loaded, and until then
   * the last spec that matched the values shown. Choosing another indicator also clears a chosen
   * period and regions; applied at once to the old values, that redrew the old indicator's
   * comparison (and cards) before the new values came: 50–100 ms more per switch at 1M rows.
   * Views compute from this; controls show `spec`, the user's choice. A spec whose chart kind's
   * code has not loaded yet (柱+同比 from a link or the back button) waits for it the same way.
   */
  readonly view: ViewSpec;

  /** The indicator shown: the loaded one (see `loadedIndicator`). */
  readonly indicator: Indicator | undefined;
  /**
   * The chosen indicator's name alone: effects that load per indicator read this, so that other
   * spec changes (regions, period, tab) do not reload anything.
   */
  readonly indicatorName: string;
  /**
   * The datasets the view draws from, the one whose value wins first: those the view names, else
   * the user's own (the sample only when there are none); see analysis/dataset-choice.
   */
  readonly datasets: string[];
  /** The indicators those datasets hold: what the picker lists and a view may show. */
  readonly indicators: Indicator[];
  /** The kinds of value the chosen datasets hold for this indicator. */
  readonly kinds: ValueKind[];
  /** Observations of the chosen datasets and of one kind only: a change is never drawn as a level. */
  readonly visible: StoredObservation[];
  readonly allRegions: string[];
  readonly allPeriods: string[];
  /** The regions shown: the user's choice, else a sensible few. */
  readonly regions: string[];
  /** The period of one-period views: the user's choice, else the latest. */
  readonly period: string | undefined;

  private loadSeq = 0;
  /** Bumped when the chart kinds the first page does not draw (柱+同比, 柱+目标) have loaded. */
  private kindsArrived = $state(0);
  /** The data version (`workspace.dataVersion`) `observations` were read at. */
  private loadedVersion = -1;
  /** The timer that starts warming the value cache (warmWhenIdle). */
  private warming: ReturnType<typeof setTimeout> | undefined;
  private requested = { indicator: '', version: -1 };
  /** What waits for the next load to finish (the address after a switch). */
  private afterLoad: (() => void)[] = [];
  /** `workspace.opened` has settled: reads may be asked for synchronously (prefetch). */
  private storeOpen = false;

  constructor(private readonly workspace: Workspace) {
    void workspace.opened.then(() => (this.storeOpen = true));
    // Derived fields are declared here because they read the workspace passed in.
    this.indicatorName = $derived(this.spec.indicator);
    // A memo, not state: the last spec whose indicator was the loaded one.
    let matched = this.spec;
    this.view = $derived.by(() => {
      void this.kindsArrived;
      const values = this.spec.indicator === this.loadedIndicator || matched.indicator !== this.loadedIndicator;
      if (values && chartKindReady(this.spec.chart)) matched = this.spec;
      return matched;
    });
    this.labelled = $derived(labelRegions(this.observations, workspace.regionIdentity));
    this.indicator = $derived.by(() => {
      const found = workspace.indicators.find((i) => i.name === this.loadedIndicator);
      return found && labelTargets(found, workspace.regionIdentity);
    });
    // Wrapped in `stable` where a spec change (regions, period, tab) recomputes a value with the
    // same content: a new array would redraw every chart for nothing.
    this.datasets = $derived.by(stable(() => chosenDatasets(this.view.datasets, workspace.datasets)));
    // Of the user's choice (`spec`), not of the values shown: the list follows the filter at once.
    const listed = $derived.by(stable(() => chosenDatasets(this.spec.datasets, workspace.datasets)));
    this.indicators = $derived(indicatorsHeld(workspace.indicators, workspace.datasetIndicators, listed));
    // Deriveds are read once into locals before a loop over the values: read inside the callback,
    // a $derived was re-read per value (see RegionPicker), 10,000 times per switch at 1M rows.
    // In the order of which value wins: the views keep the first of a region × period.
    // One dataset's values only (the usual case): the list itself, so what analysis/value-index
    // finds once per list is shared by the explorer and every view, not found again for a copy.
    const inDatasets = $derived.by(() => {
      const held = distinctOf(this.labelled, 'datasetId');
      const only = held.size === 1 ? [...held][0] : undefined;
      return only !== undefined && this.datasets.includes(only) ? this.labelled : rowsInOrder(this.labelled, this.datasets);
    });
    this.kinds = $derived.by(stable(() => VALUE_KINDS.filter((k) => kindsIn(inDatasets).has(k))));
    this.visible = $derived.by(() => {
      const kind = this.kinds.includes(this.measure) ? this.measure : this.kinds[0];
      // All of one kind (the usual case): the rows themselves, not a copy (200,100 remote values).
      if (this.kinds.length === 1 && this.kinds[0] === kind) return inDatasets;
      return inDatasets.filter((o) => (o.kind ?? 'level') === kind);
    });
    // From the list's index (analysis/value-index.ts), found once per list and shared.
    this.allRegions = $derived.by(stable(() => regionList(this.visible).map((r) => r.name)));
    this.allPeriods = $derived.by(stable(() => [...distinctOf(this.visible, 'period')].sort(comparePeriods)));
    // The spec's own fields apart from the data's defaults: choosing another indicator changes the
    // spec, and must not re-run the defaults over the old indicator's values.
    // A link or saved view names regions as they were written then: read under today's labels.
    // A rule (the children of 哈尔滨市: a drill, or the picker's 全部区县) stands for the regions it chooses now.
    const chosenRegions = $derived.by(
      stable(() => {
        const named = this.view.regions ?? [];
        const plain = hasRegionRule(named) ? expandRegionRules(named, regionsOf(this.visible)) : named;
        return [...new Set(plain.map((r) => workspace.regionIdentity.label(r, undefined)))];
      }),
    );
    const chosenPeriod = $derived(this.view.period);
    // The default few, chosen where every view chooses them (views/regions.ts).
    const fallbackRegions = $derived(shownRegions(undefined, this.visible));
    // The list itself when it holds no total: its latest period is then what its index found (the
    // remote reader seeds it), where a copy of 200,100 values was filtered and its periods counted.
    const latest = $derived(
      memoOn(this.visible, 'latestNotTotal', () =>
        latestPeriod(anyTotal(this.visible) ? this.visible.filter((o) => !o.isTotal) : this.visible),
      ),
    );
    this.regions = $derived.by(
      stable(() => {
        const all = new Set(this.allRegions);
        // A long name comes from a link as its key (export/name-key): found among the regions held.
        const held = (r: string) => (all.has(r) ? r : nameOfLink(r, this.allRegions));
        return chosenRegions.length > 0 ? chosenRegions.map(held).filter((r): r is string => r !== undefined) : fallbackRegions;
      }),
    );
    this.period = $derived(chosenPeriod && this.allPeriods.includes(chosenPeriod) ? chosenPeriod : latest);
  }

  /** Read page and spec from the address bar (first load and back/forward). */
  readUrl(): void {
    const params = new URLSearchParams(location.search);
    const page = params.get('page');
    this.page = PAGES.includes(page as Page) ? (page as Page) : 'dashboard';
    const spec = viewInAddress(params);
    this.focusRegion = params.get('region') ?? undefined;
    // A 按地区 view named as a kind (a saved view's link) is the tab of its region.
    if (spec?.kind === 'region') {
      this.focusRegion = spec.regions?.[0] ?? '';
      this.spec = { ...spec, kind: 'overview', regions: undefined };
    } else if (spec) this.spec = spec;
  }

  private writeUrl(): void {
    const params = this.spec.indicator ? viewSpecToSearchParams(this.spec) : new URLSearchParams();
    if (this.page !== 'dashboard') params.set('page', this.page);
    // A long name is written as its key (export/name-key), which 按地区 finds among the regions.
    if (this.focusRegion !== undefined) params.set('region', linkName(this.focusRegion));
    const url = `${location.pathname}?${params}`;
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
  }

  go(page: Page): void {
    this.page = page;
    this.writeUrl();
  }

  /** Change part of the spec; the change becomes a history entry. */
  update(patch: Partial<Omit<ViewSpec, 'version'>>): void {
    // Choosing a tab or an indicator leaves the 按地区 tab; a dataset filter applies to it too.
    if (patch.kind !== undefined || patch.indicator !== undefined) this.focusRegion = undefined;
    this.spec = { ...this.spec, ...patch };
    if (patch.indicator === undefined) return this.writeUrl();
    // Start reading at once rather than after the page has re-rendered for the new spec: the load
    // `follow` starts then asks the store the same question and gets this read.
    this.prefetch(patch.indicator);
    // The address follows in a task after the new values have drawn: a history entry cost the
    // browser's own process ~20 ms of CPU, which on two cores slowed the switch it was part of.
    const later = () => setTimeout(() => this.writeUrl());
    const settled = !this.loading && patch.indicator === this.requested.indicator && this.workspace.dataVersion === this.requested.version;
    if (settled) later();
    else this.afterLoad.push(later);
  }

  setKind(kind: ViewKind): void {
    this.update({ kind });
  }

  /** Show the 按地区 tab for a region ('' for the default one); a history entry like other tabs. */
  focusOn(region: string): void {
    this.focusRegion = region;
    this.writeUrl();
  }

  /** Leave the 按地区 tab for one indicator's overview. */
  showIndicator(indicator: string): void {
    this.update({ kind: 'overview', indicator, regions: undefined, period: undefined });
  }

  /** Pick an indicator when none is chosen or the chosen one is gone. */
  ensureIndicator(): void {
    const indicator = indicatorToShow(
      this.indicators.map((i) => i.name),
      this.spec.indicator,
    );
    if (indicator && indicator !== this.spec.indicator) {
      // The same indicator named by its key (a long name in a link) keeps the link's regions and period.
      const same = nameOfLink(this.spec.indicator, [indicator]) === indicator;
      this.spec = same ? { ...this.spec, indicator } : { ...this.spec, indicator, regions: undefined, period: undefined };
      // Only the view's own parameters change; others (page, deck, slide…) stay in the address.
      const params = new URLSearchParams(location.search);
      for (const [key, value] of viewSpecToSearchParams(this.spec)) params.set(key, value);
      history.replaceState(null, '', `${location.pathname}?${params}`);
    } else if (!indicator && this.spec.indicator && this.workspace.ready) {
      // The chosen datasets hold no indicator (all removed): show none rather than an empty chart
      // of one that is gone. Before the workspace is read the list is empty for another reason.
      const params = new URLSearchParams(location.search);
      for (const key of viewSpecToSearchParams(this.spec).keys()) params.delete(key);
      this.spec = { ...this.spec, indicator: '', regions: undefined, period: undefined };
      history.replaceState(null, '', `${location.pathname}?${params}`);
    }
  }

  /**
   * Keep the shown values in step with the chosen indicator and the stored data: the one place
   * loads start from (a switch, a link, back and forward, a write here or in another tab). Call
   * once while a component is set up; its effects live as long as that component.
   */
  follow(): void {
    $effect(() => this.keepIndicator());
    $effect(() => this.keepValues());
    $effect(() => this.keepChartKind());
  }

  /**
   * Load the chart kind the spec names when its code is not here yet (an effect of `follow`): the
   * first page carries only the trend's and the comparison's builders (initial-JS budget).
   */
  keepChartKind(): void {
    if (chartKindReady(this.spec.chart)) return;
    // A failed load leaves the view as it was; the next change of the spec tries again.
    loadChartKinds().then(
      () => this.kindsArrived++,
      () => undefined,
    );
  }

  /** Keep a valid indicator chosen as datasets come and go (an effect of `follow`). */
  keepIndicator(): void {
    void this.indicators;
    void this.workspace.ready;
    this.ensureIndicator();
  }

  /**
   * Load the chosen indicator's values as of the stored data (an effect of `follow`). It starts
   * before the workspace's lists are read, so that the values are there when the dashboard is
   * first drawn: the read main.ts started answers it.
   */
  keepValues(): void {
    void this.load(this.indicatorName, this.workspace.dataVersion);
  }

  /**
   * Load an indicator's observations as of a data version; asking again for the same pair does
   * nothing, and a slower earlier load never overwrites a later one. The store answers a
   * question already asked of the same data with the same read (the early one main.ts starts,
   * or a press's `prefetch`).
   */
  async load(indicator: string, version: number): Promise<void> {
    if (indicator === this.requested.indicator && version === this.requested.version) return;
    this.requested = { indicator, version };
    const seq = ++this.loadSeq;
    if (!indicator) {
      this.observations = [];
      this.loadedIndicator = '';
      this.loaded();
      return;
    }
    this.loading = true;
    const start = performance.now();
    // A first view drawn as 柱+同比 or 柱+目标 (a link) needs that builder too: read beside the values.
    const kinds = chartKindReady(this.spec.chart) ? undefined : loadChartKinds().catch(() => undefined);
    await this.workspace.opened;
    const rows = await store.getSeries({ indicator });
    seedFromColumns(rows);
    if (kinds) await kinds;
    // On the page's timeline for the benchmark, like the import's phases (store:read says
    // whether the store read or shared an answer already under way).
    performance.measure('view:load', { start, detail: { indicator } });
    if (seq !== this.loadSeq) return;
    // A switch of indicator in the same data, or the page's first values: the trend the user waits
    // on draws in this task. After a change of the data (an import, another tab's write) the whole
    // page redraws, in turns.
    if (this.loadedVersion === -1) drawNextAtOnce(FIRST_AT_ONCE_MS);
    else if (indicator !== this.loadedIndicator && version === this.loadedVersion) drawNextAtOnce();
    this.observations = rows;
    this.loadedIndicator = indicator;
    this.loadedVersion = version;
    this.loading = false;
    this.loaded();
    this.warmWhenIdle();
  }

  private loaded(): void {
    for (const job of this.afterLoad.splice(0)) job();
  }

  /**
   * Start reading an indicator's values when the pointer goes down on it. The click comes when
   * the button is let go, about 100 ms later for a person; the read takes 25–60 ms at 1M rows on
   * two cores, so by the click it is done or well under way and the switch only draws. Nothing
   * on screen changes before the click, and a press that ends elsewhere has only read.
   */
  prefetch(indicator: string): void {
    const read = () => store.getSeries({ indicator });
    // Asked at once once the store is open: behind a promise's turn, a bare click's read was
    // asked for only after the page's update for the click (a microtask queued first) had run.
    // A failed read is read again by the load (which reports its error).
    void (this.storeOpen ? read() : this.workspace.opened.then(read)).catch(() => undefined);
  }

  /**
   * After a load, read the other indicators' stored values into memory while nobody is waiting,
   * so the next switch draws without a database read. Once per load is cheap: what is already
   * in memory is skipped. It starts when the page has been quiet for `WARM_AFTER_MS` after its
   * last load: reading 1M values takes the database 0.5–1 s, and a switch made meanwhile waited
   * for its own read behind it (60–100 ms instead of ~40).
   */
  private warmWhenIdle(): void {
    const idle = (f: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => f()) : setTimeout(f, 50));
    const pause = () => new Promise<void>((resolve) => idle(resolve));
    // Only a speed-up: if it fails (say the database was closed), reads work as before.
    whenFirstChartDrawn(() => {
      clearTimeout(this.warming);
      this.warming = setTimeout(() => void store.warmBlockCache(pause).catch(() => undefined), WARM_AFTER_MS);
    });
  }
}

/**
 * Hand the list's index (analysis/value-index.ts) what the store found from the blocks' codes
 * while decoding them (store `seriesFacts`), so that the explorer and the views do not pass over
 * an indicator's objects (~348,000 at 10M values) for its regions, periods, kinds and totals.
 */
function seedFromColumns(rows: readonly StoredObservation[]): void {
  const facts = store.seriesFacts(rows);
  if (!facts) return;
  seedIndex(rows, facts);
  memoOn(rows, 'kinds', () => facts.kinds);
  memoOn(rows, 'anyTotal', () => facts.anyTotal);
}

/** Whether any of the rows is a total, found once per list. */
function anyTotal(rows: readonly StoredObservation[]): boolean {
  return memoOn(rows, 'anyTotal', () => rows.some((o) => o.isTotal));
}

/** The kinds of value (level, change) among rows, found once per list. */
function kindsIn(rows: readonly StoredObservation[]): ReadonlySet<ValueKind> {
  return memoOn(rows, 'kinds', () => {
    const out = new Set<ValueKind>();
    for (let i = 0; i < rows.length; i++) out.add(rows[i].kind ?? 'level');
    return out;
  });
}

export function provideExplorer(workspace: Workspace): Explorer {
  return setContext(CONTEXT, new Explorer(workspace));
}

export function useExplorer(): Explorer {
  return getContext<Explorer>(CONTEXT);
}
