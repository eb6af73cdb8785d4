/**
 * The numbers behind the 按地区 tab: for one region, each indicator's KPI summary and the values of
 * its sparkline, grouped by the dataset that holds the latest value (one imported sheet is usually
 * one topic, so its indicators belong together).
 */
import type { Indicator, Observation, Region } from '../domain/types';
import { comparePeriods } from '../domain/period';
import { kpiSummary, type KpiSummary } from '../analysis/kpi';
import { grainOf } from '../analysis/series';

/** One indicator's card for the region. */
export interface RegionCard {
  indicator: Indicator;
  summary: KpiSummary;
  /** The sparkline's values, oldest first, at the grain of the latest value (years with years). */
  values: number[];
  /** The first and last period of the sparkline. */
  from: string;
  to: string;
}

/** Cards that share the dataset of their latest value. */
export interface RegionCardGroup {
  datasetId: string;
  cards: RegionCard[];
}

/**
 * The region shown first: the first total (合计, 全市…), else the first region.
 * @example defaultFocusRegion([{ name: '道里区' }, { name: '全市', isTotal: true }]) // '全市'
 */
export function defaultFocusRegion(regions: readonly Region[]): string | undefined {
  return (regions.find((r) => r.isTotal) ?? regions[0])?.name;
}

/**
 * One indicator's card for a region, or undefined when the region has no value of it. Levels are
 * preferred; an indicator stored only as changes (同比…) shows its changes.
 * @example regionCard(rows, indicator, '道里区')?.summary.period // '2024'
 */
export function regionCard(
  observations: readonly (Observation & { datasetId?: string })[],
  indicator: Indicator,
  region: string,
): (RegionCard & { datasetId: string | undefined }) | undefined {
  const mine = observations.filter((o) => o.region === region);
  const levels = mine.filter((o) => (o.kind ?? 'level') === 'level');
  const shown = levels.length > 0 ? levels : mine;
  const summary = kpiSummary(shown, indicator, region);
  if (!summary) return undefined;
  const grain = grainOf(summary.observation);
  const byPeriod = new Map<string, number>();
  for (const o of shown) if (grainOf(o) === grain && !byPeriod.has(o.period)) byPeriod.set(o.period, o.value);
  const periods = [...byPeriod.keys()].sort(comparePeriods);
  const datasetId = shown.find((o) => o === summary.observation)?.datasetId;
  return {
    indicator,
    summary,
    values: periods.map((p) => byPeriod.get(p)!),
    from: periods[0],
    to: periods[periods.length - 1],
    datasetId,
  };
}

/**
 * Group cards by dataset, in the order of `datasetOrder`; cards keep their order within a group.
 * @example groupRegionCards([card], ['ds1'])[0].datasetId // 'ds1'
 */
export function groupRegionCards(
  cards: readonly (RegionCard & { datasetId: string | undefined })[],
  datasetOrder: readonly string[],
): RegionCardGroup[] {
  const groups = new Map<string, RegionCard[]>();
  for (const { datasetId, ...card } of cards) {
    const key = datasetId ?? '';
    const list = groups.get(key);
    if (list) list.push(card);
    else groups.set(key, [card]);
  }
  const rank = (id: string) => {
    const i = datasetOrder.indexOf(id);
    return i < 0 ? datasetOrder.length : i;
  };
  return [...groups.entries()]
    .sort((a, b) => rank(a[0]) - rank(b[0]))
    .map(([datasetId, list]) => ({ datasetId, cards: list }));
}
