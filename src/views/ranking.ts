/**
 * The ranking table as text and colours ready to put into cells, written once for the app's
 * ranking view (src/ui/views/RankingTable.svelte), saved pages and embeds: rank with 并列, region,
 * value in the display unit, change vs the previous period coloured under the user's convention,
 * rank change with an arrow, a sparkline, target completion with a traffic light named in words.
 * Pure, so it is tested without a browser.
 */
import { translate } from '../domain/messages/index';
import { formatPeriod } from '../domain/period';
import type { Observation, ViewSpec } from '../domain/types';
import { rankingRows, type RankingRow } from '../analysis/ranking-table';
import { isGood } from '../analysis/change';
import { groupSeries, latestPeriod } from '../analysis/series';
import type { TrafficLight } from '../analysis/completion';
import { changeColour, statusColour, type ChartTheme } from '../charts/theme';
import { arrowOf, displayUnitOf, formatChangeMagnitude, formatNumber, formatObservationValue, lightWord, toDisplay, valueDecimals } from '../charts/format';
import type { ChartData } from '../charts/types';
import { sparklinePath, type SparklineShape } from '../charts/sparkline-path';
import { textColour } from '../charts/text-colour';
import { listNumbers, withChangeStyle } from '../charts/number-format';
import { rankedObservations } from './regions';
import { readRegionRule } from '../analysis/region-drill';
import { codeLevel } from '../analysis/region-levels';
import { regionsOf } from '../analysis/region-identity';
import { rankAmong } from '../charts/rank-note';

/** Sparkline box, as the app draws it. */
export const SPARKLINE = { width: 96, height: 24 } as const;

/** One row of the table, every cell as text. */
export interface RankingRowText {
  rank: string;
  /** `并列`, or empty. */
  tied: string;
  region: string;
  value: string;
  change: { text: string; colour: string | undefined };
  /** `▲ 上升 2 位`. */
  move: string;
  sparkline: SparklineShape & { label: string };
  /** Completion and the traffic light's word, or none. */
  target: { pct: string; status: TrafficLight | undefined; word: string; colour: string } | undefined;
  /** The region the page is filtered to (linked filtering): its row is marked, in words too. */
  chosen: boolean;
}

/** The whole table. */
export interface RankingTableText {
  heading: string;
  columns: string[];
  rows: RankingRowText[];
  /** Said instead of the table when there is nothing to rank. */
  empty: string;
  /** What the ranks count, when the view ranks a region's children (名次为哈尔滨市所辖 18 个区县中的名次); else absent. */
  note?: string;
  /** Said in a cell that has nothing (no target). */
  none: string;
  /** Colour of the sparklines. */
  accent: string;
  /** A calculated indicator's definition in words (计算指标：地区生产总值 ÷ 常住人口…), else ''. */
  definition: string;
  /** The linked filter said in words when its region is a row of the table (已筛选：道里区…), else ''. */
  marked: string;
  /** The word beside the marked row's region (已筛选). */
  markedWord: string;
}

function changeText(r: RankingRow, data: ChartData, du: string, theme: ChartTheme, format: ViewSpec['format']): RankingRowText['change'] {
  const { locale } = data;
  // A rate's change in % or in points as the view's number format says, else as the indicator says.
  const indicator = withChangeStyle(data.indicator, format);
  const c = r.change;
  if (!c) return { text: translate(locale, 'views.none'), colour: undefined };
  const magnitude = formatChangeMagnitude(c, indicator, locale, du);
  const text = c.direction === 'flat' ? translate(locale, 'chart.flat') : `${arrowOf(c.direction)}${magnitude}`;
  // Text at 15 px: the chart colour moved to 4.5:1 on the table's background.
  return { text, colour: textColour(changeColour(theme, c.direction, isGood(c.direction, indicator.polarity)), theme.background) };
}

function rankMove(r: RankingRow, data: ChartData): string {
  const t = (key: string, params?: Record<string, number>) => translate(data.locale, key, params);
  if (r.rankChange === undefined) return t('views.ranking.new');
  if (r.rankChange > 0) return `▲ ${t('views.ranking.up', { n: r.rankChange })}`;
  if (r.rankChange < 0) return `▼ ${t('views.ranking.down', { n: -r.rankChange })}`;
  return `■ ${t('views.ranking.same')}`;
}

/**
 * With one rule as the view's regions (a drill: @children:230100; the picker's 全部区县:
 * @counties:230100) the table ranks that division's children: say so and name it as the data
 * does, never "among all regions". Empty otherwise (the table then ranks every region).
 */
function childrenNote(spec: ViewSpec, data: ChartData, ranked: readonly Observation[]): string {
  const rule = spec.regions?.length === 1 ? readRegionRule(spec.regions[0]!) : undefined;
  if (!rule || ranked.length === 0) return '';
  const levels = new Set(ranked.map((o) => codeLevel(o.regionCode)));
  const level = levels.size === 1 ? [...levels][0] : undefined;
  return rankAmong({ within: rule.code, level }, ranked.length, regionsOf(data.observations), data.locale);
}

/**
 * The ranking table of `spec.period` (else the latest period with regional data).
 * @example buildRankingTable(data, { version: 1, kind: 'ranking', indicator: '造林面积', period: '2024' }, light).rows[0].rank // '1'
 */
export function buildRankingTable(data: ChartData, spec: ViewSpec, theme: ChartTheme): RankingTableText {
  const { locale, indicator } = data;
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const mine = rankedObservations(spec.regions, data.observations.filter((o) => o.indicator === indicator.name));
  const period = spec.period ?? latestPeriod(mine.filter((o) => !o.isTotal));
  const du = displayUnitOf(indicator, mine);
  const dp = valueDecimals(indicator, mine, du);
  const rows = period ? rankingRows(mine, indicator, period) : [];
  // The view's number format: one scaling for the whole column (never 万亩 beside 亩).
  const numbers = listNumbers(
    rows.filter((r) => r.observation.kind !== 'change').map((r) => r.observation.value),
    indicator.baseUnit,
    du,
    spec.format,
    locale,
    dp,
  );
  const chosen = spec.filter !== undefined && rows.some((r) => r.region === spec.filter) ? spec.filter : undefined;
  const series = groupSeries(
    mine.filter((o) => !o.isTotal),
    { regions: rows.map((r) => r.region), periodFrom: spec.periodFrom, periodTo: spec.periodTo },
  );
  const valuesOf = new Map(series.series.map((s) => [s.region, s.values] as const));
  const first = series.periods[0];
  const last = series.periods[series.periods.length - 1];
  const span = { from: first ? formatPeriod(first, locale) : '', to: last ? formatPeriod(last, locale) : '' };
  const note = childrenNote(spec, data, rows.map((r) => r.observation));
  return {
    heading: spec.title || t('views.ranking.title', { indicator: indicator.displayName || indicator.name, period: period ? formatPeriod(period, locale) : '' }),
    columns: ['rank', 'region', 'value', 'change', 'rankChange', 'trend', 'target'].map((c) => t(`views.ranking.${c}`)),
    empty: t('views.ranking.empty'),
    none: t('views.none'),
    accent: theme.palette[0] ?? theme.text,
    ...(note ? { note } : {}),
    definition: indicator.definition ?? '',
    marked: chosen ? t('access.linked.marked', { region: chosen }) : '',
    markedWord: t('access.linked.markedShort'),
    rows: rows.map((r) => {
      const values = (valuesOf.get(r.region) ?? []).map((v) => (v === null ? null : toDisplay(v, indicator.baseUnit, du)));
      const a = r.target;
      return {
        rank: String(r.rank),
        tied: r.tied ? t('views.ranking.tied') : '',
        region: r.region,
        value: numbers && r.observation.kind !== 'change' ? numbers.text(r.observation.value) : formatObservationValue(r.observation, locale, du, dp),
        change: changeText(r, data, du, theme, spec.format),
        move: rankMove(r, data),
        sparkline: { ...sparklinePath(values, SPARKLINE.width, SPARKLINE.height), label: t('views.ranking.sparkline', { region: r.region, ...span }) },
        target:
          a && a.completion !== undefined
            ? {
                pct: `${formatNumber(a.completion)}%`,
                status: a.status,
                word: lightWord(a, indicator, locale, du),
                colour: statusColour(theme, a.status),
              }
            : undefined,
        chosen: r.region === chosen,
      };
    }),
  };
}
