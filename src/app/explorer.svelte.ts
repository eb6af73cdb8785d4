/**
 * What the user is looking at: the page and the view spec, kept in the URL so that a shared link
 * or the back button restores it exactly, and the stored observations the view needs.
 */
import { getContext, setContext } from 'svelte';
import type { Indicator, ValueKind, ViewKind, ViewSpec } from '../domain/types';
import { comparePeriods } from '../domain/period';
import { defaultRegions } from '../analysis/default-regions';
import { latestPeriod } from '../analysis/series';
import { viewSpecFromSearchParams, viewSpecToSearchParams } from '../export/view-spec';
import * as store from '../store';
import type { StoredObservation } from '../store';
import type { Workspace } from './workspace.svelte';

const CONTEXT = Symbol('explorer');

export type Page = 'dashboard' | 'datasets' | 'briefing';
const PAGES: readonly Page[] = ['dashboard', 'datasets', 'briefing'];

export class Explorer {
  page = $state<Page>('dashboard');
  /** A first visit opens on the overview (kind `kpi`: KPI cards with the trend, comparison and rows). */
  spec = $state.raw<ViewSpec>({ version: 1, kind: 'kpi', indicator: '' });
  /** Every stored observation of the chosen indicator (all regions, all periods). */
  observations = $state.raw<StoredObservation[]>([]);
  loading = $state(false);

  /**
   * The 按地区 tab (every indicator for one region): undefined when another tab is shown, '' for
   * the default region, else the region's name. Kept beside the spec (URL param `region`) because
   * it spans indicators, which a ViewSpec does not.
   */
  focusRegion = $state<string | undefined>(undefined);

  /** Which values to draw when an indicator has both levels and changes (同比…). */
  measure = $state<ValueKind>('level');

  readonly indicator: Indicator | undefined;
  /**
   * The chosen indicator's name alone: effects that load per indicator read this, so that other
   * spec changes (regions, period, tab) do not reload anything.
   */
  readonly indicatorName: string;
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

  constructor(private readonly workspace: Workspace) {
    // Derived fields are declared here because they read the workspace passed in.
    this.indicatorName = $derived(this.spec.indicator);
    this.indicator = $derived(workspace.indicators.find((i) => i.name === this.spec.indicator));
    const inDatasets = $derived.by(() => {
      const ds = this.spec.datasets;
      return ds && ds.length > 0
        ? this.observations.filter((o) => ds.includes(o.datasetId))
        : this.observations;
    });
    this.kinds = $derived(
      (['level', 'change'] as const).filter((k) => inDatasets.some((o) => (o.kind ?? 'level') === k)),
    );
    this.visible = $derived.by(() => {
      const kind = this.kinds.includes(this.measure) ? this.measure : this.kinds[0];
      return inDatasets.filter((o) => (o.kind ?? 'level') === kind);
    });
    this.allRegions = $derived([...new Set(this.visible.map((o) => o.region))]);
    this.allPeriods = $derived([...new Set(this.visible.map((o) => o.period))].sort(comparePeriods));
    this.regions = $derived(
      this.spec.regions && this.spec.regions.length > 0
        ? this.spec.regions.filter((r) => this.allRegions.includes(r))
        : defaultRegions(this.visible),
    );
    this.period = $derived(
      this.spec.period && this.allPeriods.includes(this.spec.period)
        ? this.spec.period
        : latestPeriod(this.visible.filter((o) => !o.isTotal)),
    );
  }

  /** Read page and spec from the address bar (first load and back/forward). */
  readUrl(): void {
    const params = new URLSearchParams(location.search);
    const page = params.get('page');
    this.page = PAGES.includes(page as Page) ? (page as Page) : 'dashboard';
    if (params.has('view')) {
      const parsed = viewSpecFromSearchParams(params);
      if (parsed.ok) this.spec = parsed.spec;
    }
    this.focusRegion = params.get('region') ?? undefined;
  }

  private writeUrl(): void {
    const params = this.spec.indicator ? viewSpecToSearchParams(this.spec) : new URLSearchParams();
    if (this.page !== 'dashboard') params.set('page', this.page);
    if (this.focusRegion !== undefined) params.set('region', this.focusRegion);
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
    this.writeUrl();
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
    this.update({ kind: 'kpi', indicator, regions: undefined, period: undefined });
  }

  /** Pick an indicator when none is chosen or the chosen one is gone. */
  ensureIndicator(): void {
    const names = this.workspace.indicators.map((i) => i.name);
    if (names.length > 0 && !names.includes(this.spec.indicator)) {
      this.spec = { ...this.spec, indicator: names[0], regions: undefined, period: undefined };
      // Only the view's own parameters change; others (page, deck, slide…) stay in the address.
      const params = new URLSearchParams(location.search);
      for (const [key, value] of viewSpecToSearchParams(this.spec)) params.set(key, value);
      history.replaceState(null, '', `${location.pathname}?${params}`);
    }
  }

  /** Load the chosen indicator's observations; a slower earlier load never overwrites a later one. */
  async load(indicator: string): Promise<void> {
    const seq = ++this.loadSeq;
    if (!indicator) {
      this.observations = [];
      return;
    }
    this.loading = true;
    const rows = await store.getSeries({ indicator });
    if (seq !== this.loadSeq) return;
    this.observations = rows;
    this.loading = false;
  }
}

export function provideExplorer(workspace: Workspace): Explorer {
  return setContext(CONTEXT, new Explorer(workspace));
}

export function useExplorer(): Explorer {
  return getContext<Explorer>(CONTEXT);
}
