/** Regional ranking: best first by polarity, ties ranked equal (并列), totals left out. */
import type { Observation, Polarity } from '../domain/types';

/** A region's place in one period. */
export interface RankedRow {
  region: string;
  value: number;
  /** Competition ranking: 1, 2, 2, 4. */
  rank: number;
  /** Shares its rank with another region (并列). */
  tied: boolean;
  observation: Observation;
}

/**
 * Values equal to 1e-9 (relative) are one value: 6.04万 × 1e4 and 60400 rank together (ties)
 * and do not disagree (conflicts).
 * @example same(6.04 * 1e4, 60400) // true
 */
export function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Rank one period's observations. Totals (`isTotal`) are left out; a region seen twice keeps its
 * first value. Equal values share a rank and are then listed by name.
 * @example rankRegions(obs, 'higher').map((r) => r.rank) // [1, 2, 2, 4]
 */
export function rankRegions(observations: readonly Observation[], polarity: Polarity): RankedRow[] {
  const seen = new Set<string>();
  const rows: Observation[] = [];
  for (const o of observations) {
    if (o.isTotal || seen.has(o.region)) continue;
    seen.add(o.region);
    rows.push(o);
  }
  const sign = polarity === 'higher' ? -1 : 1;
  rows.sort((a, b) =>
    same(a.value, b.value) ? (a.region < b.region ? -1 : a.region > b.region ? 1 : 0) : sign * (a.value - b.value),
  );
  const ranked: RankedRow[] = [];
  rows.forEach((o, i) => {
    const prev = ranked[i - 1];
    const rank = prev && same(prev.value, o.value) ? prev.rank : i + 1;
    ranked.push({ region: o.region, value: o.value, rank, tied: false, observation: o });
  });
  for (let i = 0; i < ranked.length; i++) {
    ranked[i].tied = ranked[i - 1]?.rank === ranked[i].rank || ranked[i + 1]?.rank === ranked[i].rank;
  }
  return ranked;
}

/** A region's rank now and before. */
export interface RankMove {
  region: string;
  rank: number;
  previousRank: number | undefined;
  /** Places gained: positive moved up, negative moved down; undefined when not ranked before. */
  change: number | undefined;
}

/**
 * Compare two rankings (from `rankRegions`) region by region.
 * @example rankMoves(thisYear, lastYear)[0] // { region: '道里区', rank: 1, previousRank: 3, change: 2 }
 */
export function rankMoves(current: readonly RankedRow[], previous: readonly RankedRow[]): RankMove[] {
  const before = new Map(previous.map((r) => [r.region, r.rank] as const));
  return current.map((r) => {
    const previousRank = before.get(r.region);
    return {
      region: r.region,
      rank: r.rank,
      previousRank,
      change: previousRank === undefined ? undefined : previousRank - r.rank,
    };
  });
}
