/**
 * Calculated indicators (计算指标): a definition and its inputs' values in, values and issues
 * out, never thrown. One operation per file; this is where a definition picks its operation,
 * where the new indicator's unit and the definition in words come from, and where issues are
 * put into sentences. Loaded with the first calculated indicator read, never on the first page
 * otherwise (initial-JS budget).
 */
import '../../domain/messages/derived-part';
import { translate, type Locale } from '../../domain/messages';
import type { DerivedDefinition } from '../../domain/derived-definition';
import type { Indicator } from '../../domain/types';
import { formatPeriod, grainOfKey } from '../../domain/period';
import { isRateUnit } from '../change';
import { cumulativeFromMonthly, monthlyFromCumulative } from './monthly';
import { completion } from './completion';
import { periodChange } from './change';
import { perCapita } from './per-capita';
import { share } from './share';
import { ratioUnit } from './units';
import type { DerivedContext, DerivedIssue, DerivedResult, DerivedRow } from './types';

export type { DerivedContext, DerivedIssue, DerivedResult, DerivedRow } from './types';

/** What a calculation reads: each input indicator's rows (winner first) and the stored indicators. */
export interface DerivedInputs {
  rows: ReadonlyMap<string, readonly DerivedRow[]>;
  indicators: readonly Indicator[];
}

/**
 * The values of a calculated indicator from its inputs' values.
 * @example computeDerived({ name: '人均', operation: 'per-capita', input: 'GDP', other: '人口' }, { rows, indicators }).observations
 */
export function computeDerived(def: DerivedDefinition, inputs: DerivedInputs, context: DerivedContext = {}): DerivedResult {
  const rowsOf = (name: string | undefined): readonly DerivedRow[] => (name === undefined ? [] : (inputs.rows.get(name) ?? []));
  const rows = rowsOf(def.input);
  switch (def.operation) {
    case 'per-capita':
      return def.other === undefined ? { observations: [], issues: [] } : perCapita(def.name, rows, def.input, rowsOf(def.other), def.other, context);
    case 'share':
      return share(def.name, rows, def.input, def.shareOf ?? 'set', def.regions, context);
    case 'monthly':
      return monthlyFromCumulative(def.name, rows, def.input, context);
    case 'cumulative':
      return cumulativeFromMonthly(def.name, rows, def.input, context);
    case 'change':
      return periodChange(def.name, rows, def.input, context);
    case 'completion': {
      const indicator = inputs.indicators.find((i) => i.name === def.input) ?? { name: def.input, baseUnit: '', polarity: 'higher' as const, targets: [] };
      return completion(def.name, rows, indicator, rowsOf(def.other), def.other, context);
    }
  }
}

/**
 * The unit of a calculated indicator's values, from its inputs' settings: 万元 ÷ 人 is 万元/人
 * (stored as 元/人), a share or a completion is %, a rate's 环比 is 个百分点.
 * @example derivedUnit({ operation: 'per-capita', … }, indicators) // { unit: '元/人', displayUnit: '万元/人' }
 */
export function derivedUnit(def: DerivedDefinition, indicators: readonly Indicator[]): { unit: string; displayUnit?: string } {
  const find = (name: string | undefined) => indicators.find((i) => i.name === name);
  const input = find(def.input);
  const base = { unit: input?.baseUnit ?? '', displayUnit: input?.displayUnit };
  switch (def.operation) {
    case 'per-capita':
      return ratioUnit(base, { unit: find(def.other)?.baseUnit ?? '' });
    case 'share':
    case 'completion':
      return { unit: '%' };
    case 'change':
      return { unit: isRateUnit(base.unit) ? '个百分点' : '%' };
    case 'monthly':
    case 'cumulative':
      return base.displayUnit ? { unit: base.unit, displayUnit: base.displayUnit } : { unit: base.unit };
  }
}

/**
 * The definition in words, shown wherever the indicator is drawn (a chart's subtitle, slides,
 * saved pages, exports' notes): the operation and its inputs, which are its provenance.
 * @example describeDerived({ name: '人均GDP', operation: 'per-capita', input: '地区生产总值', other: '常住人口' }, 'zh', '万元/人') // '计算指标：地区生产总值 ÷ 常住人口（万元/人）'
 */
export function describeDerived(def: DerivedDefinition, locale: Locale, unit: string): string {
  const params = {
    input: def.input,
    other: def.other ?? translate(locale, 'derived.ownTargets'),
    unit: unit || '—',
    set: def.regions?.length ? def.regions.slice(0, 5).join('、') + (def.regions.length > 5 ? translate(locale, 'derived.andMore', { n: def.regions.length - 5 }) : '') : translate(locale, 'derived.allRegions'),
  };
  const key = def.operation === 'share' ? `derived.define.share.${def.shareOf ?? 'set'}` : `derived.define.${def.operation}`;
  return translate(locale, key, params);
}

/**
 * A calculated indicator as the indicator list shows it: its unit, its inputs' polarity, no
 * targets, and its definition in words (`definition`, which marks it as calculated).
 * @example derivedIndicator(def, indicators, 'zh').definition // '计算指标：地区生产总值 ÷ 常住人口（万元/人）'
 */
export function derivedIndicator(def: DerivedDefinition, indicators: readonly Indicator[], locale: Locale): Indicator {
  const unit = derivedUnit(def, indicators);
  const input = indicators.find((i) => i.name === def.input);
  const out: Indicator = {
    name: def.name,
    baseUnit: unit.unit,
    polarity: input?.polarity ?? 'higher',
    targets: [],
    aggregation: 'none',
    definition: describeDerived(def, locale, unit.displayUnit ?? unit.unit),
  };
  // Its provenance is its inputs: exports' notes (来源) say so.
  out.source = out.definition;
  if (unit.displayUnit) out.displayUnit = unit.displayUnit;
  return out;
}

/**
 * An issue in words.
 * @example issueText({ code: 'zero_denominator', count: 1, params: { indicator: '常住人口', region: '道里区', period: '2024' } }, 'zh')
 */
export function issueText(issue: DerivedIssue, locale: Locale): string {
  const { period } = issue.params;
  // A period as people write it (2024年3月), not as a key (2024-03).
  const params = typeof period === 'string' && grainOfKey(period) ? { ...issue.params, period: formatPeriod(period, locale) } : issue.params;
  const text = translate(locale, `derived.issue.${issue.code}`, params);
  return issue.count > 1 ? translate(locale, 'derived.issue.count', { text, n: issue.count }) : text;
}
