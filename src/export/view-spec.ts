/**
 * The view spec is what goes into a link, a saved view, a deck or an embed: a chart kind, an
 * indicator, regions and periods, never raw chart options. Everything read from outside goes
 * through `validateViewSpec`, which keeps only known keys, checks types and lengths, and reads
 * each `version` with its own reader so that older specs can be migrated when the shape changes.
 */
import type { ViewKind, ViewSpec } from '../domain/types';
import { grainOfKey } from '../domain/period';
import { translate, type Locale } from '../domain/messages/index';
import { LINK_NAME_MAX, linkName } from './name-key';
import { chartFromParams, chartParams, readChart, readFormat } from './view-spec-format';

/** The result of reading a view spec: the clean spec, or sentences saying what is wrong. */
export type ViewSpecResult = { ok: true; spec: ViewSpec } | { ok: false; errors: string[] };

/** The chart kinds a spec may name (mirrors `ViewKind`). */
export const VIEW_KINDS: readonly ViewKind[] = ['trend', 'comparison', 'ranking', 'multiples', 'overview', 'map', 'region'];

/**
 * Kinds under the names older links, saved views, decks and saved pages gave them: the overview
 * was `kpi` until it was named for what it shows (KPI cards, trend, comparison).
 */
const OLD_KIND_NAMES: Readonly<Record<string, ViewKind>> = { kpi: 'overview' };

/**
 * A kind under today's name: an old name read as the kind it stands for, anything else as it is.
 * @example currentKind('kpi') // 'overview'
 */
export function currentKind(kind: unknown): unknown {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(OLD_KIND_NAMES, kind) ? OLD_KIND_NAMES[kind] : kind;
}

/**
 * A stored spec (a saved view's, a deck's inline view's) under today's kind names; the same
 * object when nothing changed. Stored specs are not validated again (they were when saved).
 * @example withCurrentKind({ version: 1, kind: 'kpi', indicator: 'PM10' }).kind // 'overview'
 */
export function withCurrentKind<S extends { kind: unknown }>(spec: S): S {
  const kind = currentKind(spec.kind);
  return kind === spec.kind ? spec : ({ ...spec, kind } as S);
}

/** Length limits: generous for real names, small enough that a hostile link cannot bloat the app. */
export const VIEW_SPEC_LIMITS = {
  /** Characters in an indicator, region or dataset id. */
  name: 200,
  /** Characters in a title or subtitle. */
  title: 300,
  /** Characters in a period key. */
  period: 32,
  /** Items in `regions` or `datasets`. */
  items: 500,
} as const;

/** How much of an offending value an error message quotes. */
const QUOTE_LIMIT = 40;

type Raw = Readonly<Record<string, unknown>>;
type Report = (key: string, params?: Record<string, string | number>) => void;

/** Read an own property only: `__proto__` or `constructor` in the input are never followed. */
function own(raw: Raw, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(raw, key) ? raw[key] : undefined;
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value === 'object' ? typeof value : String(value);
  const chars = Array.from(text);
  return chars.length > QUOTE_LIMIT ? chars.slice(0, QUOTE_LIMIT).join('') + '…' : text;
}

/** An optional string: absent and empty both read as absent. */
function readText(raw: Raw, field: string, max: number, report: Report): string | undefined {
  const value = own(raw, field);
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') return void report('export.spec.not_string', { field });
  if (value.length > max) return void report('export.spec.too_long', { field, max });
  return value;
}

function readPeriod(raw: Raw, field: string, report: Report): string | undefined {
  const value = readText(raw, field, VIEW_SPEC_LIMITS.period, report);
  if (value !== undefined && grainOfKey(value) === undefined) {
    return void report('export.spec.period', { field, value: quote(value) });
  }
  return value;
}

/** An optional list of strings: absent and empty both read as absent. */
function readList(raw: Raw, field: string, report: Report): string[] | undefined {
  const value = own(raw, field);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return void report('export.spec.not_list', { field });
  // Length first, so a hostile list of millions is refused without walking it.
  if (value.length > VIEW_SPEC_LIMITS.items) return void report('export.spec.too_many', { field, max: VIEW_SPEC_LIMITS.items });
  if (!value.every((v) => typeof v === 'string')) return void report('export.spec.not_list', { field });
  if (value.some((v: string) => v.length > VIEW_SPEC_LIMITS.name)) {
    return void report('export.spec.too_long', { field, max: VIEW_SPEC_LIMITS.name });
  }
  return value.length > 0 ? [...(value as string[])] : undefined;
}

function readBoolean(raw: Raw, field: string, report: Report): boolean | undefined {
  const value = own(raw, field);
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') return void report('export.spec.not_boolean', { field });
  return value;
}

/** Reader of version 1, the current shape. */
function readVersion1(raw: Raw, report: Report): ViewSpec {
  const kind = currentKind(own(raw, 'kind'));
  if (kind === undefined) report('export.spec.required', { field: 'kind' });
  else if (!VIEW_KINDS.includes(kind as ViewKind)) report('export.spec.kind', { value: quote(kind) });
  const rawIndicator = own(raw, 'indicator');
  if (rawIndicator === undefined || rawIndicator === '') report('export.spec.required', { field: 'indicator' });
  const indicator = readText(raw, 'indicator', VIEW_SPEC_LIMITS.name, report);
  // Built key by key, so that no key of the input is ever copied over.
  const spec: ViewSpec = { version: 1, kind: kind as ViewKind, indicator: indicator ?? '' };
  const optional = {
    datasets: readList(raw, 'datasets', report),
    regions: readList(raw, 'regions', report),
    period: readPeriod(raw, 'period', report),
    periodFrom: readPeriod(raw, 'periodFrom', report),
    periodTo: readPeriod(raw, 'periodTo', report),
    indexBase: readPeriod(raw, 'indexBase', report),
    grouped: readBoolean(raw, 'grouped', report),
    filter: readText(raw, 'filter', VIEW_SPEC_LIMITS.name, report),
    title: readText(raw, 'title', VIEW_SPEC_LIMITS.title, report),
    subtitle: readText(raw, 'subtitle', VIEW_SPEC_LIMITS.title, report),
    chart: readChart(raw, report),
    format: readFormat(raw, report),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(spec, { [key]: value });
  }
  return spec;
}

/**
 * One reader per stored version. A future version 2 adds its reader here and version 1's reader
 * migrates old specs forward, so links made today keep working.
 */
const READERS: ReadonlyMap<unknown, (raw: Raw, report: Report) => ViewSpec> = new Map([[1, readVersion1]]);

/**
 * Check anything (parsed JSON, a saved view) and return a clean `ViewSpec` with known keys only,
 * or the reasons it is not one, as sentences in `locale`.
 * @example validateViewSpec({ version: 1, kind: 'trend', indicator: '耕地面积' }) // { ok: true, spec: {…} }
 */
export function validateViewSpec(input: unknown, locale: Locale = 'zh'): ViewSpecResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [translate(locale, 'export.spec.not_object')] };
  }
  const raw = input as Raw;
  const reader = READERS.get(own(raw, 'version'));
  if (!reader) return { ok: false, errors: [translate(locale, 'export.spec.version', { value: quote(own(raw, 'version')) })] };
  const errors: string[] = [];
  const spec = reader(raw, (key, params) => errors.push(translate(locale, key, params)));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, spec };
}

/** Short, readable URL parameter names for the single-valued fields. */
const PARAM_OF: readonly (readonly [keyof ViewSpec & string, string])[] = [
  ['indicator', 'ind'],
  ['period', 'p'],
  ['periodFrom', 'from'],
  ['periodTo', 'to'],
  ['indexBase', 'base'],
  ['title', 'title'],
  ['subtitle', 'sub'],
  ['filter', 'f'],
];

/**
 * A title or subtitle goes into an address cut to `LINK_NAME_MAX` characters (it is the user's
 * text, with no key to find it again by): the address stays short; the saved view keeps it whole.
 */
function linkText(field: string, value: string): string {
  if ((field !== 'title' && field !== 'subtitle') || value.length <= LINK_NAME_MAX) return value;
  return `${value.slice(0, LINK_NAME_MAX - 1)}…`;
}

/**
 * A spec as readable URL parameters: `?view=trend&ind=耕地面积&r=道里区&r=南岗区&from=2021&to=2024`.
 * The version is written only when it is not 1, so today's links stay short; an indicator or region
 * name over 60 characters is written as its key (`~k…`), which the app resolves (`nameOfLink`).
 * @example viewSpecToSearchParams(spec).toString() // 'view=trend&ind=%E8%80%95…'
 */
export function viewSpecToSearchParams(spec: ViewSpec): URLSearchParams {
  const params = new URLSearchParams();
  if (spec.version !== 1) params.set('v', String(spec.version));
  params.set('view', spec.kind);
  for (const [field, name] of PARAM_OF) {
    const value = spec[field];
    if (typeof value === 'string' && value !== '') params.set(name, field === 'indicator' || field === 'filter' ? linkName(value) : linkText(field, value));
  }
  for (const id of spec.datasets ?? []) params.append('ds', id);
  // Long names go in as short keys (see name-key.ts), so the address stays short.
  for (const region of spec.regions ?? []) params.append('r', linkName(region));
  if (spec.grouped !== undefined) params.set('grouped', spec.grouped ? '1' : '0');
  chartParams(params, spec);
  return params;
}

/**
 * Read a spec back from URL parameters and validate it; parameters it does not know are ignored,
 * since other state may share the URL.
 * @example viewSpecFromSearchParams(new URLSearchParams('view=ranking&ind=PM10&p=2024'))
 */
export function viewSpecFromSearchParams(params: URLSearchParams, locale: Locale = 'zh'): ViewSpecResult {
  const raw: Record<string, unknown> = Object.create(null);
  const v = params.get('v');
  raw.version = v === null ? 1 : /^\d{1,4}$/.test(v) ? Number(v) : v;
  if (params.has('view')) raw.kind = params.get('view');
  for (const [field, name] of PARAM_OF) {
    const value = params.get(name);
    if (value !== null) raw[field] = value;
  }
  if (params.has('ds')) raw.datasets = params.getAll('ds');
  if (params.has('r')) raw.regions = params.getAll('r');
  const grouped = params.get('grouped');
  if (grouped !== null) raw.grouped = grouped === '1' || grouped === 'true' ? true : grouped === '0' || grouped === 'false' ? false : grouped;
  chartFromParams(params, raw);
  return validateViewSpec(raw, locale);
}
