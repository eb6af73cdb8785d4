/**
 * 累计 → 当月 and back. Reports give months as 1—N月累计 (a year's total so far); a month's own
 * value is the difference of two consecutive totals of the same year, and 1月 is its own total.
 * A missing month leaves a gap (and says so), never a difference across two months. Back the
 * other way, a total so far is the sum of every month of the year up to it, and a year with a
 * missing month has no totals from that month on. Only month keys (`2024-03`) are read.
 */
import { grainOfKey } from '../../domain/period';
import { IssueCount, derivedRow, keyOf, keyed } from './common';
import type { DerivedContext, DerivedResult, DerivedRow } from './types';

const monthOf = (period: string): { year: number; month: number } => ({ year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) });
const monthKey = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

/** The input's monthly values keyed, others counted as not monthly. */
function months(rows: readonly DerivedRow[], input: string, context: DerivedContext, issues: IssueCount) {
  const values = keyed(rows, input, context, issues);
  const monthly: DerivedRow[] = [];
  let others = 0;
  for (const o of values.byKey.values()) {
    if (grainOfKey(o.period) === 'month') monthly.push(o);
    else others += 1;
  }
  if (others > 0) issues.add('not_monthly', { indicator: input, n: others });
  return { values, monthly };
}

/**
 * Each month's own value from totals so far (1—N月累计), named `name`.
 * @example monthlyFromCumulative('当月', [{ period: '2024-01', value: 5 }, { period: '2024-02', value: 12 }, …], '累计').observations.map((o) => o.value) // [5, 7]
 */
export function monthlyFromCumulative(name: string, rows: readonly DerivedRow[], input: string, context: DerivedContext = {}): DerivedResult {
  const issues = new IssueCount();
  const { values, monthly } = months(rows, input, context, issues);
  const unit = { unit: values.unit, displayUnit: values.displayUnit };
  const observations: DerivedRow[] = [];
  for (const o of monthly) {
    const { year, month } = monthOf(o.period);
    if (month === 1) {
      observations.push(derivedRow(o, name, o.value, unit, [o]));
      continue;
    }
    const before = values.byKey.get(keyOf(o.region, monthKey(year, month - 1)));
    if (before === undefined) issues.add('missing_month', { region: o.region, period: monthKey(year, month - 1) });
    else observations.push(derivedRow(o, name, o.value - before.value, unit, [o, before]));
  }
  return { observations, issues: issues.list() };
}

/**
 * Totals so far (1—N月累计) from each month's own value, named `name`.
 * @example cumulativeFromMonthly('累计', [{ period: '2024-01', value: 5 }, { period: '2024-02', value: 7 }], '当月').observations.map((o) => o.value) // [5, 12]
 */
export function cumulativeFromMonthly(name: string, rows: readonly DerivedRow[], input: string, context: DerivedContext = {}): DerivedResult {
  const issues = new IssueCount();
  const { values, monthly } = months(rows, input, context, issues);
  const unit = { unit: values.unit, displayUnit: values.displayUnit };
  const observations: DerivedRow[] = [];
  // Each missing month said once, however many totals after it it leaves out.
  const said = new Set<string>();
  for (const o of monthly) {
    const { year, month } = monthOf(o.period);
    const parts: DerivedRow[] = [];
    for (let m = 1; m <= month; m++) {
      const part = values.byKey.get(keyOf(o.region, monthKey(year, m)));
      if (part === undefined) {
        const gap = keyOf(o.region, monthKey(year, m));
        if (!said.has(gap)) issues.add('missing_month', { region: o.region, period: monthKey(year, m) });
        said.add(gap);
        break;
      }
      parts.push(part);
    }
    if (parts.length === month) observations.push(derivedRow(o, name, parts.reduce((sum, p) => sum + p.value, 0), unit, [o]));
  }
  return { observations, issues: issues.list() };
}
