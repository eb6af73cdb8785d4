/**
 * 序时进度 / 实际进度 cells → percent numbers: `80%`, `80`, `0.8` (a fraction, when the whole column
 * is fractions), `８０％`, `8成`, `已完成80%`.
 */
import { isNoData } from '../ingest/text';
import { cnNumber } from './cn-number';

/** A progress cell read. `plain` marks a number written without `%`, which may be a fraction. */
export type PercentRead = { status: 'empty' } | { status: 'error' } | { status: 'ok'; value: number; plain: boolean; text: string };

const NUMBER = /^[+-]?(\d+(?:\.\d+)?|\.\d+)$/;

/**
 * Read one progress cell.
 * @example readPercent('80%') // { status: 'ok', value: 80, plain: false, text: '80' }
 */
export function readPercent(cell: string): PercentRead {
  if (isNoData(cell)) return { status: 'empty' };
  const s = cell.normalize('NFKC').replace(/[\s\u00a0\u3000,]+/g, '');
  const pct = /^([+-]?\d+(?:\.\d+)?)%$/.exec(s);
  if (pct) return { status: 'ok', value: Number(pct[1]), plain: false, text: pct[1] };
  if (NUMBER.test(s)) return { status: 'ok', value: Number(s), plain: true, text: s };
  // 8成, 八成: tenths.
  const tenths = /^(\d+(?:\.\d+)?|[一二三四五六七八九十])成$/.exec(s);
  if (tenths) {
    const n = /\d/.test(tenths[1]) ? Number(tenths[1]) : (cnNumber(tenths[1]) ?? NaN);
    return Number.isFinite(n) ? { status: 'ok', value: shift(String(n), 1), plain: false, text: String(n) } : { status: 'error' };
  }
  // 已完成80%: one percentage inside words.
  const inside = s.match(/\d+(?:\.\d+)?%/g);
  if (inside && inside.length === 1) return { status: 'ok', value: Number(inside[0].slice(0, -1)), plain: false, text: inside[0].slice(0, -1) };
  return { status: 'error' };
}

/**
 * A fraction written as text → percent, by moving the decimal point (0.07 → 7, not 7.000000000000001).
 * @example fractionToPercent('0.07') // 7
 */
export function fractionToPercent(text: string): number {
  return shift(text, 2);
}

/** Multiply a decimal written as text by 10^places without binary noise. */
function shift(text: string, places: number): number {
  const negative = text.startsWith('-');
  const t = text.replace(/^[+-]/, '');
  const [int, frac = ''] = t.split('.');
  const digits = int + frac.padEnd(places, '0');
  const point = int.length + places;
  const n = Number(`${digits.slice(0, point)}.${digits.slice(point) || '0'}`);
  return negative ? -n : n;
}
