/**
 * The snapshot a self-contained chart page or an embed carries: one or more items, each a
 * validated view spec with its observations (an `EmbedPayload`) plus the indicator facts a chart
 * needs (unit, polarity, targets) and, for a map, its boundary; or, in a deck, a title slide's
 * text. The colour convention travels with it, so a saved page colours changes as the app did.
 * A deck's ledger slide carries the ledger's tasks as they were that day (`DocumentLedger`).
 * Everything read back is outside input: it goes through `readChartDocument`, which checks every
 * field and keeps only known keys. Files saved before `convention`, `show`, `boundary`, `beside`, `notes` and title
 * items existed still read (as good = green, with their charts only).
 */
import type { Indicator, Polarity, Target } from '../domain/types';
import type { Locale } from '../domain/messages/index';
import { translate } from '../domain/messages/index';
import '../domain/messages/reports-part';
import { grainOfKey } from '../domain/period';
import { buildEmbedPayload, validateEmbedPayload, type EmbedPayload } from '../export/embed-payload';
import { VIEW_SPEC_LIMITS } from '../export/view-spec';
import type { ColourConvention } from '../charts/theme';
import { readBoundary, type DocumentBoundary } from './boundary';
import { readRegionDocument, regionDocument, type DocumentRegion } from './region-document';
import type { RegionSet } from '../views/region';
import { isWatermarkText } from '../export/watermark';
import { fieldsOf, isFiniteNumber, isRecord, isText, optionalText, own } from '../domain/checked-fields';
import { ledgerSnapshot, readLedgerSnapshot, type LedgerSnapshot } from '../ledger/slide-snapshot';

/** One view of a document, drawn as its kind is drawn in the app. */
export interface DocumentChart {
  payload: EmbedPayload;
  indicator: Indicator;
  /**
   * As a deck's slide shows the view: `slide-kpi` one big number, `slide-region` a 按地区 slide's
   * first cards and how many more there are, `slide-ranking` a ranking slide's first rows and how
   * many more. Absent: the view's kind.
   */
  show?: 'slide-kpi' | 'slide-region' | 'slide-ranking';
  /** A map's boundary and join; a map without one says why it cannot be drawn. */
  boundary?: DocumentBoundary;
  /** Drawn beside the item before it: the right half of a deck's side-by-side slide. */
  beside?: true;
  /** Lines said under the view: where the datasets behind it disagree (export/conflict-note). */
  notes?: string[];
  /** A 按地区 view's indicators and datasets, and each row's dataset (region-document.ts). */
  region?: DocumentRegion;
}

/** A deck's title slide: text only. */
export interface DocumentText {
  text: { title: string; subtitle: string };
}

/**
 * A deck's ledger slide: the ledger's tasks as data (title, status, deadline, unit, progress), as
 * they were on the day it was saved, drawn as text by the page.
 */
export interface DocumentLedger {
  ledger: LedgerSnapshot;
}

/** One item of a document, in reading order. */
export type DocumentItem = DocumentChart | DocumentText | DocumentLedger;

/** Version 1 of a chart document. `theme` is the look the charts are drawn in. */
export interface ChartDocument {
  version: 1;
  locale: Locale;
  theme: 'light' | 'dark';
  /** good = green (default) or rise = red (涨红跌绿), as the user set the app. */
  convention: ColourConvention;
  /** The page title (a chart title, or a dashboard name). */
  title: string;
  charts: DocumentItem[];
  /**
   * The user's watermark (设置), for an embed to lay over itself: an embed is the app's own page,
   * with no stylesheet of the user's. A saved page carries it as a stylesheet instead.
   */
  watermark?: string;
}

/** What `buildChartDocument` takes for one chart item. */
export interface ChartInput {
  spec: EmbedPayload['spec'];
  observations: EmbedPayload['observations'];
  indicator: Indicator;
  show?: DocumentChart['show'];
  boundary?: DocumentBoundary;
  beside?: true;
  notes?: readonly string[];
  /** A 按地区 view's indicators and datasets (its rows name their datasets). */
  regionSet?: RegionSet;
}

/**
 * Whether an item is a title slide.
 * @example isTextItem({ text: { title: '汇报', subtitle: '' } }) // true
 */
export function isTextItem(item: object): item is DocumentText {
  return 'text' in item;
}

/**
 * Whether an item is a ledger slide.
 * @example isLedgerItem({ ledger: snapshot }) // true
 */
export function isLedgerItem(item: object): item is DocumentLedger {
  return 'ledger' in item;
}

/** The result of reading a document. */
export type ChartDocumentResult = { ok: true; document: ChartDocument } | { ok: false; errors: string[] };

/** Most charts one document may hold (a dashboard or a deck, not a data dump). */
export const MAX_DOCUMENT_CHARTS = 24;
/** Most note lines one item may carry, and their length (a conflict note is a few short lines). */
const MAX_NOTES = 12;
const MAX_NOTE_LENGTH = 2000;
/** Most targets one indicator may carry. */
const MAX_TARGETS = 1000;
/** Longest definition of a calculated indicator a document carries. */
const MAX_DEFINITION_LENGTH = 1000;

/**
 * Copy only what a chart needs from an indicator (descriptions and other free text stay home).
 * @example pickIndicator({ name: '面积', baseUnit: '亩', polarity: 'higher', targets: [], description: '…' }) // no description
 */
export function pickIndicator(indicator: Indicator): Indicator {
  const out: Indicator = { name: indicator.name, baseUnit: indicator.baseUnit, polarity: indicator.polarity, targets: [] };
  if (indicator.displayName) out.displayName = indicator.displayName;
  if (indicator.displayUnit) out.displayUnit = indicator.displayUnit;
  // A calculated indicator's definition is drawn under its charts, on the saved page too.
  if (indicator.definition) out.definition = indicator.definition.slice(0, MAX_DEFINITION_LENGTH);
  out.targets = indicator.targets.slice(0, MAX_TARGETS).map((t) => {
    const target: Target = { period: t.period, value: t.value };
    if (t.region !== undefined) target.region = t.region;
    if (t.deadline !== undefined) target.deadline = t.deadline;
    return target;
  });
  return out;
}

function chartItem(c: ChartInput): DocumentChart {
  const item: DocumentChart = { payload: buildEmbedPayload(c.spec, c.observations), indicator: pickIndicator(c.indicator) };
  if (c.show) item.show = c.show;
  if (c.boundary) item.boundary = c.boundary;
  if (c.beside) item.beside = true;
  if (c.notes && c.notes.length > 0) item.notes = c.notes.slice(0, MAX_NOTES).map((n) => n.slice(0, MAX_NOTE_LENGTH));
  if (c.regionSet) item.region = regionDocument(c.observations, c.regionSet, pickIndicator);
  return item;
}

/**
 * Assemble a document from what the app shows; the convention defaults to good = green.
 * @example buildChartDocument({ title: '耕地面积', locale: 'zh', theme: 'light', convention: 'rise-red', charts: [{ spec, observations, indicator }] })
 */
export function buildChartDocument(input: {
  title: string;
  locale: Locale;
  theme: 'light' | 'dark';
  convention?: ColourConvention;
  charts: readonly (ChartInput | DocumentText | DocumentLedger)[];
}): ChartDocument {
  return {
    version: 1,
    locale: input.locale,
    theme: input.theme,
    convention: input.convention ?? 'good-green',
    title: input.title,
    charts: input.charts.map((c) =>
      isTextItem(c)
        ? { text: { title: c.text.title.slice(0, VIEW_SPEC_LIMITS.title), subtitle: c.text.subtitle.slice(0, VIEW_SPEC_LIMITS.title) } }
        : isLedgerItem(c)
          ? { ledger: ledgerSnapshot(c.ledger.show, c.ledger) }
          : chartItem(c),
    ),
  };
}

function readTarget(raw: unknown): Target | undefined {
  const f = fieldsOf(raw, ['period', 'value', 'region', 'deadline'] as const);
  if (!f) return undefined;
  const { period, value, region, deadline } = f;
  if (!isText(period, VIEW_SPEC_LIMITS.period) || grainOfKey(period) === undefined) return undefined;
  if (!isFiniteNumber(value)) return undefined;
  if (!optionalText(region, VIEW_SPEC_LIMITS.name) || !optionalText(deadline, VIEW_SPEC_LIMITS.period)) return undefined;
  const target: Target = { period, value };
  if (region !== undefined) target.region = region as string;
  if (deadline !== undefined) target.deadline = deadline as string;
  return target;
}

function readIndicator(raw: unknown): Indicator | undefined {
  const f = fieldsOf(raw, ['name', 'baseUnit', 'polarity', 'displayName', 'displayUnit', 'definition', 'targets'] as const);
  if (!f) return undefined;
  const { name, baseUnit, polarity, displayName, displayUnit, definition, targets } = f;
  if (!isText(name, VIEW_SPEC_LIMITS.name) || name === '' || !isText(baseUnit, 50)) return undefined;
  if (polarity !== 'higher' && polarity !== 'lower') return undefined;
  if (!optionalText(displayName, VIEW_SPEC_LIMITS.name) || !optionalText(displayUnit, 50)) return undefined;
  if (!optionalText(definition, MAX_DEFINITION_LENGTH)) return undefined;
  if (!Array.isArray(targets) || targets.length > MAX_TARGETS) return undefined;
  const read = targets.map(readTarget);
  if (read.some((t) => t === undefined)) return undefined;
  const indicator: Indicator = { name, baseUnit, polarity: polarity as Polarity, targets: read as Target[] };
  if (displayName) indicator.displayName = displayName as string;
  if (displayUnit) indicator.displayUnit = displayUnit as string;
  if (definition) indicator.definition = definition as string;
  return indicator;
}

function readText(raw: unknown): DocumentText | undefined {
  const f = fieldsOf(raw, ['title', 'subtitle'] as const);
  if (!f) return undefined;
  const { title, subtitle } = f;
  if (!isText(title, VIEW_SPEC_LIMITS.title) || !isText(subtitle, VIEW_SPEC_LIMITS.title)) return undefined;
  return { text: { title, subtitle } };
}

/**
 * Validate a decoded document (from the page's JSON element or an embed fragment). Each chart's
 * spec and observations go through `validateEmbedPayload`; the indicator must name the spec's
 * indicator. Errors come as sentences in `locale`.
 * @example readChartDocument(JSON.parse(text), 'zh') // { ok: true, document: { version: 1, charts: [...] } }
 */
export function readChartDocument(input: unknown, locale: Locale = 'zh'): ChartDocumentResult {
  const invalid = (): ChartDocumentResult => ({ ok: false, errors: [translate(locale, 'reports.doc.invalid')] });
  if (!isRecord(input) || own(input, 'version') !== 1) return invalid();
  const docLocale = own(input, 'locale');
  const theme = own(input, 'theme');
  const title = own(input, 'title');
  const charts = own(input, 'charts');
  // Absent in files saved before the convention travelled with them: those were drawn good = green.
  const convention = own(input, 'convention') ?? 'good-green';
  // Absent in embeds made before the watermark travelled with them, and when none is set.
  const watermark = own(input, 'watermark');
  if (watermark !== undefined && !isWatermarkText(watermark)) return invalid();
  if ((docLocale !== 'zh' && docLocale !== 'en') || (theme !== 'light' && theme !== 'dark')) return invalid();
  if (convention !== 'good-green' && convention !== 'rise-red') return invalid();
  if (!isText(title, VIEW_SPEC_LIMITS.title)) return invalid();
  if (!Array.isArray(charts) || charts.length === 0) return invalid();
  if (charts.length > MAX_DOCUMENT_CHARTS) {
    return { ok: false, errors: [translate(locale, 'reports.doc.tooMany', { max: MAX_DOCUMENT_CHARTS })] };
  }
  const errors: string[] = [];
  const read: DocumentItem[] = [];
  for (const chart of charts as unknown[]) {
    if (!isRecord(chart)) return invalid();
    if (Object.prototype.hasOwnProperty.call(chart, 'text')) {
      const text = readText(own(chart, 'text'));
      if (!text) return invalid();
      read.push(text);
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(chart, 'ledger')) {
      const ledger = readLedgerSnapshot(own(chart, 'ledger'));
      if (!ledger) return invalid();
      read.push({ ledger });
      continue;
    }
    const payload = validateEmbedPayload(own(chart, 'payload'), locale);
    const indicator = readIndicator(own(chart, 'indicator'));
    const show = own(chart, 'show');
    const beside = own(chart, 'beside');
    const rawBoundary = own(chart, 'boundary');
    // Absent in files saved before notes travelled with the views.
    const notes = own(chart, 'notes');
    if (notes !== undefined && !(Array.isArray(notes) && notes.length <= MAX_NOTES && notes.every((n) => isText(n, MAX_NOTE_LENGTH)))) {
      return invalid();
    }
    const boundary = rawBoundary === undefined ? undefined : readBoundary(rawBoundary);
    if ((show !== undefined && show !== 'slide-kpi' && show !== 'slide-region' && show !== 'slide-ranking') || (beside !== undefined && beside !== true)) return invalid();
    if (rawBoundary !== undefined && !boundary) errors.push(translate(locale, 'reports.doc.boundary'));
    else if (!payload.ok) errors.push(...payload.errors);
    else if (!indicator || indicator.name !== payload.payload.spec.indicator) errors.push(translate(locale, 'reports.doc.indicator'));
    else {
      const item: DocumentChart = { payload: payload.payload, indicator };
      if (show) item.show = show;
      if (boundary) item.boundary = boundary;
      if (beside === true) item.beside = true;
      if (Array.isArray(notes) && notes.length > 0) item.notes = [...(notes as string[])];
      const rawRegion = own(chart, 'region');
      if (rawRegion !== undefined) {
        const region = readRegionDocument(rawRegion, payload.payload.observations.length, readIndicator);
        if (!region) return invalid();
        item.region = region;
      }
      read.push(item);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const document: ChartDocument = { version: 1, locale: docLocale, theme, convention, title, charts: read };
  if (watermark !== undefined) document.watermark = watermark;
  return { ok: true, document };
}
