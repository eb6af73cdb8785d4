/**
 * The roll-up of one division from the values of a view: what its parts sum to, beside what the
 * data reports for it, for a view drilled into that division.
 */
import type { Indicator, Observation } from '../domain/types';
import { isAdditiveUnit, rollUp, type Aggregation, type CodedValue, type RollUpRow } from './roll-up';
import { division } from './table';

/**
 * The indicator's aggregation: the user's setting in 指标设置, else from its unit.
 * @example aggregationOf({ baseUnit: '%', … }) // 'none'
 */
export function aggregationOf(indicator: Pick<Indicator, 'aggregation' | 'baseUnit' | 'displayUnit'>): Aggregation {
  return indicator.aggregation ?? (isAdditiveUnit(indicator.displayUnit || indicator.baseUnit) ? 'sum' : 'none');
}

/**
 * `code`'s row of the roll-up of `observations` (one period's values; totals, values without a
 * code and changes are left out: counties' 同比 rates never add up to their city's), or undefined
 * when the code is not in the table or nothing lies under it.
 * @example rollUpOf('230100', rows, 'sum') // { code: '230100', reported: 800, sum: 819, differs: true, complete: true, … }
 */
export function rollUpOf(code: string, observations: readonly Observation[], aggregation: Aggregation): RollUpRow | undefined {
  const d = division(code);
  if (!d) return undefined;
  const values = observations.filter((o) => !o.isTotal && o.regionCode !== undefined && (o.kind ?? 'level') === 'level').map((o) => ({ code: o.regionCode!, value: o.value }));
  return rollUp(values, d.level, aggregation).rows.find((r) => r.code === code);
}

/**
 * Every province or prefecture in `values` (one period's coded values) whose reported value and
 * the sum of its parts differ: the note on disagreeing values lists them. A sum with gaps is
 * listed only when it already exceeds the reported value (its parts are counts, areas, amounts:
 * adding the missing ones can only widen the gap); below it, the gap is what is missing, not a
 * disagreement.
 * @example disagreeingRollUps([{ code: '230100', value: 800 }, { code: '230102', value: 819 }, …])[0] // { code: '230100', reported: 800, sum: 819, differs: true, … }
 */
export function disagreeingRollUps(values: readonly CodedValue[]): RollUpRow[] {
  const out: RollUpRow[] = [];
  for (const level of ['province', 'prefecture'] as const) {
    for (const row of rollUp(values, level, 'sum').rows) {
      if (!row.differs || row.reported === undefined || row.sum === undefined) continue;
      if (row.complete || row.sum > row.reported) out.push(row);
    }
  }
  return out;
}
