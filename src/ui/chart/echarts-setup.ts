/**
 * The only place the app's ECharts runtime is assembled. The parts the first charts draw with are
 * registered at once; reference lines, zoom and marks, maps and the SVG renderer load on demand (chart-parts.ts
 * says which an option needs), which keeps them out of the JavaScript the page starts with.
 */
import * as echarts from 'echarts/core';
import { START_PARTS } from './echarts-parts-start';
import { PART_GROUPS, type PartGroup } from './chart-parts';
import { whenFirstChartDrawn } from '../../app/dashboard/after-first-chart.svelte';

echarts.use(START_PARTS);

/** Each group's module, as its own chunk. */
const LOADERS: Record<PartGroup, () => Promise<readonly unknown[]>> = {
  marks: () => import('./echarts-parts-marks').then((m) => m.MARK_PARTS),
  detail: () => import('./echarts-parts-detail').then((m) => m.DETAIL_PARTS),
  map: () => import('./echarts-parts-map').then((m) => m.MAP_PARTS),
  svg: () => import('./echarts-parts-svg').then((m) => m.SVG_PARTS),
};

const loading = new Map<PartGroup, Promise<void>>();
/** When each loaded group was registered: 1, 2, 3… in order (0 stands for the start parts). */
const registeredAt = new Map<PartGroup, number>();

/**
 * Load and register `groups`; resolves when all are usable. A failed load is forgotten, so the
 * next call tries again.
 * @example await loadParts(['map']); echarts.init(el).setOption(mapOption)
 */
export function loadParts(groups: readonly PartGroup[]): Promise<void> {
  return Promise.all(groups.map(loadGroup)).then(() => undefined);
}

function loadGroup(group: PartGroup): Promise<void> {
  let pending = loading.get(group);
  if (!pending) {
    pending = LOADERS[group]().then(
      (parts) => {
        echarts.use(parts as Parameters<typeof echarts.use>[0]);
        registeredAt.set(group, registeredAt.size + 1);
      },
      (error: unknown) => {
        loading.delete(group);
        throw error;
      },
    );
    loading.set(group, pending);
  }
  return pending;
}

/**
 * When the last of `groups` was registered (0: nothing needed beyond the start parts), or
 * undefined while one is not loaded yet. ECharts copies its list of processors into each instance
 * at `init`, so an instance is only good for the parts registered before it was created: a chart
 * re-creates its instance when this number changes.
 * @example partsVersion([]) // 0
 */
export function partsVersion(groups: readonly PartGroup[]): number | undefined {
  let version = 0;
  for (const g of groups) {
    const at = registeredAt.get(g);
    if (at === undefined) return undefined;
    version = Math.max(version, at);
  }
  return version;
}

/**
 * Once the page is idle after its first charts, load every group in the background: print draws
 * its SVG charts synchronously on `beforeprint` (print-svg.ts, render-offscreen.ts), so the SVG
 * renderer and the map parts must be there before anyone prints, without the page starting with
 * them.
 */
function prefetchWhenIdle(): void {
  // A failed prefetch is harmless: a chart that needs the group loads it again.
  const load = () => void loadParts(PART_GROUPS).catch(() => undefined);
  whenFirstChartDrawn(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 5000 });
    else setTimeout(load, 2000);
  });
}

if (typeof window !== 'undefined') prefetchWhenIdle();

export { echarts };
