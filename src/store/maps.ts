/** User-uploaded boundary maps (GeoJSON/TopoJSON text with its caption). */
import { toStoreError } from './errors';
import { announce, getDb } from './open';
import type { StoredMap } from './types';
import { mapOrder } from './orders';

/**
 * All maps, by name.
 * @example const maps = await getMaps()
 */
export async function getMaps(): Promise<StoredMap[]> {
  const maps = await getDb().maps.toArray();
  return maps.sort(mapOrder);
}

/**
 * One map, or undefined.
 * @example const map = await getMap('m1')
 */
export async function getMap(id: string): Promise<StoredMap | undefined> {
  return getDb().maps.get(id);
}

/**
 * Create or overwrite a map. Boundary files are large, so a quota failure becomes a
 * `StoreError('quota')` with the sizes.
 * @example await putMap({ id: 'm1', name: '黑龙江省', caption: '审图号：…', geojson: text })
 */
export async function putMap(map: StoredMap): Promise<void> {
  try {
    await getDb().maps.put(map);
  } catch (error) {
    throw await toStoreError(error);
  }
  announce({ scope: 'maps', id: map.id });
}

/**
 * Delete a map.
 * @example await deleteMap('m1')
 */
export async function deleteMap(id: string): Promise<void> {
  await getDb().maps.delete(id);
  announce({ scope: 'maps', id });
}
