/**
 * Slides are laid out once at 1920×1080 and scaled as a whole (CSS transform), so text never
 * reflows on a smaller or larger screen: it only gets smaller or larger with everything else.
 */

/** The design size of every slide, px. */
export const SLIDE_WIDTH = 1920;
export const SLIDE_HEIGHT = 1080;

/** Smallest text on a slide at 1080p, and the smallest title (projector rules). */
export const MIN_TEXT_PX = 24;
export const MIN_TITLE_PX = 48;

/** How to place the 1920×1080 slide in a box: scale, then offsets that centre it (letterbox). */
export interface SlideFit {
  scale: number;
  left: number;
  top: number;
}

/**
 * Fit the slide into a box of `width`×`height` px, keeping 16:9.
 * @example fitSlide(1024, 768) // { scale: 0.5333…, left: 0, top: 96 }
 */
export function fitSlide(width: number, height: number): SlideFit {
  if (!(width > 0) || !(height > 0)) return { scale: 1, left: 0, top: 0 };
  const scale = Math.min(width / SLIDE_WIDTH, height / SLIDE_HEIGHT);
  return {
    scale,
    left: (width - SLIDE_WIDTH * scale) / 2,
    top: (height - SLIDE_HEIGHT * scale) / 2,
  };
}

/**
 * A font size at which `text` fits in `lines` lines of `width` px, between `min` and `max`.
 * Widths are estimated (CJK and full-width characters 1 em, others 0.6 em) because the slide is
 * laid out before fonts are measured; the heading also clips at `lines` lines, so a bad estimate
 * costs a cut word, never text spilling out of the slide.
 * @example fitFontSize('PM10平均浓度', 1700, 72, 48) // 72
 */
export function fitFontSize(text: string, width: number, max: number, min: number, lines = 1): number {
  let wide = 0;
  let narrow = 0;
  for (const ch of text) {
    if (/[\u2E80-\uFFEF]/.test(ch)) wide += 1;
    else narrow += 1;
  }
  // Counted apart and multiplied once: summing 0.6 per character drifts below whole numbers.
  const ems = wide + narrow * 0.6;
  if (ems === 0) return max;
  const size = Math.floor((width * lines) / ems);
  return Math.max(min, Math.min(max, size));
}
