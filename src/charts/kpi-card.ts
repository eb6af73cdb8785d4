/**
 * The text and colours of a KPI card (`6.04万亩`, `同比 ▲3.2%` coloured by polarity, `完成目标
 * 92%`). Not an ECharts option: the card is plain text in the UI, but its wording and colours follow
 * the same rules as the charts.
 */
import { translate } from '../domain/messages';
import { formatPeriod } from '../domain/period';
import type { Indicator, Observation } from '../domain/types';
import type { Locale } from '../domain/messages';
import type { KpiSummary } from '../analysis/kpi';
import type { TrafficLight } from '../analysis/completion';
import { changeColour, statusColour, type ChartTheme } from './theme';
import { arrowOf, displayUnitOf, formatChangeMagnitude, formatNumber, formatObservationValue, formatTargetStatus, lightWord, valueDecimals } from './format';

/** What a KPI card shows, ready to render as text. */
export interface KpiCardText {
  title: string;
  region: string;
  period: string;
  value: string;
  /** 同比: arrow and magnitude; colour by polarity (or by direction under rise = red). */
  yoy?: { text: string; arrow: string; colour: string; good: boolean | undefined };
  /** `word` is the traffic light's (未完成 差6.8个百分点), `statusText` the sentence (未完成，差6.8个百分点). */
  target?: { text: string; status: TrafficLight | undefined; statusText: string; word: string; colour: string };
}

/**
 * Format a `kpiSummary` for a card.
 * @example formatKpiCard(summary, indicator, 'zh', light).value // '6.04万亩'
 */
export function formatKpiCard(
  summary: KpiSummary,
  indicator: Indicator,
  locale: Locale,
  theme: ChartTheme,
  /** The indicator's values, for its decimals (`valueDecimals`); the card's own value alone when absent. */
  observations: readonly Observation[] = [summary.observation],
): KpiCardText {
  const du = displayUnitOf(indicator, [summary.observation]);
  const card: KpiCardText = {
    title: indicator.displayName || indicator.name,
    region: summary.region,
    period: formatPeriod(summary.period, locale),
    value: formatObservationValue(summary.observation, locale, du, valueDecimals(indicator, observations, du)),
  };
  const y = summary.yoy;
  if (y) {
    const magnitude =
      y.direction === 'flat'
        ? translate(locale, 'chart.flat')
        : formatChangeMagnitude(y, indicator, locale, du);
    const arrow = y.direction === 'flat' ? '' : arrowOf(y.direction);
    card.yoy = {
      text: translate(locale, 'chart.yoy', { arrow, change: magnitude }),
      arrow,
      colour: changeColour(theme, y.direction, y.good),
      good: y.good,
    };
  }
  const t = summary.target;
  if (t && t.completion !== undefined) {
    card.target = {
      text: translate(locale, 'chart.completion', { value: `${formatNumber(t.completion)}%` }),
      status: t.status,
      statusText: formatTargetStatus(t, indicator, locale, du),
      word: lightWord(t, indicator, locale, du),
      colour: statusColour(theme, t.status),
    };
  }
  return card;
}
