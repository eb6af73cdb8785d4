/**
 * Draw a validated chart document into a page: one figure per chart (its title is drawn in the chart), text through `textContent`
 * only (the data is never parsed as HTML), each chart in its own ECharts instance that follows the
 * window size. Used by the self-contained file and by the embed page.
 */
import type { ChartDocument } from './document';
import { buildDocumentCharts } from './build-charts';
import { echarts } from './echarts-runtime';

/** How tall each chart is drawn; a single embedded chart fills its frame's width at this height. */
const CHART_HEIGHT = 440;

/** The stylesheet both pages use; no external fonts or images, so nothing reaches the network. */
export const DOCUMENT_STYLE = `
html{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:#1a1a1a;background:#fff}
html[data-theme=dark]{color:#e8e8e8;background:#16181d}
body{margin:0;padding:12px}
h1{font-size:20px;margin:4px 0 12px}
.chart-figure{margin:0 0 16px;break-inside:avoid}
.chart-figure figcaption{font-size:15px;font-weight:600;margin:0 0 4px}
.chart-figure .reason{color:#666;padding:24px 4px}
.chart{width:100%;height:${CHART_HEIGHT}px}
.errors{color:#b00020}
@media print{@page{size:A4 landscape;margin:12mm}body{padding:0}}
`;

/**
 * Render the document into `root`; returns a function that disposes the charts.
 * @example const dispose = renderDocument(document.getElementById('app')!, doc, { heading: true })
 */
export function renderDocument(root: HTMLElement, doc: ChartDocument, options: { heading: boolean }): () => void {
  const page = root.ownerDocument;
  page.documentElement.dataset.theme = doc.theme;
  page.documentElement.lang = doc.locale === 'en' ? 'en' : 'zh-CN';
  if (options.heading && doc.title) {
    const h1 = page.createElement('h1');
    h1.textContent = doc.title;
    root.append(h1);
  }
  const instances: echarts.ECharts[] = [];
  for (const built of buildDocumentCharts(doc)) {
    const figure = page.createElement('figure');
    figure.className = 'chart-figure';
    if (built.ok) {
      const el = page.createElement('div');
      el.className = 'chart';
      el.setAttribute('role', 'img');
      el.setAttribute('aria-label', built.heading);
      el.dataset.testid = 'standalone-chart';
      figure.append(el);
      root.append(figure);
      const chart = echarts.init(el, undefined, { renderer: 'canvas' });
      chart.setOption(built.option);
      el.dataset.drawn = '1';
      instances.push(chart);
    } else {
      // A chart that cannot be drawn has no title of its own: name it above the reason.
      const caption = page.createElement('figcaption');
      caption.textContent = built.heading;
      figure.append(caption);
      const p = page.createElement('p');
      p.className = 'reason';
      p.textContent = built.reasons.join(' ');
      figure.append(p);
      root.append(figure);
    }
  }
  const resize = () => instances.forEach((c) => c.resize());
  page.defaultView?.addEventListener('resize', resize);
  return () => {
    page.defaultView?.removeEventListener('resize', resize);
    instances.forEach((c) => c.dispose());
  };
}

/**
 * Show sentences saying why nothing could be drawn.
 * @example renderErrors(root, ['嵌入数据无法读取。'])
 */
export function renderErrors(root: HTMLElement, errors: readonly string[]): void {
  const list = root.ownerDocument.createElement('ul');
  list.className = 'errors';
  list.dataset.testid = 'standalone-errors';
  for (const error of errors) {
    const li = root.ownerDocument.createElement('li');
    li.textContent = error;
    list.append(li);
  }
  root.append(list);
}
