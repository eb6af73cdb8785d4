import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WATERMARK,
  MAX_WATERMARK_LENGTH,
  readWatermarkSettings,
  textWidth,
  watermarkBackground,
  watermarkGraphics,
  watermarkStylesheet,
  watermarkSvg,
  watermarkText,
  watermarkTile,
  type WatermarkSettings,
} from '../../../src/export/watermark';
import { checkXml } from '../../../src/export/svg-check';

const AT = '2026-12-06T20:00:00Z'; // 2026-12-07 04:00 in Shanghai
const on: WatermarkSettings = { enabled: true, text: '内部资料 注意保密', unit: '某市统计局', withDate: true };

describe('watermarkText', () => {
  it.each<[string, WatermarkSettings, string]>([
    ['words, unit and the day in the user zone', on, '内部资料 注意保密  某市统计局  2026-12-07'],
    ['off says nothing', { ...on, enabled: false }, ''],
    ['no date', { ...on, withDate: false }, '内部资料 注意保密  某市统计局'],
    ['no unit', { ...on, unit: '  ' }, '内部资料 注意保密  2026-12-07'],
    ['nothing but a date is no watermark', { ...on, text: '', unit: '' }, ''],
    ['line breaks become spaces', { ...on, text: '内部\n资料', withDate: false, unit: '' }, '内部 资料'],
  ])('%s', (_, settings, expected) => {
    expect(watermarkText(settings, AT, 'Asia/Shanghai')).toBe(expected);
  });

  it('is cut at the maximum, by character', () => {
    const text = watermarkText({ ...on, text: '𠀀'.repeat(100), withDate: false }, AT, 'Asia/Shanghai');
    expect(Array.from(text)).toHaveLength(MAX_WATERMARK_LENGTH);
    expect(text).toBe('𠀀'.repeat(MAX_WATERMARK_LENGTH));
  });

  it('does not change its input', () => {
    const settings = { ...on };
    watermarkText(settings, AT, 'Asia/Shanghai');
    expect(settings).toEqual(on);
  });
});

describe('readWatermarkSettings', () => {
  it.each<[string, unknown, WatermarkSettings]>([
    ['nothing stored', undefined, DEFAULT_WATERMARK],
    ['not an object', 'x', DEFAULT_WATERMARK],
    ['wrong types take the default', { enabled: 'yes', text: 3, unit: null, withDate: 1 }, DEFAULT_WATERMARK],
    ['a whole setting', on, on],
    ['a part', { enabled: true }, { ...DEFAULT_WATERMARK, enabled: true }],
  ])('%s', (_, value, expected) => {
    expect(readWatermarkSettings(value)).toEqual(expected);
  });

  it('is off by default', () => {
    expect(DEFAULT_WATERMARK.enabled).toBe(false);
  });
});

describe('tiles', () => {
  it('measures CJK as one em and Latin as 0.6 em', () => {
    expect(textWidth('内部 ab', 10)).toBeCloseTo(38);
  });

  it('leaves a gap around the turned text', () => {
    const tile = watermarkTile('内部资料', 18);
    // 72 px of text turned 30°: 62 px wide and 36 px tall, plus 72 px gap and the line's own height.
    expect(tile.width).toBeGreaterThan(62 + 72);
    expect(tile.height).toBeGreaterThan(36 + 72);
    expect(watermarkTile('内部资料内部资料', 18).width).toBeGreaterThan(tile.width);
  });
});

describe('watermarkSvg', () => {
  it('is well-formed XML with the text escaped', () => {
    const svg = watermarkSvg(`<b>"甲" & '乙'</b>\u0001`, { fontFamily: "'Microsoft YaHei', sans-serif" });
    expect(checkXml(svg).ok).toBe(true);
    expect(svg).toContain('&lt;b&gt;&quot;甲&quot; &amp; &apos;乙&apos;&lt;/b&gt;</text>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('rotate(-30 ');
  });

  it('is empty for no text', () => {
    expect(watermarkSvg('')).toBe('');
    expect(watermarkBackground('')).toBe('none');
    expect(watermarkStylesheet('')).toBe('');
  });

  it('becomes a data: URL background that decodes to the same SVG', () => {
    const bg = watermarkBackground('内部资料');
    const match = /^url\("data:image\/svg\+xml,(.*)"\)$/.exec(bg);
    expect(match).not.toBeNull();
    expect(decodeURIComponent(match![1])).toBe(watermarkSvg('内部资料'));
    // Nothing in the URL can end the CSS string.
    expect(match![1]).not.toMatch(/["\\\n]/);
  });

  it('covers a saved page and its prints', () => {
    const css = watermarkStylesheet('内部资料');
    expect(css).toContain('position:fixed');
    expect(css).toContain('pointer-events:none');
    expect(css).toContain('print-color-adjust:exact');
    expect(css).not.toContain('</style');
  });
});

describe('watermarkGraphics', () => {
  it('tiles the whole picture with silent texts above the chart', () => {
    const tile = watermarkTile('内部资料', 18);
    const items = watermarkGraphics('内部资料', 1200, 675, 'sans-serif');
    expect(items.length).toBeGreaterThanOrEqual(Math.floor(1200 / tile.width) * Math.floor(675 / tile.height));
    for (const g of items) {
      expect(g.silent).toBe(true);
      expect(g.style.text).toBe('内部资料');
      expect(g.rotation).toBeCloseTo(Math.PI / 6);
    }
    // The corners are covered: some text within a tile of each.
    const near = (x: number, y: number) => items.some((g) => Math.abs(g.x - x) <= tile.width && Math.abs(g.y - y) <= tile.height);
    expect([near(0, 0), near(1200, 0), near(0, 675), near(1200, 675)]).toEqual([true, true, true, true]);
  });

  it.each([
    ['', 1200, 675],
    ['内部资料', 0, 675],
  ])('gives nothing for %j at %i×%i', (text, w, h) => {
    expect(watermarkGraphics(text, w, h, 'sans-serif')).toEqual([]);
  });
});
