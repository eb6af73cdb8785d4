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
