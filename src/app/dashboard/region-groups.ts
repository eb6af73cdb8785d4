/**
 * Regions grouped by parent for the region picker, where 6-digit division codes (GB/T 2260) allow:
 * 230102 道里区 goes under 230100, 230100 under 230000. Regions without such a code stay in one
 * group of their own, in the order given.
 */
import { parentCodeOf } from '../../domain/region-code';

/** A region as the picker sees it. */
export interface PickerRegion {
  name: string;
  code?: string;
}

/**
 * One group: the parent's code and, when the parent is itself among the regions, its name.
 * @example { parentCode: '230100', parentName: '哈尔滨市', regions: ['哈尔滨市', '道里区'] }
 */
export interface RegionGroup {
  /** Undefined for regions without a usable code. */
  parentCode: string | undefined;
  parentName: string | undefined;
  regions: string[];
}

/**
 * Group regions under their parents. A region that is itself a parent heads its own group, and
 * groups keep the order of their first member. Fewer than two groups with codes: one flat group.
 * @example groupRegions([{ name: '道里区', code: '230102' }, { name: '南岗区', code: '230103' }])[0].parentCode // '230100'
 */
export function groupRegions(regions: readonly PickerRegion[]): RegionGroup[] {
  const nameOfCode = new Map<string, string>();
  for (const r of regions) if (r.code && !nameOfCode.has(r.code)) nameOfCode.set(r.code, r.name);
  const groups = new Map<string | undefined, RegionGroup>();
  const parents = new Set(regions.map((r) => parentCodeOf(r.code)).filter((c): c is string => c !== undefined));
  for (const r of regions) {
    // A parent that has children here heads their group; otherwise it sits under its own parent.
    const key = r.code && parents.has(r.code) ? r.code : parentCodeOf(r.code);
    let g = groups.get(key);
    if (!g) {
      g = { parentCode: key, parentName: key ? nameOfCode.get(key) : undefined, regions: [] };
      groups.set(key, g);
    }
    if (key && r.code === key) g.regions.unshift(r.name);
    else g.regions.push(r.name);
  }
  return [...groups.values()];
}
