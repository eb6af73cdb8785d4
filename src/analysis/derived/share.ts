/**
 * 占比: each region's share of a whole, in percent: of the total of a set of regions in the same
 * period (every region that is not a 合计 row, or the ones chosen), or of its parent region's
 * value (道里区 of 哈尔滨市, by division code). Total rows are not parts of a set.
 */
import { parentCodeOf } from '../../domain/region-code';
import { IssueCount, derivedRow, keyOf, keyed } from './common';
import type { DerivedContext, DerivedResult, DerivedRow } from './types';

/**
 * Shares of `input`, named `name`: of the set's total (`set`, with `regions` the set's labels or
 * names; none: every region) or of the parent (`parent`).
 * @example share('占比', rows, '面积', 'set').observations[0].unit // '%'
 */
export function share(
  name: string,
  rows: readonly DerivedRow[],
  input: string,
  of: 'set' | 'parent',
  regions: readonly string[] = [],
  context: DerivedContext = {},
): DerivedResult {
  const issues = new IssueCount();
  const values = keyed(rows, input, context, issues);
  return { observations: of === 'parent' ? ofParent(name, values.byKey, issues) : ofSet(name, values.byKey, regions, context, issues), issues: issues.list() };
}

const PERCENT = { unit: '%' };

function ofSet(name: string, byKey: Map<string, DerivedRow>, regions: readonly string[], context: DerivedContext, issues: IssueCount): DerivedRow[] {
  const label = context.label ?? ((n: string) => n);
  const wanted = regions.length > 0 ? new Set(regions.map((r) => label(r, undefined))) : undefined;
  const parts = [...byKey.values()].filter((o) => (wanted ? wanted.has(o.region) : !o.isTotal));
  const totals = new Map<string, number>();
  for (const o of parts) totals.set(o.period, (totals.get(o.period) ?? 0) + o.value);
  const out: DerivedRow[] = [];
  for (const o of parts) {
    const total = totals.get(o.period)!;
    if (total === 0) issues.add('zero_denominator', { indicator: name, region: o.region, period: o.period });
    else out.push(derivedRow(o, name, (o.value / total) * 100, PERCENT, [o]));
  }
  return out;
}

function ofParent(name: string, byKey: Map<string, DerivedRow>, issues: IssueCount): DerivedRow[] {
  // The parent's value by its code and period: a parent is found by code, never by name.
  const byCode = new Map<string, DerivedRow>();
  for (const o of byKey.values()) if (o.regionCode !== undefined && !byCode.has(keyOf(o.regionCode, o.period))) byCode.set(keyOf(o.regionCode, o.period), o);
  const out: DerivedRow[] = [];
  for (const o of byKey.values()) {
    const parentCode = parentCodeOf(o.regionCode);
    if (o.isTotal) continue;
    // A province has no parent to share; a region with no code has one nobody can find.
    if (parentCode === undefined) {
      if (o.regionCode === undefined) issues.add('no_parent', { region: o.region, period: o.period });
      continue;
    }
    const parent = byCode.get(keyOf(parentCode, o.period));
    if (parent === undefined) issues.add('no_parent', { region: o.region, period: o.period });
    else if (parent.value === 0) issues.add('zero_denominator', { indicator: parent.region, region: o.region, period: o.period });
    else out.push(derivedRow(o, name, (o.value / parent.value) * 100, PERCENT, [o, parent]));
  }
  return out;
}
