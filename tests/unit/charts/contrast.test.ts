import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColour, readableColour } from '../../../src/charts/contrast';
import { projector } from '../../../src/charts/theme';

describe('parseColour', () => {
  it.each([
    ['#fff', { r: 255, g: 255, b: 255 }],
    ['#D55E00', { r: 213, g: 94, b: 0 }],
    ['rgb(1, 2, 3)', { r: 1, g: 2, b: 3 }],
    ['rgba(10, 20, 30, 0.5)', { r: 10, g: 20, b: 30 }],
    ['red', undefined],
    ['#12', undefined],
  ])('%j', (text, expected) => {
    expect(parseColour(text)).toEqual(expected);
  });
});

describe('contrastRatio', () => {
  it.each([
    ['#000000', '#FFFFFF', 21],
    ['#FFFFFF', '#000000', 21],
    ['#777777', '#FFFFFF', 4.48],
    ['#123456', '#123456', 1],
    ['bogus', '#FFFFFF', 1],
  ])('%s on %s', (a, b, expected) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 2);
  });

  it('every text colour of the projector theme reaches 4.5:1 on its background', () => {
    for (const c of [projector.text, projector.subtleText, projector.good, projector.bad, projector.warn]) {
      expect(contrastRatio(c, projector.background)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('readableColour', () => {
  it.each([
    ['#009E73', '#000000', '#FFFFFF', '#009E73'],
    ['#333333', '#000000', '#FFFFFF', '#FFFFFF'],
    ['#0072B2', '#000000', '#FFFFFF', '#FFFFFF'],
  ])('%s on %s', (preferred, bg, fallback, expected) => {
    expect(readableColour(preferred, bg, fallback)).toBe(expected);
  });

  it('does not mutate its input', () => {
    const colours = ['#333333', '#000000'];
    readableColour(colours[0]!, colours[1]!, '#FFFFFF');
    expect(colours).toEqual(['#333333', '#000000']);
  });
});
