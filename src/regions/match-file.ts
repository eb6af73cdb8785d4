/**
 * A file's region cells matched together: the names that match on their own become the context
 * (`near`) that settles the ones found in several places (鼓楼区 among 台江区 and 仓山区).
 */
import { matchRegion, type Match, type MatchContext } from './match';

/**
 * Match each name; the ambiguous ones, and those settled only by the default preference (吉林 →
 * 吉林省), again with the codes of the others that matched outright. One result per name, in
 * order (repeated names get the same result).
 * @example matchFileRegions(['鼓楼区', '台江区', '仓山区'])[0] // matched: 350102
 */
export function matchFileRegions(names: readonly string[], context?: Omit<MatchContext, 'near'>): Match[] {
  const first = new Map<string, Match>();
  for (const name of names) if (!first.has(name)) first.set(name, matchRegion(name, context));
  const near: string[] = [];
  for (const m of first.values()) if (m.status === 'matched' && !m.assumed) near.push(m.division.code);
  const settled = new Map<string, Match>();
  for (const [name, m] of first) {
    const again = (m.status === 'ambiguous' && m.reason === 'name') || (m.status === 'matched' && m.assumed);
    settled.set(name, again ? matchRegion(name, { ...context, near }) : m);
  }
  return names.map((name) => settled.get(name) as Match);
}
