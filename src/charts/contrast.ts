/**
 * WCAG contrast between two colours. Slides use it to make sure a coloured word (a good/bad
 * change, a traffic light) stays readable on the slide background whatever the colour convention.
 */

/** An sRGB colour with 0–255 channels. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/**
 * Read `#rgb`, `#rrggbb` or `rgb(…)`/`rgba(…)`; undefined for anything else.
 * @example parseColour('#FFF') // { r: 255, g: 255, b: 255 }
 */
export function parseColour(text: string): Rgb | undefined {
  const s = text.trim();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(s);
  if (short) return { r: parseInt(short[1]! + short[1], 16), g: parseInt(short[2]! + short[2], 16), b: parseInt(short[3]! + short[3], 16) };
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(s);
  if (long) return { r: parseInt(long[1]!, 16), g: parseInt(long[2]!, 16), b: parseInt(long[3]!, 16) };
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(s);
  if (fn) return { r: Number(fn[1]), g: Number(fn[2]), b: Number(fn[3]) };
  return undefined;
}

function luminance({ r, g, b }: Rgb): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Contrast ratio (1–21) of two colours; 1 when either cannot be read.
 * @example contrastRatio('#000', '#fff') // 21
 */
export function contrastRatio(a: string, b: string): number {
  const ca = parseColour(a);
  const cb = parseColour(b);
  if (!ca || !cb) return 1;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG's minimum contrast for large text (at least 24 px, or 18.66 px bold). */
export const LARGE_TEXT_CONTRAST = 3;

/**
 * The preferred colour if it reaches `min` contrast on `background`, else the fallback.
 * @example readableColour('#333', '#000', '#FFF') // '#FFF'
 */
export function readableColour(preferred: string, background: string, fallback: string, min = 4.5): string {
  return contrastRatio(preferred, background) >= min ? preferred : fallback;
}
