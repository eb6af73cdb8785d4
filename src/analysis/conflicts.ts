/**
 * Values that disagree: one region × period × kind given different values by different datasets
 * (an office's own table says 道里区 2022 is 5.3万亩, the sample 5.01万亩). The views keep the
 * value read first (datasets in import order) and said nothing; this finds what they left out,
 * so the page can say so. Within one file the importer already drops repeats with a warning.
 */
import type { Observation } from '../domain/types';
import { same } from './ranking';

/**
 * One region × period × kind with more than one value; `shown` is the one the charts draw.
 * @example { region: '道里区', period: '2022', shown: { value: 50100, … }, others: [{ value: 53000, … }] }
 */
export interface Conflict<T extends Observation = Observation> {
  region: string;
  period: string;
  shown: T;
  others: T[];
}

/**
 * Every region × period × kind whose values disagree, in the order of their first value.
 * @example findConflicts([obs('道里区', '2022', 50100), obs('道里区', '2022', 53000)])[0].others[0].value // 53000
 */
export function findConflicts<T extends Observation>(observations: readonly T[]): Conflict<T>[] {
  const first = new Map<string, Conflict<T>>();
  for (const o of observations) {
    const key = `${o.kind ?? 'level'}\u0000${o.region}\u0000${o.period}`;
    const seen = first.get(key);
    if (!seen) first.set(key, { region: o.region, period: o.period, shown: o, others: [] });
    else if (!same(seen.shown.value, o.value) && !seen.others.some((x) => same(x.value, o.value))) seen.others.push(o);
  }
  return [...first.values()].filter((c) => c.others.length > 0);
}
