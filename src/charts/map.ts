/**
 * Map: one period's values on a boundary map the user loaded (no boundary data ships with the app;
 * the UI registers the user's GeoJSON under `spec.mapName`). The colour scale runs from the bad
 * end to the good end by polarity, and its ends are labelled in words, not colour alone. The
 * user's caption (source, 审图号) is drawn as plain text.
 */
import type { EChartsOption } from 'echarts';
import { translate } from '../domain/messages';
import { formatPeriod } from '../domain/period';
import type { Observation } from '../domain/types';
import { normalizeDivisionCode } from '../domain/region-code';
import { dominantGrain, grainOf, latestPeriod } from '../analysis/series';
import type { ChartData, ChartOutcome, MapSpec } from './types';
import type { ChartTheme } from './theme';
import { displayUnitOf, formatCompact, formatObservationValue, toDisplay, valueDecimals } from './format';
import { baseOption, chartTitle, observationsOf, safeTooltip, tooltipPoints } from './common';
import { listNumbers } from './number-format';
import { linkedMark } from './linked-mark';

function model(data: ChartData, spec: Pick<MapSpec, 'period' | 'joinOn'>) {
  const all = observationsOf(data);
  const grain = dominantGrain(all);
  const period = spec.period ?? latestPeriod(all);
  const seen = new Set<string>();
  const rows: { key: string; o: Observation }[] = [];
  for (const o of all) {
    if (o.period !== period || o.isTotal || (grainOf(o) !== grain && !spec.period)) continue;
    // Codes compare as text after normalizing (a 12-digit statistical code to its 6 digits).
    const key = spec.joinOn === 'code' ? normalizeDivisionCode(o.regionCode) : o.region;
    if (!key || seen.has(key)) continue;
    seen.add(key);
    rows.push({ key, o });
  }
  return { all, period, rows };
}

/**
 * The map option, or why it cannot be drawn: no data, or no data for the period. That a boundary is
 * registered under `spec.mapName` is the registry's check (src/views/chart-kinds.ts).
 * @example drawMap(data, { mapName: 'm', period: '2030' }, light) // { ok: false, reasons: [{ key: 'chart.no_observations_for_period', … }] }
 */
export function drawMap(data: ChartData, spec: MapSpec, theme: ChartTheme): ChartOutcome {
  const m = model(data, spec);
  if (!m.all.length || !m.period) return { ok: false, reasons: [{ key: 'chart.no_observations' }] };
  if (!m.rows.length) return { ok: false, reasons: [{ key: 'chart.no_observations_for_period', params: { period: formatPeriod(m.period, data.locale) } }] };
  return { ok: true, option: optionOf(data, spec, theme, m) };
}

function optionOf(data: ChartData, spec: MapSpec, theme: ChartTheme, m: ReturnType<typeof model>): EChartsOption {
  const { locale, indicator } = data;
  const period = m.period ?? '';
  const du = displayUnitOf(indicator, m.all);
  const dp = valueDecimals(indicator, data.observations, du);
  // The view's number format (issue 25): one scaling for the legend, the tooltips and the values.
  const levels = m.rows.filter((r) => r.o.kind !== 'change');
  const numbers = levels.length === m.rows.length ? listNumbers(levels.map((r) => r.o.value), indicator.baseUnit, du, spec.format, locale, dp) : undefined;
  const values = m.rows.map((r) => (numbers ? numbers.plot(r.o.value) : toDisplay(r.o.value, indicator.baseUnit, du)));
  // The scale spans what is drawn: a city's value beside the county map's would wash it out.
  const drawnKeys = spec.features && new Set(spec.features);
  const scaled = drawnKeys ? values.filter((_, i) => drawnKeys.has(m.rows[i]!.key)) : values;
  const min = scaled.length ? Math.min(...scaled) : 0;
  const max = scaled.length ? Math.max(...scaled) : 1;
  const texts = m.rows.map((r) => `${r.o.region}\n${formatPeriod(period, locale)}：${numbers ? numbers.text(r.o.value) : formatObservationValue(r.o, locale, du, dp)}`);
  // The linked filter's region (a click on it): outlined, the others dimmed, and said in words.
  const mark = linkedMark(spec.filter, m.rows.map((r) => r.o.region), theme, locale, 3 * (theme.fontSize / 12));
  const marked = mark.words;
  const better = translate(locale, 'chart.better');
  const worse = translate(locale, 'chart.worse');
  const higher = indicator.polarity === 'higher';
  const scale = theme.fontSize / 12;

  return {
    ...baseOption(theme, {
      title: chartTitle(spec.title, indicator),
      subtitle: [spec.subtitle, formatPeriod(period, locale), numbers ? numbers.unit : du, marked].filter(Boolean).join('  '),
      description: [
        translate(locale, 'chart.aria.map', {
          indicator: chartTitle(undefined, indicator),
          period: formatPeriod(period, locale),
          n: m.rows.length,
        }),
        marked,
      ]
        .filter(Boolean)
        .join(' '),
    }),
    tooltip: safeTooltip(theme, 'item', (params) => {
      const p = tooltipPoints(params)[0];
      // Features without data have no data index; their name comes from the user's own file.
      if (!p || p.dataIndex < 0 || p.dataIndex >= texts.length) {
        const name = params && typeof params === 'object' && 'name' in params ? String((params as { name: unknown }).name) : '';
        return `${name}\n${translate(locale, 'chart.no_data')}`;
      }
      return texts[p.dataIndex];
    }),
    visualMap: {
      type: 'continuous',
      min,
      max: max > min ? max : min + 1,
      calculable: true,
      left: 16 * scale,
      bottom: 40 * scale,
      itemHeight: 140 * scale,
      // ECharts puts text[0] at the high end.
      text: [higher ? better : worse, higher ? worse : better],
      textStyle: { color: theme.text, fontSize: theme.fontSize },
      formatter: ((v: number) => (numbers ? numbers.axis(v) : formatCompact(v, locale, du !== '%'))) as never,
      inRange: { color: higher ? [theme.bad, theme.warn, theme.good] : [theme.good, theme.warn, theme.bad] },
    },
    series: [
      {
        type: 'map',
        map: spec.mapName,
        nameProperty: spec.nameProperty,
        roam: false,
        // Keep the map clear of the title and subtitle above and the legend and caption below.
        top: 60 * scale + theme.titleSize,
        bottom: 56 * scale,
        name: chartTitle(undefined, indicator),
        itemStyle: { areaColor: theme.noData, borderColor: theme.axisLine },
        emphasis: { label: { show: true, color: theme.text } },
        label: { show: false },
        data: m.rows.map((r, i) => (marked ? { name: r.key, value: values[i], itemStyle: mark.style(r.o.region) } : { name: r.key, value: values[i] })),
      },
    ],
    graphic: spec.caption
      ? [
          {
            type: 'text',
            left: 16 * scale,
            bottom: 8 * scale,
            silent: true,
            style: { text: spec.caption, fill: theme.subtleText, fontSize: Math.max(10, theme.fontSize * 0.85), fontFamily: theme.fontFamily },
          },
        ]
      : undefined,
  };
}

/** How observations met the boundary file's features. */
export interface MapJoin {
  /** Join keys (names or codes) found in both. */
  matched: string[];
  /** Regions with data but no feature: they are not on the map. */
  unmatchedRegions: string[];
  /** Features with no data: drawn in the no-data colour. */
  unmatchedFeatures: string[];
}

/**
 * Which regions of the period found a feature, and which did not, for the list under the map.
 * `featureNames` are the features' values of the join property, as the UI read them from the file.
 * @example mapJoin(data, { mapName: 'm', period: '2024' }, ['道里区', '南岗区']).unmatchedRegions // ['香坊区']
 */
export function mapJoin(data: ChartData, spec: MapSpec, featureNames: readonly string[]): MapJoin {
  const keys = model(data, spec).rows.map((r) => r.key);
  const features = new Set(featureNames);
  const have = new Set(keys);
  return {
    matched: keys.filter((k) => features.has(k)),
    unmatchedRegions: keys.filter((k) => !features.has(k)),
    unmatchedFeatures: [...features].filter((f) => !have.has(f)),
  };
}
