import { describe, expect, it } from 'vitest';
import { changeColour, dark, FONT_FAMILY, light, projector, statusColour, withConvention } from '../../../src/charts/theme';

describe('themes', () => {
  it.each([light, dark, projector])('$name uses the CJK font stack and Okabe–Ito colours', (t) => {
    expect(t.fontFamily).toBe(FONT_FAMILY);
    expect(t.fontFamily).toContain("'Microsoft YaHei'");
    expect(t.fontFamily).not.toContain('"');
    expect(t.good).toBe('#009E73');
    expect(t.bad).toBe('#D55E00');
    expect(new Set(t.palette).size).toBe(t.palette.length);
  });

  it('projector is sized for 1080p', () => {
    expect(projector.fontSize).toBeGreaterThanOrEqual(24);
    expect(projector.titleSize).toBeGreaterThanOrEqual(48);
    expect(projector.lineWidth).toBeGreaterThan(light.lineWidth);
    expect(projector.symbolSize).toBeGreaterThan(light.symbolSize);
  });

  it('light leaves out yellow, unreadable on white', () => {
    expect(light.palette).not.toContain('#F0E442');
  });
});

describe('changeColour', () => {
  const riseRed = withConvention(light, 'rise-red');
  it.each([
    [light, 'up', true, light.good],
    [light, 'up', false, light.bad],
    [light, 'down', true, light.good],
    [light, 'flat', undefined, light.subtleText],
    [riseRed, 'up', true, light.bad],
    [riseRed, 'down', true, light.good],
    [riseRed, 'down', false, light.good],
  ] as const)('%#: %s good=%s', (theme, dir, good, colour) => {
    expect(changeColour(theme, dir, good)).toBe(colour);
  });

  it('withConvention does not mutate the theme', () => {
    withConvention(light, 'rise-red');
    expect(light.convention).toBe('good-green');
  });
});

describe('statusColour', () => {
  it.each([
    ['green', light.good],
    ['yellow', light.warn],
    ['red', light.bad],
    [undefined, light.neutral],
  ] as const)('%s → %s', (status, colour) => {
    expect(statusColour(light, status)).toBe(colour);
  });
});
