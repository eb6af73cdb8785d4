/**
 * 人均: an indicator divided by a population (常住人口), usually from another dataset, matched by
 * region (under its label) and period exactly. A value with no population of its region × period
 * is a gap, and so is one whose population is zero; both are said.
 */
import { IssueCount, derivedRow, keyOf, keyed, spanOf } from './common';
import { countsPeople, ratioUnit } from './units';
import type { DerivedContext, DerivedResult, DerivedRow } from './types';

/**
 * Per-capita values of `input` by `population`, named `name`.
 * @example perCapita('人均GDP', gdpRows, '地区生产总值', popRows, '常住人口').observations[0].unit // '元/人'
 */
export function perCapita(
  name: string,
  rows: readonly DerivedRow[],
  input: string,
  populationRows: readonly DerivedRow[],
  population: string,
  context: DerivedContext = {},
): DerivedResult {
  const issues = new IssueCount();
  const num = keyed(rows, input, context, issues);
  const den = keyed(populationRows, population, context, issues);
  if (den.byKey.size > 0 && !countsPeople(den.unit)) issues.add('not_persons', { indicator: population, unit: den.unit || '—' });
  const unit = ratioUnit(num, den);
  const periods = (k: { byKey: Map<string, DerivedRow> }) => new Set([...k.byKey.values()].map((o) => o.period));
  const numPeriods = periods(num);
  const denPeriods = periods(den);
  if (num.byKey.size > 0 && ![...numPeriods].some((p) => denPeriods.has(p))) {
    issues.add('period_mismatch', { indicator: population, periods: spanOf(numPeriods), other: spanOf(denPeriods) });
  }
  const observations: DerivedRow[] = [];
  for (const o of num.byKey.values()) {
    const d = den.byKey.get(keyOf(o.region, o.period));
    if (d === undefined) issues.add('missing_denominator', { indicator: population, region: o.region, period: o.period });
    else if (d.value === 0) issues.add('zero_denominator', { indicator: population, region: o.region, period: o.period });
    else observations.push(derivedRow(o, name, o.value / d.value, unit, [o, d]));
  }
  return { observations, issues: issues.list() };
}
