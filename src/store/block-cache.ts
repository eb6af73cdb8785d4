/**
 * Column blocks kept in memory after they were read, so that switching indicator or period is a
 * decode of typed arrays (a few ms) rather than an IndexedDB read (50–200 ms on a loaded machine).
 * Entries belong to a dataset *version*: a complete dataset's blocks change only when rows are
 * appended, which raises its row count, so `id + rowCount + importedAt` names its content and a
 * stale entry can never be served. Bounded by bytes; beyond the bound blocks are read each time.
 */
import type { Dataset } from '../domain/types';
import type { BlockRecord, StoreDb } from './db';
import type { WarmReply, WarmRequest } from './warm-worker';
import { inImportOrder } from './orders';

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
  // A dataset version's strings are kept with its first blocks read; only the others are read,
  // at the same time as the blocks.
  const unknown = missing.filter((d) => !entries.has(keyOf(d)));
  const [all, dicts] = await Promise.all([
    db.blocks.where('indicator').equals(indicator).toArray(),
    unknown.length > 0 ? db.dictionaries.bulkGet(unknown.map((d) => d.id)) : [],
  ]);
  const read = all.filter((b) => wanted.has(b.datasetId));
  const readStrings = new Map(unknown.map((d, i) => [d.id, dicts[i]?.strings]));
  missing.forEach((d) => {
    const mine = read.filter((b) => b.datasetId === d.id).sort((a, b) => a.seq - b.seq);
    const dictStrings = entries.get(keyOf(d))?.strings ?? readStrings.get(d.id) ?? [];
    blocks.set(d.id, mine);
    strings.set(d.id, dictStrings);
    remember(d, dictStrings, indicator, mine);
  });
  return { blocks, strings };
}

/**
 * Keep one indicator's blocks read without Dexie (the first page's early read, early-read.ts),
 * so the whole store's later reads of it are answered from memory as if it had read them.
 * @internal
 */
export function keepIndicatorBlocks(
  indicator: string,
  wanted: readonly Dataset[],
  complete: readonly Dataset[],
  blocks: ReadonlyMap<string, BlockRecord[]>,
  strings: ReadonlyMap<string, readonly string[]>,
): void {
  prune(complete);
  for (const d of wanted) remember(d, strings.get(d.id) ?? [], indicator, blocks.get(d.id) ?? []);
}

/**
 * The dataset versions of `datasets` still to warm, marked as warmed (each is read once: one
 * that did not fit is not read again after every switch). A dataset that would not fit is left
 * out: its blocks are read per indicator instead.
 */
function toWarm(datasets: readonly Dataset[]): Dataset[] {
  prune(datasets);
  const out: Dataset[] = [];
  let planned = bytes;
  for (const d of datasets) {
    const key = keyOf(d);
    if (warmed.has(key)) continue;
    warmed.add(key);
    if (!fits(d, planned)) continue;
    planned += d.rowCount * BYTES_PER_VALUE;
    out.push(d);
  }
  return out;
}

/** Whether `d` is warmed beside `held` bytes: the rule of the warming and of a write's blocks alike. */
function fits(d: Dataset, held: number): boolean {
  return held + d.rowCount * BYTES_PER_VALUE <= MAX_BYTES;
}

/** Keep every block of one dataset version, read whole; false when the bound stopped it. */
function keepWhole(d: Dataset, strings: readonly string[], all: readonly BlockRecord[]): boolean {
  const key = keyOf(d);
  const found = new Map<string, BlockRecord[]>();
  for (const b of all) {
    const list = found.get(b.indicator) ?? [];
    list.push(b);
    found.set(b.indicator, list);
  }
  let full = true;
  for (const [indicator, list] of found) {
    if (entries.get(key)?.byIndicator.has(indicator)) continue;
    if (!remember(d, strings, indicator, list.sort((a, b) => a.seq - b.seq))) full = false;
  }
  const entry = entries.get(key);
  if (entry && full) entry.whole = true;
  return full;
}

/**
 * Keep the blocks a write has just committed as a dataset version read whole, when it fits as
 * `toWarm` decides: the first chart after an import then reads nothing it has just written, and
 * the warming after it reads none of it again.
 * @internal For the store's writers.
 */
export function keepWrittenBlocks(d: Dataset, strings: readonly string[], blocks: readonly BlockRecord[]): void {
  const key = keyOf(d);
  if (warmed.has(key) || !fits(d, bytes)) return;
  warmed.add(key);
  keepWhole(d, strings, blocks);
}

/**
 * Read every block of the given complete datasets into memory on the page, one block per
 * IndexedDB read, with `pause()` awaited before each, so that the page's own reads and redraws go
 * first: a cursor over a dataset decoded ~100 blocks in a row, and a switch of indicator made
 * during that waited for them. Stops at the byte bound. For a database the warming worker cannot
 * open (in memory) and where there are no workers (Node).
 * @internal Through `warmBlockCache` in observations.ts.
 */
export async function readAllBlocks(db: StoreDb, datasets: readonly Dataset[], pause: () => Promise<void>): Promise<void> {
  for (const d of toWarm(datasets)) {
    const dict = await db.dictionaries.get(d.id);
    if (!dict) continue;
    const all: BlockRecord[] = [];
    for (const primaryKey of await db.blocks.where('datasetId').equals(d.id).primaryKeys()) {
      await pause();
      const b = await db.blocks.get(primaryKey);
      // Gone meanwhile (the dataset was replaced or deleted): the next warm reads the new version.
      if (!b) return;
      all.push(b);
    }
    if (!keepWhole(d, dict.strings, all)) return;
  }
}

/**
 * Read every block of the given complete datasets in a worker, which sends them over as they are
 * (typed arrays moved, not copied): reading and decoding 100 blocks takes the page no time, where
 * one block per idle moment on the page took 1–2 s at 1M rows, and the first switch of indicator
 * after a reload came before it had finished. A dataset written meanwhile is not kept (its
 * version is checked against the one the worker read). Resolves when the worker is done; a
 * failure only leaves the blocks to be read when asked for.
 * @internal Through `warmBlockCache` in observations.ts.
 */
export function readAllBlocksInWorker(dbName: string, datasets: readonly Dataset[]): Promise<void> {
  const todo = toWarm(datasets);
  if (todo.length === 0) return Promise.resolve();
  const current = new Map(todo.map((d) => [keyOf(d), d]));
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./warm-worker.ts', import.meta.url), { type: 'module' });
    const done = () => {
      worker.terminate();
      resolve();
    };
    worker.onmessage = (event: MessageEvent<WarmReply>) => {
      const reply = event.data;
      if (reply.kind !== 'dataset') return done();
      const d = current.get(keyOf(reply.dataset));
      if (d && !keepWhole(d, reply.strings, reply.blocks)) done();
    };
    worker.onerror = done;
    worker.postMessage({ dbName, ids: todo.map((d) => d.id) } satisfies WarmRequest);
  });
}

/** Forget everything (tests, and when the database is closed). */
export function clearBlockCache(): void {
  entries.clear();
  warmed.clear();
  bytes = 0;
  complete = undefined;
  completeKnown = undefined;
}

let complete: Promise<Dataset[]> | undefined;
/** `complete` once it has been read: a switch's read asks for its blocks without waiting a turn for it. */
let completeKnown: Dataset[] | undefined;

/**
 * The complete datasets in import order, read once and kept until the next write: every write
 * announces itself (`announce` in open.ts, here and to other tabs), which forgets the list. Saves
 * a database round trip on every switch of indicator or period.
 * @internal For the store's queries.
 */
export function completeDatasets(db: StoreDb): Promise<Dataset[]> {
  if (!complete) {
    const reading = db.datasets
      .where('status')
      .equals('complete')
      .toArray()
      .then(inImportOrder);
    complete = reading;
    reading.then(
      (list) => {
        if (complete === reading) completeKnown = list;
      },
      // A failed read is not kept: the next query reads again.
      () => {
        if (complete === reading) complete = undefined;
      },
    );
  }
  return complete;
}

/**
 * The complete datasets when `completeDatasets` has read them since the last write, else
 * undefined: without a promise's turn, so that a read started by a click is asked of the database
 * in the click's own task, before the page's update for the click runs (issue 20, the switch).
 * @internal For the store's queries.
 */
export function knownCompleteDatasets(): Dataset[] | undefined {
  return completeKnown;
}

/** Forget the list of complete datasets (after any write, here or in another tab). */
export function forgetCompleteDatasets(): void {
  complete = undefined;
  completeKnown = undefined;
}
