/**
 * The order of the rows table: region by Chinese collation (pinyin), then period. Sorting
 * thousands of rows with `localeCompare(…, 'zh-CN')` builds a collator per comparison (≈ 300 ms
 * for 10,000 rows here), so the few distinct regions are collated once and rows sort by rank.
 */
import { comparePeriods } from '../domain/period';
import type { Observation } from '../domain/types';

const collator = new Intl.Collator('zh-CN');

/**
 * A sorted copy: by region (pinyin order), then by period; the input is not changed.
 * @example inTableOrder([{ region: '南岗区', period: '2024', … }, { region: '道里区', period: '2023', … }]) // 道里区 first
 */
export function inTableOrder<T extends Pick<Observation, 'region' | 'period'>>(observations: readonly T[]): T[] {
  const regions = [...new Set(observations.map((o) => o.region))].sort(collator.compare);
  const rank = new Map(regions.map((r, i) => [r, i]));
  return [...observations].sort((a, b) => rank.get(a.region)! - rank.get(b.region)! || comparePeriods(a.period, b.period));
}
