/**
 * The 按地区 view: for one region, each indicator's KPI card and sparkline, grouped by the dataset
 * that holds the latest value (one imported sheet is usually one topic, so its indicators belong
 * together), as text ready for the tab to render.
 */
import type { Indicator, Observation, Region } from '../domain/types';
import type { Locale } from '../domain/messages';
import { translate } from '../domain/messages';
import { comparePeriods, formatPeriod } from '../domain/period';
import { kpiSummary, type KpiSummary } from '../analysis/kpi';
import { grainOf } from '../analysis/series';
import { formatKpiCard, type KpiCardText } from '../charts/kpi-card';
import { sparklinePath, type SparklineShape } from '../charts/sparkline-path';
import type { ChartTheme } from '../charts/theme';
import { readableCard } from './kpi';

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

/** A region card's sparkline box: a little larger than a ranking row's. */
export const REGION_SPARKLINE = { width: 110, height: 32 } as const;

/** One card of the 按地区 tab as it reads. */
export interface RegionCardText {
  /** The indicator's name as shown. */
  name: string;
  card: KpiCardText;
  sparkline: SparklineShape & { label: string };
}

/**
 * A region card's text: the indicator's KPI card, and its sparkline with the words a screen
 * reader says for it.
 * @example regionCardText(card, 'zh', light).card.value // '6.04万亩'
 */
export function regionCardText(c: RegionCard, locale: Locale, theme: ChartTheme): RegionCardText {
  const card = readableCard(formatKpiCard(c.summary, c.indicator, locale, theme), theme);
  const label = translate(locale, 'views.ranking.sparkline', {
    region: card.region,
    from: formatPeriod(c.from, locale),
    to: formatPeriod(c.to, locale),
  });
  return {
    name: c.indicator.displayName || c.indicator.name,
    card,
    sparkline: { ...sparklinePath(c.values, REGION_SPARKLINE.width, REGION_SPARKLINE.height), label },
  };
}
