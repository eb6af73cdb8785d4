/**
 * Draw an option at an exact export size, away from the screen. This is the one exception to
 * "only EChart.svelte owns an ECharts instance": an export needs a second, temporary instance at
 * the export's size and pixel ratio (resizing the visible chart would make it jump), and it is
 * created and disposed inside each function here, never kept.
 */
import type { EChartsOption } from 'echarts';
import { echarts } from '../chart/echarts-setup';
import { checkXml } from '../../export/svg-check';

/** Characters XML 1.0 forbids (C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Render to a PNG at `width`×`height` CSS pixels times `pixelRatio`.
 * @example await renderPng(option, { width: 1200, height: 675, pixelRatio: 2, background: 'white' }) // Blob 2400×1350
 */
export async function renderPng(
  option: EChartsOption,
  size: { width: number; height: number; pixelRatio: number; background: 'white' | 'transparent' },
): Promise<Blob> {
  const host = document.createElement('div');
  // Laid out (so fonts and sizes are real) but outside the viewport and hidden from readers.
  host.style.cssText = `position:fixed;left:-100000px;top:0;width:${size.width}px;height:${size.height}px;`;
  host.setAttribute('aria-hidden', 'true');
  document.body.append(host);
  const chart = echarts.init(host, undefined, {
    renderer: 'canvas',
    width: size.width,
    height: size.height,
    devicePixelRatio: size.pixelRatio,
  });
  try {
    chart.setOption(option, { notMerge: true, lazyUpdate: false });
    const url = chart.getDataURL({
      type: 'png',
      pixelRatio: size.pixelRatio,
      backgroundColor: size.background === 'transparent' ? 'transparent' : '#ffffff',
    });
    return dataUrlToBlob(url);
  } finally {
    chart.dispose();
    host.remove();
  }
}

/**
 * Render to an SVG document through the SVG renderer (real vectors and text). Characters XML
 * forbids are removed from the output, and the result is checked to be well-formed XML.
 * @example renderSvg(option, 1200, 675).startsWith('<svg') // true
 */
export function renderSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null as unknown as HTMLElement, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option, { notMerge: true, lazyUpdate: false });
    const svg = chart.renderToSVGString().replace(NOT_XML, '');
    const check = checkXml(svg);
    if (!check.ok) throw new Error(`SVG is not well-formed XML (${check.error} at ${check.offset})`);
    return svg;
  } finally {
    chart.dispose();
  }
}

/** A `data:` URL → Blob, decoded here rather than by `fetch` so no network policy is involved. */
function dataUrlToBlob(url: string): Blob {
  const comma = url.indexOf(',');
  const type = /^data:([^;,]+)/.exec(url)?.[1] ?? 'application/octet-stream';
  const binary = atob(url.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}
