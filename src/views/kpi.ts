/**
 * KPI models, for every destination: the overview's cards (latest value with its unit, 同比 with
 * an arrow coloured by polarity under the user's convention, target completion with a traffic
 * light named in words), rendered by the app's KpiCards and by saved pages and embeds; and a
 * deck's KPI slide (one big number), rendered by the slide, the presenter, the deck's print and
 * saved deck pages. Pure.
 */
import { translate } from '../domain/messages/index';
import type { Observation, ViewSpec } from '../domain/types';
import { kpiSummaries, kpiSummary } from '../analysis/kpi';
import { formatKpiCard, type KpiCardText } from '../charts/kpi-card';
import type { ChartTheme } from '../charts/theme';
import type { ChartData } from '../charts/types';
import { displayUnitOf, formatChangeMagnitude, formatQuantity, valueDecimals } from '../charts/format';
import { LARGE_TEXT_CONTRAST, readableColour } from '../charts/contrast';
import { textColour } from '../charts/text-colour';
import { comparePeriods } from '../domain/period';
import { kpiRegion, shownRegions } from './regions';
import { linkedRegions } from './linked-filter';
import { listNumbers, withChangeStyle } from '../charts/number-format';

/** The cards of one indicator. */
export interface KpiCardsText {
  heading: string;
  cards: KpiCardText[];
  /** Said under a card without 同比 or target. */
  noYoy: string;
  noTarget: string;
  /** Said instead of the cards when no region has a value. */
  empty: string;
  /** A calculated indicator's definition in words (计算指标：地区生产总值 ÷ 常住人口…), else ''. */
  definition: string;
}

/**
 * A card as text on a panel of `theme.background`: its 同比 in the chart colour moved to 4.5:1
 * (15 px text needs it; a bar or a line needs 3:1), the same on screen, on paper, in a saved page.
 * @example readableCard(card, light).yoy?.colour // '#008A65'-ish, the good green darkened
 */
export function readableCard(card: KpiCardText, theme: ChartTheme): KpiCardText {
  return card.yoy ? { ...card, yoy: { ...card.yoy, colour: textColour(card.yoy.colour, theme.background) } } : card;
}

/**
 * One card per region of the view, each at its latest period.
 * @example buildKpiCards(data, spec, light).cards[0].value // '729.3万亩'
 */
export function buildKpiCards(data: ChartData, spec: ViewSpec, theme: ChartTheme): KpiCardsText {
  const { locale, indicator } = data;
  // The list itself when every value is the indicator's (the dashboard's are): the cards' decimals
  // are then read in the pass the charts share (valueDecimals keeps them per list), not in a
  // second pass over a copy.
  const mine = data.observations.every((o) => o.indicator === indicator.name)
    ? data.observations
    : data.observations.filter((o) => o.indicator === indicator.name);
  const summaries = kpiSummaries(mine, indicator, shownRegions(linkedRegions(spec), mine));
  const written = formatted(summaries.map((s) => s.observation), data, spec);
  // The card's 同比 of a rate in % or in points as the view's number format says.
  const told = withChangeStyle(indicator, spec.format);
  const cards = summaries.map((s) => readableCard(written(formatKpiCard(s, told, locale, theme, mine), s.observation), theme));
  return {
    heading: translate(locale, 'views.kpi.title', { indicator: indicator.displayName || indicator.name }),
    cards,
    noYoy: translate(locale, 'views.kpi.noYoy'),
    noTarget: translate(locale, 'views.kpi.noTarget'),
    empty: translate(locale, 'views.kpi.empty'),
    definition: indicator.definition ?? '',
  };
}

/**
 * The cards' values under the view's number format (issue 25): one scaling for every card shown
 * side by side; the card as it was when the format is the app's ordinary one or the value is a change.
 */
function formatted(shown: readonly Observation[], data: ChartData, spec: ViewSpec): (card: KpiCardText, o: Observation) => KpiCardText {
  const { indicator, locale } = data;
  const levels = shown.filter((o) => o.kind !== 'change');
  const du = displayUnitOf(indicator, levels);
  const numbers = listNumbers(levels.map((o) => o.value), indicator.baseUnit, du, spec.format, locale, valueDecimals(indicator, data.observations, du));
  return (card, o) => (numbers && o.kind !== 'change' ? { ...card, value: numbers.text(o.value) } : card);
}

/** The text of a KPI slide, every colour already checked against the slide background. */
export interface SlideKpi {
  /** `PM10平均浓度`. */
  title: string;
  /** `乌海市 · 2023年`. */
  region: string;
  period: string;
  /** `79微克/立方米`. */
  value: string;
  /** `同比下降30.1%`, with an arrow and whether it is good (said in words too, not by colour alone). */
  change?: { text: string; arrow: string; verdict: string; colour: string };
  /** `完成目标 110%`, the target value and the traffic light in words. */
  target?: { text: string; value: string; statusText: string; colour: string };
}

/** A KPI slide: its heading, and its number or the sentence saying there is none. */
export interface KpiSlide {
  heading: string;
  kpi: SlideKpi | undefined;
  none: string;
}

/**
 * A deck's KPI slide: the view's region at the view's period (or the latest) as one big number,
 * its 同比 change with an arrow coloured by polarity, and its target. Colours too dark on the
 * slide's background fall back to its text colour; the change line is large bold text (52–72 px
 * on a slide, 22 pt on paper), for which WCAG asks 3:1, not 4.5:1 (at 4.5 the good green, 3.4:1
 * on white, fell back to black on paper).
 * @example buildKpiSlide({ name: '空气质量', spec }, data, projector).kpi?.change?.text // '同比下降30.1%'
 */
export function buildKpiSlide(view: { name: string; spec: ViewSpec }, data: ChartData, theme: ChartTheme): KpiSlide {
  const { locale, indicator } = data;
  const none = translate(locale, 'briefing.kpi.none');
  // Change rows (同比下降30.1% written as a value) are not levels; a KPI compares levels.
  const period = view.spec.period;
  const levels = data.observations.filter(
    (o) => o.indicator === indicator.name && o.kind !== 'change' && (!period || comparePeriods(o.period, period) <= 0),
  );
  const region = kpiRegion(levels, linkedRegions(view.spec));
  const summary = region === undefined ? undefined : kpiSummary(levels, indicator, region);
  if (!summary) return { heading: view.name, kpi: undefined, none };
  const told = withChangeStyle(indicator, view.spec.format);
  const card = formatted([summary.observation], data, view.spec)(formatKpiCard(summary, told, locale, theme, data.observations), summary.observation);
  const kpi: SlideKpi = { title: card.title, region: card.region, period: card.period, value: card.value };
  const du = displayUnitOf(indicator, [summary.observation]);
  const numbers = listNumbers([summary.observation.value], indicator.baseUnit, du, view.spec.format, locale, valueDecimals(indicator, data.observations, du));
  const y = summary.yoy;
  if (y && card.yoy) {
    kpi.change = {
      // The same rule as the card's (one decimal, a rate's change in points): 同比上升1.6个百分点.
      text: translate(locale, `briefing.kpi.${y.direction}`, { change: formatChangeMagnitude(y, told, locale, du) }),
      arrow: card.yoy.arrow,
      verdict: y.good === undefined ? '' : translate(locale, y.good ? 'briefing.kpi.good' : 'briefing.kpi.bad'),
      colour: readableColour(card.yoy.colour, theme.background, theme.text, LARGE_TEXT_CONTRAST),
    };
  }
  const t = summary.target;
  if (t && card.target) {
    kpi.target = {
      text: card.target.text,
      // In the indicator's decimals, like its value (目标 70.0% beside 64.0%).
      value: translate(locale, 'briefing.kpi.target', {
        value: numbers ? numbers.text(t.target.value) : formatQuantity(t.target.value, summary.observation.unit, locale, du, valueDecimals(indicator, data.observations, du)),
      }),
      statusText: card.target.statusText,
      colour: readableColour(card.target.colour, theme.background, theme.text),
    };
  }
  return { heading: view.name, kpi, none };
}
