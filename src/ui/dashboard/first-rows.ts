/**
 * The sidebar's lists scroll inside ~300 px, about 15 rows. Until the first charts have drawn
 * they hold only their first rows; the rest follow straight after. With 1M rows stored (200
 * regions, 100 indicators) building every row cost ~60 ms of the dashboard's first mount.
 */

/** Rows a list shows before the first charts have drawn: more than fit, fewer than cost. */
export const FIRST_ROWS = 40;

/**
 * The first `max` regions of grouped lists, keeping their groups.
 * @example firstRows([{ regions: ['a', 'b'] }, { regions: ['c'] }], 2) // [{ regions: ['a', 'b'] }]
 */
export function firstRows<G extends { regions: readonly string[] }>(groups: readonly G[], max: number): G[] {
  const out: G[] = [];
  let left = max;
  for (const g of groups) {
    if (left <= 0) break;
    out.push(g.regions.length <= left ? g : { ...g, regions: g.regions.slice(0, left) });
    left -= g.regions.length;
  }
  return out;
}
