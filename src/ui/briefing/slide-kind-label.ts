/**
 * The kind a deck's slide list names for a slide. A 按地区 slide is resolved as a view slide
 * (`chart`), but it shows one region's cards, not a chart, so the list names it for what it shows.
 */
import type { ResolvedSlide } from '../../app/briefing/deck';

/** Message key of a slide's kind. */
export type SlideKindKey = `briefing.kind.${ResolvedSlide['kind'] | 'region'}`;

/**
 * @example slideKindKey({ kind: 'chart', view: { name: 'a', spec: { version: 1, kind: 'region', indicator: 'x', regions: ['道里区'] } } }) // 'briefing.kind.region'
 * @example slideKindKey({ kind: 'title', view }) // 'briefing.kind.title'
 */
export function slideKindKey(slide: ResolvedSlide): SlideKindKey {
  return slide.kind === 'chart' && slide.view.spec.kind === 'region' ? 'briefing.kind.region' : `briefing.kind.${slide.kind}`;
}
