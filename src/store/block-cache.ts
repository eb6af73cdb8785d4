/**
 * Column blocks kept in memory after they were read, so that switching indicator or period is a
 * decode of typed arrays (a few ms) rather than an IndexedDB read (50–200 ms on a loaded machine).
 * Entries belong to a dataset *version*: a complete dataset's blocks change only when rows are
 * appended, which raises its row count, so `id + rowCount + importedAt` names its content and a
 * stale entry can never be served. Bounded by bytes; beyond the bound blocks are read each time.
 */
import type { Dataset } from '../domain/types';
import type { BlockRecord, StoreDb } from './db';

/** The most block bytes kept (typed arrays' byteLength): 1M values take about 30–60 MB. */
const MAX_BYTES = 160 * 1024 * 1024;
/** A generous estimate of a stored value's size, for deciding whether a whole dataset fits. */
const BYTES_PER_VALUE = 64;

interface DatasetEntry {
  strings: readonly string[];
  /** Indicator → its blocks in sequence order. */
  byIndicator: Map<string, BlockRecord[]>;
  /** Every block of the dataset is here: an indicator not in `byIndicator` has none. */
  whole: boolean;
}

const entries = new Map<string, DatasetEntry>();
let bytes = 0;
/** Dataset versions `readAllBlocks` has read (kept whole or not). */
const warmed = new Set<string>();

function keyOf(d: Pick<Dataset, 'id' | 'rowCount' | 'importedAt'>): string {
  return `${d.id}\u0000${d.rowCount}\u0000${d.importedAt}`;
}

function sizeOf(block: BlockRecord): number {
  let n = 0;
  for (const v of Object.values(block)) if (ArrayBuffer.isView(v)) n += v.byteLength;
  return n;
}

/** Forget entries of dataset versions no longer among `current` (deleted, replaced, appended to). */
function prune(current: readonly Dataset[]): void {
  const keep = new Set(current.map(keyOf));
  for (const key of warmed) if (!keep.has(key)) warmed.delete(key);
  for (const [key, entry] of entries) {
    if (keep.has(key)) continue;
    for (const blocks of entry.byIndicator.values()) for (const b of blocks) bytes -= sizeOf(b);
    entries.delete(key);
  }
}

/** Keep `blocks` for a dataset version when the bound allows; says whether they were kept. */
function remember(d: Dataset, strings: readonly string[], indicator: string, blocks: BlockRecord[]): boolean {
  const key = keyOf(d);
  // Two reads of the same indicator can overlap: the first one's blocks are kept, counted once.
  if (entries.get(key)?.byIndicator.has(indicator)) return true;
  const size = blocks.reduce((n, b) => n + sizeOf(b), 0);
  if (bytes + size > MAX_BYTES) return false;
  let entry = entries.get(key);
  if (!entry) entries.set(key, (entry = { strings, byIndicator: new Map(), whole: false }));
  entry.byIndicator.set(indicator, blocks);
  bytes += size;
  return true;
}

/**
 * One indicator's blocks in some of the complete datasets (`datasets`, among all of them:
 * `complete`), with each dataset's strings: from memory where possible, else read (and kept).
 * @internal For the store's queries.
 */
export async function indicatorBlocks(
  db: StoreDb,
  indicator: string,
  datasets: readonly Dataset[],
  complete: readonly Dataset[],
): Promise<{ blocks: Map<string, BlockRecord[]>; strings: Map<string, readonly string[]> }> {
  prune(complete);
  const blocks = new Map<string, BlockRecord[]>();
  const strings = new Map<string, readonly string[]>();
  const missing: Dataset[] = [];
  for (const d of datasets) {
    const entry = entries.get(keyOf(d));
    const cached = entry?.byIndicator.get(indicator) ?? (entry?.whole ? [] : undefined);
    if (entry && cached) {
      blocks.set(d.id, cached);
      strings.set(d.id, entry.strings);
    } else missing.push(d);
  }
  if (missing.length === 0) return { blocks, strings };
  const wanted = new Set(missing.map((d) => d.id));
  const read = (await db.blocks.where('indicator').equals(indicator).toArray()).filter((b) => wanted.has(b.datasetId));
  const dicts = await db.dictionaries.bulkGet(missing.map((d) => d.id));
  missing.forEach((d, i) => {
    const mine = read.filter((b) => b.datasetId === d.id).sort((a, b) => a.seq - b.seq);
    const dictStrings = entries.get(keyOf(d))?.strings ?? dicts[i]?.strings ?? [];
    blocks.set(d.id, mine);
    strings.set(d.id, dictStrings);
    remember(d, dictStrings, indicator, mine);
  });
  return { blocks, strings };
}

/**
 * Read every block of the given complete datasets into memory, one block per IndexedDB read, with
 * `pause()` awaited before each, so that the page's own reads and redraws go first: a cursor over
 * a dataset decoded ~100 blocks in a row, and a switch of indicator made during that waited for
 * them (first switch after a reload at 1M rows: ~250 ms instead of ~150). Stops at the byte bound.
 * @internal Through `warmBlockCache` in observations.ts.
 */
export async function readAllBlocks(db: StoreDb, datasets: readonly Dataset[], pause: () => Promise<void>): Promise<void> {
  prune(datasets);
  for (const d of datasets) {
    const key = keyOf(d);
    // Read once per dataset version: one that did not fit is not read again after every switch.
    if (warmed.has(key)) continue;
    warmed.add(key);
    // A dataset that would not fit is not read at all: its blocks are read per indicator instead.
    if (bytes + d.rowCount * BYTES_PER_VALUE > MAX_BYTES) continue;
    const dict = await db.dictionaries.get(d.id);
    if (!dict) continue;
    const found = new Map<string, BlockRecord[]>();
    for (const primaryKey of await db.blocks.where('datasetId').equals(d.id).primaryKeys()) {
      await pause();
      const b = await db.blocks.get(primaryKey);
      // Gone meanwhile (the dataset was replaced or deleted): the next warm reads the new version.
      if (!b) return;
      const list = found.get(b.indicator) ?? [];
      list.push(b);
      found.set(b.indicator, list);
    }
    let full = true;
    for (const [indicator, list] of found) {
      if (entries.get(key)?.byIndicator.has(indicator)) continue;
      if (!remember(d, dict.strings, indicator, list.sort((a, b) => a.seq - b.seq))) full = false;
    }
    const entry = entries.get(key);
    if (entry && full) entry.whole = true;
    if (!full) return;
  }
}

/** Forget everything (tests, and when the database is closed). */
export function clearBlockCache(): void {
  entries.clear();
  warmed.clear();
  bytes = 0;
  complete = undefined;
}

let complete: Promise<Dataset[]> | undefined;

/**
 * The complete datasets in import order, read once and kept until the next write: every write
 * announces itself (`announce` in open.ts, here and to other tabs), which forgets the list. Saves
 * a database round trip on every switch of indicator or period.
 * @internal For the store's queries.
 */
export function completeDatasets(db: StoreDb): Promise<Dataset[]> {
  complete ??= db.datasets
    .where('status')
    .equals('complete')
    .toArray()
    // Import order, so a series reads the same however its ids were generated.
    .then((list) => list.sort((a, b) => a.importedAt.localeCompare(b.importedAt)));
  // A failed read is not kept: the next query reads again.
  complete.catch(() => (complete = undefined));
  return complete;
}

/** Forget the list of complete datasets (after any write, here or in another tab). */
export function forgetCompleteDatasets(): void {
  complete = undefined;
}
