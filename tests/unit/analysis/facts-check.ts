/**
 * The check both columnar readers' tests make (the store's `seriesFacts`, the remote reader's
 * `ColumnConverter.facts()`): the facts they found from codes equal what the value index finds by
 * passing over the rows.
 */
import { expect } from 'vitest';
import { distinctOf, periodCounts, regionList, type ColumnFacts } from '../../../src/analysis/value-index';
import type { StoredObservation } from '../../../src/store';

/** `facts` (with the length of the list they were found for) equal the index's passes over `rows`. */
export function expectFactsOfPasses(rows: readonly StoredObservation[], facts: (ColumnFacts & { length: number }) | undefined): void {
  expect(facts?.length).toBe(rows.length);
  // A copy is a list of its own: its facts are found by the passes.
  const copy = rows.slice();
  expect(facts?.regions).toEqual(regionList(copy));
  expect([...(facts?.periods ?? [])]).toEqual([...distinctOf(copy, 'period')]);
  const counted = periodCounts(copy);
  const asArrays = (c: typeof counted) => ({ unstated: [...c.unstated], stated: [...c.stated].map(([g, m]) => [g, [...m]]) });
  expect(facts && asArrays(facts.periodCounts)).toEqual(asArrays(counted));
  expect([...(facts?.indicators ?? [])]).toEqual([...distinctOf(copy, 'indicator')]);
  expect([...(facts?.datasets ?? [])]).toEqual([...distinctOf(copy, 'datasetId')]);
}
