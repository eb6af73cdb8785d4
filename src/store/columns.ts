/**
 * Observations ↔ column blocks. Private to the store: callers see only `Observation`s.
 * Every field of `Observation` round-trips exactly, including which optional fields were absent.
 */
import type { ChangeType, Grain, Observation, ValueKind } from '../domain/types';
import { BLOCK_SIZE, type BlockRecord, type DictionaryRecord } from './db';

/** Bits of `BlockRecord.flags`. */
const FLAG = {
  approximate: 1,
  hasApproximate: 2,
  isTotal: 4,
  hasIsTotal: 8,
  hasTarget: 16,
  hasSource: 32,
} as const;

const GRAINS: readonly Grain[] = ['year', 'half', 'quarter', 'month', 'day', 'season', 'range'];
const KINDS: readonly ValueKind[] = ['level', 'change'];
const CHANGE_TYPES: readonly ChangeType[] = ['relative', 'absolute', 'points', 'multiple'];

/** A dictionary being extended while blocks are encoded. */
export class StringTable {
  readonly strings: string[];
  private readonly index = new Map<string, number>();

  constructor(strings: string[] = []) {
    this.strings = strings;
    strings.forEach((s, i) => this.index.set(s, i));
  }

  /** Index of `s`, adding it if new. */
  code(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  /** Index of `s`, or -1 if the dictionary does not hold it. */
  find(s: string): number {
    return this.index.get(s) ?? -1;
  }
}

/** Code of an optional enum value: 0 when absent, else 1 + its position. */
function enumCode<T>(values: readonly T[], v: T | undefined): number {
  if (v === undefined) return 0;
  const i = values.indexOf(v);
  // An unknown value cannot round-trip; refusing it keeps stored data honest.
  if (i < 0) throw new TypeError(`Unknown value ${String(v)}`);
  return i + 1;
}

/**
 * Encode observations into blocks of at most `BLOCK_SIZE` values per indicator, extending the
 * dictionary. `firstPos` is the dataset position of `observations[0]`.
 */
export function encodeBlocks(
  datasetId: string,
  observations: readonly Observation[],
  dict: DictionaryRecord,
  firstPos: number,
): BlockRecord[] {
  const table = new StringTable(dict.strings);
  const byIndicator = new Map<string, number[]>();
  observations.forEach((o, i) => {
    let list = byIndicator.get(o.indicator);
    if (!list) byIndicator.set(o.indicator, (list = []));
    list.push(i);
  });
  const periodsByIndicator = new Map<string, Set<number>>(
    dict.indicatorPeriods.map(([name, periods]) => [name, new Set(periods)]),
  );
  const blocks: BlockRecord[] = [];
  for (const [indicator, indices] of byIndicator) {
    let periods = periodsByIndicator.get(indicator);
    if (!periods) periodsByIndicator.set(indicator, (periods = new Set()));
    for (let start = 0; start < indices.length; start += BLOCK_SIZE) {
      const slice = indices.slice(start, start + BLOCK_SIZE);
      const block = encodeBlock(datasetId, dict.nextSeq++, indicator, slice, observations, table, firstPos);
      for (const p of block.period) periods.add(p);
      blocks.push(block);
    }
  }
  dict.indicatorPeriods = [...periodsByIndicator].map(([name, set]) => [name, [...set]]);
  dict.count = firstPos + observations.length;
  return blocks;
}

function encodeBlock(
  datasetId: string,
  seq: number,
  indicator: string,
  indices: number[],
  observations: readonly Observation[],
  table: StringTable,
  firstPos: number,
): BlockRecord {
  const n = indices.length;
  const block: BlockRecord = {
    datasetId,
    seq,
    indicator,
    count: n,
    pos: new Uint32Array(n),
    region: new Uint32Array(n),
    period: new Uint32Array(n),
    unit: new Uint32Array(n),
    value: new Float64Array(n),
    flags: new Uint8Array(n),
    codes: new Uint8Array(n),
  };
  const optional = {
    regionCode: new Uint32Array(n),
    periodLabel: new Uint32Array(n),
    displayUnit: new Uint32Array(n),
    sourceColumn: new Uint32Array(n),
    sourceText: new Uint32Array(n),
  };
  const used = new Set<keyof typeof optional>();
  const opt = (key: keyof typeof optional, k: number, s: string | undefined) => {
    if (s === undefined) return;
    optional[key][k] = table.code(s) + 1;
    used.add(key);
  };
  const target = new Float64Array(n);
  const row = new Uint32Array(n);
  let anyTarget = false;
  let anySource = false;
  for (let k = 0; k < n; k++) {
    const i = indices[k];
    const o = observations[i];
    block.pos[k] = firstPos + i;
    block.region[k] = table.code(o.region);
    block.period[k] = table.code(o.period);
    block.unit[k] = table.code(o.unit);
    block.value[k] = o.value;
    let flags = 0;
    if (o.approximate !== undefined) flags |= FLAG.hasApproximate | (o.approximate ? FLAG.approximate : 0);
    if (o.isTotal !== undefined) flags |= FLAG.hasIsTotal | (o.isTotal ? FLAG.isTotal : 0);
    if (o.target !== undefined) {
      flags |= FLAG.hasTarget;
      target[k] = o.target;
      anyTarget = true;
    }
    if (o.source !== undefined) {
      flags |= FLAG.hasSource;
      row[k] = o.source.row;
      anySource = true;
      opt('sourceColumn', k, o.source.column);
    }
    block.flags[k] = flags;
    block.codes[k] =
      enumCode(GRAINS, o.grain) | (enumCode(KINDS, o.kind) << 3) | (enumCode(CHANGE_TYPES, o.changeType) << 5);
    opt('regionCode', k, o.regionCode);
    opt('periodLabel', k, o.periodLabel);
    opt('displayUnit', k, o.displayUnit);
    opt('sourceText', k, o.sourceText);
  }
  for (const key of used) block[key] = optional[key];
  if (anyTarget) block.target = target;
  if (anySource) block.row = row;
  return block;
}

/**
 * Decode observation `k` of a block. Optional fields are set only when they were present, so
 * a decoded observation equals the one written.
 */
export function decodeObservation(block: BlockRecord, k: number, strings: readonly string[]): Observation {
  const o: Observation = {
    region: strings[block.region[k]],
    indicator: block.indicator,
    period: strings[block.period[k]],
    value: block.value[k],
    unit: strings[block.unit[k]],
  };
  const str = (column: Uint32Array | undefined): string | undefined =>
    column && column[k] > 0 ? strings[column[k] - 1] : undefined;
  const regionCode = str(block.regionCode);
  if (regionCode !== undefined) o.regionCode = regionCode;
  const periodLabel = str(block.periodLabel);
  if (periodLabel !== undefined) o.periodLabel = periodLabel;
  const codes = block.codes[k];
  if (codes & 7) o.grain = GRAINS[(codes & 7) - 1];
  const displayUnit = str(block.displayUnit);
  if (displayUnit !== undefined) o.displayUnit = displayUnit;
  if ((codes >> 3) & 3) o.kind = KINDS[((codes >> 3) & 3) - 1];
  if (codes >> 5) o.changeType = CHANGE_TYPES[(codes >> 5) - 1];
  const flags = block.flags[k];
  if (flags & FLAG.hasApproximate) o.approximate = (flags & FLAG.approximate) !== 0;
  if (flags & FLAG.hasIsTotal) o.isTotal = (flags & FLAG.isTotal) !== 0;
  if (flags & FLAG.hasTarget && block.target) o.target = block.target[k];
  if (flags & FLAG.hasSource && block.row) {
    const column = str(block.sourceColumn);
    o.source = column === undefined ? { row: block.row[k] } : { row: block.row[k], column };
  }
  const sourceText = str(block.sourceText);
  if (sourceText !== undefined) o.sourceText = sourceText;
  return o;
}

/** A fresh dictionary for a new dataset. */
export function emptyDictionary(datasetId: string): DictionaryRecord {
  return { datasetId, strings: [], count: 0, nextSeq: 0, indicatorPeriods: [] };
}
