/**
 * Which on-demand groups of ECharts parts an option needs, so the chart waits for them (and is
 * created after them) instead of ECharts silently skipping an unregistered series or component.
 */
import type { EChartsOption } from 'echarts';

/**
 * A group of parts loaded on demand: reference lines (markLine); zoom, point and area marks and
 * graphics; the map tab's; the SVG renderer.
 */
export type PartGroup = 'marks' | 'detail' | 'map' | 'svg';

/** Every group, in the order they are prefetched. */
export const PART_GROUPS: readonly PartGroup[] = ['marks', 'detail', 'map', 'svg'];

/** Series types drawn by an on-demand group's parts. */
const SERIES_GROUP: ReadonlyMap<string, PartGroup> = new Map([
  ['scatter', 'detail'],
  ['map', 'map'],
]);

/**
 * The on-demand groups `option` needs when drawn with `renderer`, without duplicates.
 * @example partsNeeded({ series: [{ type: 'map', map: 'x' }], visualMap: {} }, 'canvas') // ['map']
 */
export function partsNeeded(option: EChartsOption, renderer: 'canvas' | 'svg'): PartGroup[] {
  const out = new Set<PartGroup>();
  if (renderer === 'svg') out.add('svg');
  if (present(option.dataZoom) || present(option.graphic)) out.add('detail');
  if (present(option.visualMap) || present(option.geo)) out.add('map');
  for (const s of asList(option.series)) {
    if (!s || typeof s !== 'object') continue;
    const group = typeof s.type === 'string' ? SERIES_GROUP.get(s.type) : undefined;
    if (group) out.add(group);
    if ('markLine' in s && present(s.markLine)) out.add('marks');
    if ('markPoint' in s && present(s.markPoint)) out.add('detail');
    if ('markArea' in s && present(s.markArea)) out.add('detail');
  }
  return PART_GROUPS.filter((g) => out.has(g));
}

/** An option key counts when it holds anything other than undefined, null or an empty list. */
function present(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

function asList<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value as T];
}
