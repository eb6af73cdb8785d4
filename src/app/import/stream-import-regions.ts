/**
 * Region matching for an import whose records are encoded as they are read (import-fast-worker):
 * the distinct regions are counted on the way, matched to the division table once the whole file
 * is known (the match reads every region of the file), and the codes written into the encoded
 * blocks afterwards. Holding a million records as objects until the end, to match them before
 * encoding, made the import's garbage collection its largest cost.
 */
import type { Observation } from '../../domain/types';
import { matchImportRegions, type RegionCodes, type RegionImportContext, type RegionMatchRow } from '../../regions/import-matches';
import type { BlockRecord, CodeColumn, DictionaryRecord } from '../../store/db';

/** `FLAG.isTotal` of the store's blocks (store/columns.ts): a total (合计) is not a division. */
const IS_TOTAL = 4;

/** A region counted: its name as written, the file's code, and how many values carry it. */
export interface RegionCount {
  region: string;
  code: string | undefined;
  values: number;
}

/**
 * Counts the distinct regions (name as written × the file's code) of the records seen, totals
 * left out, in first-seen order: what `matchImportRegions` counts from all the records at once.
 * @example const seen = new RegionTally(); seen.add(records); seen.match({ within: '230000' })
 */
export class RegionTally {
  private readonly index = new Map<string, Map<string, number>>();
  private readonly written: { record: Observation; values: number }[] = [];
  private lastRegion = '';
  private lastCode: string | undefined;
  private lastAt = -1;

  add(records: readonly Observation[]): void {
    for (let i = 0; i < records.length; i++) this.addOne(records[i]);
  }

  /** Count one record's region (the walk's fields or a record: its name, code and whether it is a total). */
  addOne(o: { readonly region: string; readonly regionCode?: string | undefined; readonly isTotal?: boolean | undefined }): void {
    if (o.isTotal) return;
    // A long table repeats a region for run after run of values: the last one's count is at hand.
    if (o.region === this.lastRegion && o.regionCode === this.lastCode && this.lastAt >= 0) {
      this.written[this.lastAt].values++;
      return;
    }
    let byCode = this.index.get(o.region);
    if (!byCode) this.index.set(o.region, (byCode = new Map()));
    let at = byCode.get(o.regionCode ?? '');
    if (at !== undefined) this.written[at].values++;
    else {
      at = this.written.length;
      byCode.set(o.regionCode ?? '', at);
      // One stand-in per region: its name, code and that it is no total are all the match reads.
      const record: Observation = { region: o.region, indicator: '', period: '', value: 0, unit: '' };
      if (o.regionCode !== undefined) record.regionCode = o.regionCode;
      this.written.push({ record, values: 1 });
    }
    this.lastRegion = o.region;
    this.lastCode = o.regionCode;
    this.lastAt = at;
  }

  /** The regions counted, in first-seen order: a second part's, to `merge` into the first's. */
  entries(): RegionCount[] {
    return this.written.map((w) => ({ region: w.record.region, code: w.record.regionCode, values: w.values }));
  }

  /** Count regions of the part of the file after the one counted here, as if counted on. */
  merge(entries: readonly RegionCount[]): void {
    for (const e of entries) {
      this.addOne({ region: e.region, regionCode: e.code });
      this.written[this.lastAt].values += e.values - 1;
    }
  }

  /** Match the regions counted; each row says how many records carry its region. */
  match(context: RegionImportContext | undefined): { rows: RegionMatchRow[]; codes: RegionCodes } {
    if (this.written.length === 0) return { rows: [], codes: new Map() };
    const matches = matchImportRegions(
      this.written.map((w) => w.record),
      context,
    );
    // One row per stand-in, in the same order: give each its real count.
    const rows = matches.rows.map((row, i) => ({ ...row, values: this.written[i].values }));
    return { rows, codes: matches.codes };
  }
}

/**
 * Give every encoded value the code its region was matched to, as `assignRegionCodes` does to
 * records: in the blocks' region-code column (added where a block had none), the codes added to
 * the dictionary. A 16-bit column that the new codes no longer fit is widened.
 * @example assignBlockCodes(encoded.blocks, encoded.dictionary, codes)
 */
export function assignBlockCodes(blocks: BlockRecord[], dictionary: DictionaryRecord, codes: RegionCodes): void {
  if (codes.size === 0) return;
  const strings = dictionary.strings;
  const index = new Map<string, number>();
  strings.forEach((s, i) => index.set(s, i));
  const codeOf = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  for (const block of blocks) {
    const n = block.count;
    const old = block.regionCode;
    let column: CodeColumn | undefined = old;
    for (let k = 0; k < n; k++) {
      if (block.flags[k] & IS_TOTAL) continue;
      const fileCode = old && old[k] > 0 ? strings[old[k] - 1] : undefined;
      const code = codes.get(strings[block.region[k]])?.get(fileCode ?? '');
      if (code === undefined || code === fileCode) continue;
      const value = codeOf(code) + 1;
      if (!column) column = new Uint32Array(n);
      else if (column instanceof Uint16Array && value > 0xffff) column = Uint32Array.from(column);
      column[k] = value;
    }
    if (column) block.regionCode = column;
  }
}
