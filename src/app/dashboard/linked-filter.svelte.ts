/**
 * Linked filtering as page state: the region the page is filtered to and the period a click on
 * the trend chose, read from and written to the view spec (so the address, a saved view and the
 * page's exports carry them). What the filter narrows is decided in src/views/linked-filter.ts.
 */
import { getContext, setContext } from 'svelte';
import type { Workspace } from '../workspace.svelte';
import type { Explorer } from './explorer.svelte';
import { stable } from '../stable';
import { nameOfLink } from '../../export/name-key';
import { latestPeriod } from '../../analysis/series';
import { drillInto } from '../../analysis/region-drill';
import { regionsOf } from '../../analysis/region-identity';
import { filterPatch, periodOfLabel, regionOfItem } from '../../views/linked-filter';
import type { Locale } from '../../domain/messages/index';
import { divisionParent } from './division-names.svelte';

const CONTEXT = Symbol('linked-filter');

export class LinkedFilter {
  /** The region the view's spec filters to, as the spec names it (a link may name it the old way). */
  readonly named: string | undefined;
  /** That region among the regions held (under today's labels); undefined when it has no data. */
  readonly region: string | undefined;
  /** The regions the trend and KPI cards show: the filtered one, else the view's. */
  readonly regions: string[];
  /** The period chosen for the comparison when it is not the latest; undefined: the latest. */
  readonly period: string | undefined;
  /** The latest period, which ✕ on the period goes back to. */
  readonly latest: string | undefined;

  constructor(
    private readonly explorer: Explorer,
    workspace: Workspace,
  ) {
    this.named = $derived(explorer.view.filter);
    this.region = $derived.by(() => {
      const named = this.named;
      if (!named) return undefined;
      const held = explorer.allRegions;
      const label = workspace.regionIdentity.label(named, undefined);
      return held.includes(label) ? label : nameOfLink(named, held);
    });
    this.regions = $derived.by(stable(() => (this.region ? [this.region] : explorer.regions)));
    this.latest = $derived(latestPeriod(explorer.visible.filter((o) => !o.isTotal)));
    this.period = $derived(explorer.view.period && explorer.period !== this.latest ? explorer.period : undefined);
  }

  /**
   * Filter the page to a region (a bar's or map area's name, or a name from the region list). A
   * region with parts in the data also opens them in the comparison unless `drill` is false (a
   * map with no map of those parts stays on its level).
   */
  choose(name: string, shorten: (region: string) => string = (r) => r, drill = true): void {
    const region = regionOfItem(name, this.explorer.allRegions, shorten);
    if (!region) return;
    const parts = drill ? drillInto(region, regionsOf(this.explorer.visible), divisionParent)?.regions : undefined;
    this.explorer.update(filterPatch(region, parts));
  }

  /** Back to every region (✕ on the chip, Escape). */
  clear(): void {
    if (this.named !== undefined) this.explorer.update({ filter: undefined });
  }

  /** A click on the trend's period `label` (its axis category) sets the comparison's period. */
  choosePeriod(label: string, locale: Locale): void {
    const period = periodOfLabel(label, this.explorer.allPeriods, locale);
    if (period && period !== this.explorer.period) this.explorer.update({ period });
  }

  /** Back to the latest period. */
  latestPeriod(): void {
    this.explorer.update({ period: undefined });
  }

  /** Escape: everything the chips show, in one history entry. */
  clearAll(): void {
    if (this.named !== undefined || this.period !== undefined) this.explorer.update({ filter: undefined, period: undefined });
  }
}

export function provideLinkedFilter(explorer: Explorer, workspace: Workspace): LinkedFilter {
  return setContext(CONTEXT, new LinkedFilter(explorer, workspace));
}

/** The page's linked filter; undefined outside the dashboard. */
export function useLinkedFilter(): LinkedFilter | undefined {
  return getContext<LinkedFilter | undefined>(CONTEXT);
}
