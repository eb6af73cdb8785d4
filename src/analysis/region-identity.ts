/**
 * One region, however a file wrote it. Offices write the same district `道里区` in one table and
 * `哈尔滨市道里区` in another, and the views, which group values by region, showed two regions
 * (the sample data's own comparison listed both, tied). Here a region is its division code where
 * one is known, else its name as written, and the views label it with one of its written names.
 * Names are never merged on the name alone when codes disagree: the same county name recurs across
 * the country (鼓楼区 ×4). What is stored is never changed; `regionAsWritten` keeps the original.
 */
import type { Indicator, Observation, Region } from '../domain/types';
import { parentCodeOf } from '../domain/region-code';
import { expandRegionRules, hasRegionRule } from './region-drill';
import { memoOn, regionList } from './value-index';

/**
 * Labels for the regions of a workspace.
 * @example buildRegionIdentity([{ name: '道里区', code: '230102' }, { name: '哈尔滨市道里区', code: '230102' }]).label('哈尔滨市道里区', '230102') // '道里区'
 */
export interface RegionIdentity {
  /** The name views show and group by, for a region as written and the code its value carried. */
  label(name: string, code: string | undefined): string;
  /** The written names known to show under a label (the label itself when none is known). */
  namesOf(label: string): string[];
  /** The division code a name written without one is known by, if any. */
  codeOf(name: string): string | undefined;
}

/** A name that says what kind of division it is (黑龙江省, 道里区), preferred over a bare one (黑龙江). */
const DIVISION_SUFFIX = /[省市区县旗盟州镇乡]$|街道$/;

/**
 * The identity of every region in `known` (the workspace's region list, each with the first
 * code seen for its name). A name without a code takes the code `matched` gives it (the division
 * table's unambiguous match, `matchStoredRegions` in src/regions, once the table has loaded:
 * regions stored before imports matched names); else it joins a coded region when it is that
 * region's name with its parents' names in front (哈尔滨市道里区 when 哈尔滨市 is known as 230100).
 */
export function buildRegionIdentity(known: readonly Region[], matched?: ReadonlyMap<string, string>): RegionIdentity {
  const codeOfName = new Map<string, string>();
  const namesOfCode = new Map<string, string[]>();
  const add = (name: string, code: string) => {
    codeOfName.set(name, code);
    const names = namesOfCode.get(code);
    if (names) names.push(name);
    else namesOfCode.set(code, [name]);
  };
  for (const r of known) if (r.code) add(r.name, r.code);
  for (const r of known) {
    const code = r.code ? undefined : matched?.get(r.name);
    if (code !== undefined && !codeOfName.has(r.name)) add(r.name, code);
  }
  const lengths = [...new Set([...codeOfName.keys()].map((n) => n.length))];
  for (const r of known) {
    if (r.code || codeOfName.has(r.name)) continue;
    const code = codeByParents(r.name, codeOfName, namesOfCode, lengths);
    if (code) add(r.name, code);
  }
  const labelOfCode = new Map<string, string>();
  for (const [code, names] of namesOfCode) labelOfCode.set(code, preferredName(names));
  // One lookup per value on the common path: a name with the code it is known by, or none.
  const entryOfName = new Map<string, { code: string; label: string }>();
  for (const [name, code] of codeOfName) entryOfName.set(name, { code, label: labelOfCode.get(code)! });

  return {
    label(name, code) {
      const entry = entryOfName.get(name);
      if (entry !== undefined && (code === undefined || code === entry.code)) return entry.label;
      if (code === undefined) return name;
      // A code other than the one this name is known by (another region of the same name), or a
      // name the list does not have yet.
      return labelOfCode.get(code) ?? (entry === undefined ? name : `${name}（${code}）`);
    },
    namesOf(label) {
      const code = codeOfName.get(label);
      if (code !== undefined && labelOfCode.get(code) === label) return [...namesOfCode.get(code)!];
      // `鼓楼区（320106）`: a name known by another code, labelled with its own.
      const coded = /^(.+)（\d+）$/.exec(label);
      return coded && codeOfName.has(coded[1]!) ? [coded[1]!] : [label];
    },
    codeOf(name) {
      return entryOfName.get(name)?.code;
    },
  };
}

/** The label of a code's names: the shortest that names a kind of division, else the shortest. */
function preferredName(names: readonly string[]): string {
  const divisions = names.filter((n) => DIVISION_SUFFIX.test(n));
  const pool = divisions.length > 0 ? divisions : names;
  return pool.reduce((best, n) => (n.length < best.length ? n : best));
}

/**
 * The code of a coded region that `name` writes with its parents' names in front, if any. Only
 * suffixes as long as some coded name (`lengths`) are tried: every suffix of a 100,000-character
 * name was 5 × 10⁹ characters of slices, 40–60 s before the charts of that import drew.
 */
function codeByParents(
  name: string,
  codeOfName: ReadonlyMap<string, string>,
  namesOfCode: ReadonlyMap<string, readonly string[]>,
  lengths: readonly number[],
): string | undefined {
  // Longest suffix first, as the loop over every position went.
  const starts = lengths.map((n) => name.length - n).filter((i) => i >= 1 && i < name.length - 1).sort((a, b) => a - b);
  for (const i of starts) {
    const code = codeOfName.get(name.slice(i));
    if (code !== undefined && isParentChain(name.slice(0, i), code, namesOfCode)) return code;
  }
  return undefined;
}

/** Whether `prefix` is the name of `code`'s parent, or its parents' names one after another. */
function isParentChain(prefix: string, code: string, namesOfCode: ReadonlyMap<string, readonly string[]>): boolean {
  const parent = parentCodeOf(code);
  if (parent === undefined) return false;
  return (namesOfCode.get(parent) ?? []).some(
    (n) => prefix === n || (prefix.endsWith(n) && isParentChain(prefix.slice(0, -n.length), parent, namesOfCode)),
  );
}

/**
 * The observations with each region under its label, and the code its name is known by when the
 * value has none (an old dataset's `道里区` gains 230102, so it drills, rolls up and maps); an
 * observation that changes is copied (with `regionAsWritten` when its label differs), and the
 * same array comes back when none does. The loop over every value has a function of its own
 * (see `periodsByGrain` in series.ts for why).
 * @example labelRegions([{ region: '哈尔滨市道里区', regionCode: '230102', … }], identity)[0].region // '道里区'
 */
export function labelRegions<T extends Observation>(rows: T[], identity: RegionIdentity): T[] {
  let out: T[] | undefined;
  // Values come grouped by region: a region's label is found once per run of its values.
  let lastRegion: string | undefined;
  let lastCode: string | undefined;
  let label = '';
  let code: string | undefined;
  for (let i = 0; i < rows.length; i++) {
    const o = rows[i]!;
    if (o.region !== lastRegion || o.regionCode !== lastCode || i === 0) {
      lastRegion = o.region;
      lastCode = o.regionCode;
      label = identity.label(o.region, o.regionCode);
      code = o.regionCode === undefined ? identity.codeOf(o.region) : undefined;
    }
    if (label !== o.region || code !== undefined) {
      out ??= rows.slice(0, i);
      const copy = { ...o, region: label };
      if (label !== o.region) copy.regionAsWritten = o.regionAsWritten ?? o.region;
      if (code !== undefined) copy.regionCode = code;
      out.push(copy);
    } else if (out) out.push(o);
  }
  return out ?? rows;
}

/**
 * The indicator with its regional targets under the same labels as the values.
 * @example labelTargets(indicator, identity).targets[0].region // '道里区'
 */
export function labelTargets(indicator: Indicator, identity: RegionIdentity): Indicator {
  if (!indicator.targets.some((t) => t.region && identity.label(t.region, undefined) !== t.region)) return indicator;
  return {
    ...indicator,
    targets: indicator.targets.map((t) => (t.region ? { ...t, region: identity.label(t.region, undefined) } : t)),
  };
}

/**
 * One entry per label, with a code where any of its names has one: the list a region picker shows.
 * @example labelledRegions([{ name: '哈尔滨市道里区', code: '230102' }, { name: '道里区' }], identity) // [{ name: '道里区', code: '230102' }]
 */
export function labelledRegions(known: readonly Region[], identity: RegionIdentity): Region[] {
  const byLabel = new Map<string, Region>();
  for (const r of known) {
    const name = identity.label(r.name, r.code);
    const seen = byLabel.get(name);
    const code = r.code ?? identity.codeOf(r.name);
    if (!seen) byLabel.set(name, code === undefined ? { ...r, name } : { ...r, name, code });
    else if (seen.code === undefined && code !== undefined) seen.code = code;
  }
  return [...byLabel.values()];
}

/**
 * Regions a saved view chose, under the labels of `rows` (labelled by `labelRegions`): a view
 * saved before two names were known as one region names the one it was written as; a rule
 * (`@children:230100`, analysis/region-drill) stands for the regions of `rows` it chooses.
 * @example chosenUnderLabels(['哈尔滨市道里区'], labelRegions(rows, identity)) // ['道里区']
 */
export function chosenUnderLabels(chosen: readonly string[], rows: readonly Observation[]): string[] {
  const names = hasRegionRule(chosen) ? expandRegionRules(chosen, regionsOf(rows)) : chosen;
  // Once per list: the trend, the comparison and the cards each ask it of the same 200,100 values.
  const labelOf = memoOn(rows, 'labelOfWritten', () => labelsOfWritten(rows));
  if (labelOf.size === 0) return [...names];
  const present = memoOn(rows, 'regionNames', () => new Set(regionList(rows).map((r) => r.name)));
  return [...new Set(names.map((n) => (present.has(n) ? n : (labelOf.get(n) ?? n))))];
}

/** Each region as written → its label, for the values labelled under another name. */
function labelsOfWritten(rows: readonly Observation[]): ReadonlyMap<string, string> {
  const labelOf = new Map<string, string>();
  for (let i = 0; i < rows.length; i++) {
    const o = rows[i];
    if (o.regionAsWritten !== undefined) labelOf.set(o.regionAsWritten, o.region);
  }
  return labelOf;
}

/**
 * What an import changed in how regions are shown: each name, new or known, that now shows
 * under a label it did not show under before (`哈尔滨市南岗区` → `南岗区`; `黑龙江` → `黑龙江省`
 * when the import wrote 黑龙江省). `before` and `after` are the workspace's region list on either
 * side of the import.
 * @example joinedRegions([{ name: '南岗区', code: '230103' }], [{ name: '南岗区', code: '230103' }, { name: '哈尔滨市南岗区', code: '230103' }]) // [{ name: '哈尔滨市南岗区', label: '南岗区' }]
 */
export function joinedRegions(before: readonly Region[], after: readonly Region[]): { name: string; label: string }[] {
  const known = new Set(before.map((r) => r.name));
  const was = buildRegionIdentity(before);
  const now = buildRegionIdentity(after);
  const out: { name: string; label: string }[] = [];
  for (const r of after) {
    const label = now.label(r.name, r.code);
    if (label !== r.name && (!known.has(r.name) || was.label(r.name, r.code) !== label)) out.push({ name: r.name, label });
  }
  return out;
}

/**
 * Each region of `rows` once, in first-seen order, with a code any of its values carries: a
 * region written with and without its code (one label) keeps the code, so a map still joins it.
 * @example regionsOf([{ region: '道里区', regionCode: '230102', … }, { region: '道里区', … }]) // [{ name: '道里区', code: '230102' }]
 */
export function regionsOf(rows: readonly Observation[]): { name: string; code?: string }[] {
  // Found once per list (value-index.ts: the picker, the drill bar, the comparison and the
  // linked filter ask it of the same 200,100 values); a copy, which the caller may change.
  return regionList(rows).map((r) => ({ ...r }));
}
