/**
 * Which regions a view shows, chosen in one place for every destination: the regions the view
 * names (under today's labels, as a saved view may name them the old way) that have data, else
 * a sensible few (totals first, then the largest in the latest period).
 */
import type { Observation } from '../domain/types';
import { defaultRegions } from '../analysis/default-regions';
import { chosenUnderLabels, regionsOf } from '../analysis/region-identity';
import { levelOfView } from '../analysis/region-levels';
import { hasRegionRule } from '../analysis/region-drill';
import { distinctOf } from '../analysis/value-index';

/**
 * The regions shown.
 * @example shownRegions(['哈尔滨市道里区', '无此地'], rows) // ['道里区']
 * @example shownRegions(undefined, rows) // ['全市', '道里区', '南岗区', …]
 */
export function shownRegions(chosen: readonly string[] | undefined, observations: readonly Observation[]): string[] {
  if (chosen && chosen.length > 0) {
    const present = distinctOf(observations, 'region');
    const named = chosenUnderLabels(chosen, observations).filter((r) => present.has(r));
    if (named.length > 0) return named;
  }
  return defaultRegions(observations);
}

/**
 * The regions a comparison compares: the view's (under today's labels), else every region, of
 * one level of the hierarchy when they span several (the cities, not the cities among their
 * counties), as the dashboard's comparison.
 * @example comparedRegions(undefined, rows) // ['哈尔滨市', '齐齐哈尔市']
 */
export function comparedRegions(chosen: readonly string[] | undefined, observations: readonly Observation[]): string[] | undefined {
  return chosen && chosen.length > 0 ? chosenUnderLabels(chosen, observations) : levelOfView(regionsOf(observations));
}

/**
 * The values a ranking ranks: with a rule among the view's regions (the children of 哈尔滨市: a
 * drill, or 全部区县 in the picker) those of the regions it chooses, so the ranking is of the
 * children of a region; else every region's (a ranking is where regions are compared).
 * @example rankedObservations(['@children:230100'], rows) // the values of 哈尔滨's counties
 */
export function rankedObservations<T extends Observation>(chosen: readonly string[] | undefined, observations: readonly T[]): readonly T[] {
  if (!hasRegionRule(chosen)) return observations;
  const regions = new Set(chosenUnderLabels(chosen!, observations));
  return observations.filter((o) => regions.has(o.region));
}

/**
 * The one region a KPI shows: the view's first region with data, else a total row, else the
 * first region the default picks.
 * @example kpiRegion(obs, ['道里区']) // '道里区'
 */
export function kpiRegion(observations: readonly Observation[], regions: readonly string[] | undefined): string | undefined {
  const present = distinctOf(observations, 'region');
  const chosen = regions && chosenUnderLabels(regions, observations).find((r) => present.has(r));
  if (chosen) return chosen;
  return observations.find((o) => o.isTotal)?.region ?? defaultRegions(observations, 1)[0];
}
