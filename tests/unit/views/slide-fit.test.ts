import { describe, expect, it } from 'vitest';
import { fitFontSize, fitSlide, SLIDE_HEIGHT, SLIDE_WIDTH } from '../../../src/views/slide-fit';

describe('fitSlide', () => {
  it.each([
    [1920, 1080, 1, 0, 0],
    [3840, 2160, 2, 0, 0],
    [1024, 768, 1024 / 1920, 0, (768 - 576) / 2],
    [1280, 1024, 1280 / 1920, 0, (1024 - 720) / 2],
    [2560, 1080, 1, 320, 0],
    [0, 768, 1, 0, 0],
  ])('%i×%i', (w, h, scale, left, top) => {
    const fit = fitSlide(w, h);
    expect(fit.scale).toBeCloseTo(scale, 6);
    expect(fit.left).toBeCloseTo(left, 6);
    expect(fit.top).toBeCloseTo(top, 6);
    // The scaled slide always fits inside the box.
    if (w > 0) {
      expect(SLIDE_WIDTH * fit.scale).toBeLessThanOrEqual(w + 1e-9);
      expect(SLIDE_HEIGHT * fit.scale).toBeLessThanOrEqual(h + 1e-9);
    }
  });
});

describe('fitFontSize', () => {
  it.each([
    ['PM10平均浓度', 1700, 72, 48, 1, 72],
    ['很'.repeat(40), 1600, 72, 48, 1, 48],
    ['很'.repeat(30), 1800, 72, 48, 1, 60],
    ['很'.repeat(30), 1800, 72, 48, 2, 72],
    ['', 1000, 72, 48, 1, 72],
    ['a'.repeat(50), 1500, 72, 48, 1, 50],
  ])('%j in %i px', (text, width, max, min, lines, expected) => {
    expect(fitFontSize(text, width, max, min, lines)).toBe(expected);
  });

  it('does not mutate its input', () => {
    const text = '保护性耕作面积';
    fitFontSize(text, 100, 72, 48);
    expect(text).toBe('保护性耕作面积');
  });
});
