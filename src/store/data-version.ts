/**
 * How many committed writes, here or in another tab, the store has seen, counted by what they
 * can have changed. A query over stored values gives the same answer for the same `values`
 * version, so readers key shared reads by it, and the page reloads what it shows when it moves:
 * one count kept where the writes are announced, instead of counters kept by hand in the app.
 */

/** Counts of committed writes by what they may have changed. */
export interface StoreVersion {
  /** Every write (views, decks, settings, ledgers… too): for lists of those. */
  readonly changes: number;
  /** Writes that may have changed stored values (datasets, a restored backup, or unknown). */
  readonly values: number;
  /** Writes that may have changed boundary maps (maps, a restored backup). */
  readonly maps: number;
}

/** The scopes of `StoreChange` whose writes can change stored values. */
const VALUE_SCOPES: ReadonlySet<string> = new Set(['datasets', 'workspace']);
/** The scopes whose writes can change boundary maps. */
const MAP_SCOPES: ReadonlySet<string> = new Set(['maps', 'workspace']);

let version: StoreVersion = { changes: 0, values: 0, maps: 0 };

/**
 * The version after a write of `scope` (undefined: not known, so anything may have changed).
 * @example nextVersion({ changes: 3, values: 1, maps: 0 }, 'datasets') // { changes: 4, values: 2, maps: 0 }
 */
export function nextVersion(current: StoreVersion, scope: string | undefined): StoreVersion {
  return {
    changes: current.changes + 1,
    values: current.values + (scope === undefined || VALUE_SCOPES.has(scope) ? 1 : 0),
    maps: current.maps + (scope === undefined || MAP_SCOPES.has(scope) ? 1 : 0),
  };
}

/**
 * The store's version now: a new object after each write, the same one until then.
 * @example const { values } = storeVersion()
 */
export function storeVersion(): StoreVersion {
  return version;
}

/**
 * Count a committed write (this tab's or another's). Called by open.ts where writes are announced.
 * @internal
 */
export function countWrite(scope: string | undefined): void {
  version = nextVersion(version, scope);
}
