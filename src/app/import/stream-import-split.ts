/**
 * A large delimited file read by two workers at once (issue 20: the import ran on one core while
 * the machine has two). The import worker reads the file's first part and plans the table; a
 * second worker reads the rest with that plan (ingest-stream.ts `readPart`) into blocks of its
 * own, which are joined to the first part's here: their strings coded in the first part's
 * dictionary, their positions, rows and block numbers moved past the first part's, their regions
 * counted on. A second part that cannot give what one read would (a quote, a cell filled from the
 * first part, a duplicate of a first-part value, another encoding) is dropped and the file read
 * again in one part (`ingestStream`); tests/unit/ingest/ingest-split.test.ts compares the two.
 */
import { VALUE_KINDS } from '../../domain/types';
import type { FirstPart, PartJob, PartOutcome, PartReader, ByteSource } from '../../ingest/ingest-stream';
import { readPart } from '../../ingest/ingest-stream';
import { CHANGE_TYPES, OPTIONAL_STRING_COLUMNS, emptyDictionary } from '../../store/columns';
import type { BlockRecord, CodeColumn } from '../../store/db';
import type { EncodedColumns } from '../../store/put-columns';
import { BlockBuilder } from './stream-import-blocks';
import { RegionTally, type RegionCount } from './stream-import-regions';

/** A second part read: its walk's outcome, its blocks and its regions. */
export interface PartRead {
  outcome: PartOutcome;
  encoded: EncodedColumns;
  regions: RegionCount[];
}

/**
 * Read a second part into blocks of its own (the second worker's work, and the tests').
 * @example const read = await readPartBlocks(job, source)
 */
export async function readPartBlocks(
  job: PartJob,
  source: ByteSource,
  onProgress?: (done: number) => void,
  stopped?: () => boolean,
  readBytes?: number,
): Promise<PartRead> {
  const builder = new BlockBuilder(emptyDictionary(''));
  const tally = new RegionTally();
  const outcome = await readPart(
    job,
    source,
    (f) => {
      tally.addOne(f);
      builder.add(f);
    },
    onProgress,
    stopped,
    readBytes,
  );
  return { outcome, encoded: builder.finish(), regions: tally.entries() };
}

/**
 * The first part's side of a second reader: `ask` starts a part's read elsewhere (a worker, or
 * at once in tests) and resolves with it. Once joined, `taken()` gives the part to `joinBlocks`.
 */
export class SecondPart implements PartReader {
  private pending: Promise<PartRead> | undefined;
  private read: PartRead | undefined;
  private rowsBefore = 0;

  constructor(
    private readonly ask: (job: PartJob) => Promise<PartRead>,
    private readonly stop: () => void = () => undefined,
    readonly from?: number,
  ) {}

  start(job: PartJob): void {
    this.read = undefined;
    this.pending = this.ask(job);
    // A part dropped unheard (the first part failed first) must not fail unheard; awaited, it throws.
    this.pending.catch(() => undefined);
  }

  async finish(first: FirstPart): Promise<PartOutcome> {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return failed('error');
    let read: PartRead;
    try {
      read = await pending;
    } catch {
      return failed('error');
    }
    if (read.outcome.failed === undefined && hasDuplicateOf(read.encoded, first)) return failed('duplicate');
    this.read = read;
    this.rowsBefore = first.rows;
    return read.outcome;
  }

  cancel(): void {
    if (this.pending) this.stop();
    this.pending = undefined;
    this.read = undefined;
  }

  /** The part joined by the last read, once (undefined when the file was read in one part). */
  taken(): { read: PartRead; rowsBefore: number } | undefined {
    const read = this.read;
    this.read = undefined;
    return read && { read, rowsBefore: this.rowsBefore };
  }
}

function failed(why: NonNullable<PartOutcome['failed']>): PartOutcome {
  return { failed: why, rows: 0, count: 0, issues: [], notes: [], replacement: false, missedFill: [] };
}

/** Whether a value of the second part has the key of one the first part kept (one read would drop it as a duplicate). */
function hasDuplicateOf(encoded: EncodedColumns, first: FirstPart): boolean {
  const strings = encoded.dictionary.strings;
  for (const b of encoded.blocks) {
    const code = b.regionCode;
    for (let k = 0; k < b.count; k++) {
      const c = b.codes[k];
      const kind = (c >> 3) & 3 ? VALUE_KINDS[((c >> 3) & 3) - 1] : undefined;
      const changeType = c >> 5 ? CHANGE_TYPES[(c >> 5) - 1] : undefined;
      const fileCode = code && code[k] > 0 ? strings[code[k] - 1] : '';
      if (first.hasKey(b.indicator, fileCode, strings[b.region[k]], strings[b.period[k]], kind, changeType)) return true;
    }
  }
  return false;
}

/**
 * Join a second part's blocks to the first part's (`into`, finished): its strings coded in the
 * first's dictionary (in the order one read would have added them), its positions after the
 * first's values, its source rows after the first's `rowsBefore` rows, its blocks numbered on.
 * @example joinBlocks(builder.finish(), part.read.encoded, part.rowsBefore)
 */
export function joinBlocks(into: EncodedColumns, part: EncodedColumns, rowsBefore: number): void {
  const dict = into.dictionary;
  const index = new Map<string, number>();
  dict.strings.forEach((s, i) => index.set(s, i));
  const remap = part.dictionary.strings.map((s) => {
    let i = index.get(s);
    if (i === undefined) {
      i = dict.strings.length;
      dict.strings.push(s);
      index.set(s, i);
    }
    return i;
  });
  // Optional columns hold code + 1: 16 bits hold codes up to 65,534 (as the builder decides).
  const wide = dict.strings.length >= 0xffff;
  const coded = (column: CodeColumn, plusOne: boolean): CodeColumn => {
    const out = wide && column instanceof Uint16Array ? new Uint32Array(column.length) : column;
    for (let k = 0; k < column.length; k++) {
      const c = column[k];
      out[k] = plusOne ? (c > 0 ? remap[c - 1] + 1 : 0) : remap[c];
    }
    return out;
  };
  const positions = dict.count;
  for (const b of part.blocks) {
    const block: BlockRecord = { ...b, datasetId: dict.datasetId, seq: dict.nextSeq++ };
    block.region = coded(b.region, false);
    block.period = coded(b.period, false);
    block.unit = coded(b.unit, false);
    for (const name of OPTIONAL_STRING_COLUMNS) {
      const column = b[name];
      if (column) block[name] = coded(column, true);
    }
    for (let k = 0; k < b.count; k++) b.pos[k] += positions;
    if (b.row) for (let k = 0; k < b.count; k++) b.row[k] += rowsBefore;
    into.blocks.push(block);
  }
  const periods = new Map(dict.indicatorPeriods.map(([name, codes]) => [name, codes]));
  for (const [name, codes] of part.dictionary.indicatorPeriods) {
    let own = periods.get(name);
    if (!own) {
      own = [];
      periods.set(name, own);
      dict.indicatorPeriods.push([name, own]);
    }
    const has = new Set(own);
    for (const c of codes) {
      const m = remap[c];
      if (!has.has(m)) {
        has.add(m);
        own.push(m);
      }
    }
  }
  dict.count += part.count;
  into.count += part.count;
}
