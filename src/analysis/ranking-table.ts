/** The rows of the ranking table: rank, value, change and rank change vs the previous period, target. */
import type { Indicator, Observation } from '../domain/types';
import { previousPeriod } from '../domain/period';
import { computeChange, type Change } from './change';
import { assessTarget, type TargetAssessment } from './completion';
import { rankMoves, rankRegions } from './ranking';

/** One region's row. */
export interface RankingRow {
  region: string;
  rank: number;
  tied: boolean;
  observation: Observation;
  /** The same region in the previous period (环比), when there is one. */
  previous: Observation | undefined;
  /** Change vs the previous period; absent for change-kind values. */
  change: Change | undefined;
  previousRank: number | undefined;
  /** Places gained since the previous period (negative: lost). */
  rankChange: number | undefined;
  target: TargetAssessment | undefined;
}

/**
 * Rank one period's regions (totals left out) and set them against the previous period.
 * @example rankingRows(obs, indicator, '2024')[0] // { region: '道里区', rank: 1, rankChange: 2, … }
 */
export function rankingRows(observations: readonly Observation[], indicator: Indicator, period: string): RankingRow[] {
  const mine = observations.filter((o) => o.indicator === indicator.name);
  const prevKey = previousPeriod(period);
  const current = rankRegions(
    mine.filter((o) => o.period === period),
    indicator.polarity,
  );
  const before = prevKey ? rankRegions(mine.filter((o) => o.period === prevKey), indicator.polarity) : [];
  const previousBy = new Map(before.map((r) => [r.region, r.observation] as const));
  const moves = rankMoves(current, before);
  return current.map((r, i) => {
    const previous = previousBy.get(r.region);
    const level = r.observation.kind !== 'change' && previous !== undefined && previous.kind !== 'change';
    return {
      region: r.region,
      rank: r.rank,
      tied: r.tied,
      observation: r.observation,
      previous,
      change: level ? computeChange(r.value, previous.value) : undefined,
      previousRank: moves[i].previousRank,
      rankChange: moves[i].change,
      target: assessTarget(r.observation, indicator),
    };
  });
}
