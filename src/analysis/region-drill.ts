/**
 * Moving a view up and down the division hierarchy: a city's bar opens its counties, and back.
 * Pure: the division table comes in as `parentOf` (its parent where the table knows the code,
 * else by the code's structure), so this module does not bring the table into the first script.
 *
 * A drill, and the picker's "X 全部区县", choose regions by a rule kept in the view's `regions`
 * (`@children:230100`, `@counties:230000`), not as a frozen list of names: a link, a saved view
 * or a slide of "the counties of 哈尔滨市" shows a county whose data is imported later. The rule
 * is read against the regions of the data when a view is built (`expandRegionRules`).
 */
import { parentCodeOf } from '../domain/region-code';
import { codeLevel } from './region-levels';

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

/** How a rule chooses: the direct children of a division (its 下辖地区), or all its counties. */
export type RegionRuleKind = 'children' | 'counties';

/** A rule as a view's `regions` keeps it: the children or the counties of one division. */
export interface RegionRule {
  kind: RegionRuleKind;
  code: string;
}

const RULE = /^@(children|counties):(\d{6})$/;

/**
 * A rule written as an entry of a view's `regions`. `@` starts no region name an office writes.
 * @example regionRule('children', '230100') // '@children:230100'
 */
export function regionRule(kind: RegionRuleKind, code: string): string {
  return `@${kind}:${code}`;
}

/**
 * The rule an entry of `regions` is, or undefined for a region's name.
 * @example readRegionRule('@counties:230000') // { kind: 'counties', code: '230000' }
 */
export function readRegionRule(entry: string): RegionRule | undefined {
  const m = RULE.exec(entry);
  return m ? { kind: m[1] as RegionRuleKind, code: m[2]! } : undefined;
}

/**
 * Whether a choice of regions holds a rule (and so depends on the data's regions).
 * @example hasRegionRule(['道里区', '@children:230100']) // true
 */
export function hasRegionRule(chosen: readonly string[] | undefined): boolean {
  return chosen !== undefined && chosen.some((c) => RULE.test(c));
}

/**
 * The division a choice is the children of, when it is exactly one `children` rule (a drill).
 * @example ruleParent(['@children:230100']) // '230100'
 */
export function ruleParent(chosen: readonly string[] | undefined): string | undefined {
  const rule = chosen && chosen.length === 1 ? readRegionRule(chosen[0]!) : undefined;
  return rule?.kind === 'children' ? rule.code : undefined;
}

/**
 * Whether `code` is chosen by `rule` among the data's regions (`present`: their codes). Children:
 * under the division with no region of the data between (a city's counties; a province's cities,
 * and its counties that have no city in the data: a municipality's districts, 仙桃市); counties:
 * every county-level code under it.
 */
function chosenBy(rule: RegionRule, code: string, present: ReadonlySet<string>, parentOf: (code: string) => string | undefined): boolean {
  if (code === rule.code) return false;
  if (rule.kind === 'counties' && codeLevel(code) !== 2) return false;
  for (let p = parentOf(code), n = 0; p !== undefined && n < 4; p = parentOf(p), n++) {
    if (p === rule.code) return true;
    if (rule.kind === 'children' && present.has(p)) return false;
  }
  return false;
}

/**
 * A view's chosen regions with each rule replaced by the regions of the data it chooses (in the
 * data's order), names kept as they are, each once. `parentOf` defaults to the code's structure,
 * enough for every rule (a municipality's districts are found through 110100 to 110000).
 * @example expandRegionRules(['@children:230100'], regions) // ['道里区', '南岗区']
 */
export function expandRegionRules(
  chosen: readonly string[],
  regions: readonly CodedRegion[],
  parentOf: (code: string) => string | undefined = parentCodeOf,
): string[] {
  if (!hasRegionRule(chosen)) return [...new Set(chosen)];
  const present = new Set<string>();
  for (const r of regions) if (r.code !== undefined) present.add(r.code);
  const out = new Set<string>();
  for (const entry of chosen) {
    const rule = readRegionRule(entry);
    if (!rule) out.add(entry);
    else for (const r of regions) if (r.code !== undefined && chosenBy(rule, r.code, present, parentOf)) out.add(r.name);
  }
  return [...out];
}

/**
 * Where a click on `name` leads, when the region has children in the data: `regions`, what the
 * view's regions become (the rule "children of" it, so a county imported later shows), and
 * `parts`, those children now.
 * @example drillInto('哈尔滨市', regions, parentOf) // { code: '230100', regions: ['@children:230100'], parts: ['道里区', …] }
 */
export function drillInto(
  name: string,
  regions: readonly CodedRegion[],
  parentOf: (code: string) => string | undefined,
): { code: string; regions: string[]; parts: string[] } | undefined {
  const code = regions.find((r) => r.name === name)?.code;
  if (code === undefined) return undefined;
  const children = childrenIn(code, regions, parentOf);
  return children.length > 0 ? { code, regions: [regionRule('children', code)], parts: children } : undefined;
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
 * (哈尔滨市 among the cities of 黑龙江省, as the rule "children of" that parent), the provinces
 * of the data for a province, or undefined when the data has none (the view's default).
 * @example drillBack('230100', regions, parentOf) // ['@children:230000']
 */
export function drillBack(code: string, regions: readonly CodedRegion[], parentOf: (code: string) => string | undefined): string[] | undefined {
  const up = parentOf(code);
  if (up !== undefined) return childrenIn(up, regions, parentOf).length > 0 ? [regionRule('children', up)] : undefined;
  const provinces = regions.filter((r) => r.code !== undefined && parentOf(r.code) === undefined).map((r) => r.name);
  return provinces.length > 0 ? provinces : undefined;
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
