/**
 * The national division table, loaded on first use and after the first charts (the table is
 * ~60 KB: it stays out of the page's first script). Until it has arrived, lookups answer nothing
 * and callers fall back to what the data and the codes' structure give; reading them in a
 * derived makes it recompute once the table is here.
 */
import { whenFirstChartDrawn } from './after-first-chart.svelte';
import { parentCodeOf } from '../../domain/region-code';

type Regions = typeof import('../../regions');

let table = $state.raw<Regions | undefined>();
let started = false;

/**
 * The division table's module once loaded, else undefined (the first call starts loading it).
 * @example divisions()?.childrenOf('230100')
 */
export function divisions(): Regions | undefined {
  if (!started) {
    started = true;
    whenFirstChartDrawn(() => {
      void import('../../regions').then(
        (m) => (table = m),
        // Without the table, names come from the data alone, as before it existed.
        () => undefined,
      );
    });
  }
  return table;
}

/**
 * The division's name in the national table, or undefined (unknown code, or table not loaded yet).
 * @example divisionName('150000') // '内蒙古自治区' once loaded
 */
export function divisionName(code: string): string | undefined {
  return divisions()?.division(code)?.name;
}

/**
 * A code's parent: the table's where it knows the code (东城区 110101 → 北京市 110000, 仙桃市
 * 429004 → 湖北省), else by the code's structure (2301xx → 230100).
 * @example divisionParent('110101') // '110000' once loaded, '110100' before
 */
export function divisionParent(code: string): string | undefined {
  const d = divisions()?.division(code);
  return d ? d.parent : parentCodeOf(code);
}
