/**
 * The national division table, loaded on first use and after the first charts (the table is
 * ~60 KB: it stays out of the page's first script). Until it has arrived, lookups answer nothing
 * and callers fall back to what the data and the codes' structure give; reading them in a
 * derived makes it recompute once the table is here.
 */
import { whenFirstChartDrawn } from './after-first-chart.svelte';
import { parentCodeOf } from '../../domain/region-code';
import * as store from '../../store';

type Regions = typeof import('../../regions');

let table = $state.raw<Regions | undefined>();
/** The user's aliases (阿城市 → 230112), read with the table, again when they change. */
let aliases = $state.raw<Readonly<Record<string, string>> | undefined>();
let started = false;

function readAliases(): Promise<void> {
  // Without them, stored names are matched by the table's rules alone.
  return store.getRegionAliases().then((a) => void (aliases = a), () => undefined);
}

/**
 * The division table's module once loaded, else undefined (the first call starts loading it).
 * @example divisions()?.childrenOf('230100')
 */
export function divisions(): Regions | undefined {
  if (!started) {
    started = true;
    whenFirstChartDrawn(() => {
      void Promise.all([import('../../regions'), readAliases()]).then(
        ([m]) => (table = m),
        // Without the table, names come from the data alone, as before it existed.
        () => undefined,
      );
      store.onStoreChange((change) => {
        // An alias stored by an import, or a restored backup.
        if (change.scope === 'regionAliases' || change.scope === 'workspace') void readAliases();
      });
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

/**
 * The user's stored aliases once the table has loaded, else undefined (reactive).
 * @example divisions()?.matchStoredRegions(regions, storedAliases())
 */
export function storedAliases(): Readonly<Record<string, string>> | undefined {
  return aliases;
}
