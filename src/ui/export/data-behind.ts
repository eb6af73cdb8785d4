/**
 * What an export of one chart says about its data: the observations the chart draws (for the CSV
 * and XLSX) and the facts its footnote names (unit, period, source). Pure, so it is unit-tested.
 */
import type { Observation, ViewSpec } from '../../domain/types';
import { comparePeriods, formatPeriod } from '../../domain/period';
import type { Locale } from '../../domain/messages/index';
import { expandRegionRules } from '../../analysis/region-drill';
import { regionsOf } from '../../analysis/region-identity';

/** Kinds that show one period (`spec.period`) rather than a span. */
const ONE_PERIOD: ReadonlySet<ViewSpec['kind']> = new Set(['comparison', 'ranking', 'overview', 'map']);

/** Whether a row is of the view's indicator; 按地区 (`region`) spans every indicator of its region. */
const ofIndicator = (spec: ViewSpec, o: Observation) => spec.kind === 'region' || o.indicator === spec.indicator;

/**
 * The view's regions by name: a rule (@children:230100, a drill; @counties:230100, 全部区县) as the
 * regions of the data it chooses, as the views read it; a name as it is.
 */
function byName(regions: readonly string[], observations: readonly Observation[]): string[] {
  return expandRegionRules(regions, regionsOf(observations));
}

/**
 * The observations a chart of `spec` draws: its indicator, its regions when it names some, its
 * period (one-period kinds) or span. Input order is kept; the input is not changed.
 * @example observationsBehind({ version: 1, kind: 'comparison', indicator: '面积', period: '2024' }, rows) // rows of 2024
 */
export function observationsBehind<T extends Observation>(spec: ViewSpec, observations: readonly T[]): T[] {
  const regions = spec.regions && spec.regions.length > 0 ? new Set(byName(spec.regions, observations)) : undefined;
  const onePeriod = ONE_PERIOD.has(spec.kind) ? spec.period : undefined;
  return observations.filter(
    (o) =>
      ofIndicator(spec, o) &&
      (!regions || regions.has(o.region)) &&
      (onePeriod === undefined || o.period === onePeriod) &&
      (onePeriod !== undefined || spec.periodFrom === undefined || comparePeriods(o.period, spec.periodFrom) >= 0) &&
      (onePeriod !== undefined || spec.periodTo === undefined || comparePeriods(o.period, spec.periodTo) <= 0),
  );
}

/**
 * Kinds that need every region whatever the view's regions: the app ranks and maps them all, and
 * a comparison of chosen regions gives each its rank among all of them.
 */
const ALL_REGIONS: ReadonlySet<ViewSpec['kind']> = new Set(['ranking', 'map', 'comparison']);

/**
 * The observations a snapshot (self-contained page, embed) must carry so that the builders draw
 * the same chart again: the indicator's rows for the chart's regions in every period (a
 * comparison marks the previous period; a trend may be re-zoomed), plus total rows, which some
 * charts show as a reference line even when regions are chosen. A ranking, a map or a comparison
 * keeps every region (a comparison's ranks count them all).
 * @example observationsForSnapshot({ version: 1, kind: 'comparison', indicator: '面积', regions: ['道里区'] }, rows)
 */
export function observationsForSnapshot<T extends Observation>(spec: ViewSpec, observations: readonly T[]): T[] {
  // A filtered overview's cards and trend show the filter's region, which its regions may not name.
  const named = [...byName(spec.regions ?? [], observations), ...(spec.filter ? [spec.filter] : [])];
  const regions = spec.regions && spec.regions.length > 0 && !ALL_REGIONS.has(spec.kind) ? new Set(named) : undefined;
  return observations.filter((o) => ofIndicator(spec, o) && (!regions || regions.has(o.region) || o.isTotal === true));
}

/**
 * The period a chart covers, as a reader would write it: one period, or first–last.
 * @example periodText([{ period: '2021' }, { period: '2024' }], 'zh') // '2021年—2024年'
 */
export function periodText(observations: readonly Pick<Observation, 'period'>[], locale: Locale): string {
  if (observations.length === 0) return '';
  const sorted = [...new Set(observations.map((o) => o.period))].sort(comparePeriods);
  const first = formatPeriod(sorted[0], locale);
  const last = formatPeriod(sorted[sorted.length - 1], locale);
  return first === last ? first : `${first}—${last}`;
}

/**
 * The source line: the indicator's own source, else the distinct citations the rows carry, else
 * the names of the datasets the rows came from; at most three, joined.
 * @example sourceText(undefined, [{ sourceText: '市统计局' }], new Map()) // '市统计局'
 */
export function sourceText(
  indicatorSource: string | undefined,
  observations: readonly (Pick<Observation, 'sourceText'> & { datasetId?: string })[],
  datasetSources: ReadonlyMap<string, string>,
): string {
  if (indicatorSource?.trim()) return indicatorSource.trim();
  const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => !!v && v.trim() !== ''))];
  const cited = distinct(observations.map((o) => o.sourceText));
  const list = cited.length > 0 ? cited : distinct(observations.map((o) => (o.datasetId ? datasetSources.get(o.datasetId) : undefined)));
  return list.length > 3 ? `${list.slice(0, 3).join('；')}…` : list.join('；');
}
