/**
 * The kind a deck's slide list names for a slide. 按地区, ranking and map slides are resolved as
 * view slides (`chart`), but a 按地区 slide shows one region's cards and a ranking slide a table,
 * and a map is worth naming: the list names each for what it shows.
 */
import type { ResolvedSlide } from '../../app/briefing/deck';

/** View kinds whose slides the list names apart from other charts. */
type Named = 'region' | 'ranking' | 'map';
const NAMED: ReadonlySet<string> = new Set<Named>(['region', 'ranking', 'map']);

/** Message key of a slide's kind. */
export type SlideKindKey = `briefing.kind.${ResolvedSlide['kind'] | Named}`;

/**
 * @example slideKindKey({ kind: 'chart', view: { name: 'a', spec: { version: 1, kind: 'region', indicator: 'x', regions: ['道里区'] } } }) // 'briefing.kind.region'
 * @example slideKindKey({ kind: 'title', view }) // 'briefing.kind.title'
 */
export function slideKindKey(slide: ResolvedSlide): SlideKindKey {
  const kind = slide.kind === 'chart' ? slide.view.spec.kind : undefined;
  return kind && NAMED.has(kind) ? `briefing.kind.${kind as Named}` : `briefing.kind.${slide.kind}`;
}
