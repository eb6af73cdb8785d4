/**
 * The view spec's `chart` (柱+同比, 柱+目标) and `format` (a chart's number format), read from
 * anything outside (a link, a saved view, a deck, a saved page's payload) and written to a link.
 * `view-spec.ts` calls these; a spec without them opens as it always did.
 */
import { CHANGE_STYLES, MAX_FORMAT_DECIMALS, NUMBER_SCALES, TREND_CHARTS, type NumberFormat, type TrendChart } from '../domain/chart-format';

type Raw = Readonly<Record<string, unknown>>;
type Report = (key: string, params?: Record<string, string | number>) => void;

function own(raw: Raw, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(raw, key) ? raw[key] : undefined;
}

/** An offending value, quoted short: a hostile link cannot fill the error with megabytes. */
function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value === 'object' ? typeof value : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * The spec's `chart`: absent and empty read as absent (a line chart).
 * @example readChart({ chart: 'bar-yoy' }, report) // 'bar-yoy'
 */
export function readChart(raw: Raw, report: Report): TrendChart | undefined {
  const value = own(raw, 'chart');
  if (value === undefined || value === '') return undefined;
  if (!TREND_CHARTS.includes(value as TrendChart)) return void report('chartx.spec.chart', { value: quote(value) });
  return value as TrendChart;
}

/**
 * The spec's `format`, key by key (others are dropped); absent or all default reads as absent.
 * @example readFormat({ format: { decimals: 1, scale: '万' } }, report) // { decimals: 1, scale: '万' }
 */
export function readFormat(raw: Raw, report: Report): NumberFormat | undefined {
  const value = own(raw, 'format');
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return void report('chartx.spec.format', { field: '', value: quote(value) });
  const f = value as Raw;
  const out: NumberFormat = {};
  const decimals = own(f, 'decimals');
  if (decimals !== undefined) {
    if (typeof decimals === 'number' && Number.isInteger(decimals) && decimals >= 0 && decimals <= MAX_FORMAT_DECIMALS) out.decimals = decimals;
    else report('chartx.spec.format', { field: 'decimals', value: quote(decimals) });
  }
  const scale = own(f, 'scale');
  if (scale !== undefined) {
    if (NUMBER_SCALES.includes(scale as never)) {
      if (scale !== 'auto') out.scale = scale as NumberFormat['scale'];
    } else report('chartx.spec.format', { field: 'scale', value: quote(scale) });
  }
  const thousands = own(f, 'thousands');
  if (thousands !== undefined) {
    if (typeof thousands === 'boolean') {
      if (!thousands) out.thousands = false;
    } else report('chartx.spec.format', { field: 'thousands', value: quote(thousands) });
  }
  const change = own(f, 'change');
  if (change !== undefined) {
    if (CHANGE_STYLES.includes(change as never)) out.change = change as NumberFormat['change'];
    else report('chartx.spec.format', { field: 'change', value: quote(change) });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Link parameters of the format: short, and each readable (`dec=1&scale=万`). */
const FORMAT_PARAMS = { decimals: 'dec', scale: 'scale', thousands: 'sep', change: 'chg' } as const;

/**
 * Write `chart` and `format` into a link's parameters.
 * @example chartParams(params, { chart: 'bar-yoy', format: { decimals: 1 } }) // params has chart=bar-yoy&dec=1
 */
export function chartParams(params: URLSearchParams, spec: { chart?: TrendChart; format?: NumberFormat }): void {
  if (spec.chart) params.set('chart', spec.chart);
  const f = spec.format;
  if (!f) return;
  if (f.decimals !== undefined) params.set(FORMAT_PARAMS.decimals, String(f.decimals));
  if (f.scale !== undefined) params.set(FORMAT_PARAMS.scale, f.scale);
  if (f.thousands !== undefined) params.set(FORMAT_PARAMS.thousands, f.thousands ? '1' : '0');
  if (f.change !== undefined) params.set(FORMAT_PARAMS.change, f.change);
}

/**
 * Read `chart` and `format` from a link's parameters into a raw spec, for the validator to check.
 * @example chartFromParams(new URLSearchParams('dec=1'), raw) // raw.format = { decimals: 1 }
 */
export function chartFromParams(params: URLSearchParams, raw: Record<string, unknown>): void {
  const chart = params.get('chart');
  if (chart !== null) raw.chart = chart;
  const format: Record<string, unknown> = Object.create(null);
  const dec = params.get(FORMAT_PARAMS.decimals);
  if (dec !== null) format.decimals = /^\d$/.test(dec) ? Number(dec) : dec;
  const scale = params.get(FORMAT_PARAMS.scale);
  if (scale !== null) format.scale = scale;
  const sep = params.get(FORMAT_PARAMS.thousands);
  if (sep !== null) format.thousands = sep === '1' ? true : sep === '0' ? false : sep;
  const chg = params.get(FORMAT_PARAMS.change);
  if (chg !== null) format.change = chg;
  if (Object.keys(format).length > 0) raw.format = format;
}
