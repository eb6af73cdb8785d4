/**
 * The national division table's names, loaded on first use and after the first charts (the table
 * is ~60 KB: it stays out of the page's first script). Until it has arrived, lookups answer
 * nothing and callers fall back to names the data gives; reading `divisionName` in a derived makes
 * it recompute once the table is here.
 */
import { whenFirstChartDrawn } from './after-first-chart.svelte';

let lookup = $state.raw<((code: string) => string | undefined) | undefined>();
let started = false;

/**
 * The division's name in the national table, or undefined (unknown code, or table not loaded yet:
 * the first call starts loading it).
 * @example divisionName('150000') // '内蒙古自治区' once loaded
 */
export function divisionName(code: string): string | undefined {
  if (!started) {
    started = true;
    whenFirstChartDrawn(() => {
      void import('../regions').then(
        (m) => (lookup = (c: string) => m.division(c)?.name),
        // Without the table, names come from the data alone, as before it existed.
        () => undefined,
      );
    });
  }
  return lookup?.(code);
}
