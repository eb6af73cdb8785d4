/**
 * The registered provider of remote (read-in-place) datasets (issue 26): kept apart from the
 * reads that join it (remote-read.ts) so that registering one needs none of Dexie, which the
 * first page loads only later (index.ts).
 */
import { announce } from './changes';
import type { Dataset, Indicator, Region } from '../domain/types';
import type { StoredObservation } from './types';

/** What the app's remote datasets answer; every list is of remote datasets only. */
export interface RemoteProvider {
  datasets(): Dataset[];
  indicators(): Indicator[];
  regions(): Region[];
  /** Dataset id → its indicators. */
  datasetIndicators(): Map<string, string[]>;
  /** The values of one indicator in the chosen remote datasets (all when none is named). */
  series(query: { indicator: string; datasets?: readonly string[]; regions?: readonly string[] }): Promise<StoredObservation[]>;
}

let provider: RemoteProvider | undefined;

/**
 * Register (or, with undefined, remove) the remote datasets' provider; views read again.
 * @example setRemoteProvider(remoteDatasets)
 */
export function setRemoteProvider(next: RemoteProvider | undefined): void {
  provider = next;
  announce({ scope: 'datasets' });
}

/** The provider registered, if any. @internal For the store's reads. */
export function remoteProvider(): RemoteProvider | undefined {
  return provider;
}
