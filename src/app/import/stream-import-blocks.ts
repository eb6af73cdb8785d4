/**
 * The import worker's column blocks, built value by value as the walk makes them: each
 * observation is coded into its indicator's open block at once and can be dropped, so a
 * million-row import holds a few thousand observation objects at any time, never tens of
 * thousands. Holding 50,000 until a batch was encoded (`encodeBlocks`) moved them to the garbage
 * collector's old generation; collecting them was the walk's largest single cost.
 *
 * The blocks are the store's own format (store/columns.ts `encodeBlock`: the same columns in one
 * buffer, in the same order, the same flag and enum bits): `decodeObservation` reads them back
 * to the observations added (tests/unit/ingest/stream-import-blocks.test.ts checks every field
 * against `encodeBlocks`). A block holds up to `WRITE_BLOCK_SIZE` values of one indicator, in the
 * order they came; an indicator's block is written out when full or at the end.
 */
import { GRAINS, VALUE_KINDS, type Grain, type Observation, type ValueKind } from '../../domain/types';
import type { ObservationFields } from '../../ingest/normalize';
import { CHANGE_TYPES, FLAG, OPTIONAL_STRING_COLUMNS, WRITE_BLOCK_SIZE, encodeCitations } from '../../store/columns';
import type { BlockRecord, CodeColumn, DictionaryRecord } from '../../store/db';
import type { EncodedColumns } from '../../store/put-columns';

const {
  approximate: APPROXIMATE,
  hasApproximate: HAS_APPROXIMATE,
  isTotal: IS_TOTAL,
  hasIsTotal: HAS_IS_TOTAL,
  hasTarget: HAS_TARGET,
  hasSource: HAS_SOURCE,
} = FLAG;
/** The optional string columns, in the store's order. */
const OPTIONAL = OPTIONAL_STRING_COLUMNS;
type Optional = (typeof OPTIONAL)[number];

/**
 * An observation's fields as the builder reads them: the walk's (`ObservationFields`), or an
 * observation's own, whose optional fields may be absent (`fieldsOf`).
 */
type BlockFields = Omit<
  ObservationFields,
  'periodLabel' | 'grain' | 'displayUnit' | 'kind' | 'approximate' | 'isTotal' | 'row' | 'column'
> & {
  periodLabel: string | undefined;
  grain: Grain | undefined;
  displayUnit: string | undefined;
  kind: ValueKind | undefined;
  approximate: boolean | undefined;
  isTotal: boolean | undefined;
  /** The source row; undefined for a value with no source. */
  row: number | undefined;
  column: string | undefined;
};

function emptyFields(): BlockFields {
  return {
    region: '',
    indicator: '',
    period: '',
    value: 0,
    unit: '',
    periodLabel: undefined,
    grain: undefined,
    displayUnit: undefined,
    kind: undefined,
    approximate: undefined,
    isTotal: undefined,
    row: undefined,
    column: undefined,
    regionCode: undefined,
    changeType: undefined,
    sourceText: undefined,
    citations: undefined,
    target: undefined,
  };
}

/** `o` into `f` (every field rewritten). */
function fieldsOf(o: Observation, f: BlockFields): BlockFields {
  f.region = o.region;
  f.indicator = o.indicator;
  f.period = o.period;
  f.value = o.value;
  f.unit = o.unit;
  f.periodLabel = o.periodLabel;
  f.grain = o.grain;
  f.displayUnit = o.displayUnit;
  f.kind = o.kind;
  f.approximate = o.approximate;
  f.isTotal = o.isTotal;
  f.row = o.source?.row;
  f.column = o.source?.column;
  f.regionCode = o.regionCode;
  f.changeType = o.changeType;
  f.sourceText = o.sourceText;
  f.citations = o.citations;
  f.target = o.target;
  return f;
}

/** An open block starts this small and doubles: a file of thousands of indicators holds one open block each. */
const FIRST_CAPACITY = 256;

function enumCode(values: readonly string[], v: string | undefined): number {
  if (v === undefined) return 0;
  const i = values.indexOf(v);
  // An unknown value cannot round-trip; refusing it keeps stored data honest (as encodeBlocks does).
  if (i < 0) throw new TypeError(`Unknown value ${v}`);
  return i + 1;
}

function grown<T extends Float64Array | Uint32Array | Uint8Array>(a: T, capacity: number): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.set(a);
  return b;
}

/** One indicator's block being filled; the optional columns exist once a value has the field. */
class OpenBlock {
  n = 0;
  value: Float64Array;
  pos: Uint32Array;
  flags: Uint8Array;
  codes: Uint8Array;
  region: Uint32Array;
  period: Uint32Array;
  unit: Uint32Array;
  target: Float64Array | undefined;
  row: Uint32Array | undefined;
  optional: Partial<Record<Optional, Uint32Array>> = {};
  /** Distinct period codes, for the dictionary's periods per indicator. */
  lastPeriod = -1;

  constructor(private capacity: number) {
    this.value = new Float64Array(capacity);
    this.pos = new Uint32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.codes = new Uint8Array(capacity);
    this.region = new Uint32Array(capacity);
    this.period = new Uint32Array(capacity);
    this.unit = new Uint32Array(capacity);
  }

  /** Room for one more value. */
  reserve(): void {
    if (this.n < this.capacity) return;
    const c = Math.min(WRITE_BLOCK_SIZE, this.capacity * 2);
    this.capacity = c;
    this.value = grown(this.value, c);
    this.pos = grown(this.pos, c);
    this.flags = grown(this.flags, c);
    this.codes = grown(this.codes, c);
    this.region = grown(this.region, c);
    this.period = grown(this.period, c);
    this.unit = grown(this.unit, c);
    if (this.target) this.target = grown(this.target, c);
    if (this.row) this.row = grown(this.row, c);
    for (const name of OPTIONAL) {
      const column = this.optional[name];
      if (column) this.optional[name] = grown(column, c);
    }
  }

  column(name: Optional): Uint32Array {
    let column = this.optional[name];
    if (!column) this.optional[name] = column = new Uint32Array(this.capacity);
    return column;
  }

  sourceRow(): Uint32Array {
    if (!this.row) this.row = new Uint32Array(this.capacity);
    return this.row;
  }

  targetColumn(): Float64Array {
    if (!this.target) this.target = new Float64Array(this.capacity);
    return this.target;
  }
}

/**
 * Codes one column's strings. An import's strings come in runs (one region's rows together, one
 * unit per indicator): the last string and its code skip most dictionary lookups.
 */
class RunCoder {
  private last: string | undefined;
  private lastCode = 0;

  constructor(private readonly table: { code(s: string): number }) {}

  code(s: string): number {
    if (s !== this.last) {
      this.last = s;
      this.lastCode = this.table.code(s);
    }
    return this.lastCode;
  }
}

/**
 * Blocks built as observations arrive, against a dictionary extended in place.
 * @example const b = new BlockBuilder(emptyDictionary('')); b.addAll(records); const encoded = b.finish()
 */
export class BlockBuilder {
  private readonly blocks: BlockRecord[] = [];
  private readonly open = new Map<string, OpenBlock>();
  private readonly index = new Map<string, number>();
  private readonly periods = new Map<string, Set<number>>();
  /** The dataset position of the next value; `first` of the first one added here. */
  private count: number;
  private readonly first: number;
  private lastIndicator: string | undefined;
  private lastBlock: OpenBlock | undefined;
  // One coder per column, each its own object: a lookup keyed by the column's name was a
  // megamorphic property access per string per value.
  private readonly region = new RunCoder(this);
  private readonly period = new RunCoder(this);
  private readonly unit = new RunCoder(this);
  private readonly regionCode = new RunCoder(this);
  private readonly periodLabel = new RunCoder(this);
  private readonly displayUnit = new RunCoder(this);
  private readonly sourceColumn = new RunCoder(this);
  private readonly lastEnums: {
    grain: Grain | undefined;
    kind: ValueKind | undefined;
    changeType: BlockFields['changeType'];
    code: number;
  } = {
    grain: undefined,
    kind: undefined,
    changeType: undefined,
    code: 0,
  };

  constructor(private readonly dict: DictionaryRecord) {
    dict.strings.forEach((s, i) => this.index.set(s, i));
    for (const [name, codes] of dict.indicatorPeriods) this.periods.set(name, new Set(codes));
    this.count = this.first = dict.count;
  }

  /** Code every observation of `records` into its indicator's block, in order. */
  addAll(records: readonly Observation[]): void {
    const f = emptyFields();
    for (let i = 0; i < records.length; i++) this.add(fieldsOf(records[i], f));
  }

  /** Code one observation, given as the walk's fields (read at once, not kept). */
  add(o: Readonly<BlockFields>): void {
    let b = this.lastBlock;
    if (o.indicator !== this.lastIndicator || b === undefined) {
      b = this.open.get(o.indicator);
      if (!b) {
        this.open.set(o.indicator, (b = new OpenBlock(FIRST_CAPACITY)));
        if (!this.periods.has(o.indicator)) this.periods.set(o.indicator, new Set());
      }
      this.lastIndicator = o.indicator;
      this.lastBlock = b;
    }
    b.reserve();
    const k = b.n++;
    b.pos[k] = this.count++;
    b.value[k] = o.value;
    b.region[k] = this.region.code(o.region);
    const period = this.period.code(o.period);
    b.period[k] = period;
    if (period !== b.lastPeriod) {
      this.periods.get(o.indicator)!.add(period);
      b.lastPeriod = period;
    }
    b.unit[k] = this.unit.code(o.unit);
    if (o.regionCode !== undefined) b.column('regionCode')[k] = this.regionCode.code(o.regionCode) + 1;
    if (o.periodLabel !== undefined) b.column('periodLabel')[k] = this.periodLabel.code(o.periodLabel) + 1;
    if (o.displayUnit !== undefined) b.column('displayUnit')[k] = this.displayUnit.code(o.displayUnit) + 1;
    let flags = 0;
    if (o.approximate !== undefined) flags |= HAS_APPROXIMATE | (o.approximate ? APPROXIMATE : 0);
    if (o.isTotal !== undefined) flags |= HAS_IS_TOTAL | (o.isTotal ? IS_TOTAL : 0);
    if (o.target !== undefined) {
      flags |= HAS_TARGET;
      b.targetColumn()[k] = o.target;
    }
    if (o.row !== undefined) {
      flags |= HAS_SOURCE;
      b.sourceRow()[k] = o.row;
      if (o.column !== undefined) b.column('sourceColumn')[k] = this.sourceColumn.code(o.column) + 1;
    }
    if (o.sourceText !== undefined) b.column('sourceText')[k] = this.code(o.sourceText) + 1;
    if (o.citations !== undefined) b.column('citations')[k] = this.code(encodeCitations(o.citations)) + 1;
    b.flags[k] = flags;
    if (o.grain !== undefined || o.kind !== undefined || o.changeType !== undefined) b.codes[k] = this.enums(o.grain, o.kind, o.changeType);
    if (b.n === WRITE_BLOCK_SIZE) this.close(o.indicator, b);
  }

  /** The grain, kind and change type as one byte; a file's values mostly share them, so the last is kept. */
  private enums(grain: Grain | undefined, kind: ValueKind | undefined, changeType: BlockFields['changeType']): number {
    const last = this.lastEnums;
    if (grain !== last.grain || kind !== last.kind || changeType !== last.changeType) {
      last.code = enumCode(GRAINS, grain) | (enumCode(VALUE_KINDS, kind) << 3) | (enumCode(CHANGE_TYPES, changeType) << 5);
      last.grain = grain;
      last.kind = kind;
      last.changeType = changeType;
    }
    return last.code;
  }

  /** Write out every open block and give the blocks with their dictionary. */
  finish(): EncodedColumns {
    for (const [indicator, b] of this.open) this.close(indicator, b);
    const dict = this.dict;
    dict.indicatorPeriods = [...this.periods].map(([name, set]) => [name, [...set]]);
    dict.count = this.count;
    return { blocks: this.blocks, dictionary: dict, count: this.count - this.first };
  }

  /** The dictionary code of `s`, added if new. */
  code(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.dict.strings.length;
      this.dict.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  /** The block as the store holds it: one buffer, columns by width (store/columns.ts `ColumnBuffer`). */
  private close(indicator: string, b: OpenBlock): void {
    this.open.delete(indicator);
    if (this.lastBlock === b) this.lastBlock = undefined;
    const n = b.n;
    if (n === 0) return;
    const optional = OPTIONAL.filter((c) => b.optional[c] !== undefined);
    // Optional columns hold code + 1, so 16 bits hold codes up to 65,534.
    const codeBytes = this.dict.strings.length < 0xffff ? 2 : 4;
    const wide = b.target ? 2 : 1;
    const u32 = b.row ? 2 : 1;
    const buffer = new ArrayBuffer(n * (8 * wide + 4 * u32 + codeBytes * (3 + optional.length) + 2));
    let offset = 0;
    const f64 = (from: Float64Array): Float64Array => {
      const view = new Float64Array(buffer, offset, n);
      view.set(from.subarray(0, n));
      offset += 8 * n;
      return view;
    };
    const u32View = (from: Uint32Array): Uint32Array => {
      const view = new Uint32Array(buffer, offset, n);
      view.set(from.subarray(0, n));
      offset += 4 * n;
      return view;
    };
    const codes = (from: Uint32Array): CodeColumn => {
      const view = codeBytes === 2 ? new Uint16Array(buffer, offset, n) : new Uint32Array(buffer, offset, n);
      view.set(from.subarray(0, n));
      offset += codeBytes * n;
      return view;
    };
    const u8 = (from: Uint8Array): Uint8Array => {
      const view = new Uint8Array(buffer, offset, n);
      view.set(from.subarray(0, n));
      offset += n;
      return view;
    };
    const value = f64(b.value);
    const target = b.target ? f64(b.target) : undefined;
    const pos = u32View(b.pos);
    const row = b.row ? u32View(b.row) : undefined;
    const block: BlockRecord = {
      datasetId: this.dict.datasetId,
      seq: this.dict.nextSeq++,
      indicator,
      count: n,
      pos,
      region: codes(b.region),
      period: codes(b.period),
      unit: codes(b.unit),
      value,
      flags: new Uint8Array(0),
      codes: new Uint8Array(0),
    };
    for (const c of optional) block[c] = codes(b.optional[c]!);
    block.flags = u8(b.flags);
    block.codes = u8(b.codes);
    if (target) block.target = target;
    if (row) block.row = row;
    this.blocks.push(block);
  }
}
