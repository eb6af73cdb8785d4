/**
 * Levels of the division hierarchy, told from 6-digit codes alone (no table): `xx0000` a
 * province, `xxxx00` a prefecture, else a county. Enough to keep a view's default regions at one
 * level: a city drawn among its counties squashes their lines flat, and its value is their total,
 * not one of them.
 */

/** 0 province, 1 prefecture, 2 county; undefined for anything that is not a 6-digit code. */
export function codeLevel(code: string | undefined): 0 | 1 | 2 | undefined {
  if (code === undefined || !/^\d{6}$/.test(code)) return undefined;
  if (code.endsWith('0000')) return 0;
  return code.endsWith('00') ? 1 : 2;
}

/**
 * The regions, best first, kept at the level of the first coded one: regions of other levels
 * are left out (the user can still pick them); regions without a code are kept, their level
 * being unknown.
 * @example oneLevel(['哈尔滨市', '道里区', '齐齐哈尔市'], new Map([['哈尔滨市', '230100'], ['道里区', '230102'], ['齐齐哈尔市', '230200']])) // ['哈尔滨市', '齐齐哈尔市']
 */
export function oneLevel(ranked: readonly string[], codeOf: ReadonlyMap<string, string | undefined>): string[] {
  let level: number | undefined;
  return ranked.filter((r) => {
    const l = codeLevel(codeOf.get(r));
    if (l === undefined) return true;
    level ??= l;
    return l === level;
  });
}

/**
 * For a view that would show every region (a comparison with none chosen): the regions of one
 * level when they span several, the coarsest level with two or more (cities before their
 * counties, which a drill-down opens), with the regions that have no code; undefined when they do
 * not span levels (every region, as before).
 * @example levelOfView([{ name: '哈尔滨市', code: '230100' }, { name: '齐齐哈尔市', code: '230200' }, { name: '道里区', code: '230102' }]) // ['哈尔滨市', '齐齐哈尔市']
 */
export function levelOfView(regions: readonly { name: string; code?: string }[]): string[] | undefined {
  const counts = [0, 0, 0];
  for (const r of regions) {
    const l = codeLevel(r.code);
    if (l !== undefined) counts[l]++;
  }
  if (counts.filter((n) => n > 0).length < 2) return undefined;
  const level = counts.findIndex((n) => n >= 2);
  if (level < 0) return undefined;
  return regions.filter((r) => {
    const l = codeLevel(r.code);
    return l === undefined || l === level;
  }).map((r) => r.name);
}

/** Municipalities whose districts are all coded xx01xx (重庆 splits into 5001 and 5002: left as its digits say). */
const MUNICIPALITIES: ReadonlySet<string> = new Set(['11', '12', '31']);

/** The regions ranks count, and the division they lie in (for the note saying so). */
export interface RankPool {
  /** The regions of the chosen regions' level under `within` (or everywhere). */
  names: Set<string>;
  /** 0 province, 1 prefecture, 2 county. */
  level: 0 | 1 | 2;
  /** The code of the division they all lie in (230100 for 哈尔滨's counties); none: the whole country. */
  within?: string;
}

/**
 * The regions a comparison's ranks count: those of the chosen regions' level under the division
 * they all lie in (the counties of 哈尔滨市 for a drill into it, whether all or a few of them are
 * shown; the cities for a comparison of cities), so a rank is a place among siblings, never among
 * every level of the data (名次为全部 30 个地区中的名次 for 13 cities among their counties).
 * Undefined, every region, when a chosen region has no code or the choice mixes levels.
 * @example rankPoolOf(['道里区', '南岗区'], regions) // { names: Set { '道里区', '南岗区', '道外区', … }, level: 2, within: '230100' }
 */
export function rankPoolOf(chosen: readonly string[], regions: readonly { name: string; code?: string }[]): RankPool | undefined {
  if (chosen.length === 0) return undefined;
  const codeOf = new Map<string, string | undefined>();
  for (const r of regions) if (!codeOf.has(r.name) || codeOf.get(r.name) === undefined) codeOf.set(r.name, r.code);
  const codes: string[] = [];
  for (const name of chosen) {
    const code = codeOf.get(name);
    if (codeLevel(code) === undefined) return undefined;
    codes.push(code!);
  }
  const level = codeLevel(codes[0])!;
  if (codes.some((c) => codeLevel(c) !== level)) return undefined;
  // The division they all lie in, by the code's digits: its city (4), its province (2), or none.
  const shared = (n: number) => codes.every((c) => c.slice(0, n) === codes[0]!.slice(0, n));
  const prefix = level === 2 && shared(4) ? codes[0]!.slice(0, 4) : level >= 1 && shared(2) ? codes[0]!.slice(0, 2) : '';
  const names = new Set<string>();
  for (const r of regions) if (r.code !== undefined && codeLevel(r.code) === level && r.code.startsWith(prefix)) names.add(r.name);
  // 北京's, 天津's and 上海's districts (1101xx) lie in the municipality itself: 110100 is no division.
  const within = prefix === '' ? undefined : prefix.length === 2 || MUNICIPALITIES.has(prefix.slice(0, 2)) ? `${prefix.slice(0, 2)}0000` : `${prefix}00`;
  return within ? { names, level, within } : { names, level };
}
