import { describe, expect, it } from 'vitest';
import type { EChartsOption } from 'echarts';
import { exportOption, footnoteHeight, FOOTNOTE_STYLE } from '../../../../src/ui/export/export-option';

const base = (): EChartsOption => ({
  animation: true,
  backgroundColor: '#10151c',
  title: { text: '压采量' },
  grid: { left: 16, bottom: 40 },
  legend: { show: true, bottom: 0 },
  dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: 8 }],
  graphic: [{ type: 'text', left: 0, top: 0, style: { text: 'note' } }],
});
const deco = { footnote: ['指标：压采量 · 单位：亿立方米', '来源：市水务局 · 导出于 2026-11-24'], background: 'white' as const, fontFamily: 'sans-serif' };

describe('exportOption', () => {
  it('makes a still picture on white with the zoom slider removed', () => {
    const out = exportOption(base(), { ...deco, footnote: [] });
    expect(out.animation).toBe(false);
    expect(out.backgroundColor).toBe('#ffffff');
    expect(out.dataZoom).toEqual([{ type: 'inside' }]);
    expect(out.grid).toEqual({ left: 16, bottom: 40 });
  });

  it('keeps a transparent background transparent', () => {
    expect(exportOption(base(), { ...deco, background: 'transparent' }).backgroundColor).toBe('transparent');
  });

  it('draws the footnote lines under the plot and raises what sits at the bottom', () => {
    const out = exportOption(base(), deco);
    const by = footnoteHeight(deco.footnote);
    expect(by).toBe(2 * FOOTNOTE_STYLE.lineHeight + FOOTNOTE_STYLE.padding);
    expect(out.grid).toEqual({ left: 16, bottom: 40 + by });
    expect(out.legend).toEqual({ show: true, bottom: by });
    const graphic = out.graphic as { style: { text: string }; bottom?: number }[];
    expect(graphic.map((g) => g.style.text)).toEqual(['note', ...deco.footnote]);
    // The first line sits above the second.
    expect(graphic[1].bottom!).toBeGreaterThan(graphic[2].bottom!);
  });

  it('gives a grid without a pixel bottom the default plus the footnote', () => {
    const out = exportOption({ title: { text: 't' } }, deco);
    expect(out.grid).toEqual({ bottom: 60 + footnoteHeight(deco.footnote) });
    expect(out.legend).toBeUndefined();
  });

  it('does not mutate its input', () => {
    const input = base();
    const copy = structuredClone(input);
    exportOption(input, deco);
    expect(input).toEqual(copy);
  });
});
