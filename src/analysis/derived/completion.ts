/**
 * 完成率: each value against its target, in percent (110% is over target). The target is another
 * indicator's value of the same region × period (a 目标值 table), else the value's own target
 * (a 目标值 column), else the input indicator's targets (指标设置). For an indicator where lower is
 * better (PM10) it is target ÷ value, as the dashboard's completion is (analysis/completion).
 */
import type { Indicator } from '../../domain/types';
import { sameUnit } from '../../domain/units';
import { findTarget, targetCompletion } from '../completion';
import { IssueCount, derivedRow, keyOf, keyed } from './common';
import type { DerivedContext, DerivedResult, DerivedRow } from './types';

/**
 * Completion of `input` against `targets` (rows of the target indicator `targetName`) or, with
 * none, against its own targets; `indicator` is the input's settings (polarity, targets).
 * @example completion('完成率', rows, indicator, targetRows, '目标').observations[0].unit // '%'
 */
export function completion(
  name: string,
  rows: readonly DerivedRow[],
  indicator: Indicator,
  targetRows: readonly DerivedRow[] = [],
  targetName?: string,
  context: DerivedContext = {},
): DerivedResult {
  const issues = new IssueCount();
  const values = keyed(rows, indicator.name, context, issues);
  const targets = targetName === undefined ? undefined : keyed(targetRows, targetName, context, issues);
  if (targets && targets.byKey.size > 0 && values.byKey.size > 0 && !sameUnit(targets.unit, values.unit)) {
    issues.add('unit_clash', { indicator: targetName!, unit: values.unit || '—', others: targets.unit || '—' });
    return { observations: [], issues: issues.list() };
  }
  const label = context.label ?? ((n: string) => n);
  const own = { ...indicator, targets: indicator.targets.map((t) => (t.region ? { ...t, region: label(t.region, undefined) } : t)) };
  const observations: DerivedRow[] = [];
  for (const o of values.byKey.values()) {
    const row = targets?.byKey.get(keyOf(o.region, o.period));
    const target = targets ? row?.value : (o.target ?? findTarget(own, o.region, o.period)?.value);
    if (target === undefined) {
      issues.add('missing_target', { region: o.region, period: o.period });
      continue;
    }
    const percent = targetCompletion(o.value, target, indicator.polarity);
    if (percent === undefined) issues.add('zero_denominator', { indicator: targetName ?? indicator.name, region: o.region, period: o.period });
    else observations.push(derivedRow(o, name, percent, { unit: '%' }, row ? [o, row] : [o]));
  }
  return { observations, issues: issues.list() };
}
