/**
 * The option an exported image is drawn from: the chart's own option, still, with the chosen
 * background, without interactive-only parts (zoom slider), and with the footnote lines drawn
 * under the plot. Pure: no ECharts runtime, so it is unit-tested in Node.
 */
import type { EChartsOption } from 'echarts';

/** How the footnote looks; sizes in CSS pixels of the exported layout. */
export const FOOTNOTE_STYLE = { fontSize: 12, lineHeight: 18, padding: 10, color: '#555555' } as const;

/** What to add to the chart. */
export interface ExportDecoration {
  /** Plain-text lines (from `buildFootnote`); empty for no footnote. */
  footnote: readonly string[];
  background: 'white' | 'transparent';
  fontFamily: string;
}

/**
 * Height the footnote takes, in CSS pixels.
 * @example footnoteHeight(['a', 'b']) // 46
 */
export function footnoteHeight(lines: readonly string[]): number {
  return lines.length === 0 ? 0 : lines.length * FOOTNOTE_STYLE.lineHeight + FOOTNOTE_STYLE.padding;
}

type Positioned = { bottom?: unknown };

/** Move a component up by `by` pixels when it is anchored to the bottom in pixels (or at 0 by default). */
function raise<T extends Positioned>(component: T, by: number, fallback: number | undefined): T {
  const bottom = component.bottom ?? fallback;
  if (typeof bottom !== 'number') return component;
  return { ...component, bottom: bottom + by };
}

function raiseAll<T extends Positioned>(value: T | T[] | undefined, by: number, fallback: number | undefined): T | T[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.map((c) => raise(c, by, fallback)) : raise(value, by, fallback);
}

/**
 * A copy of `option` ready for an export; the input is not changed.
 * @example exportOption(option, { footnote: ['来源：市统计局 · 导出于 2026-11-24'], background: 'white', fontFamily: 'sans-serif' })
 */
export function exportOption(option: EChartsOption, decoration: ExportDecoration): EChartsOption {
  const by = footnoteHeight(decoration.footnote);
  const out: EChartsOption = {
    ...option,
    animation: false,
    backgroundColor: decoration.background === 'transparent' ? 'transparent' : '#ffffff',
  };
  // A zoom slider is a control, not part of the picture; the inside zoom keeps the visible range.
  if (Array.isArray(option.dataZoom)) out.dataZoom = option.dataZoom.filter((z) => z.type !== 'slider');
  else if (option.dataZoom && option.dataZoom.type === 'slider') delete out.dataZoom;
  if (by === 0) return out;
  // ECharts' default grid bottom is 60 px; legends default to the top, so only explicit bottoms move.
  out.grid = raiseAll(option.grid as Positioned | Positioned[] | undefined, by, 60) as EChartsOption['grid'];
  if (out.grid === undefined) out.grid = { bottom: 60 + by };
  out.legend = raiseAll(option.legend as Positioned | Positioned[] | undefined, by, undefined) as EChartsOption['legend'];
  const existing = option.graphic === undefined ? [] : Array.isArray(option.graphic) ? option.graphic : [option.graphic];
  const lines = decoration.footnote.map((text, i) => ({
    type: 'text' as const,
    left: 16,
    bottom: FOOTNOTE_STYLE.padding / 2 + (decoration.footnote.length - 1 - i) * FOOTNOTE_STYLE.lineHeight,
    silent: true,
    style: {
      text,
      fill: FOOTNOTE_STYLE.color,
      fontSize: FOOTNOTE_STYLE.fontSize,
      fontFamily: decoration.fontFamily,
    },
  }));
  out.graphic = [...existing, ...lines] as EChartsOption['graphic'];
  return out;
}
