/**
 * The fast path for plain decimals (most cells of a large file) gives exactly what the general
 * rule gives: `cleanNumber(Number(text) * factor)`, bit for bit (-0 included), for every
 * multiplier a unit can carry.
 */
import { describe, expect, it } from 'vitest';
import { parseQuantity, readPlain } from '../../../src/ingest/parse-quantity';
import { cleanNumber } from '../../../src/ingest/text';

/** A context unit and the factor the general rule scales by. */
const UNITS: [unit: string, factor: number][] = [
  ['', 1],
  ['吨', 1],
  ['万元', 1e4],
  ['十万元', 1e5],
  ['百万元', 1e6],
  ['千万元', 1e7],
  ['亿元', 1e8],
  ['十亿元', 1e9],
  ['百亿元', 1e10],
  ['千亿元', 1e11],
  ['万亿元', 1e12],
  ['亿万元', 1e12],
  ['%', 1],
];

const EDGES = [
  '0', '-0', '0.0', '-0.000', '0.1', '0.3', '1.005', '-12.50', '8110.16', '10.00', '007.50',
  '999999999999999', '-999999999999999', '9999999999999999', '99999999999999.9', '0.000000000000001',
  '123456789012.345', '1234567890123456789', '12345678901234567890.5', '4503599627370495.5',
  '9007199254740993', '0.30000000000000004', '65.73', '2147483648',
];

/** Deterministic decimals of 1 to 18 digits, 0 to 10 of them after the point, either sign. */
function generated(n: number): string[] {
  const out: string[] = [];
  let seed = 20_260_613;
  const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let i = 0; i < n; i++) {
    const digits = 1 + Math.floor(next() * 18);
    let s = '';
    for (let d = 0; d < digits; d++) s += String(Math.floor(next() * 10));
    const decimals = Math.min(digits - 1, Math.floor(next() * 11));
    if (decimals > 0) s = `${s.slice(0, digits - decimals)}.${s.slice(digits - decimals)}`;
    out.push(next() < 0.2 ? `-${s}` : s);
  }
  return out;
}

describe('plain decimals read fast, exactly as the general rule reads them', () => {
  it.each(UNITS)('context unit %j (×%d)', (unit, factor) => {
    for (const text of [...EDGES, ...generated(1500)]) {
      const expected = cleanNumber(Number(text) * factor);
      const fast = readPlain(text, unit);
      expect(fast, text).toBeDefined();
      expect(Object.is(fast!.value, expected), `${text} × ${factor}: ${fast!.value} ≠ ${expected}`).toBe(true);
      const general = parseQuantity(text, unit);
      expect(general.status === 'ok' && Object.is(general.value, expected), text).toBe(true);
    }
  });

  it.each(['6.04万', '1,234', ' 12', '12 ', '+3', '.5', '5.', '—', '', '1e5', '１２', '-', '约3'])('leaves %j to the general parser', (text) => {
    expect(readPlain(text, '万元')).toBeUndefined();
  });

  it('gives the unit, display unit and warning the general parser gives', () => {
    for (const [unit] of UNITS) {
      const general = parseQuantity('6.04', unit);
      const fast = readPlain('6.04', unit);
      expect({ ...fast, warning: fast?.warning }).toEqual({ ...general, warning: general.status === 'ok' ? general.warning : undefined });
    }
  });
});
