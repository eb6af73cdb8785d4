/**
 * The boundary files a deck's map slides are drawn on, read from the store and parsed as the
 * dashboard's map view reads them (app/dashboard/boundary.ts), keyed for the join the view was
 * saved with. Imported on demand by the briefing, only for a deck that has a map slide, so neither
 * this nor the boundary reader is in the first page's JavaScript (initial-JS budget).
 */
import * as store from '../../store';
import type { SavedViewMap } from '../../store';
import { parseBoundary, type BoundaryCollection } from '../dashboard/boundary';
import { featureValues, keyedBoundary } from '../dashboard/boundary-join';
import type { SlideMap } from '../../views/slides';

/** A boundary file as a deck draws it: the slide's look and outlines, and the file for a saved deck page. */
export interface DeckBoundary {
  loaded: NonNullable<SlideMap['loaded']>;
  /** The outlines keyed for the join (a saved deck page reduces them to the key: standalone/boundary.ts). */
  geojson: BoundaryCollection;
  join: { property: string; joinOn: 'name' | 'code' };
  caption: string;
}

/**
 * Read and parse each map's boundary file; a file deleted since (or unreadable) is absent from the result.
 * @example (await readDeckBoundaries([{ id: 'map-1', name: '区县', joinOn: 'code', property: 'adcode' }])).get('map-1')?.loaded.look.mapName // 'slide-map-map-1'
 */
export async function readDeckBoundaries(maps: readonly SavedViewMap[]): Promise<ReadonlyMap<string, DeckBoundary>> {
  const out = new Map<string, DeckBoundary>();
  for (const m of maps) {
    const stored = await store.getMap(m.id);
    const parsed = stored ? parseBoundary(stored.geojson) : undefined;
    if (!stored || !parsed?.ok) continue;
    const join = { property: m.property, joinOn: m.joinOn };
    // What ECharts reads: join keys as text (a numeric adcode matched no data name), as on the dashboard.
    const geojson = keyedBoundary(parsed.geojson, join);
    const look = {
      mapName: `slide-map-${m.id}`,
      joinOn: m.joinOn,
      nameProperty: m.property,
      caption: stored.caption,
      // The colour scale spans only the regions the boundary draws, as on the dashboard.
      features: featureValues(parsed.geojson, m.property, m.joinOn),
    };
    out.set(m.id, { loaded: { look, geoJSON: geojson }, geojson, join, caption: stored.caption });
  }
  return out;
}
