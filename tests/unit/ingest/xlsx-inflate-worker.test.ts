import { describe, expect, it, vi } from 'vitest';
import { deflateRawSync, crc32 } from 'node:zlib';
import type { InflateReply, InflateRequest } from '../../../src/ingest/xlsx/inflate-messages';

/** The worker's scope as the worker sees it: messages in through its listener; `reply(i)` waits for the i-th reply. */
async function startWorker(): Promise<{ send: (msg: InflateRequest) => void; reply: (i: number) => Promise<InflateReply>; replies: InflateReply[] }> {
  let listener: ((e: { data: InflateRequest }) => void) | undefined;
  const replies: InflateReply[] = [];
  let wake: (() => void) | undefined;
  vi.stubGlobal('self', {
    addEventListener: (_type: string, fn: (e: { data: InflateRequest }) => void) => (listener = fn),
    postMessage: (msg: InflateReply) => {
      replies.push(msg);
      wake?.();
    },
  });
  vi.resetModules();
  await import('../../../src/ingest/xlsx/inflate-worker');
  vi.unstubAllGlobals();
  const reply = async (i: number): Promise<InflateReply> => {
    while (replies.length <= i) await new Promise<void>((resolve) => (wake = resolve));
    return replies[i];
  };
  return { send: (msg) => listener?.({ data: msg }), reply, replies };
}

describe('inflate worker: batches of the inflated bytes, at most three ahead of the reader', () => {
  it.each([
    ['empty', 0],
    ['under one batch', 300_000],
    ['exactly two batches', 2 << 20],
    ['four batches and a bit', 4 * (1 << 20) + 12_345],
  ])('%s (%i bytes)', async (_name, size) => {
    const raw = new Uint8Array(size);
    for (let i = 0; i < size; i++) raw[i] = (i * 7919) % 251;
    const body = new Uint8Array(deflateRawSync(raw));
    const { send, reply, replies } = await startWorker();
    const bodyCopy = body.slice();
    send({ type: 'inflate', body: bodyCopy.buffer, crc32: crc32(raw), size });
    const out: Uint8Array[] = [];
    for (let i = 0; ; i++) {
      const next = await reply(i);
      // Never more than three batches waiting for the reader.
      expect(replies.filter((r) => r.type === 'bytes').length - out.length).toBeLessThanOrEqual(3);
      if (next.type === 'end') break;
      if (next.type !== 'bytes') throw new Error(next.type === 'error' ? next.message : 'unexpected');
      out.push(next.bytes.slice(0, next.length));
      send({ type: 'taken' });
    }
    const joined = new Uint8Array(out.reduce((n, b) => n + b.length, 0));
    out.reduce((at, b) => (joined.set(b, at), at + b.length), 0);
    // Compared as one buffer: a deep equality over megabytes of elements takes minutes.
    expect(Buffer.compare(joined, raw)).toBe(0);
    expect(out.length).toBe(Math.ceil(size / (1 << 20)));
  });

  it('says what went wrong with a damaged body', async () => {
    const { send, reply } = await startWorker();
    send({ type: 'inflate', body: new Uint8Array([0xff, 0xff, 0xff, 0xff]).buffer, crc32: 0, size: 10 });
    expect((await reply(0)).type).toBe('error');
  });
});
