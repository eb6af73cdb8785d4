/**
 * The messages between a sheet's reader and its inflate worker (xlsx/inflate-worker.ts).
 */

/** To the worker: inflate `body` (raw DEFLATE; its CRC-32 and size for the gzip path below Chromium 103), or one more batch was taken. */
export type InflateRequest = { type: 'inflate'; body: ArrayBuffer; crc32: number; size: number } | { type: 'taken' };

/** From the worker: a batch of inflated bytes (`bytes[0, length)`), the end, or why it stopped. */
export type InflateReply = { type: 'bytes'; bytes: Uint8Array; length: number } | { type: 'end' } | { type: 'error'; message: string };
