/**
 * Regions stored before imports matched names to the table have no code: an old dataset of
 * county names could not be drilled, rolled up or mapped by code. Their names are matched here,
 * when the views read them, with the workspace's other regions as the context (`near`), as an
 * import does with a file's. Only an unambiguous match counts: a name found in several places
 * that the context does not settle, or one settled only by a default preference (吉林 → 吉林省),
 * stays as written. Nothing stored is changed (docs/regions.md, "Regions stored before the table").
 */
import { matchRegion, type Match } from './match';
import type { Aliases } from './name-index';
import { keptAsWritten } from './import-matches';

/** A region of the workspace's list: its name as written and the code stored with it, if any. */
export interface StoredRegion {
  name: string;
  code?: string;
  isTotal?: boolean;
}

const settled = (m: Match): string | undefined => (m.status === 'matched' && !m.assumed ? m.division.code : undefined);

/**
 * The division code of each stored name that has none and matches the table unambiguously.
 * The coded regions and the names that match outright are the context of the others; the
 * user's aliases (撤县设区: 阿城市 → 230112, stored from import previews) apply as in an import,
 * and a name the user kept as written there (an alias with no code) is left unmatched.
 * @example matchStoredRegions([{ name: '鼓楼区' }, { name: '台江区' }, { name: '仓山区', code: '350104' }]).get('鼓楼区') // '350102'
 */
export function matchStoredRegions(regions: readonly StoredRegion[], aliases?: Aliases): Map<string, string> {
  const out = new Map<string, string>();
  const near: string[] = [];
  for (const r of regions) if (r.code !== undefined && /^\d{6}$/.test(r.code)) near.push(r.code);
  const again = new Set<string>();
  for (const r of regions) {
    // Totals (合计, 全省) are not divisions; a name kept as written by the user stays so; a
    // name stored twice is matched once.
    if (r.code !== undefined || r.isTotal || keptAsWritten(aliases, r.name) || out.has(r.name) || again.has(r.name)) continue;
    const first = matchRegion(r.name, { aliases });
    const code = settled(first);
    if (code !== undefined) {
      out.set(r.name, code);
      near.push(code);
    } else if ((first.status === 'ambiguous' && first.reason === 'name') || first.status === 'matched') {
      again.add(r.name);
    }
  }
  for (const name of again) {
    const code = settled(matchRegion(name, { near, aliases }));
    if (code !== undefined) out.set(name, code);
  }
  return out;
}
