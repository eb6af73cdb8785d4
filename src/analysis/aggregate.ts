/** Sums and means per region or per period. */
import type { Observation } from '../domain/types';

/** Which observations share a group, and how they are combined. */
export interface AggregateOptions {
  by: 'region' | 'period';
  how: 'sum' | 'mean';
  /** Totals (合计) are left out unless asked for: adding them to their parts counts twice. */
  includeTotals?: boolean;
}

/**
 * Combine values per region or per period. Keys are kept in a Map (never object keys).
 * @example aggregate(obs, { by: 'period', how: 'sum' }).get('2024') // 123400
 */
export function aggregate(observations: readonly Observation[], options: AggregateOptions): Map<string, number> {
  const acc = new Map<string, { sum: number; n: number }>();
  for (const o of observations) {
    if (o.isTotal && !options.includeTotals) continue;
    const key = options.by === 'region' ? o.region : o.period;
    const a = acc.get(key) ?? { sum: 0, n: 0 };
    a.sum += o.value;
    a.n += 1;
    acc.set(key, a);
  }
  const out = new Map<string, number>();
  for (const [k, a] of acc) out.set(k, options.how === 'sum' ? a.sum : a.sum / a.n);
  return out;
}
