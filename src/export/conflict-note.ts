/**
 * The sentence that says a chart draws one of several disagreeing values, for every place the
 * chart goes (the printed page, image footnotes, CSV/XLSX rows, saved pages and embeds): a number
 * two datasets give differently must not leave the app looking settled.
 */
import type { Observation } from '../domain/types';
import { translate, type Locale } from '../domain/messages/index';
import { formatPeriod } from '../domain/period';
import { findConflicts, type Conflict } from '../analysis/conflicts';
import { formatObservationValue } from '../charts/format';

/** Listed by name; the count says how many more. A footnote is one or two lines. */
const LISTED = 3;

/**
 * Lines naming the disagreeing values among `observations` (in the order the chart took them:
 * the first of a region × period is the one drawn): what the rule is, then one line per value
 * (the first few); none when nothing disagrees. `datasetName` names a dataset by id. Lines, not
 * one sentence, because an image footnote does not wrap.
 * @example conflictLines(rows, (id) => names.get(id) ?? '', 'zh')
 *   // ['注：有 1 处数值在不同数据集中不一致，图表采用最新导入的数据集的数值。', '道外区 2024年：图表采用 4.3万亩（user-newer）；另有 4.21万亩（user-older）']
 */
export function conflictLines<T extends Observation & { datasetId?: string }>(
  observations: readonly T[],
  datasetName: (id: string) => string,
  locale: Locale,
  format?: (o: T) => string,
): string[] {
  return describeConflicts(findConflicts(observations), datasetName, locale, format);
}

/**
 * `conflictLines` of conflicts already found (the screen's note finds them once for both).
 * @example describeConflicts(findConflicts(rows), (id) => names.get(id) ?? '', 'zh')
 */
export function describeConflicts<T extends Observation & { datasetId?: string }>(
  conflicts: readonly Conflict<T>[],
  datasetName: (id: string) => string,
  locale: Locale,
  // The indicator's own unit and decimals (charts/format valueFormatter), as the chart writes them.
  format: (o: T) => string = (o) => formatObservationValue(o, locale),
): string[] {
  if (conflicts.length === 0) return [];
  const describe = (o: T) => translate(locale, 'conflicts.value', { value: format(o), dataset: o.datasetId ? datasetName(o.datasetId) : '' });
  const items = conflicts.slice(0, LISTED).map((c) =>
    translate(locale, 'conflicts.item', {
      region: c.region,
      period: formatPeriod(c.period, locale),
      shown: describe(c.shown),
      others: c.others.map(describe).join(translate(locale, 'conflicts.separator')),
    }),
  );
  const more = conflicts.length > LISTED ? [translate(locale, 'conflicts.more', { n: conflicts.length - LISTED })] : [];
  return [translate(locale, 'export.conflicts.note', { n: conflicts.length }), ...items, ...more];
}
