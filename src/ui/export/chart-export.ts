/**
 * Every export of one chart, from what a ChartPanel knows (its view spec and data): images (PNG,
 * SVG, clipboard) with a footnote, the data behind it (CSV, XLSX), a self-contained HTML page and
 * an embed snippet. Images are redrawn in the light theme at the export size, so a report gets a
 * white, print-ready chart whatever the screen theme.
 */
import type { EChartsOption } from 'echarts';
import type { ViewSpec } from '../../domain/types';
import type { Locale } from '../../domain/messages/index';
import '../../domain/messages/reports-part';
import type { ViewData } from '../../views/build-view';
import { displayUnitOf, valueFormatter } from '../../charts/format';
import { light, withConvention, type ColourConvention } from '../../charts/theme';
import { buildFootnote } from '../../export/footnote';
import { resolveExportSize, type ExportSize, type SizePresetId } from '../../export/png-size';
import { buildTableRows } from '../../export/table-rows';
import { toCsvBytes } from '../../export/csv';
import { toXlsx } from '../../export/xlsx';
import { buildStandaloneHtml } from '../../export/standalone-html';
import { encodePayload } from '../../export/payload';
import { buildEmbedUrl, buildIframeSnippet } from '../../export/embed-snippet';
import type { Cell } from '../../export/cell';
import { VIEW_SPEC_LIMITS } from '../../export/view-spec';
import { buildChartOption } from '../../standalone/build-charts';
import { buildChartDocument, isLedgerItem, isTextItem, type ChartDocument, type DocumentChart, type DocumentLedger, type DocumentText } from '../../standalone/document';
import { boundaryPoints, MAX_BOUNDARY_POINTS, reduceBoundary, type DocumentBoundary } from '../../standalone/boundary';
import { translate } from '../../domain/messages/index';
import { formatNumber } from '../../charts/format';
import type { BoundaryCollection } from '../../app/dashboard/boundary';
import type { BoundaryJoin } from '../../app/dashboard/boundary-join';
import { caveatsBehind } from '../../export/dataset-citation';
import { observationsBehind, observationsForSnapshot, periodText, sourceText } from './data-behind';
import { conflictLines } from '../../export/conflict-note';
import { partsConflictsOf, partsNoteLines, regionNamer, type PartsTable } from '../../views/parts-note';
import { exportOption } from './export-option';
import { renderPng, renderSvg } from './render-offscreen';
import { loadParts } from '../chart/echarts-setup';
import { partsNeeded } from '../chart/chart-parts';
import { watermarkGraphics, watermarkStylesheet } from '../../export/watermark';
import { currentWatermarkText } from '../../app/settings/watermark-store';
import { pageSheets } from '../../export/page-xlsx';

/** One chart as the app shows it. */
export interface ChartSource {
  spec: ViewSpec;
  /** For 按地区, with the indicators and datasets it spans (`regionSet`). */
  data: ViewData;
  /** The panel heading: file names and page titles. */
  heading: string;
  convention: ColourConvention;
  /**
   * The option on screen: pictures of kinds that cannot be rebuilt from the spec alone (a map on a
   * user's boundary file) are drawn from it instead.
   */
  option?: EChartsOption;
  /** Dataset id → the source line the file states (or its name), for the footnote (`datasetSourcesOf`). */
  datasetSources: ReadonlyMap<string, string>;
  /** Dataset id → the caveats the file states (注：…), carried with the footnote and the data rows. */
  datasetCaveats?: ReadonlyMap<string, readonly string[]>;
  /** Dataset id → its name, for the note that says where datasets disagree (the id when absent). */
  datasetNames?: ReadonlyMap<string, string>;
  /** `slide-kpi`: a saved page shows the view as one big number (a deck's KPI slide). */
  show?: DocumentChart['show'];
  /** Drawn beside the item before it in a saved page (the right half of a side-by-side slide). */
  beside?: true;
  /** A map's boundary file, join and caption; a saved page carries the boundary reduced to the join key. */
  boundary?: { geojson: BoundaryCollection; join: BoundaryJoin; caption?: string };
}

/** What a saved page holds, in order: charts and views, or (in a deck) title slides. */
export type PageItem = ChartSource | DocumentText | DocumentLedger;

/** What the user chose in the export menu. */
export interface ImageSettings {
  preset: SizePresetId;
  /** CSS width; the preset's when absent. */
  width?: number;
  pixelRatio: number;
  background: 'white' | 'transparent';
  footnote: boolean;
}

/**
 * The spec with the panel heading as its title, so a picture or page names what it shows
 * ("耕地面积：趋势") as the panel did; a title the view already has wins.
 * @example titledSpec(source).title // 'PM10平均浓度：趋势'
 */
export function titledSpec(source: ChartSource): ViewSpec {
  return source.spec.title ? source.spec : { ...source.spec, title: source.heading.slice(0, VIEW_SPEC_LIMITS.title) };
}

/**
 * Where the datasets behind a chart disagree: the lines every copy of the chart carries (footnote,
 * data rows, saved page), so the number drawn is never taken for the only one given.
 * @example conflictsOf(source, rows) // ['注：有 1 处数值在不同数据集中不一致…', '道外区 2024年：…']
 */
export function conflictsOf(source: ChartSource, behind: ChartSource['data']['observations']): string[] {
  const { indicator, observations, locale } = source.data;
  return conflictLines(behind, (id) => source.datasetNames?.get(id) ?? id, locale, valueFormatter(indicator, observations, locale));
}

/**
 * The division table, for the note on a region's reported value against its parts' sum. The app
 * loads it after the first charts (as this module is); the exports that can wait for it do
 * (`tableReady`), the synchronous ones (CSV, the print copy) take it once it is here.
 */
let partsTable: PartsTable | undefined;
const tableReady: Promise<void> = import('../../regions').then(
  (m) => void (partsTable = m),
  // Without the table the exports still carry every other note.
  () => undefined,
);

/**
 * Where a region's reported value and its parts' sum differ, for the values the chart draws
 * (views/parts-note: the same model as the dashboard's note), counted over every region of the
 * data so that a drawn city's parts are there to add up.
 * @example partsOf(source, rows) // ['注：有 1 处地区的上报值与其下级汇总不一致；…', '哈尔滨市 2024年：上报 880万亩，18 个下级汇总为 900.9万亩']
 */
export function partsOf(source: ChartSource, behind: ChartSource['data']['observations']): string[] {
  const { indicator, observations, locale } = source.data;
  // 按地区 spans every indicator of one region: no parts of it are in its data.
  if (source.spec.kind === 'region') return [];
  const conflicts = partsConflictsOf(indicator, observations, partsTable, behind);
  return partsNoteLines(conflicts, locale, valueFormatter(indicator, observations, locale), regionNamer(observations, partsTable));
}

/**
 * The lines every copy of a chart carries under it: the caveats its files state (注：2024年截至8月),
 * then where datasets disagree, then where a region's reported value and its parts' sum differ.
 * @example notesBehind(source, rows) // ['注：2024年截至8月']
 */
export function notesBehind(source: ChartSource, behind: ChartSource['data']['observations']): string[] {
  return [...caveatsBehind(behind, source.datasetCaveats), ...conflictsOf(source, behind), ...partsOf(source, behind)];
}

/**
 * The option of the exported picture: the chart redrawn in the light theme, with the footnote.
 * Kinds the snapshot builders do not cover use the on-screen option; throws with the builder's
 * reasons when neither exists.
 * @example imageOption(source, settings, '2026-11-24T02:00:00Z')
 */
export function imageOption(source: ChartSource, settings: ImageSettings, exportedAt: string): EChartsOption {
  const { data } = source;
  const spec = titledSpec(source);
  const built = buildChartOption(spec, data, withConvention(light, source.convention));
  if (!built.ok && !source.option) throw new Error(built.reasons.join(' '));
  const option = built.ok ? built.option : source.option!;
  const behind = observationsBehind(spec, data.observations);
  const footnote = settings.footnote
    ? buildFootnote({
        indicator: data.indicator.displayName || data.indicator.name,
        unit: displayUnitOf(data.indicator, behind),
        period: periodText(behind, data.locale),
        source: sourceText(data.indicator.source, behind, source.datasetSources),
        notes: notesBehind(source, behind),
        exportedAt,
        locale: data.locale,
      })
    : [];
  return exportOption(option, { footnote, background: settings.background, fontFamily: light.fontFamily });
}

/**
 * Check the requested size; throws the size errors as one sentence.
 * @example imageSize({ preset: 'screen', pixelRatio: 2, background: 'white', footnote: true }, 'zh').pixelWidth // 2400
 */
export function imageSize(settings: ImageSettings, locale: Locale): ExportSize {
  const result = resolveExportSize(
    { preset: settings.preset, width: settings.width, pixelRatio: settings.pixelRatio, background: settings.background },
    locale,
  );
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.size;
}

/** The picture with the user's watermark (设置) tiled over it at its size; unchanged when there is none. */
function watermarked(option: EChartsOption, width: number, height: number): EChartsOption {
  const marks = watermarkGraphics(currentWatermarkText(), width, height, light.fontFamily);
  if (marks.length === 0) return option;
  const existing = option.graphic === undefined ? [] : Array.isArray(option.graphic) ? option.graphic : [option.graphic];
  return { ...option, graphic: [...existing, ...marks] as EChartsOption['graphic'] };
}

/**
 * The PNG and its size.
 * @example const { blob, size } = await exportPng(source, settings)
 */
export async function exportPng(source: ChartSource, settings: ImageSettings): Promise<{ blob: Blob; size: ExportSize }> {
  await tableReady;
  const size = imageSize(settings, source.data.locale);
  const option = watermarked(imageOption(source, settings, new Date().toISOString()), size.cssWidth, size.cssHeight);
  // The app registers some ECharts parts on demand; an export may come before they were needed on screen.
  await loadParts(partsNeeded(option, 'canvas'));
  const blob = await renderPng(option, {
    width: size.cssWidth,
    height: size.cssHeight,
    pixelRatio: size.pixelRatio,
    background: settings.background,
  });
  return { blob, size };
}

/**
 * The SVG document text, at the chosen CSS size (vectors need no pixel ratio).
 * @example (await exportSvg(source, settings)).startsWith('<svg') // true
 */
export async function exportSvg(source: ChartSource, settings: ImageSettings): Promise<string> {
  await tableReady;
  const size = imageSize(settings, source.data.locale);
  const option = watermarked(imageOption(source, settings, new Date().toISOString()), size.cssWidth, size.cssHeight);
  await loadParts(partsNeeded(option, 'svg'));
  return renderSvg(option, size.cssWidth, size.cssHeight);
}

/**
 * The data behind the chart as table rows, header first.
 * @example dataRows(source)[0] // ['地区', '区划代码', …]
 */
export function dataRows(source: ChartSource): Cell[][] {
  const behind = observationsBehind(source.spec, source.data.observations);
  const rows = buildTableRows(behind, { locale: source.data.locale, displayUnit: displayUnitOf(source.data.indicator, behind) });
  // Below the table, as a file's own 注： lines are (the importer reads them back as notes).
  const notes = notesBehind(source, behind);
  return notes.length > 0 ? [...rows, [], ...notes.map((n): Cell[] => [n])] : rows;
}

/** How many values the data rows hold (the header and notes are not values). */
function countRows(source: ChartSource): number {
  return observationsBehind(source.spec, source.data.observations).length;
}

/** CSV bytes (UTF-8 with BOM) of `dataRows`, once the division table is here for their notes. */
export async function exportCsv(source: ChartSource): Promise<{ bytes: Uint8Array; rows: number }> {
  await tableReady;
  const rows = dataRows(source);
  return { bytes: toCsvBytes(rows), rows: countRows(source) };
}

/** XLSX bytes of `dataRows`, one sheet named after the chart. */
export async function exportXlsx(source: ChartSource): Promise<{ bytes: Uint8Array; rows: number }> {
  await tableReady;
  const rows = dataRows(source);
  return { bytes: await toXlsx([{ name: source.heading, rows }]), rows: countRows(source) };
}

/**
 * One workbook for the page: a sheet per panel (`pageSheets`), each headed by its title, unit,
 * period and source, then the same rows as the panel's own XLSX.
 * @example await exportPageXlsx([trend, comparison])
 */
export async function exportPageXlsx(sources: readonly ChartSource[]): Promise<{ bytes: Uint8Array; sheets: number }> {
  await tableReady;
  const panels = sources.map((source) => {
    const behind = observationsBehind(source.spec, source.data.observations);
    return {
      heading: source.heading,
      unit: displayUnitOf(source.data.indicator, behind),
      period: periodText(behind, source.data.locale),
      source: sourceText(source.data.indicator.source, behind, source.datasetSources),
      rows: dataRows(source),
    };
  });
  const locale = sources[0]?.data.locale ?? 'zh';
  return { bytes: await toXlsx(pageSheets(panels, locale, new Date().toISOString())), sheets: panels.length };
}

/**
 * The boundary a saved map carries; throws a sentence when it is over the size a page can read
 * back (a file that would open to an error is not saved at all).
 */
function savedBoundary(source: ChartSource): DocumentBoundary | undefined {
  if (!source.boundary) return undefined;
  const { geojson, join, caption } = source.boundary;
  const boundary = reduceBoundary(geojson, join, caption);
  const points = boundaryPoints(boundary);
  if (points > MAX_BOUNDARY_POINTS) {
    throw new Error(
      translate(source.data.locale, 'reports.boundary.tooLarge', { n: formatNumber(points), max: formatNumber(MAX_BOUNDARY_POINTS) }),
    );
  }
  return boundary;
}

/**
 * The snapshot of one or more charts, as a self-contained page or an embed carries it: only the
 * indicator's rows for each chart's regions go in, with the panel heading as the chart title, a
 * map's boundary reduced to its join key (throws when it is too large), and the colour convention of the (first) chart, which
 * is the user's setting.
 * @example chartDocument([source], '耕地面积')
 */
export function chartDocument(items: readonly PageItem[], title: string): ChartDocument {
  const sources = items.filter((i): i is ChartSource => !isTextItem(i) && !isLedgerItem(i));
  return buildChartDocument({
    title,
    locale: sources[0]?.data.locale ?? 'zh',
    theme: 'light',
    convention: sources[0]?.convention,
    charts: items.map((s) =>
      isTextItem(s) || isLedgerItem(s)
        ? s
        : {
            spec: titledSpec(s),
            observations: observationsForSnapshot(s.spec, s.data.observations),
            indicator: s.data.indicator,
            show: s.show,
            beside: s.beside,
            boundary: savedBoundary(s),
            notes: notesBehind(s, observationsBehind(s.spec, s.data.observations)),
            regionSet: s.data.regionSet,
          },
    ),
  });
}

/**
 * One `.html` file holding the charts, their data and the chart code; opens offline by double-click.
 * @example await exportHtml([trend, comparison], '耕地面积 看板')
 */
export async function exportHtml(sources: readonly PageItem[], title: string): Promise<string> {
  const [{ default: scriptText }] = await Promise.all([import('virtual:standalone-script'), tableReady]);
  const doc = chartDocument(sources, title);
  // The watermark lies over the saved page (and its prints) as a stylesheet: its own code has none.
  const styleText = watermarkStylesheet(currentWatermarkText(), { fontFamily: light.fontFamily }) || undefined;
  return buildStandaloneHtml({ title, lang: doc.locale === 'en' ? 'en' : 'zh-CN', scriptText, payload: doc, styleText });
}

/**
 * The `<iframe>` snippet for one chart or one page of views: the embed page of this very app,
 * with the snapshot in the URL fragment.
 * @example await embedSnippet([source], '耕地面积：趋势', 'https://host/app/index.html')
 */
export async function embedSnippet(items: readonly PageItem[], title: string, appUrl: string): Promise<{ url: string; snippet: string }> {
  const page = new URL(appUrl);
  page.search = '?embed';
  page.hash = '';
  await tableReady;
  // The embed is this app's page, which knows nothing of the user's settings: the watermark travels in the document.
  const doc = chartDocument(items, title);
  const watermark = currentWatermarkText();
  const payload = await encodePayload(watermark ? { ...doc, watermark } : doc);
  const url = buildEmbedUrl(page.href, payload);
  return { url, snippet: buildIframeSnippet({ src: url, title, height: 480 }) };
}
