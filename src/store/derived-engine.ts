/**
 * Where calculated indicators (计算指标) are kept and how their calculations load: apart from
 * the reads that use them (derived-definitions.ts), so that main.ts registers the engine and the
 * early reads (early-read.ts) look for definitions without loading Dexie (issue 20).
 */
import type { DerivedDefinition } from '../domain/derived-definition';
import type { Dataset, Indicator, Region } from '../domain/types';
import type { StoredObservation } from './types';

/** The settings key the definitions are kept under (a list, in the order they were made). */
export const DERIVED_SETTING_KEY = 'derivedIndicators';

/** What the app's engine does with a definition (src/app/derived/engine.ts, over src/analysis/derived). */
export interface DerivedEngine {
  /** The calculated indicator as the indicator list shows it (its unit, its definition in words). */
  indicator(def: DerivedDefinition, stored: readonly Indicator[]): Indicator;
  /** Its values from its inputs' values (each input's rows, in the order the store read them). */
  series(
    def: DerivedDefinition,
    inputs: { rows: ReadonlyMap<string, readonly StoredObservation[]>; indicators: readonly Indicator[]; regions: readonly Region[]; datasets: readonly Dataset[] },
  ): StoredObservation[];
}

let loadEngine: (() => Promise<DerivedEngine>) | undefined;

/**
 * Register how the calculations load (once, as the app starts; undefined removes it). Without an
 * engine calculated indicators are not listed and read nothing.
 * @example setDerivedEngine(() => import('./app/derived/engine').then((m) => m.derivedEngine))
 */
export function setDerivedEngine(load: (() => Promise<DerivedEngine>) | undefined): void {
  loadEngine = load;
}

/** How the engine loads, if registered. @internal For derived-definitions.ts. */
export function derivedEngineLoader(): (() => Promise<DerivedEngine>) | undefined {
  return loadEngine;
}
