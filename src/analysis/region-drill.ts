/**
 * Moving a view up and down the division hierarchy: a city's bar opens its counties, and back.
 * Pure: the division table comes in as `parentOf` (its parent where the table knows the code,
 * else by the code's structure), so this module does not bring the table into the first script.
 */

/** A region of the data with the code any of its values carries. */
export interface CodedRegion {
  name: string;
  code?: string;
}

/** `parentOf` walked from `code` up: whether `ancestor` is above it (not the code itself). */
function isBelow(code: string, ancestor: string, parentOf: (code: string) => string | undefined): boolean {
  for (let p = parentOf(code), n = 0; p !== undefined && n < 4; p = parentOf(p), n++) if (p === ancestor) return true;
  return false;
}

/**
 * The regions of the data directly under `code` (a city's counties, a province's cities; a
 * municipality's districts), in the data's order.
 * @example childrenIn('230100', regions, parentOf) // ['道里区', '南岗区', …]
 */
export function childrenIn(code: string, regions: readonly CodedRegion[], parentOf: (code: string) => string | undefined): string[] {
  return regions.filter((r) => r.code !== undefined && r.code !== code && parentOf(r.code) === code).map((r) => r.name);
}

/**
 * Where a click on `name` leads: the region's children in the data, when it has any.
 * @example drillInto('哈尔滨市', regions, parentOf) // { code: '230100', regions: ['道里区', …] }
 */
export function drillInto(
  name: string,
  regions: readonly CodedRegion[],
  parentOf: (code: string) => string | undefined,
): { code: string; regions: string[] } | undefined {
  const code = regions.find((r) => r.name === name)?.code;
  if (code === undefined) return undefined;
  const children = childrenIn(code, regions, parentOf);
  return children.length > 0 ? { code, regions: children } : undefined;
}

/**
 * The division a choice of regions is the inside of: the one parent every chosen region has
 * directly, when there are at least two of them (a drill's result). Undefined otherwise.
 * @example drilledParent(['道里区', '南岗区'], regions, parentOf) // '230100'
 */
export function drilledParent(
  chosen: readonly string[],
  regions: readonly CodedRegion[],
  parentOf: (code: string) => string | undefined,
): string | undefined {
  if (chosen.length < 2) return undefined;
  const codeOf = new Map(regions.map((r) => [r.name, r.code]));
  let parent: string | undefined;
  for (const name of chosen) {
    const code = codeOf.get(name);
    const p = code === undefined ? undefined : parentOf(code);
    if (p === undefined || (parent !== undefined && p !== parent)) return undefined;
    parent = p;
  }
  return parent;
}

/**
 * Back up from the inside of `code`: the regions of the data at its level under its own parent
 * (哈尔滨市 among the cities of 黑龙江省), or undefined when the data has none (the view's default).
 * @example drillBack('230100', regions, parentOf) // ['哈尔滨市', '齐齐哈尔市', …]
 */
export function drillBack(code: string, regions: readonly CodedRegion[], parentOf: (code: string) => string | undefined): string[] | undefined {
  const up = parentOf(code);
  const siblings = up === undefined ? regions.filter((r) => r.code !== undefined && parentOf(r.code) === undefined).map((r) => r.name) : childrenIn(up, regions, parentOf);
  return siblings.length > 0 ? siblings : undefined;
}

/**
 * The regions of the data anywhere under `code`.
 * @example descendantsIn('230000', regions, parentOf) // ['哈尔滨市', '道里区', …]
 */
export function descendantsIn(code: string, regions: readonly CodedRegion[], parentOf: (code: string) => string | undefined): CodedRegion[] {
  return regions.filter((r) => r.code !== undefined && isBelow(r.code, code, parentOf));
}

/**
 * Of the user's other boundary files, the one that maps the parts of `code` (most features whose
 * parent is `code`: a county map under a city clicked on the province's city map), if any.
 * @example boundaryUnder('230100', [{ id: 'counties', codes: ['230102', '230103'] }], parentOf) // 'counties'
 */
export function boundaryUnder(
  code: string,
  maps: readonly { id: string; codes: readonly string[] }[],
  parentOf: (code: string) => string | undefined,
): string | undefined {
  let best: { id: string; n: number } | undefined;
  for (const m of maps) {
    const n = m.codes.filter((c) => parentOf(c) === code).length;
    if (n > 0 && (!best || n > best.n)) best = { id: m.id, n };
  }
  return best?.id;
}
