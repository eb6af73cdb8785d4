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

/** What 按地区 draws from beyond one indicator's rows (`ChartData` carries the region's rows of every indicator). */
export interface RegionSet {
  /** Every indicator a card may be of, in the order cards are listed (targets under today's region labels). */
  indicators: Indicator[];
  /** The datasets cards are grouped by, in order, with the names the groups are headed by. */
  datasets: { id: string; name: string }[];
}

/** One card of the 按地区 view, with the indicator it is of (its overview opens from it). */
export type RegionViewCard = RegionCardText & { indicator: string };

/** The 按地区 view as every destination shows it. */
export interface RegionViewModel {
  type: 'region';
  heading: string;
  /** The region shown (the view's, else the first total, else the first region with data). */
  region: string | undefined;
  /** Cards by dataset; a group has a heading only when there are several. */
  groups: { datasetId: string; heading: string | undefined; cards: RegionViewCard[] }[];
  /** Said when the region has no card. */
  empty: string | undefined;
  /** Colour of the sparklines (a saved page draws them; the app's follow its accent). */
  accent: string;
}

/**
 * The 按地区 view of the region the spec names (its first region), from that region's rows of
 * every indicator (`data.observations`, each with the dataset it came from) and the indicators
 * and datasets of `set` (without one: the spec's indicator alone, one group).
 * @example buildRegionView({ version: 1, kind: 'region', indicator: '面积', regions: ['道里区'] }, data, set, light).groups[0].cards[0].card.value // '6.04万亩'
 */
export function buildRegionView(
  spec: { regions?: readonly string[] },
  data: { indicator: Indicator; observations: readonly (Observation & { datasetId?: string })[]; locale: Locale },
  set: RegionSet | undefined,
  theme: ChartTheme,
): RegionViewModel {
  const { locale, observations } = data;
  const region = spec.regions?.[0] ?? (observations.find((o) => o.isTotal) ?? observations[0])?.region;
  const indicators = set?.indicators ?? [data.indicator];
  const byIndicator = new Map<string, (Observation & { datasetId?: string })[]>();
  for (const o of observations) {
    if (o.region !== region) continue;
    const list = byIndicator.get(o.indicator);
    if (list) list.push(o);
    else byIndicator.set(o.indicator, [o]);
  }
  const cards = region === undefined ? [] : indicators.map((i) => regionCard(byIndicator.get(i.name) ?? [], i, region)).filter((c) => c !== undefined);
  const groups = groupRegionCards(cards, set?.datasets.map((d) => d.id) ?? []);
  const named = (id: string) => set?.datasets.find((d) => d.id === id)?.name ?? translate(locale, 'views.region.otherGroup');
  return {
    type: 'region',
    heading: translate(locale, 'views.region.title', { region: region ?? '' }),
    region,
    groups: groups.map((g) => ({
      datasetId: g.datasetId,
      heading: groups.length > 1 ? named(g.datasetId) : undefined,
      cards: g.cards.map((c) => ({ ...regionCardText(c, locale, theme), indicator: c.indicator.name })),
    })),
    empty: cards.length === 0 ? translate(locale, 'views.region.empty') : undefined,
    accent: theme.palette[0] ?? theme.text,
  };
}
