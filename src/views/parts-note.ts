/**
 * The note on disagreeing values, its regions part: where a region's reported value and the sum
 * of its parts differ (哈尔滨市 2024年：上报 880万亩，18 个下级汇总为 900.9万亩), for an additive
 * indicator. Found once here and read by every destination: the dashboard's note and its print,
 * the exported picture's footnote, the CSV/XLSX note rows, saved pages and embeds (which carry
 * the lines in their document). Pure: the division table comes in as `PartsTable`, so this module
 * does not bring the table (~60 KB) into the first page.
 */
import type { Indicator, Observation } from '../domain/types';
import { translate, type Locale } from '../domain/messages/index';
import { formatPeriod } from '../domain/period';
import { partsConflictSteps, type PartsConflict, type PartsRow } from '../analysis/conflicts';

/** What the note needs of the division table (src/regions gives all three). */
export interface PartsTable {
  aggregationOf(indicator: Pick<Indicator, 'aggregation' | 'baseUnit' | 'displayUnit'>): 'sum' | 'none';
  disagreeingRollUps(values: { code: string; value: number }[]): readonly PartsRow[];
  division(code: string): { name: string } | undefined;
}

/** A footnote is a few lines; the count says how many more (as the datasets' note does). */
const LISTED = 3;

/**
 * The region × period pairs whose reported value and parts' sum differ, among the indicator's
 * `observations` (every region, so the parts of a drawn city are there to add up). With `drawn`
 * (the values a chart draws), only those about a drawn value: the region's reported value or one
 * of its parts (a drill into the region), in a period drawn. None when the indicator is not
 * additive (rates, averages, concentrations never add up) or no table is given yet.
 * @example partsConflictsOf(indicator, rows, table, behind)[0] // { region: '哈尔滨市', period: '2024', sum: 9009000, parts: 18, … }
 */
export function partsConflictsOf<T extends Observation>(
  indicator: Indicator,
  observations: readonly T[],
  table: PartsTable | undefined,
  drawn?: readonly Observation[],
): PartsConflict<T>[] {
  const steps = partsConflictsInSteps(indicator, observations, table);
  let step = steps.next();
  while (!step.done) step = steps.next();
  const found = step.value;
  if (!drawn) return found;
  const shown = new Set(drawn.filter((o) => o.regionCode !== undefined).map((o) => `${o.regionCode}\u0000${o.period}`));
  return found.filter((c) =>
    [c.reported.regionCode!, ...c.partCodes].some((code) => shown.has(`${code}\u0000${c.period}`)),
  );
}

/**
 * `partsConflictsOf` without `drawn`, in steps (analysis/conflicts' `partsConflictSteps`): the
 * dashboard's note runs them in idle time, cancelled by a switch of indicator.
 * @example const steps = partsConflictsInSteps(indicator, rows, table); let s; while (!(s = steps.next()).done); s.value
 */
export function* partsConflictsInSteps<T extends Observation>(
  indicator: Indicator,
  observations: readonly T[],
  table: PartsTable | undefined,
): Generator<void, PartsConflict<T>[], void> {
  if (!table || table.aggregationOf(indicator) !== 'sum') return [];
  const mine = observations.filter((o) => o.indicator === indicator.name);
  yield;
  return yield* partsConflictSteps(mine, (values) => table.disagreeingRollUps(values));
}

/**
 * The region a code stands for: its name in the data, else in the table, else the code.
 * @example regionNamer(rows, table)('230124') // '方正县'
 */
export function regionNamer(observations: readonly Observation[], table: PartsTable | undefined): (code: string) => string {
  const named = new Map<string, string>();
  for (const o of observations) if (o.regionCode !== undefined && !named.has(o.regionCode)) named.set(o.regionCode, o.region);
  return (code) => named.get(code) ?? table?.division(code)?.name ?? code;
}

/**
 * One conflict in words: 哈尔滨市 2024年：上报 880万亩，18 个下级汇总为 900.9万亩, and for a sum with gaps
 * （下级不全，缺 方正县，汇总仍已超过上报值）. `format` writes a value in the indicator's unit and decimals.
 * @example partsItem(c, 'zh', format, name) // '哈尔滨市 2024年：上报 880万亩，18 个下级汇总为 900.9万亩'
 */
export function partsItem<T extends Observation>(
  c: PartsConflict<T>,
  locale: Locale,
  format: (o: T) => string,
  regionName: (code: string) => string,
): string {
  const item = translate(locale, 'regions.parts.item', {
    region: c.region,
    period: formatPeriod(c.period, locale),
    reported: format(c.reported),
    sum: format({ ...c.reported, value: c.sum }),
    parts: c.parts,
  });
  if (c.complete) return item;
  const separator = translate(locale, 'conflicts.separator');
  return item + translate(locale, 'regions.parts.incomplete', { missing: c.missing.map(regionName).join(separator) });
}

/**
 * The lines every copy of a chart carries: what the rule is, then one line per conflict (the
 * first few), then how many more; none when nothing disagrees. Lines, not one sentence, because
 * an image footnote does not wrap.
 * @example partsNoteLines(conflicts, 'zh', format, name) // ['注：有 1 处地区的上报值与其下级汇总不一致；…', '哈尔滨市 2024年：上报 880万亩，18 个下级汇总为 900.9万亩']
 */
export function partsNoteLines<T extends Observation>(
  conflicts: readonly PartsConflict<T>[],
  locale: Locale,
  format: (o: T) => string,
  regionName: (code: string) => string,
): string[] {
  if (conflicts.length === 0) return [];
  const items = conflicts.slice(0, LISTED).map((c) => partsItem(c, locale, format, regionName));
  const more = conflicts.length > LISTED ? [translate(locale, 'conflicts.more', { n: conflicts.length - LISTED })] : [];
  return [translate(locale, 'regions.parts.note', { n: conflicts.length }), ...items, ...more];
}
