/**
 * Embed payloads: any JSON value (a validated view spec plus its data snapshot) as URL-safe text.
 * `g.` + base64url of gzip-compressed JSON where `CompressionStream` exists (browsers and
 * Node ≥ 18), else `j.` + base64url of the JSON. The prefix says which, so either reader works.
 * gzip, not deflate-raw: an embed made in a current browser is opened on desktops whose kernel
 * (Chromium 86) streams only gzip and deflate; `d.` (deflate-raw) links made before still open
 * where the browser streams it.
 * Decoding is bounded: a small hostile payload cannot inflate into gigabytes.
 */
import { streamsDeflateRaw } from '../domain/deflate';
import { translate, type Locale } from '../domain/messages/index';

/** The result of decoding: the parsed JSON value, or sentences saying why it could not be read. */
export type PayloadResult = { ok: true; value: unknown } | { ok: false; errors: string[] };

/** Largest decoded JSON accepted by default, in bytes. */
export const MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

const COMPRESSED = 'g.';
const COMPRESSED_RAW = 'd.';
const PLAIN = 'j.';

/** Binary → base64url without padding, in slices so large payloads do not overflow the call stack. */
function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url → binary; throws on characters outside the alphabet. */
function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Read a stream to its end, giving up as soon as it passes `max` bytes. */
async function readBounded(
  stream: ReadableStream<Uint8Array>,
  max: number,
): Promise<Uint8Array<ArrayBuffer> | 'too_large'> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      return 'too_large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

const canCompress = (): boolean => typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/**
 * Encode a JSON value as URL-safe text; compressed unless `compress: false` or unavailable.
 * @example await encodePayload({ spec, observations }) // 'd.q1YqS8wpTVWyUkrOz…'
 */
export async function encodePayload(value: unknown, options: { compress?: boolean } = {}): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(value));
  if (options.compress === false || !canCompress()) return PLAIN + toBase64Url(json);
  const compressed = await readBounded(streamOf(json).pipeThrough(new CompressionStream('gzip')), Infinity);
  return COMPRESSED + toBase64Url(compressed as Uint8Array);
}

/**
 * Decode text made by `encodePayload`. Never throws: damaged, truncated, oversized or non-JSON
 * input comes back as `{ ok: false }` with a sentence in `locale`.
 * @example await decodePayload('j.eyJhIjoxfQ') // { ok: true, value: { a: 1 } }
 */
export async function decodePayload(
  text: string,
  options: { maxBytes?: number; locale?: Locale } = {},
): Promise<PayloadResult> {
  const max = options.maxBytes ?? MAX_PAYLOAD_BYTES;
  const locale = options.locale ?? 'zh';
  const invalid: PayloadResult = { ok: false, errors: [translate(locale, 'export.payload.invalid')] };
  const tooLarge: PayloadResult = { ok: false, errors: [translate(locale, 'export.payload.too_large', { max })] };
  try {
    const prefix = text.slice(0, 2);
    if (prefix !== COMPRESSED && prefix !== COMPRESSED_RAW && prefix !== PLAIN) return invalid;
    // base64 holds 3 bytes in 4 characters; refuse before decoding anything that cannot fit.
    if (prefix === PLAIN && (text.length - 2) * 0.75 > max) return tooLarge;
    let bytes = fromBase64Url(text.slice(2));
    if (prefix !== PLAIN) {
      if (!canCompress() || (prefix === COMPRESSED_RAW && !streamsDeflateRaw())) return invalid;
      const format = prefix === COMPRESSED ? 'gzip' : 'deflate-raw';
      const inflated = await readBounded(streamOf(bytes).pipeThrough(new DecompressionStream(format)), max);
      if (inflated === 'too_large') return tooLarge;
      bytes = inflated;
    }
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return invalid;
  }
}
