/**
 * Observations ↔ column blocks. Private to the store: callers see only `Observation`s.
 * Every field of `Observation` round-trips exactly, including which optional fields were absent.
 */
import { GRAINS, VALUE_KINDS, type ChangeType, type Citation, type Observation, type Region, type Target } from '../domain/types';
import type { BlockRecord, CodeColumn, DictionaryRecord } from './db';

/**
 * At most this many values per block (the schema's ceiling). Here, not in db.ts: the first
 * page decodes blocks without loading Dexie (early-read.ts).
 */
export const BLOCK_SIZE = 50_000;

/** Bits of `BlockRecord.flags` (the import worker's BlockBuilder writes them too). */
export const FLAG = {
  approximate: 1,
  hasApproximate: 2,
  isTotal: 4,
  hasIsTotal: 8,
  hasTarget: 16,
  hasSource: 32,
} as const;

/**
 * Values per block written: a quarter of the schema's ceiling (`BLOCK_SIZE`). IndexedDB copies a
 * record on the page's thread when it is added, in one task whose CPU time grows with the record:
 * a 10,000-value block (the 1M-row benchmark has 100 indicators of 10,000) took ~10 ms, so a file
 * with few indicators, whose blocks were 50,000 values, gave tasks several times longer. Readers
 * are unchanged (every block says how many values it holds); the performance notes measured
 * 10,000-value blocks as fast as larger ones to write and read.
 */
export const WRITE_BLOCK_SIZE = Math.min(BLOCK_SIZE, 12_500);

/** Stored by place. */
export const CHANGE_TYPES: readonly ChangeType[] = ['relative', 'absolute', 'points', 'multiple'];

/** A dictionary being extended while blocks are encoded. */
class StringTable {
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
}

/**
 * Codes one column of strings. Imported columns come in runs (a region's rows together, one unit
 * for a whole indicator), so comparing with the previous string skips most dictionary lookups.
 */
class ColumnCoder {
  private last: string | undefined;
  private lastCode = 0;

  constructor(private readonly table: StringTable) {}

  /** How many strings the shared dictionary holds now. */
  tableSize(): number {
    return this.table.strings.length;
  }

  code(s: string): number {
    if (s !== this.last) {
      this.last = s;
      this.lastCode = this.table.code(s);
    }
    return this.lastCode;
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
 * Encode observations into blocks of at most `WRITE_BLOCK_SIZE` values per indicator, extending the
 * dictionary `dict` in place (strings, count, next block number, periods per indicator).
 * `firstPos` is the dataset position of `observations[0]`.
 */
export function encodeBlocks(
  datasetId: string,
  observations: readonly Observation[],
  dict: DictionaryRecord,
  firstPos: number,
): BlockRecord[] {
  const table = new StringTable(dict.strings);
  // Group by indicator with a counting sort into one typed array: no per-value JS arrays.
  const groupOf = new Map<string, number>();
  const groupNames: string[] = [];
  const group = new Uint32Array(observations.length);
  const sizes: number[] = [];
  let lastName: string | undefined;
  let lastGroup = 0;
  for (let i = 0; i < observations.length; i++) {
    const name = observations[i].indicator;
    if (name !== lastName) {
      let g = groupOf.get(name);
      if (g === undefined) {
        g = groupNames.length;
        groupOf.set(name, g);
        groupNames.push(name);
        sizes.push(0);
      }
      lastName = name;
      lastGroup = g;
    }
    group[i] = lastGroup;
    sizes[lastGroup]++;
  }
  const starts = new Array<number>(sizes.length);
  for (let g = 0, at = 0; g < sizes.length; g++) {
    starts[g] = at;
    at += sizes[g];
  }
  const order = new Uint32Array(observations.length);
  const fill = starts.slice();
  for (let i = 0; i < observations.length; i++) order[fill[group[i]]++] = i;

  const periodsByIndicator = new Map<string, Set<number>>(dict.indicatorPeriods.map(([name, periods]) => [name, new Set(periods)]));
  const coders: Coders = {
    region: new ColumnCoder(table),
    period: new ColumnCoder(table),
    unit: new ColumnCoder(table),
    regionCode: new ColumnCoder(table),
    periodLabel: new ColumnCoder(table),
    displayUnit: new ColumnCoder(table),
    sourceColumn: new ColumnCoder(table),
    sourceText: new ColumnCoder(table),
    citations: new ColumnCoder(table),
  };
  const blocks: BlockRecord[] = [];
  groupNames.forEach((indicator, g) => {
    let periods = periodsByIndicator.get(indicator);
    if (!periods) periodsByIndicator.set(indicator, (periods = new Set()));
    const end = starts[g] + sizes[g];
    for (let start = starts[g]; start < end; start += WRITE_BLOCK_SIZE) {
      const indices = order.subarray(start, Math.min(end, start + WRITE_BLOCK_SIZE));
      const block = encodeBlock(datasetId, dict.nextSeq++, indicator, indices, observations, coders, firstPos);
      for (const p of block.period) periods.add(p);
      blocks.push(block);
    }
  });
  dict.indicatorPeriods = [...periodsByIndicator].map(([name, set]) => [name, [...set]]);
  dict.count = firstPos + observations.length;
  return blocks;
}

type Coders = Record<StringColumn, ColumnCoder>;

function encodeBlock(
  datasetId: string,
  seq: number,
  indicator: string,
  indices: Uint32Array,
  observations: readonly Observation[],
  coders: Coders,
  firstPos: number,
): BlockRecord {
  const n = indices.length;
  // Optional columns exist only when some observation of the block has the field.
  const has: OptionalColumns = {
    target: false,
    row: false,
    sourceColumn: false,
    regionCode: false,
    periodLabel: false,
    displayUnit: false,
    sourceText: false,
    citations: false,
  };
  for (let k = 0; k < n; k++) {
    const o = observations[indices[k]];
    if (o.target !== undefined) has.target = true;
    if (o.source !== undefined) {
      has.row = true;
      if (o.source.column !== undefined) has.sourceColumn = true;
    }
    if (o.regionCode !== undefined) has.regionCode = true;
    if (o.periodLabel !== undefined) has.periodLabel = true;
    if (o.displayUnit !== undefined) has.displayUnit = true;
    if (o.sourceText !== undefined) has.sourceText = true;
    if (o.citations !== undefined) has.citations = true;
  }
  // Dictionary codes first, into scratch columns: how wide the block's code columns can be is
  // known only once every string of the block has its code.
  const codeColumns: StringColumn[] = ['region', 'period', 'unit', ...OPTIONAL_STRING_COLUMNS.filter((c) => has[c])];
  const scratch = scratchColumns(codeColumns.length, n);
  const codesOf = Object.fromEntries(codeColumns.map((c, i) => [c, scratch.subarray(i * n, (i + 1) * n)])) as CodesOf;
  codeStrings(indices, observations, coders, codesOf);
  // Optional columns hold code + 1, so 16 bits hold codes up to 65,534.
  const columns = new ColumnBuffer(n, has, codeColumns.length, coders.region.tableSize() < 0xffff ? 2 : 4);
  const value = columns.value;
  const target = columns.target;
  const pos = columns.u32();
  const row = has.row ? columns.u32() : undefined;
  const code = (c: StringColumn): CodeColumn => columns.codes(codesOf[c]!);
  const block: BlockRecord = {
    datasetId,
    seq,
    indicator,
    count: n,
    pos,
    region: code('region'),
    period: code('period'),
    unit: code('unit'),
    value,
    flags: columns.u8(),
    codes: columns.u8(),
  };
  for (const c of OPTIONAL_STRING_COLUMNS) if (has[c]) block[c] = code(c);
  if (target) block.target = target;
  if (row) block.row = row;
  const { flags: flagColumn, codes } = block;
  for (let k = 0; k < n; k++) {
    const i = indices[k];
    const o = observations[i];
    pos[k] = firstPos + i;
    value[k] = o.value;
    let flags = 0;
    if (o.approximate !== undefined) flags |= FLAG.hasApproximate | (o.approximate ? FLAG.approximate : 0);
    if (o.isTotal !== undefined) flags |= FLAG.hasIsTotal | (o.isTotal ? FLAG.isTotal : 0);
    if (o.target !== undefined && target) {
      flags |= FLAG.hasTarget;
      target[k] = o.target;
    }
    if (o.source !== undefined && row) {
      flags |= FLAG.hasSource;
      row[k] = o.source.row;
    }
    flagColumn[k] = flags;
    if (o.grain !== undefined || o.kind !== undefined || o.changeType !== undefined) {
      codes[k] = enumCode(GRAINS, o.grain) | (enumCode(VALUE_KINDS, o.kind) << 3) | (enumCode(CHANGE_TYPES, o.changeType) << 5);
    }
  }
  return block;
}

/** The string columns a block has only when some value has the field. */
export const OPTIONAL_STRING_COLUMNS = ['regionCode', 'periodLabel', 'displayUnit', 'sourceColumn', 'sourceText', 'citations'] as const;
type StringColumn = 'region' | 'period' | 'unit' | (typeof OPTIONAL_STRING_COLUMNS)[number];
/** A block's string columns as codes, before they are narrowed: the required ones always. */
type CodesOf = Record<'region' | 'period' | 'unit', Uint32Array> & Partial<Record<StringColumn, Uint32Array>>;

/** Reused between blocks: a 12,500-value block's codes are 350 KB, a hundred blocks per million. */
let scratch = new Uint32Array(0);

function scratchColumns(columns: number, n: number): Uint32Array {
  if (scratch.length < columns * n) scratch = new Uint32Array(columns * n);
  return scratch;
}

/** Code the block's strings into `out` (optional columns: code + 1, 0 where absent). */
function codeStrings(indices: Uint32Array, observations: readonly Observation[], coders: Coders, out: CodesOf): void {
  const { region, period, unit, regionCode, periodLabel, displayUnit, sourceColumn, sourceText, citations } = out;
  for (let k = 0; k < indices.length; k++) {
    const o = observations[indices[k]];
    region[k] = coders.region.code(o.region);
    period[k] = coders.period.code(o.period);
    unit[k] = coders.unit.code(o.unit);
    if (regionCode) regionCode[k] = o.regionCode !== undefined ? coders.regionCode.code(o.regionCode) + 1 : 0;
    if (periodLabel) periodLabel[k] = o.periodLabel !== undefined ? coders.periodLabel.code(o.periodLabel) + 1 : 0;
    if (displayUnit) displayUnit[k] = o.displayUnit !== undefined ? coders.displayUnit.code(o.displayUnit) + 1 : 0;
    if (sourceColumn) sourceColumn[k] = o.source?.column !== undefined ? coders.sourceColumn.code(o.source.column) + 1 : 0;
    if (sourceText) sourceText[k] = o.sourceText !== undefined ? coders.sourceText.code(o.sourceText) + 1 : 0;
    if (citations) citations[k] = o.citations !== undefined ? coders.citations.code(encodeCitations(o.citations)) + 1 : 0;
  }
}

/** Which optional columns a block has. */
type OptionalColumns = Record<'target' | 'row' | (typeof OPTIONAL_STRING_COLUMNS)[number], boolean>;

/**
 * One ArrayBuffer holding every typed column of a block, handed out as views: 8-byte columns
 * first, then 4-byte, then the code columns (2 or 4 bytes), then 1-byte ones, so every view is
 * aligned. IndexedDB's copy of a record on the page's thread costs per buffer as well as per
 * byte: a 10,000-value block of ten buffers took 17–28 ms of CPU to add on a loaded machine, the
 * same values in one buffer ~10 ms. One buffer also crosses from the import worker as one
 * transfer. Reading a block back costs per byte too, hence 16-bit codes where they fit.
 */
class ColumnBuffer {
  readonly value: Float64Array;
  readonly target: Float64Array | undefined;
  private readonly buffer: ArrayBuffer;
  private offset: number;

  constructor(
    private readonly n: number,
    has: OptionalColumns,
    codeColumns: number,
    private readonly codeBytes: 2 | 4,
  ) {
    const wide = has.target ? 2 : 1;
    // pos, and the source row where present.
    const u32 = has.row ? 2 : 1;
    this.buffer = new ArrayBuffer(n * (8 * wide + 4 * u32 + codeBytes * codeColumns + 2));
    this.value = new Float64Array(this.buffer, 0, n);
    this.target = has.target ? new Float64Array(this.buffer, 8 * n, n) : undefined;
    this.offset = 8 * n * wide;
  }

  /** The next 4-byte column; every `u32` comes before the first code column. */
  u32(): Uint32Array {
    const view = new Uint32Array(this.buffer, this.offset, this.n);
    this.offset += 4 * this.n;
    return view;
  }

  /** The next code column, holding `codes`; every one comes before the first `u8`. */
  codes(codes: Uint32Array): CodeColumn {
    const view =
      this.codeBytes === 2 ? new Uint16Array(this.buffer, this.offset, this.n) : new Uint32Array(this.buffer, this.offset, this.n);
    view.set(codes);
    this.offset += this.codeBytes * this.n;
    return view;
  }

  /** The next 1-byte column. */
  u8(): Uint8Array {
    const view = new Uint8Array(this.buffer, this.offset, this.n);
    this.offset += this.n;
    return view;
  }
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
  // Optional string columns hold index + 1; 0 (or no column) means the field was absent.
  const { regionCode, periodLabel, displayUnit, sourceColumn, sourceText, citations } = block;
  if (regionCode !== undefined && regionCode[k] > 0) o.regionCode = strings[regionCode[k] - 1];
  if (periodLabel !== undefined && periodLabel[k] > 0) o.periodLabel = strings[periodLabel[k] - 1];
  const codes = block.codes[k];
  if (codes & 7) o.grain = GRAINS[(codes & 7) - 1];
  if (displayUnit !== undefined && displayUnit[k] > 0) o.displayUnit = strings[displayUnit[k] - 1];
  if ((codes >> 3) & 3) o.kind = VALUE_KINDS[((codes >> 3) & 3) - 1];
  if (codes >> 5) o.changeType = CHANGE_TYPES[(codes >> 5) - 1];
  const flags = block.flags[k];
  if (flags & FLAG.hasApproximate) o.approximate = (flags & FLAG.approximate) !== 0;
  if (flags & FLAG.hasIsTotal) o.isTotal = (flags & FLAG.isTotal) !== 0;
  if (flags & FLAG.hasTarget && block.target) o.target = block.target[k];
  if (flags & FLAG.hasSource && block.row) {
    o.source =
      sourceColumn !== undefined && sourceColumn[k] > 0
        ? { row: block.row[k], column: strings[sourceColumn[k] - 1] }
        : { row: block.row[k] };
  }
  if (sourceText !== undefined && sourceText[k] > 0) o.sourceText = strings[sourceText[k] - 1];
  if (citations !== undefined && citations[k] > 0) {
    const read = decodeCitations(strings[citations[k] - 1]);
    if (read) o.citations = read;
  }
  return o;
}

/**
 * A value's provenance cells as one dictionary string: rows of one report share it, so the
 * dictionary holds each combination once.
 * @example encodeCitations([{ label: '报告', text: '…通报' }]) // '[["报告","…通报"]]'
 */
export function encodeCitations(citations: readonly Citation[]): string {
  return JSON.stringify(citations.map((c) => [c.label, c.text]));
}

/**
 * The cells `encodeCitations` wrote; undefined for a string that is not such a list (never thrown:
 * a damaged string loses the citations, not the value).
 * @example decodeCitations('[["原文","细化分解12项整改任务"]]') // [{ label: '原文', text: '细化分解12项整改任务' }]
 */
export function decodeCitations(text: string): Citation[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const out: Citation[] = [];
  for (const pair of parsed as unknown[]) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') return undefined;
    out.push({ label: pair[0], text: pair[1] });
  }
  return out;
}

/** A fresh dictionary for a new dataset. */
export function emptyDictionary(datasetId: string): DictionaryRecord {
  return { datasetId, strings: [], count: 0, nextSeq: 0, indicatorPeriods: [] };
}

/** What new blocks say about their indicators and regions, for the metadata tables. */
export interface BlockSummary {
  /** Per indicator, in first-seen order: the unit and display unit of its first value, and its targets. */
  indicators: Map<string, { unit: string; displayUnit?: string; targets: Target[] }>;
  /** Per region: its name, and the code and total flag of the first value that had it. */
  regions: Map<string, Region>;
}

/**
 * Summarize encoded blocks by scanning their typed columns, which is much cheaper than a
 * lookup per observation. It runs on the page inside the import's write transaction, over every
 * value (a million for a large file), so its loops are kept tight and monomorphic: a looser
 * version was deoptimized mid-scan, one task of ~50 ms.
 * @example summarizeBlocks(blocks, dict.strings).regions.get('道里区') // { name: '道里区', code: '230102' }
 */
export function summarizeBlocks(blocks: readonly BlockRecord[], strings: readonly string[]): BlockSummary {
  const indicators: BlockSummary['indicators'] = new Map();
  const regions: BlockSummary['regions'] = new Map();
  const seenRegion = new Uint8Array(strings.length);
  for (const block of blocks) {
    let indicator = indicators.get(block.indicator);
    if (!indicator && block.count > 0) {
      indicator = { unit: strings[block.unit[0]], targets: [] };
      const displayUnit = block.displayUnit?.[0];
      if (displayUnit) indicator.displayUnit = strings[displayUnit - 1];
      indicators.set(block.indicator, indicator);
    }
    if (indicator && block.target) collectTargets(block, block.target, strings, indicator.targets);
    const region = block.region;
    for (let k = 0; k < block.count; k++) {
      const code = region[k];
      if (seenRegion[code] !== 0) continue;
      seenRegion[code] = 1;
      const found = regionAt(block, k, strings);
      regions.set(found.name, found);
    }
  }
  return { indicators, regions };
}

/** The targets of a block's values that have one, in value order. */
function collectTargets(block: BlockRecord, target: Float64Array, strings: readonly string[], out: Target[]): void {
  const { flags, region, period } = block;
  for (let k = 0; k < block.count; k++) {
    if (flags[k] & FLAG.hasTarget) out.push({ region: strings[region[k]], period: strings[period[k]], value: target[k] });
  }
}

/** The region of value `k`, with the code and total flag that value carries. */
function regionAt(block: BlockRecord, k: number, strings: readonly string[]): Region {
  const region: Region = { name: strings[block.region[k]] };
  const regionCode = block.regionCode?.[k];
  if (regionCode) region.code = strings[regionCode - 1];
  if (block.flags[k] & FLAG.isTotal) region.isTotal = true;
  return region;
}
