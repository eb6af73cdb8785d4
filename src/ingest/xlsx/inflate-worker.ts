/**
 * A sheet's inflate, in a worker of its own beside the import worker: on two cores the import
 * worker decodes and reads the cells of one batch while this one inflates the next. Inflating was
 * ~40% of a 100k-row sheet's read (docs/performance.md, session 13). Batches of ~1 MB are
 * transferred, never copied; at most `AHEAD` wait unread, so a reader slower than the inflate
 * holds a few megabytes, not the sheet.
 */
import { inflateRawStream } from '../../domain/deflate';
import type { InflateReply, InflateRequest } from './inflate-messages';

/** Bytes per batch posted. */
const BATCH_BYTES = 1 << 20;
/** Batches posted and not yet taken by the reader. */
const AHEAD = 3;

const scope = self as unknown as {
  addEventListener(type: 'message', listener: (e: MessageEvent<InflateRequest>) => void): void;
  postMessage(message: InflateReply, transfer?: Transferable[]): void;
};

let credits = AHEAD;
let wake: (() => void) | undefined;

scope.addEventListener('message', (e) => {
  const msg = e.data;
  if (msg.type === 'inflate') {
    inflate(msg).catch((err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
  } else if (msg.type === 'taken') {
    credits++;
    wake?.();
  }
});

async function inflate(msg: Extract<InflateRequest, { type: 'inflate' }>): Promise<void> {
  const reader = inflateRawStream(new Uint8Array(msg.body), msg).getReader();
  let batch = new Uint8Array(BATCH_BYTES);
  let length = 0;
  const post = async (): Promise<void> => {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    scope.postMessage({ type: 'bytes', bytes: batch, length }, [batch.buffer]);
    batch = new Uint8Array(BATCH_BYTES);
    length = 0;
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    let at = 0;
    while (at < value.length) {
      const n = Math.min(value.length - at, BATCH_BYTES - length);
      batch.set(value.subarray(at, at + n), length);
      length += n;
      at += n;
      if (length === BATCH_BYTES) await post();
    }
  }
  if (length > 0) await post();
  scope.postMessage({ type: 'end' });
}
