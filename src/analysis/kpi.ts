/** The numbers on a KPI card: latest value, 同比 change, and target completion. */
import type { Indicator, Observation } from '../domain/types';
import { samePeriodLastYear } from '../domain/period';
import { computeChange, isGood, type Change } from './change';
import { assessTarget, type TargetAssessment } from './completion';
import { grainOf, latestPeriod } from './series';

/** What a KPI card shows for one region. */
export interface KpiSummary {
  region: string;
  period: string;
  observation: Observation;
  /** Against the same period last year; absent when there is no such value or the value is itself a change. */
  yoy: (Change & { good: boolean | undefined }) | undefined;
  target: TargetAssessment | undefined;
}

/**
 * Summarize one region's observations of one indicator at its latest period (of the dominant grain).
 * @example kpiSummary(obs, indicator, '全市')?.yoy?.direction // 'up'
 */
export function kpiSummary(
  observations: readonly Observation[],
  indicator: Indicator,
  region: string,
): KpiSummary | undefined {
  const mine = observations.filter((o) => o.region === region);
  const period = latestPeriod(mine);
  if (!period) return undefined;
  const grain = grainOf(mine.find((o) => o.period === period)!);
  const current = mine.find((o) => o.period === period && grainOf(o) === grain)!;
  const lastYear = samePeriodLastYear(period);
  const previous = mine.find((o) => o.period === lastYear && grainOf(o) === grain);
  // A change of a change (同比 of 同比下降30.1%) is not what a card means by 同比.
  const comparable = previous && current.kind !== 'change' && previous.kind !== 'change';
  let yoy: KpiSummary['yoy'];
  if (comparable) {
    const c = computeChange(current.value, previous.value);
    yoy = { ...c, good: isGood(c.direction, indicator.polarity) };
  }
  return { region, period, observation: current, yoy, target: assessTarget(current, indicator) };
}

/**
 * The summaries of several regions, in their order, leaving out those with no value: the values
 * are split by region once (one pass over 10,000 values, not one per card).
 * @example kpiSummaries(obs, indicator, ['全市', '道里区']).map((s) => s.region) // ['全市', '道里区']
 */
export function kpiSummaries(observations: readonly Observation[], indicator: Indicator, regions: readonly string[]): KpiSummary[] {
  const byRegion = splitByRegion(observations, regions);
  return regions.map((r) => kpiSummary(byRegion.get(r)!, indicator, r)).filter((s) => s !== undefined);
}

/**
 * The values of each of `regions`. A function of its own: V8 optimizes a long loop by compiling
 * the function around it with what it calls inlined, and around this loop that was every card's
 * summary, 40–100 ms of compiling on a core the switch of indicator was waiting for.
 */
function splitByRegion(observations: readonly Observation[], regions: readonly string[]): Map<string, Observation[]> {
  const byRegion = new Map<string, Observation[]>(regions.map((r) => [r, []]));
  for (const o of observations) byRegion.get(o.region)?.push(o);
  return byRegion;
}
