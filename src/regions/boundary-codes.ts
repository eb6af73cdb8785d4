/**
 * Division codes for a boundary file keyed by name: the map joins the data by code, so a file
 * whose features name their places (`NAME: 道里区`) and a file of values written
 * `哈尔滨市道里区` meet on 230102. The property read is the one whose values match the table best;
 * the features are matched as one file (鼓楼区 settled by its neighbours), like an import.
 */
import { matchFileRegions } from './match-file';

/** A feature's properties, as a boundary file has them (values of any JSON type). */
export type FeatureProperties = Readonly<Record<string, unknown>>;

/** Properties that already hold division codes: a file that has one needs nothing added. */
const CODE_PROPERTIES = /^(adcode|ad_code|code|gb|gbcode|区划代码|行政区划代码|代码)$/i;

/**
 * The property whose values name divisions, and the code each feature's value matched to
 * (undefined where it did not), or undefined when the features carry codes already or no
 * property names any division.
 * @example featureCodes([{ NAME: '道里区' }, { NAME: '南岗区' }]) // { property: 'NAME', codes: ['230102', '230103'] }
 */
export function featureCodes(features: readonly FeatureProperties[]): { property: string; codes: (string | undefined)[] } | undefined {
  const keys = new Set<string>();
  for (const p of features) for (const k of Object.keys(p)) keys.add(k);
  if ([...keys].some((k) => CODE_PROPERTIES.test(k))) return undefined;
  let best: { property: string; codes: (string | undefined)[]; hits: number } | undefined;
  for (const property of keys) {
    const names = features.map((p) => (typeof p[property] === 'string' ? (p[property] as string) : ''));
    if (names.every((n) => n === '')) continue;
    const codes = matchFileRegions(names).map((m) => (m.status === 'matched' ? m.division.code : undefined));
    const hits = codes.filter((c) => c !== undefined).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { property, codes, hits };
  }
  return best && { property: best.property, codes: best.codes };
}
