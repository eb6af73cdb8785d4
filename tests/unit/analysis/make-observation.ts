import type { Observation } from '../../../src/domain/types';

/** A compact observation for tables: region, period, value in the base unit. */
export function obs(region: string, period: string, value: number, extra: Partial<Observation> = {}): Observation {
  return { region, indicator: '压采量', period, value, unit: '立方米', ...extra };
}

/** A deep copy to compare against after a call, to prove the call did not mutate its input. */
export function snapshotOf<T>(value: T): T {
  return structuredClone(value);
}
