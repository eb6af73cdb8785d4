/**
 * A name for a division code where the app would otherwise show the bare code (the region
 * picker's group headings, the map's list of what did not match). In order: a name a dataset
 * gives that very code (as the user's files write it); the national division table, once loaded
 * (`src/regions`, see dashboard/division-names.svelte.ts); a name the data's own children imply
 * (哈尔滨市道里区 under 230100 says 230100 is 哈尔滨市). A code stays bare only when none of
 * these knows it.
 */

/** A region as the workspace knows it: the name as written, with its code if any. */
export interface KnownRegion {
  name: string;
  code?: string;
}

/** Division names end with one of these; a name is split into its divisions at them. */
const PART = /.+?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|林区|特区|省|市|州|盟|县|区|旗)/g;

/**
 * The divisions a name is written with, largest first.
 * @example nameParts('黑龙江省哈尔滨市道里区') // ['黑龙江省', '哈尔滨市', '道里区']
 */
export function nameParts(name: string): string[] {
  const parts = name.trim().match(PART) ?? [];
  return parts.join('') === name.trim() ? parts : [];
}

/**
 * The shortest name that says what kind of division it is (`哈尔滨市` over `黑龙江省哈尔滨市`,
 * `黑龙江省` over `黑龙江`, as region labels are chosen), ties by first seen.
 */
function shortest(names: readonly string[]): string | undefined {
  const kinded = names.filter((n) => nameParts(n).length > 0);
  const pool = kinded.length > 0 ? kinded : names;
  return pool.reduce<string | undefined>((best, n) => (best === undefined || n.length < best.length ? n : best), undefined);
}

/**
 * The best name for `code`, or undefined when nothing knows it.
 * @example nameForCode('230100', [{ name: '哈尔滨市道里区', code: '230102' }]) // '哈尔滨市'
 */
export function nameForCode(
  code: string,
  known: readonly KnownRegion[],
  division?: (code: string) => string | undefined,
): string | undefined {
  const own = shortest(known.filter((r) => r.code === code).map((r) => r.name.trim()).filter((n) => n !== ''));
  if (own) return own;
  const listed = division?.(code);
  if (listed) return listed;
  // Children written with their parent in front: the part before the child's own name.
  const votes = new Map<string, number>();
  for (const r of known) {
    if (!r.code || r.code === code || !isChildOf(r.code, code)) continue;
    const parts = nameParts(r.name);
    if (parts.length < 2) continue;
    const parent = parts[parts.length - 2];
    votes.set(parent, (votes.get(parent) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [name, n] of votes) if (best === undefined || n > votes.get(best)!) best = name;
  return best;
}

/** `child` lies directly under `parent` by the code's structure (2301xx under 230100, 23xx00 under 230000). */
function isChildOf(child: string, parent: string): boolean {
  if (!/^\d{6}$/.test(child) || !/^\d{6}$/.test(parent)) return false;
  if (parent.endsWith('0000')) return child.startsWith(parent.slice(0, 2)) && child.endsWith('00');
  if (parent.endsWith('00')) return child.startsWith(parent.slice(0, 4));
  return false;
}

/**
 * How a join key is listed: a code with the name found for it (`道外区（230104）`), a name as it is.
 * @example keyLabel('230104', 'code', [{ name: '道外区', code: '230104' }]) // '道外区（230104）'
 */
export function keyLabel(
  key: string,
  joinOn: 'name' | 'code' | undefined,
  known: readonly KnownRegion[],
  division?: (code: string) => string | undefined,
): string {
  if (joinOn !== 'code') return key;
  const name = nameForCode(key, known, division);
  return name ? `${name}（${key}）` : key;
}
