/**
 * What every calculation shares: values keyed by region (under its label) and period, the first
 * value of a key kept (rows come winner first, as the views keep them), levels only, one unit per
 * input, and issues counted by kind.
 */
import { sameUnit } from '../../domain/units';
import type { DerivedContext, DerivedIssue, DerivedIssueCode, DerivedRow } from './types';

/** Issues counted by kind, each with its first case. */
export class IssueCount {
  private readonly byCode = new Map<DerivedIssueCode, DerivedIssue>();

  add(code: DerivedIssueCode, params: Record<string, string | number> = {}): void {
    const seen = this.byCode.get(code);
    if (seen) seen.count += 1;
    else this.byCode.set(code, { code, count: 1, params });
  }

  list(): DerivedIssue[] {
    return [...this.byCode.values()];
  }
}

/** A region × period, as text no region or period name can collide with. */
export const keyOf = (region: string, period: string): string => `${region}\u0000${period}`;

/** One input's values by region label × period, with the unit they share. */
export interface Keyed {
  byKey: Map<string, DerivedRow>;
  /** The base unit of the values kept (the most common one when they disagree). */
  unit: string;
  /** The unit the user wrote for them, when any did. */
  displayUnit: string | undefined;
}

/**
 * The input's level values keyed by region label × period: the first of a key wins; changes
 * (同比下降30.1%) are left out, and so are values in a unit other than the input's most common
 * one, each said once. Every row comes back with `region` under its label; the input is not changed.
 */
export function keyed(rows: readonly DerivedRow[], indicator: string, context: DerivedContext, issues: IssueCount): Keyed {
  const label = context.label ?? ((name: string) => name);
  const units = new Map<string, number>();
  let changes = 0;
  for (const o of rows) {
    if (o.indicator !== indicator) continue;
    if ((o.kind ?? 'level') !== 'level') changes += 1;
    else units.set(o.unit, (units.get(o.unit) ?? 0) + 1);
  }
  if (changes > 0) issues.add('changes_skipped', { indicator, n: changes });
  let unit = '';
  let most = -1;
  for (const [u, n] of units) if (n > most) [unit, most] = [u, n];
  const others = [...units.keys()].filter((u) => !sameUnit(u, unit));
  if (others.length > 0) issues.add('unit_clash', { indicator, unit: unit || '—', others: others.map((u) => u || '—').join('、') });
  const byKey = new Map<string, DerivedRow>();
  let displayUnit: string | undefined;
  for (const o of rows) {
    if (o.indicator !== indicator || (o.kind ?? 'level') !== 'level' || !sameUnit(o.unit, unit)) continue;
    const region = label(o.region, o.regionCode);
    const key = keyOf(region, o.period);
    if (byKey.has(key)) continue;
    byKey.set(key, region === o.region ? o : { ...o, region, regionAsWritten: o.regionAsWritten ?? o.region });
    displayUnit ??= o.displayUnit;
  }
  return { byKey, unit, displayUnit };
}

/**
 * A calculated value from the row it belongs to: its region, period, dataset and code, the new
 * indicator's name, unit and value, and where it came from (each input and its value).
 */
export function derivedRow(
  from: DerivedRow,
  name: string,
  value: number,
  unit: { unit: string; displayUnit?: string },
  inputs: readonly DerivedRow[],
): DerivedRow {
  const out: DerivedRow = { region: from.region, indicator: name, period: from.period, value, unit: unit.unit, kind: 'level' };
  if (unit.displayUnit) out.displayUnit = unit.displayUnit;
  if (from.regionCode !== undefined) out.regionCode = from.regionCode;
  if (from.regionAsWritten !== undefined) out.regionAsWritten = from.regionAsWritten;
  if (from.periodLabel !== undefined) out.periodLabel = from.periodLabel;
  if (from.grain !== undefined) out.grain = from.grain;
  if (from.isTotal) out.isTotal = true;
  if (from.approximate || inputs.some((i) => i.approximate)) out.approximate = true;
  if (from.datasetId !== undefined) out.datasetId = from.datasetId;
  out.citations = inputs.map((i) => ({ label: i.indicator, text: `${i.periodLabel ?? i.period} ${i.value}${i.unit}` }));
  return out;
}

/** The first and last of some period keys, for a sentence (`2019—2024`). */
export function spanOf(periods: Iterable<string>): string {
  const all = [...periods].sort();
  if (all.length === 0) return '—';
  return all.length === 1 ? all[0]! : `${all[0]}—${all[all.length - 1]}`;
}
