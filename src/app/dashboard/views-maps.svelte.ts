/**
 * The user's boundary maps for the map view, reloaded when they change, and the choice
 * of which one to draw (remembered as a setting).
 */
import { getContext, setContext } from 'svelte';
import * as store from '../../store';
import type { StoredMap } from '../../store';
import type { BoundaryCollection, BoundaryResult } from './boundary';
import type { BoundaryJoin } from './boundary-join';

const CONTEXT = Symbol('views-maps');
const CHOSEN_KEY = 'views.map.chosen';

/** Loaded boundary maps. */
export class BoundaryMaps {
  maps = $state.raw<StoredMap[]>([]);
  chosenId = $state<string | undefined>(undefined);
  /**
   * The join the user picked by hand on the map tab (property and name/code) for the chosen map;
   * undefined while the guessed one stands. Saving the view, a saved page and a slide use it too,
   * so they draw what the tab drew. A different map starts from a fresh guess.
   */
  chosenJoin = $state<BoundaryJoin | undefined>(undefined);
  readonly chosen: StoredMap | undefined;
  /** The chosen map's features, parsed once per map. */
  readonly geojson: BoundaryCollection | undefined;
  /** Why the chosen map cannot be drawn (a file stored before it was checked), as a message. */
  readonly problem: { key: string; params?: Record<string, string | number> } | undefined;

  /** The chosen map's file read, once per map; set by `parse`. */
  private parsed = $state.raw<BoundaryResult | undefined>();

  constructor() {
    this.chosen = $derived(this.maps.find((m) => m.id === this.chosenId) ?? this.maps[0]);
    this.geojson = $derived(this.parsed?.ok ? this.parsed.geojson : undefined);
    this.problem = $derived(this.parsed && !this.parsed.ok ? { key: this.parsed.error, params: this.parsed.params } : undefined);
  }

  async load(): Promise<void> {
    const [maps, chosen] = await Promise.all([store.getMaps(), store.getSetting<string>(CHOSEN_KEY)]);
    this.maps = maps;
    if (chosen && !this.chosenId) this.chosenId = chosen;
    await this.parse();
  }

  async choose(id: string): Promise<void> {
    if (id !== this.chosen?.id) this.chosenJoin = undefined;
    this.chosenId = id;
    await this.parse();
    await store.putSetting(CHOSEN_KEY, id);
  }

  /**
   * Read the chosen map's file. The reader loads only when there is a map (most workspaces have
   * none), so it stays out of the first page's script (initial-JS budget).
   */
  private async parse(): Promise<void> {
    const map = this.chosen;
    if (!map) {
      this.parsed = undefined;
      return;
    }
    const { parseBoundary } = await import('./boundary');
    if (this.chosen === map) this.parsed = parseBoundary(map.geojson);
  }

  /** Save an uploaded file (already checked with `parseBoundary`) and choose it. */
  async add(name: string, text: string): Promise<void> {
    const id = `map-${Date.now().toString(36)}`;
    await store.putMap({ id, name, caption: '', geojson: text });
    this.chosenId = id;
    this.chosenJoin = undefined;
    await store.putSetting(CHOSEN_KEY, id);
    await this.load();
  }

  async setCaption(caption: string): Promise<void> {
    if (!this.chosen) return;
    await store.putMap({ ...$state.snapshot(this.chosen), caption });
    await this.load();
  }

  async remove(): Promise<void> {
    if (!this.chosen) return;
    await store.deleteMap(this.chosen.id);
    this.chosenId = undefined;
    this.chosenJoin = undefined;
    await this.load();
  }
}

export function provideMaps(): BoundaryMaps {
  return setContext(CONTEXT, new BoundaryMaps());
}

export function useMaps(): BoundaryMaps {
  return getContext<BoundaryMaps>(CONTEXT);
}
