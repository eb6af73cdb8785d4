/**
 * A copy of a chart option with numbers rounded to 4 significant digits and functions replaced by
 * a marker, so that snapshots are stable across floating-point noise.
 */
export function roundNumbers(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? Number(value.toPrecision(4)) : String(value);
  if (typeof value === 'function') return '[function]';
  if (Array.isArray(value)) return value.map(roundNumbers);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = roundNumbers(v);
    return out;
  }
  return value;
}
