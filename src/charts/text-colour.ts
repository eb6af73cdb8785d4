/**
 * Colours that carry meaning (good green, bad vermillion) are chosen for charts, where a line or
 * a bar needs 3:1; as text at 15 px they need WCAG's 4.5:1 (the KPI cards' 同比 was 3.42:1 and
 * 3.86:1 on white). This keeps the hue and moves the colour towards black on a light background,
 * or towards white on a dark one, just until the text is readable.
 */
import { contrastRatio, parseColour } from './contrast';

/** WCAG AA for normal text. */
export const TEXT_CONTRAST = 4.5;

function hex(n: number): string {
  return Math.round(n).toString(16).padStart(2, '0');
}

/**
 * `colour` itself when it reaches `min` on `background`, else the first mix of it with black
 * (light background) or white (dark background), in 5% steps, that does. Colours that cannot be
 * read are returned unchanged.
 * @example textColour('#009E73', '#FFFFFF') // '#008A65'-ish: darker green, ≥ 4.5:1
 */
export function textColour(colour: string, background: string, min = TEXT_CONTRAST): string {
  const c = parseColour(colour);
  const bg = parseColour(background);
  if (!c || !bg || contrastRatio(colour, background) >= min) return colour;
  const towards = contrastRatio(background, '#000000') > contrastRatio(background, '#FFFFFF') ? 0 : 255;
  for (let step = 1; step <= 20; step++) {
    const t = step / 20;
    const mixed = `#${hex(c.r + (towards - c.r) * t)}${hex(c.g + (towards - c.g) * t)}${hex(c.b + (towards - c.b) * t)}`.toUpperCase();
    if (contrastRatio(mixed, background) >= min) return mixed;
  }
  return towards === 0 ? '#000000' : '#FFFFFF';
}
