/**
 * The snapshot a self-contained chart page or an embed carries: one or more charts, each a
 * validated view spec with its observations (an `EmbedPayload`) plus the indicator facts a chart
 * needs (unit, polarity, targets). Everything read back is outside input: it goes through
 * `readChartDocument`, which checks every field and keeps only known keys.
 */
import type { Indicator, Polarity, Target } from '../domain/types';
import type { Locale } from '../domain/messages/index';
import { translate } from '../domain/messages/index';
import { grainOfKey } from '../domain/period';
import { buildEmbedPayload, validateEmbedPayload, type EmbedPayload } from '../export/embed-payload';
import { VIEW_SPEC_LIMITS } from '../export/view-spec';

/** One chart of a document. */
export interface DocumentChart {
  payload: EmbedPayload;
  indicator: Indicator;
}

/** Version 1 of a chart document. `theme` is the look the charts are drawn in. */
export interface ChartDocument {
  version: 1;
  locale: Locale;
  theme: 'light' | 'dark';
  /** The page title (a chart title, or a dashboard name). */
  title: string;
  charts: DocumentChart[];
}

/** The result of reading a document. */
export type ChartDocumentResult = { ok: true; document: ChartDocument } | { ok: false; errors: string[] };

/** Most charts one document may hold (a dashboard or a deck, not a data dump). */
export const MAX_DOCUMENT_CHARTS = 24;
/** Most targets one indicator may carry. */
const MAX_TARGETS = 1000;

type Raw = Readonly<Record<string, unknown>>;
const own = (raw: Raw, key: string): unknown => (Object.prototype.hasOwnProperty.call(raw, key) ? raw[key] : undefined);
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const optionalText = (v: unknown, max: number) => v === undefined || isText(v, max);

/**
 * Copy only what a chart needs from an indicator (descriptions and other free text stay home).
 * @example pickIndicator({ name: '面积', baseUnit: '亩', polarity: 'higher', targets: [], description: '…' }) // no description
 */
export function pickIndicator(indicator: Indicator): Indicator {
  const out: Indicator = { name: indicator.name, baseUnit: indicator.baseUnit, polarity: indicator.polarity, targets: [] };
  if (indicator.displayName) out.displayName = indicator.displayName;
  if (indicator.displayUnit) out.displayUnit = indicator.displayUnit;
  out.targets = indicator.targets.slice(0, MAX_TARGETS).map((t) => {
    const target: Target = { period: t.period, value: t.value };
    if (t.region !== undefined) target.region = t.region;
    if (t.deadline !== undefined) target.deadline = t.deadline;
    return target;
  });
  return out;
}

/**
 * Assemble a document from what the app shows.
 * @example buildChartDocument({ title: '耕地面积', locale: 'zh', theme: 'light', charts: [{ spec, observations, indicator }] })
 */
export function buildChartDocument(input: {
  title: string;
  locale: Locale;
  theme: 'light' | 'dark';
  charts: readonly { spec: EmbedPayload['spec']; observations: EmbedPayload['observations']; indicator: Indicator }[];
}): ChartDocument {
  return {
    version: 1,
    locale: input.locale,
    theme: input.theme,
    title: input.title,
    charts: input.charts.map((c) => ({ payload: buildEmbedPayload(c.spec, c.observations), indicator: pickIndicator(c.indicator) })),
  };
}

function readTarget(raw: unknown): Target | undefined {
  if (!isObject(raw)) return undefined;
  const period = own(raw, 'period');
  const value = own(raw, 'value');
  const region = own(raw, 'region');
  const deadline = own(raw, 'deadline');
  if (!isText(period, VIEW_SPEC_LIMITS.period) || grainOfKey(period) === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (!optionalText(region, VIEW_SPEC_LIMITS.name) || !optionalText(deadline, VIEW_SPEC_LIMITS.period)) return undefined;
  const target: Target = { period, value };
  if (region !== undefined) target.region = region as string;
  if (deadline !== undefined) target.deadline = deadline as string;
  return target;
}

function readIndicator(raw: unknown): Indicator | undefined {
  if (!isObject(raw)) return undefined;
  const name = own(raw, 'name');
  const baseUnit = own(raw, 'baseUnit');
  const polarity = own(raw, 'polarity');
  const displayName = own(raw, 'displayName');
  const displayUnit = own(raw, 'displayUnit');
  const targets = own(raw, 'targets');
  if (!isText(name, VIEW_SPEC_LIMITS.name) || name === '' || !isText(baseUnit, 50)) return undefined;
  if (polarity !== 'higher' && polarity !== 'lower') return undefined;
  if (!optionalText(displayName, VIEW_SPEC_LIMITS.name) || !optionalText(displayUnit, 50)) return undefined;
  if (!Array.isArray(targets) || targets.length > MAX_TARGETS) return undefined;
  const read = targets.map(readTarget);
  if (read.some((t) => t === undefined)) return undefined;
  const indicator: Indicator = { name, baseUnit, polarity: polarity as Polarity, targets: read as Target[] };
  if (displayName) indicator.displayName = displayName as string;
  if (displayUnit) indicator.displayUnit = displayUnit as string;
  return indicator;
}

/**
 * Validate a decoded document (from the page's JSON element or an embed fragment). Each chart's
 * spec and observations go through `validateEmbedPayload`; the indicator must name the spec's
 * indicator. Errors come as sentences in `locale`.
 * @example readChartDocument(JSON.parse(text), 'zh') // { ok: true, document: { version: 1, charts: [...] } }
 */
export function readChartDocument(input: unknown, locale: Locale = 'zh'): ChartDocumentResult {
  const invalid = (): ChartDocumentResult => ({ ok: false, errors: [translate(locale, 'reports.doc.invalid')] });
  if (!isObject(input) || own(input, 'version') !== 1) return invalid();
  const docLocale = own(input, 'locale');
  const theme = own(input, 'theme');
  const title = own(input, 'title');
  const charts = own(input, 'charts');
  if ((docLocale !== 'zh' && docLocale !== 'en') || (theme !== 'light' && theme !== 'dark')) return invalid();
  if (!isText(title, VIEW_SPEC_LIMITS.title)) return invalid();
  if (!Array.isArray(charts) || charts.length === 0) return invalid();
  if (charts.length > MAX_DOCUMENT_CHARTS) {
    return { ok: false, errors: [translate(locale, 'reports.doc.tooMany', { max: MAX_DOCUMENT_CHARTS })] };
  }
  const errors: string[] = [];
  const read: DocumentChart[] = [];
  for (const chart of charts as unknown[]) {
    if (!isObject(chart)) return invalid();
    const payload = validateEmbedPayload(own(chart, 'payload'), locale);
    const indicator = readIndicator(own(chart, 'indicator'));
    if (!payload.ok) errors.push(...payload.errors);
    else if (!indicator || indicator.name !== payload.payload.spec.indicator) errors.push(translate(locale, 'reports.doc.indicator'));
    else read.push({ payload: payload.payload, indicator });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, document: { version: 1, locale: docLocale, theme, title, charts: read } };
}
