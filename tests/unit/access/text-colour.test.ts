import { describe, expect, it } from 'vitest';
import { textColour } from '../../../src/charts/text-colour';
import { contrastRatio } from '../../../src/charts/contrast';

describe('textColour', () => {
  it.each([
    // The KPI cards' 同比 colours on the light panel (3.42:1 and 3.86:1 before).
    ['#009E73', '#FFFFFF'],
    ['#D55E00', '#FFFFFF'],
    // Okabe–Ito blue on the dark panel is under 4.5:1: lightened.
    ['#0072B2', '#121212'],
    ['#E69F00', '#FFFFFF'],
  ])('%s on %s reaches 4.5:1', (colour, background) => {
    const out = textColour(colour, background);
    expect(out).not.toBe(colour);
    expect(contrastRatio(out, background)).toBeGreaterThanOrEqual(4.5);
    // Only as far as needed: still far from black or white.
    expect(contrastRatio(out, background)).toBeLessThan(7);
  });

  it.each([
    ['#1A1A1A', '#FFFFFF'],
    ['#009E73', '#121212'],
    ['not a colour', '#FFFFFF'],
  ])('%s on %s is kept', (colour, background) => {
    expect(textColour(colour, background)).toBe(colour);
  });

  it('darkens on light backgrounds and lightens on dark ones', () => {
    const onWhite = textColour('#D55E00', '#FFFFFF');
    const onDark = textColour('#0072B2', '#121212');
    expect(contrastRatio(onWhite, '#000000')).toBeLessThan(contrastRatio('#D55E00', '#000000'));
    expect(contrastRatio(onDark, '#FFFFFF')).toBeLessThan(contrastRatio('#0072B2', '#FFFFFF'));
  });
});
