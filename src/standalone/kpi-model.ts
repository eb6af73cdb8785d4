/**
 * The KPI cards of a self-contained page or an embed, with the same content as the app's
 * 总览 cards (src/ui/views/KpiCards.svelte): latest value with its unit, 同比 with an arrow coloured
 * by polarity under the user's convention, target completion with a traffic light named in words.
 * Also a deck's KPI slide (one big number), through the briefing's own `buildSlideKpi`. Pure.
 */
import { translate } from '../domain/messages/index';
import type { ViewSpec } from '../domain/types';
import { kpiSummaries, kpiSummary } from '../analysis/kpi';
import { defaultRegions } from '../analysis/default-regions';
import { formatKpiCard, type KpiCardText } from '../charts/kpi-card';
import type { ChartTheme } from '../charts/theme';
import type { ChartData } from '../charts/types';
import { buildSlideKpi, kpiRegion, type SlideKpi } from '../app/briefing-slide-content';
import { comparePeriods } from '../domain/period';

/** The cards of one indicator. */
export interface KpiCardsText {
  heading: string;
  cards: KpiCardText[];
  /** Said under a card without 同比 or target. */
  noYoy: string;
  noTarget: string;
  /** Said instead of the cards when no region has a value. */
  empty: string;
}

/**
 * The regions an overview shows, as the app's explorer picks them: the view's regions that have
 * data, else the default few.
 * @example overviewRegions(data, { version: 1, kind: 'kpi', indicator: '面积' }) // ['合计', '道里区', …]
 */
export function overviewRegions(data: ChartData, spec: ViewSpec): string[] {
  const present = new Set(data.observations.map((o) => o.region));
  return spec.regions && spec.regions.length > 0 ? spec.regions.filter((r) => present.has(r)) : defaultRegions(data.observations);
}

/**
 * One card per region of the view, each at its latest period.
 * @example buildKpiCards(data, spec, light).cards[0].value // '729.3万亩'
 */
export function buildKpiCards(data: ChartData, spec: ViewSpec, theme: ChartTheme): KpiCardsText {
  const { locale, indicator } = data;
  const mine = data.observations.filter((o) => o.indicator === indicator.name);
  const cards = kpiSummaries(mine, indicator, overviewRegions(data, spec)).map((s) => formatKpiCard(s, indicator, locale, theme, mine));
  return {
    heading: translate(locale, 'views.kpi.title', { indicator: indicator.displayName || indicator.name }),
    cards,
    noYoy: translate(locale, 'views.kpi.noYoy'),
    noTarget: translate(locale, 'views.kpi.noTarget'),
    empty: translate(locale, 'views.kpi.empty'),
  };
}

/**
 * A deck's KPI slide: the view's region and period as one big number, or the sentence saying
 * there is none. The wording is the briefing's own; the colours are the card's, because the
 * briefing checks them against the projector's black and falls back to its text colour, while
 * here the page is white and the big bold text is readable in the card colours.
 * @example buildKpiSlide('空气质量', data, spec, light).kpi?.value // '79微克/立方米'
 */
export function buildKpiSlide(
  heading: string,
  data: ChartData,
  spec: ViewSpec,
  theme: ChartTheme,
): { heading: string; kpi: SlideKpi | undefined; none: string } {
  const mine = { ...data, observations: data.observations.filter((o) => o.indicator === data.indicator.name) };
  const kpi = buildSlideKpi({ name: heading, spec }, mine, theme);
  // The same region and period buildSlideKpi chose, for the card's colours.
  const period = spec.period;
  const levels = mine.observations.filter((o) => o.kind !== 'change' && (!period || comparePeriods(o.period, period) <= 0));
  const region = kpiRegion(levels, spec.regions);
  const summary = region === undefined ? undefined : kpiSummary(levels, data.indicator, region);
  const card = summary && formatKpiCard(summary, data.indicator, data.locale, theme);
  if (kpi?.change && card?.yoy) kpi.change = { ...kpi.change, colour: card.yoy.colour };
  if (kpi?.target && card?.target) kpi.target = { ...kpi.target, colour: card.target.colour };
  return { heading, kpi, none: translate(data.locale, 'briefing.kpi.none') };
}
