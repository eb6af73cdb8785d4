/** Index a series to a base period (= 100), so regions of different size can be compared. */

/**
 * Each value as a percentage of the value in the base period. Undefined when the base period is
 * missing, has no data, or is zero (an index to zero means nothing). Gaps stay gaps.
 * @example indexToBase(['2022', '2023'], [50, 60], '2022') // [100, 120]
 */
export function indexToBase(
  periods: readonly string[],
  values: readonly (number | null)[],
  base: string,
): (number | null)[] | undefined {
  const at = periods.indexOf(base);
  const b = at < 0 ? null : values[at];
  if (b === null || b === undefined || b === 0) return undefined;
  return values.map((v) => (v === null || v === undefined ? null : (v / b) * 100));
}
