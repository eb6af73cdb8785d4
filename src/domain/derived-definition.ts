/**
 * A calculated indicator (计算指标) as the user defines it: an operation and the indicators it
 * takes, never a formula and never values. Stored as a definition (store/derived-definitions.ts)
 * so it follows new data; computed where values are read (analysis/derived). It lives here, in
 * the vocabulary, because both the store (which keeps and validates it) and the analysis (which
 * computes it) need it and neither may import the other.
 */

/** Every operation, in the order the dialog offers them. */
export const DERIVED_OPERATIONS = ['per-capita', 'share', 'monthly', 'cumulative', 'change', 'completion'] as const;

/**
 * `per-capita` 人均 (input ÷ a population indicator), `share` 占比 (of a region set's total or of
 * the parent region), `monthly` 累计 → 当月, `cumulative` 当月 → 累计, `change` 环比 (against the
 * period before), `completion` 完成率 (against a target indicator or the input's own targets).
 */
export type DerivedOperation = (typeof DERIVED_OPERATIONS)[number];

/**
 * One calculated indicator.
 * @example { name: '人均地区生产总值', operation: 'per-capita', input: '地区生产总值', other: '常住人口' }
 */
export interface DerivedDefinition {
  /** The calculated indicator's name, its key: never a stored indicator's name. */
  name: string;
  operation: DerivedOperation;
  /** The indicator it is calculated from. */
  input: string;
  /** `per-capita`: the population; `completion`: the target indicator (absent: the input's own targets). */
  other?: string;
  /** `share`: of the regions' total (`set`, the default) or of each region's parent (`parent`). */
  shareOf?: 'set' | 'parent';
  /** `share` of a set: the regions whose total is the whole (absent or empty: every region that is not a total row). */
  regions?: string[];
}

/** Longest name or indicator name a definition may carry (as view specs allow). */
export const DERIVED_NAME_MAX = 200;
/** Most regions a share's set may list. */
export const DERIVED_REGIONS_MAX = 5000;

const isName = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= DERIVED_NAME_MAX;

/**
 * A definition read from outside (the settings table, a backup): the same definition when every
 * field is what it should be, else undefined. Unknown fields are dropped.
 * @example readDerivedDefinition({ name: 'a', operation: 'change', input: 'b' }) // { name: 'a', operation: 'change', input: 'b' }
 */
export function readDerivedDefinition(raw: unknown): DerivedDefinition | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  const own = (key: string): unknown => (Object.prototype.hasOwnProperty.call(r, key) ? r[key] : undefined);
  const name = own('name');
  const operation = own('operation');
  const input = own('input');
  const other = own('other');
  const shareOf = own('shareOf');
  const regions = own('regions');
  if (!isName(name) || !isName(input) || !(DERIVED_OPERATIONS as readonly unknown[]).includes(operation)) return undefined;
  if (other !== undefined && !isName(other)) return undefined;
  if (shareOf !== undefined && shareOf !== 'set' && shareOf !== 'parent') return undefined;
  if (regions !== undefined && !(Array.isArray(regions) && regions.length <= DERIVED_REGIONS_MAX && regions.every(isName))) return undefined;
  const out: DerivedDefinition = { name, operation: operation as DerivedOperation, input };
  if (other !== undefined) out.other = other;
  if (shareOf !== undefined) out.shareOf = shareOf;
  if (regions !== undefined && regions.length > 0) out.regions = [...regions];
  return out;
}

/**
 * The indicators a definition reads.
 * @example derivedInputs({ name: 'a', operation: 'per-capita', input: 'b', other: 'c' }) // ['b', 'c']
 */
export function derivedInputs(def: DerivedDefinition): string[] {
  return def.other !== undefined && (def.operation === 'per-capita' || def.operation === 'completion') ? [def.input, def.other] : [def.input];
}
