/**
 * 环比: each value against the period just before it of the same grain (a month against the month
 * before, a quarter against the quarter before, a year against the year before). A level changes
 * in percent of the earlier value; a rate (%, ‰) changes in 个百分点, as reports write it. The
 * first period has nothing before it (no issue); a period whose one before is missing, or zero,
 * is a gap and is said.
 */
import { previousPeriod } from '../../domain/period';
import { isRateUnit } from '../change';
import { IssueCount, derivedRow, keyOf, keyed } from './common';
import type { DerivedContext, DerivedResult, DerivedRow } from './types';

/**
 * Period-on-period change of `input`, named `name`.
 * @example periodChange('环比', [{ period: '2024-01', value: 100 }, { period: '2024-02', value: 110 }], 'x').observations[0].value // 10
 */
export function periodChange(name: string, rows: readonly DerivedRow[], input: string, context: DerivedContext = {}): DerivedResult {
  const issues = new IssueCount();
  const values = keyed(rows, input, context, issues);
  const points = isRateUnit(values.unit);
  const unit = { unit: points ? '个百分点' : '%' };
  const earliest = new Map<string, string>();
  for (const o of values.byKey.values()) {
    const first = earliest.get(o.region);
    if (first === undefined || o.period < first) earliest.set(o.region, o.period);
  }
  const observations: DerivedRow[] = [];
  for (const o of values.byKey.values()) {
    const before = previousPeriod(o.period);
    const prior = before === undefined ? undefined : values.byKey.get(keyOf(o.region, before));
    if (prior === undefined) {
      if (o.period !== earliest.get(o.region)) issues.add('missing_previous', { region: o.region, period: before ?? o.period });
      continue;
    }
    if (points) {
      observations.push(changeRow(derivedRow(o, name, o.value - prior.value, unit, [o, prior]), 'points'));
    } else if (prior.value === 0) {
      issues.add('zero_denominator', { indicator: input, region: o.region, period: prior.period });
    } else {
      observations.push(changeRow(derivedRow(o, name, ((o.value - prior.value) / Math.abs(prior.value)) * 100, unit, [o, prior]), 'relative'));
    }
  }
  return { observations, issues: issues.list() };
}

/** A change is drawn as what it is: values of a change are never plotted as levels. */
function changeRow(row: DerivedRow, changeType: 'points' | 'relative'): DerivedRow {
  row.kind = 'change';
  row.changeType = changeType;
  return row;
}
