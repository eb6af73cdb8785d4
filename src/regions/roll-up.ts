/**
 * Roll-up of values to a coarser level (counties → their city or province) for additive
 * indicators only. A sum never hides a gap (missing parts are listed and the row is incomplete)
 * and never replaces a value reported for the division itself (both are returned).
 */
import { childrenOf, division, type Division, type Level } from './table';

export type Aggregation = 'sum' | 'none';
export { isAdditiveUnit } from './additive-unit';

export interface CodedValue {
  code: string;
  value: number;
}

export interface RollUpRow {
  /** A division at the level asked for. */
  code: string;
  /** The value given for this division itself; never replaced by the sum. */
  reported?: number;
  /** The sum of its parts (aggregation 'sum' only, when at least one part has a value). */
  sum?: number;
  /**
   * Where there is a sum: every part it needs has a value. Where there is none: a value was
   * reported. So false for a sum with gaps and for a row with neither value.
   */
  complete: boolean;
  /** Codes with no value that the sum needs: a child with nothing under it, or a deeper gap. */
  missing: string[];
  /** Codes whose values went into the sum: a child's own value stands for everything under it. */
  parts: string[];
  /** Both reported and sum exist and differ by more than rounding. */
  differs: boolean;
}

export interface RollUp {
  rows: RollUpRow[];
  /** Codes of values finer than the level that have no division there (东城区 has no prefecture), or not in the table. */
  unplaced: string[];
  /** Codes given more than once; only the first value counts. */
  duplicates: string[];
}

const LEVELS: Level[] = ['province', 'prefecture', 'county'];

/** Relative tolerance for "differs": 6.04万亩 and 60400亩 agree. */
const TOLERANCE = 1e-9;

function differ(a: number, b: number): boolean {
  return Math.abs(a - b) > TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

interface PartSum {
  sum?: number;
  parts: string[];
  missing: string[];
}

/**
 * Roll values up to `level`. One row per division at that level that is, or is above, a value's
 * code. With 'sum', each row adds its children's values (a child with no value of its own
 * contributes its own children's sum, and so on); with 'none', rows carry reported values only.
 * Statistical units (开发区) count as needed parts only under a parent where the values include
 * one of them: offices either report them apart from their host counties or within them.
 */
export function rollUp(values: readonly CodedValue[], level: Level, aggregation: Aggregation): RollUp {
  const reported = new Map<string, number>();
  const duplicates: string[] = [];
  const unplaced: string[] = [];
  const targets = new Set<string>();
  const depth = LEVELS.indexOf(level);
  for (const { code, value } of values) {
    if (reported.has(code)) {
      duplicates.push(code);
      continue;
    }
    reported.set(code, value);
    const d = division(code);
    if (!d) {
      unplaced.push(code);
      continue;
    }
    const target = targetOf(d, level);
    if (target) targets.add(target);
    else if (LEVELS.indexOf(d.level) > depth) unplaced.push(code);
  }
  const covered = new Set<string>();
  for (const code of reported.keys()) {
    for (let d = division(code); d?.parent; d = division(d.parent)) covered.add(d.parent);
  }
  const rows = [...targets].sort().map((code) => rowOf(code, aggregation, reported, covered));
  return { rows, unplaced, duplicates };
}

/** The division at `level` that is `d` or lies above it. */
function targetOf(d: Division, level: Level): string | undefined {
  for (let at: Division | undefined = d; at; at = at.parent ? division(at.parent) : undefined) {
    if (at.level === level) return at.code;
  }
  return undefined;
}

function rowOf(code: string, aggregation: Aggregation, reported: Map<string, number>, covered: Set<string>): RollUpRow {
  const own = reported.get(code);
  const row: RollUpRow = { code, complete: own !== undefined, missing: [], parts: [], differs: false };
  if (own !== undefined) row.reported = own;
  if (aggregation === 'none') return row;
  const parts = sumChildren(code, reported, covered);
  if (parts.sum === undefined) return row;
  row.sum = parts.sum;
  row.parts = parts.parts;
  row.missing = parts.missing;
  row.complete = parts.missing.length === 0;
  row.differs = own !== undefined && differ(own, parts.sum);
  return row;
}

/** The sum of a division's children: each child's own value, else its children's sum. */
function sumChildren(code: string, reported: Map<string, number>, covered: Set<string>): PartSum {
  const children = childrenOf(code);
  const zonesReported = children.some((c) => c.statistical && (reported.has(c.code) || covered.has(c.code)));
  const out: PartSum = { parts: [], missing: [] };
  for (const child of children) {
    if (child.statistical && !zonesReported) continue;
    const own = reported.get(child.code);
    let part: PartSum;
    if (own !== undefined) part = { sum: own, parts: [child.code], missing: [] };
    else if (covered.has(child.code)) part = sumChildren(child.code, reported, covered);
    else part = { parts: [], missing: [child.code] };
    if (part.sum !== undefined) out.sum = (out.sum ?? 0) + part.sum;
    out.parts.push(...part.parts);
    out.missing.push(...part.missing);
  }
  return out;
}
