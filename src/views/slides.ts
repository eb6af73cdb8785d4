/**
 * What a slide draws, built from a saved view and its observations: a chart option in the
 * projector theme (every label at least 24 px at 1080p, no animation, no chart title because the
 * slide prints its own 48 px heading; a map on the boundary file the deck loaded), a KPI slide's
 * text (src/views/kpi.ts), a ranking view's table (slide-ranking.ts) or a title slide's.
 * Every kind of slide is an entry of `slideKinds`; the slide on screen, the presenter, the deck's
 * print and a saved deck page render what it builds. Pure; the UI only renders it.
 * A ledger's slides (summary, board) are built from its tasks and the day, not from a view:
 * `buildLedgerSlide` in slides-ledger.ts, a module of its own so the ledger's code and messages
 * load only with a deck or page that shows one.
 */
import type { EChartsOption } from 'echarts';
import type { ChartData } from '../charts/types';
// Registers every chart kind a slide may draw (small multiples, 柱+同比, 柱+目标) with the registry.
import './chart-kinds';
import { buildChartView } from './chart-views';
import { projector, withConvention, type ChartTheme, type ColourConvention } from '../charts/theme';
import { buildKpiSlide, type KpiSlide } from './kpi';
import { MIN_TEXT_PX } from './slide-fit';
import type { ViewSpec } from '../domain/types';
import { translate } from '../domain/messages';
import { buildRegionView, type RegionViewCard } from './region';
import type { ViewData } from './build-view';
import type { ViewLook } from './chart-views';
import { buildRankingSlide, type RankingSlide } from './slide-ranking';

/** What a slide is made from: a saved view (or one kept in the deck). */
export interface SlideOf {
  name: string;
  subtitle?: string;
  spec: ViewSpec;
  /** Shown on half a slide (one of a side-by-side pair): a 按地区 slide holds half its cards. */
  half?: boolean;
  /** A map view's boundary file, as the deck loaded it (app/briefing); absent on a view of another kind. */
  boundary?: SlideMap;
}

/**
 * The boundary file a map slide is drawn on. The deck reads it from the store (the user's upload)
 * when the deck has a map slide; `loaded` is absent when the file has been deleted since the view
 * was saved, and the slide says so.
 */
export interface SlideMap {
  /** The file's name, as the user knows it (said when it is gone). */
  file: string;
  loaded?: {
    /** How the map joins the values, its caption and its features' keys (views/chart-views.ts `ViewLook`). */
    look: NonNullable<ViewLook['map']>;
    /** The outlines, keyed for the join, to register with ECharts under `look.mapName`. */
    geoJSON: object;
  };
}

/**
 * The projector theme under the user's colour convention.
 * @example slideTheme('rise-red').fontSize // 24
 */
export function slideTheme(convention: ColourConvention): ChartTheme {
  return withConvention(projector, convention);
}

/** Keys whose object value carries text settings in an ECharts option. */
const TEXT_KEYS = new Set(['textStyle', 'label', 'axisLabel', 'nameTextStyle', 'subtextStyle', 'endLabel', 'emphasis']);

function enlarge(value: unknown, min: number, inText: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => enlarge(v, min, inText));
  // Functions (formatters) and typed arrays pass through untouched.
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = enlarge(v, min, TEXT_KEYS.has(key));
  if (inText) {
    const size = out.fontSize;
    out.fontSize = typeof size === 'number' ? Math.max(size, min) : min;
  }
  return out;
}

/**
 * A copy of an option with every text setting at least `min` px: builders size a few secondary
 * texts (subtitles, notes) below the theme's label size, which a room cannot read.
 * @example enlargeFonts({ label: { fontSize: 12 } }, 24) // { label: { fontSize: 24 } }
 */
export function enlargeFonts(option: EChartsOption, min: number = MIN_TEXT_PX): EChartsOption {
  return enlarge(option, min, false) as EChartsOption;
}

/**
 * A slide chart, or why it cannot be drawn, in words. A map's boundary is registered under its
 * name before drawing, and its caption (source, 审图号) is printed under it as text at slide size.
 */
export interface SlideChart {
  option: EChartsOption | undefined;
  reasons: string[];
  map?: { name: string; geoJSON: object };
  caption?: string;
}

/** Small multiples a slide holds readably at 24 px text (the view's others are said, not drawn). */
export const SLIDE_PANELS = 12;

/** Slide pixels left of a map for its colour legend (bar and 24 px labels such as 109.6 and 较好). */
const MAP_LEGEND_ROOM = 170;

/**
 * The option as a slide shows it: no chart title (the slide has its own heading, so the grid moves
 * up into the freed space), no animation, and end labels that push apart instead of overlapping.
 */
function forSlide(option: EChartsOption): EChartsOption {
  // Small multiples have a title per panel after the chart's own (each panel's region): only the
  // chart's own goes.
  const [title, ...panels] = Array.isArray(option.title) ? option.title : option.title ? [option.title] : [];
  // A builder's subtitle carries notes (values of another grain left out): keep those visible.
  const notes = typeof title?.subtext === 'string' && title.subtext !== '';
  const chartTitle = notes ? { ...title, text: '', top: 0 } : { ...(title ?? {}), show: false };
  const hidden = Array.isArray(option.title) ? [chartTitle, ...panels] : chartTitle;
  const grid = option.grid;
  // Room for the value axis name (and notes) above the plot; builders also leave room for a title.
  const moved = grid && !Array.isArray(grid) ? { ...grid, top: notes ? 104 : 64 } : grid;
  const series = Array.isArray(option.series)
    ? option.series.map((s) =>
        s.type === 'line'
          ? { ...s, labelLayout: { moveOverlap: 'shiftY' as const } }
          : // On half a slide the map's box reached under its colour legend (at the left): keep it right of it.
            s.type === 'map'
            ? { ...s, left: MAP_LEGEND_ROOM, right: 16 }
            : s,
      )
    : option.series;
  return { ...option, title: hidden, grid: moved, series, animation: false };
}

/**
 * Build the chart of a chart slide: trend, comparison, small multiples or a map on its boundary
 * file. The view's own model (views/chart-views.ts), as the dashboard draws it: the same regions,
 * filter mark and number format; the slide only hides the chart's title (it prints its own
 * heading) and holds fewer panels. A map whose boundary file was deleted says so.
 * @example buildSlideChart(view, data, slideTheme('good-green')).option?.animation // false
 */
export function buildSlideChart(view: SlideOf, data: ChartData, theme: ChartTheme): SlideChart {
  const s = view.spec;
  const kind = s.kind;
  if (kind !== 'trend' && kind !== 'comparison' && kind !== 'multiples' && kind !== 'map') {
    // A ranking is its table (`ranking`), the overview its big number (`kpi`), 按地区 its cards (`region`).
    return { option: undefined, reasons: [translate(data.locale, 'briefing.kindUnsupported', { kind: translate(data.locale, `briefing.view.${s.kind}`) })] };
  }
  const loaded = kind === 'map' ? view.boundary?.loaded : undefined;
  if (kind === 'map' && !loaded) {
    const reason = view.boundary ? translate(data.locale, 'briefing.map.deleted', { name: view.boundary.file }) : translate(data.locale, 'chart.no_map');
    return { option: undefined, reasons: [reason] };
  }
  // The caption goes under the map as text (inside the canvas it would be under 24 px).
  const look = { theme, panels: SLIDE_PANELS, map: loaded && { ...loaded.look, caption: undefined } };
  // The slide shows the view's name and subtitle itself: the chart's own would repeat them.
  const drawn = buildChartView({ ...s, kind, title: undefined, subtitle: undefined }, data, look).chart;
  if (!drawn.ok) return { option: undefined, reasons: drawn.reasons };
  const option = enlargeFonts(forSlide(drawn.option));
  if (!loaded) return { option, reasons: [] };
  const map = { name: loaded.look.mapName, geoJSON: loaded.geoJSON };
  return loaded.look.caption ? { option, reasons: [], map, caption: loaded.look.caption } : { option, reasons: [], map };
}

/**
 * A ranking view's slide: its table (views/slide-ranking.ts), the rows a slide holds.
 * @example buildSlideRanking(view, data, slideTheme('good-green')).rows[0].rank // '1'
 */
export function buildSlideRanking(view: SlideOf, data: ChartData, theme: ChartTheme): RankingSlide {
  return buildRankingSlide(view.spec, data, theme, view.half === true);
}

/** A 按地区 slide: the region's first cards (as many as a slide holds at projector sizes), and how many more there are. */
export interface RegionSlide {
  heading: string;
  cards: RegionViewCard[];
  /** Said when cards were left off: how many. */
  more: string | undefined;
  /** Said when the region has no card. */
  empty: string | undefined;
  accent: string;
}

/** Cards on one 按地区 slide: four across, two down, each with 24 px text at least. */
export const REGION_SLIDE_CARDS = 8;

/**
 * Build a 按地区 slide from the view the tab builds (views/region.ts), its cards in order.
 * @example buildRegionSlide(view, data, slideTheme('good-green')).cards.length // ≤ 8
 */
export function buildRegionSlide(view: SlideOf, data: ViewData, theme: ChartTheme): RegionSlide {
  const model = buildRegionView(view.spec, data, data.regionSet, theme);
  const cards = model.groups.flatMap((g) => g.cards);
  const held = view.half ? REGION_SLIDE_CARDS / 2 : REGION_SLIDE_CARDS;
  const left = cards.length - held;
  return {
    heading: model.heading,
    cards: cards.slice(0, held),
    more: left > 0 ? translate(data.locale, 'briefing.region.more', { n: left }) : undefined,
    empty: model.empty,
    accent: model.accent,
  };
}

/** A title slide: the deck's words, nothing drawn. */
export interface TitleSlide {
  heading: string;
  subtitle: string;
}

/** What each kind of slide builds (add a line with a new kind). */
export interface SlideModels {
  title: TitleSlide;
  kpi: KpiSlide;
  chart: SlideChart;
  region: RegionSlide;
  ranking: RankingSlide;
}

export type SlideKindName = keyof SlideModels;

/** A kind of slide: how it is built from its view, its data and the theme it is shown in. */
export interface SlideKind<M> {
  build: (view: SlideOf, data: ViewData, theme: ChartTheme) => M;
}

/**
 * The kinds of slide. A new kind is one entry here (and its model in `SlideModels`); its
 * renderer goes beside SlideKpi/SlideChart (src/ui/briefing) and in the standalone renderer.
 * @example slideKinds.kpi.build(view, data, projector).kpi?.value // '79微克/立方米'
 */
export const slideKinds: { [K in SlideKindName]: SlideKind<SlideModels[K]> } = {
  title: { build: (view) => ({ heading: view.name, subtitle: view.subtitle ?? '' }) },
  kpi: { build: buildKpiSlide },
  chart: { build: buildSlideChart },
  region: { build: buildRegionSlide },
  ranking: { build: buildSlideRanking },
};

/**
 * Build a slide of `kind`.
 * @example buildSlide('chart', view, data, slideTheme('good-green')).option?.animation // false
 */
export function buildSlide<K extends SlideKindName>(kind: K, view: SlideOf, data: ViewData, theme: ChartTheme): SlideModels[K] {
  const entry: SlideKind<SlideModels[K]> = slideKinds[kind];
  return entry.build(view, data, theme);
}
