/** Indicator and region metadata. */
import type { Indicator, Region } from '../domain/types';
import { announce, getDb } from './open';

/**
 * All indicators, by name.
 * @example const indicators = await getIndicators()
 */
export async function getIndicators(): Promise<Indicator[]> {
  return getDb().indicators.orderBy('name').toArray();
}

/**
 * Save a user's edit of an indicator (polarity, display unit, targets, description, source).
 * @example await putIndicator({ ...indicator, polarity: 'lower' })
 */
export async function putIndicator(indicator: Indicator): Promise<void> {
  await getDb().indicators.put(indicator);
  announce({ scope: 'indicators', id: indicator.name });
}

/**
 * All regions seen in imports, by name.
 * @example const regions = await getRegions()
 */
export async function getRegions(): Promise<Region[]> {
  return getDb().regions.orderBy('name').toArray();
}
