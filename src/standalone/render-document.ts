/**
 * Draw a validated chart document into a page: charts in their own ECharts instances that follow
 * the window size (a map first registers the boundary the document carries), the ranking table,
 * KPI cards and a deck's title, KPI, 按地区 and ranking slides as DOM built element by element. Text goes in
 * through `textContent` only: the data is never parsed as HTML. Used by the self-contained file
 * and by the embed page.
 */
import { isLedgerItem, isTextItem, type ChartDocument } from './document';
import { LEDGER_SLIDE_STYLE, ledgerSlideElement } from '../export/ledger-slide-dom';
import { buildDocumentItems, type BuiltChart, type BuiltItem, type MapToRegister } from './build-charts';
import type { RankingTableText } from '../views/ranking';
import type { KpiCardsText } from '../views/kpi';
import { SPARKLINE } from '../views/ranking';
import { REGION_SPARKLINE, type RegionViewCard, type RegionViewModel } from '../views/region';
import type { SlideModels } from '../views/slides';
import { multiplesHeight } from '../charts/multiples';
import { echarts } from './echarts-runtime';

/** How tall each chart is drawn; a single embedded chart fills its frame's width at this height. */
const CHART_HEIGHT = 440;

/** The stylesheet both pages use; no external fonts or images, so nothing reaches the network. */
export const DOCUMENT_STYLE = `
html{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:#1a1a1a;background:#fff;--muted:#555;--line:#ddd}
html[data-theme=dark]{color:#e8e8e8;background:#16181d;--muted:#bbb;--line:#444}
body{margin:0;padding:12px}
h1{font-size:20px;margin:4px 0 12px}
h2{font-size:17px;margin:0 0 8px;overflow-wrap:anywhere}
.chart-figure,.block{margin:0 0 16px;break-inside:avoid;min-width:0}
.chart-figure figcaption{font-size:15px;font-weight:600;margin:0 0 4px}
.chart-figure .reason{color:var(--muted);padding:24px 4px}
.chart{width:100%;height:${CHART_HEIGHT}px}
.errors{color:#b00020}
.note{font-size:13px;color:var(--muted);margin:4px 0 0;border-left:3px solid #b26a00;padding:2px 8px}
.note p{margin:0;overflow-wrap:anywhere}
.scroll{overflow-x:auto}
table{border-collapse:collapse;font-size:14px;min-width:100%}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}
th{font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.region{overflow-wrap:anywhere;min-width:6em}
td.nowrap{white-space:nowrap}
.tied{margin-left:4px;font-size:12px;color:var(--muted)}
tr.chosen{outline:2px solid currentColor;outline-offset:-2px;font-weight:700}
.light{display:inline-flex;align-items:center;gap:4px;padding:0 8px;margin-left:6px;border-radius:10px;border:1.5px solid}
.light .dot{width:10px;height:10px;border-radius:50%;display:inline-block}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:12px;margin-bottom:16px}
.card{border:1px solid var(--line);border-radius:8px;padding:12px;display:grid;gap:4px;align-content:start;min-width:0}
.card h3{margin:0;font-size:15px;display:flex;justify-content:space-between;gap:8px;overflow-wrap:anywhere}
.card .period{color:var(--muted);font-weight:400;white-space:nowrap}
.card p,.slide p{margin:0;overflow-wrap:anywhere}
.card .value{font-size:28px;font-weight:700;font-variant-numeric:tabular-nums;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.yoy{font-weight:700}
.muted{color:var(--muted)}
h3.group{font-size:16px;color:var(--muted);margin:8px 0}
.overview-charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:16px}
.slide{margin:0 0 16px;border:1px solid var(--line);border-radius:8px;padding:32px 24px;text-align:center;display:grid;gap:16px;align-content:center;min-height:320px}
.slide h2{font-size:32px;margin:0}
.slide .subtitle{font-size:22px;color:var(--muted)}
.slide .where{font-size:22px;color:var(--muted)}
.slide .value{font-size:64px;font-weight:700;line-height:1.1}
.slide .change{font-size:30px;font-weight:700}
.slide .target{font-size:20px}
.pair{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px;margin:0 0 16px}
.pair>*{margin:0}
.pair .slide .value{font-size:48px}
.ranking-slide{text-align:left;align-content:start}
.ranking-slide table{font-size:18px}
.ranking-slide tr.gap td{text-align:center;color:var(--muted);padding:0}
.region-slide .kpis{grid-template-columns:repeat(4,minmax(0,1fr));text-align:left;margin:0}
.region-slide .card .value,.pair .region-slide .card .value{font-size:28px;line-height:normal}
@media (max-width:700px){.region-slide .kpis{grid-template-columns:repeat(2,minmax(0,1fr))}}
@media (max-width:700px){.pair{grid-template-columns:1fr}}
@media print{@page{size:A4 landscape;margin:12mm}body{padding:0}.slide{break-after:page}}
${LEDGER_SLIDE_STYLE}`;

/** Keeps the charts of one page, so they follow the window and can be disposed together. */
type Charts = echarts.ECharts[];

function el<K extends keyof HTMLElementTagNameMap>(page: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = page.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The height a chart needs: small multiples grow with their panels, as the app's view does
 * (rows of about 150 px); everything else is drawn at the standard height.
 * @example chartHeight({ grid: Array(12).fill({}) }) // 540
 */
export function chartHeight(option: { grid?: unknown }): number {
  const panels = Array.isArray(option.grid) ? option.grid.length : 1;
  return panels <= 1 ? CHART_HEIGHT : multiplesHeight(panels, CHART_HEIGHT);
}

function drawChart(page: Document, built: BuiltChart, charts: Charts, map?: MapToRegister): HTMLElement {
  const figure = el(page, 'figure', 'chart-figure');
  if (!built.ok) {
    // A chart that cannot be drawn has no title of its own: name it above the reason.
    figure.append(el(page, 'figcaption', undefined, built.heading), el(page, 'p', 'reason', built.reasons.join(' ')));
    return figure;
  }
  const box = el(page, 'div', 'chart');
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', built.heading);
  box.dataset.testid = 'standalone-chart';
  const height = chartHeight(built.option);
  if (height !== CHART_HEIGHT) box.style.height = `${height}px`;
  figure.append(box);
  // The figure must be in the page before ECharts measures it; the caller appends it right away.
  queueMicrotask(() => {
    if (map) echarts.registerMap(map.name, map.geoJSON as never);
    const chart = echarts.init(box, undefined, { renderer: 'canvas' });
    chart.setOption(built.option);
    box.dataset.drawn = '1';
    charts.push(chart);
  });
  return figure;
}

/** A target status as a coloured dot and a word, never colour alone (as the app's TrafficLight). */
function trafficLight(page: Document, status: string, word: string, colour: string): HTMLElement {
  const light = el(page, 'span', 'light');
  light.dataset.status = status;
  light.dataset.testid = 'standalone-light';
  light.style.borderColor = colour;
  const dot = el(page, 'span', 'dot');
  dot.setAttribute('aria-hidden', 'true');
  dot.style.background = colour;
  light.append(dot, page.createTextNode(word));
  return light;
}

function sparkline(
  page: Document,
  shape: RankingTableText['rows'][number]['sparkline'],
  colour: string,
  box: { width: number; height: number } = SPARKLINE,
): SVGSVGElement {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = page.createElementNS(NS, 'svg');
  svg.setAttribute('width', String(box.width));
  svg.setAttribute('height', String(box.height));
  svg.setAttribute('viewBox', `0 0 ${box.width} ${box.height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', shape.label);
  svg.dataset.testid = 'standalone-sparkline';
  const path = page.createElementNS(NS, 'path');
  for (const [k, v] of [
    ['d', shape.d],
    ['fill', 'none'],
    ['stroke', colour],
    ['stroke-width', '1.6'],
    ['stroke-linejoin', 'round'],
    ['stroke-linecap', 'round'],
  ]) {
    path.setAttribute(k, v);
  }
  svg.append(path);
  if (shape.last) {
    const dot = page.createElementNS(NS, 'circle');
    dot.setAttribute('cx', String(shape.last.x));
    dot.setAttribute('cy', String(shape.last.y));
    dot.setAttribute('r', '2.5');
    dot.setAttribute('fill', colour);
    svg.append(dot);
  }
  return svg;
}

function rankingTable(page: Document, table: RankingTableText): HTMLElement {
  const section = el(page, 'section', 'block');
  section.dataset.testid = 'standalone-ranking';
  section.append(el(page, 'h2', undefined, table.heading));
  // Empty unless the table ranks one region's children (a drill's rule).
  if (table.note) section.append(el(page, 'p', 'muted', table.note));
  // A calculated indicator's definition and the linked filter's region, as on the dashboard (#25).
  if (table.definition) section.append(testid(el(page, 'p', 'muted', table.definition), 'standalone-ranking-definition'));
  if (table.marked) section.append(el(page, 'p', 'muted', table.marked));
  if (table.rows.length === 0) {
    section.append(el(page, 'p', 'muted', table.empty));
    return section;
  }
  const numeric = new Set([0, 2, 3]);
  const head = el(page, 'tr');
  table.columns.forEach((c, i) => head.append(el(page, 'th', numeric.has(i) ? 'num' : undefined, c)));
  const body = el(page, 'tbody');
  for (const r of table.rows) {
    const tr = el(page, 'tr');
    tr.dataset.testid = 'standalone-rank-row';
    if (r.chosen) {
      tr.className = 'chosen';
      tr.setAttribute('aria-current', 'true');
    }
    const rank = el(page, 'td', 'num', r.rank);
    if (r.tied) rank.append(el(page, 'span', 'tied', r.tied));
    const change = el(page, 'td', 'num', r.change.text);
    if (r.change.colour) change.style.color = r.change.colour;
    const trend = el(page, 'td');
    trend.append(sparkline(page, r.sparkline, table.accent));
    const target = el(page, 'td', 'nowrap');
    if (r.target) {
      target.append(el(page, 'span', undefined, r.target.pct));
      if (r.target.status) target.append(trafficLight(page, r.target.status, r.target.word, r.target.colour));
    } else target.textContent = '—';
    const region = el(page, 'td', 'region', r.region);
    if (r.chosen) region.append(el(page, 'span', 'tied', table.markedWord));
    tr.append(rank, region, el(page, 'td', 'num', r.value), change, el(page, 'td', 'nowrap', r.move), trend, target);
    body.append(tr);
  }
  section.append(scrollingTable(page, head, body));
  return section;
}

/** An element with its test id. */
function testid<E extends HTMLElement>(e: E, id: string): E {
  e.dataset.testid = id;
  return e;
}

function kpiCards(page: Document, model: KpiCardsText): HTMLElement {
  const list = el(page, 'div', 'kpis');
  list.dataset.testid = 'standalone-kpis';
  list.setAttribute('aria-label', model.heading);
  if (model.cards.length === 0) list.append(el(page, 'p', 'muted', model.empty));
  for (const card of model.cards) {
    const article = el(page, 'article', 'card');
    article.dataset.testid = 'standalone-kpi-card';
    const h3 = el(page, 'h3', undefined, card.region);
    h3.append(el(page, 'span', 'period', card.period));
    const value = el(page, 'p', 'value', card.value);
    value.dataset.testid = 'standalone-kpi-value';
    article.append(h3, value);
    if (card.yoy) {
      const yoy = el(page, 'p', 'yoy', card.yoy.text);
      yoy.style.color = card.yoy.colour;
      yoy.dataset.testid = 'standalone-kpi-yoy';
      article.append(yoy);
    } else article.append(el(page, 'p', 'muted', model.noYoy));
    if (card.target) {
      const target = el(page, 'p', undefined, card.target.text);
      if (card.target.status) target.append(trafficLight(page, card.target.status, card.target.statusText, card.target.colour));
      article.append(target);
    } else article.append(el(page, 'p', 'muted', model.noTarget));
    list.append(article);
  }
  return list;
}

/** One indicator's card of 按地区, on the view and on its slide alike. */
function regionCard(page: Document, c: RegionViewCard, accent: string): HTMLElement {
  const article = el(page, 'article', 'card');
  article.dataset.testid = 'standalone-region-card';
  article.dataset.indicator = c.indicator;
  const h3 = el(page, 'h3', undefined, c.name);
  h3.append(el(page, 'span', 'period', c.card.period));
  const value = el(page, 'p', 'value', c.card.value);
  value.dataset.testid = 'standalone-region-value';
  article.append(h3, value, sparkline(page, c.sparkline, accent, REGION_SPARKLINE));
  if (c.card.yoy) {
    const yoy = el(page, 'p', 'yoy', c.card.yoy.text);
    yoy.style.color = c.card.yoy.colour;
    article.append(yoy);
  }
  if (c.card.target) {
    const target = el(page, 'p', undefined, c.card.target.text);
    if (c.card.target.status) target.append(trafficLight(page, c.card.target.status, c.card.target.statusText, c.card.target.colour));
    article.append(target);
  }
  return article;
}

/** 按地区: the region's card of every indicator, by dataset, as the app's tab shows them. */
function regionView(page: Document, model: RegionViewModel): HTMLElement {
  const section = el(page, 'section', 'block');
  section.dataset.testid = 'standalone-region';
  section.append(el(page, 'h2', undefined, model.heading));
  if (model.empty) section.append(el(page, 'p', 'muted', model.empty));
  for (const group of model.groups) {
    if (group.heading) section.append(el(page, 'h3', 'group', group.heading));
    const list = el(page, 'div', 'kpis');
    for (const c of group.cards) list.append(regionCard(page, c, model.accent));
    section.append(list);
  }
  return section;
}

/** A deck's 按地区 slide: the slide model's cards and how many more there are, as the slide shows them. */
function slideRegion(page: Document, slide: SlideModels['region']): HTMLElement {
  const section = el(page, 'section', 'slide region-slide');
  section.dataset.testid = 'standalone-slide-region';
  section.append(el(page, 'h2', undefined, slide.heading));
  if (slide.empty) section.append(el(page, 'p', 'muted', slide.empty));
  if (slide.cards.length > 0) {
    const list = el(page, 'div', 'kpis');
    for (const c of slide.cards) list.append(regionCard(page, c, slide.accent));
    section.append(list);
  }
  if (slide.more) {
    const more = el(page, 'p', 'muted', slide.more);
    more.dataset.testid = 'standalone-slide-region-more';
    section.append(more);
  }
  return section;
}

/** A deck's ranking slide: the slide model's rows (a gap row above a row that skips ranks) and how many more, as the slide shows them. */
function slideRanking(page: Document, heading: string, slide: SlideModels['ranking']): HTMLElement {
  const section = el(page, 'section', 'slide ranking-slide');
  section.dataset.testid = 'standalone-slide-ranking';
  section.append(el(page, 'h2', undefined, heading), el(page, 'p', 'subtitle', slide.caption));
  for (const note of slide.notes) section.append(el(page, 'p', 'muted', note));
  if (slide.empty) {
    section.append(el(page, 'p', 'muted', slide.empty));
    return section;
  }
  const numeric = new Set(['rank', 'value', 'change']);
  const head = el(page, 'tr');
  for (const c of slide.columns) head.append(el(page, 'th', numeric.has(c.key) ? 'num' : undefined, c.label));
  const body = el(page, 'tbody');
  for (const r of slide.rows) {
    if (r.gapBefore) {
      const gap = el(page, 'tr', 'gap');
      gap.setAttribute('aria-hidden', 'true');
      const cell = el(page, 'td', undefined, '⋯');
      cell.colSpan = slide.columns.length;
      gap.append(cell);
      body.append(gap);
    }
    const tr = el(page, 'tr');
    tr.dataset.testid = 'standalone-slide-ranking-row';
    if (r.chosen) {
      tr.className = 'chosen';
      tr.setAttribute('aria-current', 'true');
    }
    for (const c of slide.columns) tr.append(rankingCell(page, c.key, r, slide));
    body.append(tr);
  }
  section.append(scrollingTable(page, head, body));
  if (slide.more) section.append(testid(el(page, 'p', 'muted', slide.more), 'standalone-slide-ranking-more'));
  return section;
}

type RankingSlideModel = SlideModels['ranking'];

/** One cell of a ranking slide's row, by its column. */
function rankingCell(
  page: Document,
  key: RankingSlideModel['columns'][number]['key'],
  r: RankingSlideModel['rows'][number],
  slide: RankingSlideModel,
): HTMLElement {
  switch (key) {
    case 'rank': {
      const rank = el(page, 'td', 'num', r.rank);
      if (r.tied) rank.append(el(page, 'span', 'tied', r.tied));
      return rank;
    }
    case 'region': {
      const region = el(page, 'td', 'region', r.region);
      if (r.chosen) region.append(el(page, 'span', 'tied', slide.markedWord));
      return region;
    }
    case 'value':
      return el(page, 'td', 'num', r.value);
    case 'change': {
      const change = el(page, 'td', 'num', r.change.text);
      if (r.change.colour) change.style.color = r.change.colour;
      return change;
    }
    case 'rankChange':
      return el(page, 'td', 'nowrap', r.move);
    case 'trend': {
      const trend = el(page, 'td');
      trend.append(sparkline(page, r.sparkline, slide.accent));
      return trend;
    }
    case 'target': {
      const target = el(page, 'td', 'nowrap');
      if (r.target) {
        target.append(el(page, 'span', undefined, r.target.pct));
        if (r.target.status) target.append(trafficLight(page, r.target.status, r.target.word, r.target.colour));
      } else target.textContent = slide.none;
      return target;
    }
  }
}

function slideKpi(page: Document, slide: Extract<BuiltItem, { type: 'slide-kpi' }>['slide']): HTMLElement {
  const section = el(page, 'section', 'slide');
  section.dataset.testid = 'standalone-slide-kpi';
  section.append(el(page, 'h2', undefined, slide.heading));
  const k = slide.kpi;
  if (!k) {
    section.append(el(page, 'p', 'muted', slide.none));
    return section;
  }
  const value = el(page, 'p', 'value', k.value);
  value.dataset.testid = 'standalone-slide-kpi-value';
  section.append(el(page, 'p', 'where', `${k.region} · ${k.period}`), value);
  if (k.change) {
    const change = el(page, 'p', 'change', `${k.change.arrow} ${k.change.text}${k.change.verdict ? `（${k.change.verdict}）` : ''}`);
    change.style.color = k.change.colour;
    section.append(change);
  }
  if (k.target) {
    const target = el(page, 'p', 'target', `${k.target.value} · `);
    const done = el(page, 'span', undefined, k.target.text);
    done.style.color = k.target.colour;
    target.append(done);
    if (k.target.statusText) target.append(page.createTextNode(` · ${k.target.statusText}`));
    section.append(target);
  }
  return section;
}

function titleSlide(page: Document, title: string, subtitle: string): HTMLElement {
  const section = el(page, 'section', 'slide');
  section.dataset.testid = 'standalone-title-slide';
  section.append(el(page, 'h2', undefined, title));
  if (subtitle) section.append(el(page, 'p', 'subtitle', subtitle));
  return section;
}

function renderItem(page: Document, item: BuiltItem, charts: Charts, locale: ChartDocument['locale']): HTMLElement {
  switch (item.type) {
    case 'chart':
      return drawChart(page, item.chart, charts, item.map);
    case 'ranking':
      return rankingTable(page, item.table);
    case 'slide-kpi':
      return slideKpi(page, item.slide);
    case 'slide-region':
      return slideRegion(page, item.slide);
    case 'slide-ranking':
      return slideRanking(page, item.heading, item.slide);
    case 'title':
      return titleSlide(page, item.title, item.subtitle);
    case 'ledger':
      return ledgerSlideElement(page, item.ledger, locale);
    case 'region':
      return regionView(page, item);
    case 'overview': {
      const section = el(page, 'section', 'block');
      section.dataset.testid = 'standalone-overview';
      const grid = el(page, 'div', 'overview-charts');
      for (const c of item.charts) grid.append(drawChart(page, c, charts));
      section.append(el(page, 'h2', undefined, item.cards.heading));
      if (item.cards.definition) section.append(testid(el(page, 'p', 'muted', item.cards.definition), 'standalone-kpi-definition'));
      section.append(kpiCards(page, item.cards), grid);
      return section;
    }
  }
}

/** Lines said under a view (where its datasets disagree), as text. */
function notesOf(page: Document, notes: readonly string[]): HTMLElement {
  const box = el(page, 'div', 'note');
  box.dataset.testid = 'standalone-note';
  for (const line of notes) box.append(el(page, 'p', undefined, line));
  return box;
}

/** Kinds drawn as one chart that carries its own title. */
const TITLED_KINDS: ReadonlySet<string> = new Set(['trend', 'comparison', 'multiples', 'map']);

/**
 * Whether a saved page shows its title above the items: one chart carries its title inside the
 * drawing; a page of several items, an overview or a table gets the page title.
 * @example needsHeading({ …, charts: [trendChart] }) // false
 */
export function needsHeading(doc: ChartDocument): boolean {
  if (doc.charts.length !== 1) return true;
  const only = doc.charts[0];
  return isTextItem(only) || isLedgerItem(only) || only.show !== undefined || !TITLED_KINDS.has(only.payload.spec.kind);
}

/**
 * Render the document into `root`; returns a function that disposes the charts.
 * @example const dispose = renderDocument(document.getElementById('app')!, doc, { heading: true })
 */
export function renderDocument(root: HTMLElement, doc: ChartDocument, options: { heading: boolean }): () => void {
  const page = root.ownerDocument;
  page.documentElement.dataset.theme = doc.theme;
  page.documentElement.dataset.convention = doc.convention;
  page.documentElement.lang = doc.locale === 'en' ? 'en' : 'zh-CN';
  if (options.heading && doc.title) root.append(el(page, 'h1', undefined, doc.title));
  const charts: Charts = [];
  for (const item of buildDocumentItems(doc)) {
    const node = renderItem(page, item, charts, doc.locale);
    if (item.notes) node.append(notesOf(page, item.notes));
    const before = root.lastElementChild;
    if (item.beside && before && before.tagName !== 'H1') {
      // The right half of a side-by-side slide: both halves go into one row.
      const pair = before.classList.contains('pair') ? before : el(page, 'div', 'pair');
      if (pair !== before) {
        root.replaceChild(pair, before);
        pair.append(before);
      }
      pair.append(node);
    } else root.append(node);
  }
  const resize = () => charts.forEach((c) => c.resize());
  page.defaultView?.addEventListener('resize', resize);
  return () => {
    page.defaultView?.removeEventListener('resize', resize);
    charts.forEach((c) => c.dispose());
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

/** A table of a head row and a body, in the box that scrolls it sideways on a narrow screen. */
function scrollingTable(page: Document, head: HTMLElement, body: HTMLElement): HTMLElement {
  const t = el(page, 'table');
  const thead = el(page, 'thead');
  thead.append(head);
  t.append(thead, body);
  const scroll = el(page, 'div', 'scroll');
  scroll.append(t);
  return scroll;
}
