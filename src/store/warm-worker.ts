/**
 * The block-cache warming worker (readAllBlocksInWorker in block-cache.ts): opens the database
 * through its own connection, reads each asked dataset whole (its record, strings and blocks in one
 * read-only transaction, so they belong together) and sends it over, moving the blocks' buffers.
 */
import type { Dataset } from '../domain/types';
import { StoreDb, type BlockRecord } from './db';

/** What the page asks: the database and the datasets to read, in order. */
export interface WarmRequest {
  dbName: string;
  ids: string[];
}

/** One complete dataset read whole, then `done` once (also after a failure). */
export type WarmReply = { kind: 'dataset'; dataset: Dataset; strings: string[]; blocks: BlockRecord[] } | { kind: 'done' };

const scope = self as unknown as { onmessage: ((e: MessageEvent<WarmRequest>) => void) | null; postMessage(m: WarmReply, transfer?: Transferable[]): void };

scope.onmessage = (event) => void warm(event.data);

async function warm({ dbName, ids }: WarmRequest): Promise<void> {
  const db = new StoreDb(dbName);
  try {
    await db.open();
    for (const id of ids) {
      const read = await db.transaction('r', db.datasets, db.dictionaries, db.blocks, async () => ({
        dataset: await db.datasets.get(id),
        dict: await db.dictionaries.get(id),
        blocks: await db.blocks.where('datasetId').equals(id).toArray(),
      }));
      if (read.dataset?.status !== 'complete' || !read.dict) continue;
      scope.postMessage({ kind: 'dataset', dataset: read.dataset, strings: read.dict.strings, blocks: read.blocks }, buffersOf(read.blocks));
    }
  } catch {
    // Only a speed-up: the page reads what it needs when asked.
  } finally {
    db.close();
    scope.postMessage({ kind: 'done' });
  }
}

/** Each block's buffers once (a block's columns share one). */
function buffersOf(blocks: readonly BlockRecord[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const b of blocks) {
    for (const v of Object.values(b)) if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.add(v.buffer);
  }
  return [...out];
}
