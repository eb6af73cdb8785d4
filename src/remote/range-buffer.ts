/**
 * A file on a web server as hyparquet's `AsyncBuffer`: each slice is one HTTP range request,
 * each answered range is kept (bounded), and the bytes that came over the network are counted,
 * for the benchmark and the "bytes for one view" budget. A server that ignores ranges (answers
 * 200 with the whole file) is refused for large files rather than downloading them whole.
 */
import type { AsyncBuffer } from 'hyparquet';
import { isCrossOrigin, refusal } from './cross-origin';
import { takeEarlyManifest, takeEarlyRange } from './early-remote';

/** A whole-file answer is accepted up to this size (small files on servers without ranges). */
const WHOLE_FILE_MAX = 8 * 1024 * 1024;
/** Bytes of answered ranges kept per file. */
const CACHE_MAX = 64 * 1024 * 1024;

/** Why a remote read failed, as an issue code and its details. */
export class RemoteError extends Error {
  constructor(
    readonly code: 'remote_http' | 'remote_no_ranges' | 'remote_unreachable' | 'remote_csp' | 'remote_cors',
    readonly params: Record<string, string | number>,
  ) {
    super(code);
  }
}

/** Bytes received, over every remote file of the page. */
export const transfer = { bytes: 0, requests: 0 };

/**
 * An AsyncBuffer over `url`; `byteLength` from the manifest saves a HEAD request.
 * @example const file = await rangeBuffer('data/ind-01.parquet', 123456)
 */
export async function rangeBuffer(url: string, byteLength?: number): Promise<AsyncBuffer> {
  const length = byteLength ?? (await headLength(url));
  let cached = 0;
  const fetchRange = async (start: number, end: number): Promise<ArrayBuffer> => {
    const res = (await early(takeEarlyRange(url, start, end))) ?? (await request(url, { headers: { Range: `bytes=${start}-${end - 1}` } }));
    if (res.status === 200) {
      // The server sent the whole file: fine for a small one, never for a dataset.
      if (length > WHOLE_FILE_MAX) throw new RemoteError('remote_no_ranges', { url });
      const whole = await res.arrayBuffer();
      count(whole.byteLength);
      return whole.slice(start, end);
    }
    if (res.status !== 206) throw new RemoteError('remote_http', { url, status: res.status });
    const part = await res.arrayBuffer();
    count(part.byteLength);
    return part;
  };
  // Answered ranges, so that a slice inside one (a small file's columns inside its footer read)
  // is cut from it rather than asked again.
  const ranges: { start: number; end: number; bytes: Promise<ArrayBuffer> }[] = [];
  return {
    byteLength: length,
    slice(start: number, end?: number): Promise<ArrayBuffer> {
      const stop = end ?? length;
      const inside = ranges.find((r) => r.start <= start && stop <= r.end);
      if (inside) return inside.bytes.then((b) => b.slice(start - inside.start, stop - inside.start));
      const answer = fetchRange(start, stop);
      if (cached + (stop - start) <= CACHE_MAX) {
        const entry = { start, end: stop, bytes: answer };
        ranges.push(entry);
        cached += stop - start;
        // A failed read is asked again next time.
        answer.catch(() => {
          ranges.splice(ranges.indexOf(entry), 1);
          cached -= stop - start;
        });
      }
      return answer;
    },
  };
}

/**
 * A small file's text (a manifest), counted like the ranges.
 * @example const text = await fetchText('manifest.json')
 */
export async function fetchText(url: string): Promise<string> {
  const res = (await early(takeEarlyManifest(url))) ?? (await request(url, { cache: 'no-cache' }));
  if (!res.ok) throw new RemoteError('remote_http', { url, status: res.status });
  const text = await res.text();
  count(text.length);
  return text;
}

async function headLength(url: string): Promise<number> {
  const res = await request(url, { method: 'HEAD' });
  const length = Number(res.headers.get('Content-Length'));
  if (!res.ok || !Number.isSafeInteger(length) || length < 0) throw new RemoteError('remote_http', { url, status: res.status });
  return length;
}

async function request(url: string, init: RequestInit): Promise<Response> {
  // Another origin the page's policy does not list: said before asking (cross-origin.ts).
  const refused = refusal(url);
  if (refused) throw new RemoteError(refused.code, { url, origin: refused.origin, page: location.origin });
  transfer.requests++;
  try {
    return await fetch(url, init);
  } catch {
    // fetch rejects without a status: another origin without CORS, file:// pages, no network.
    const origin = isCrossOrigin(url);
    if (origin) throw new RemoteError('remote_cors', { url, origin, page: location.origin });
    throw new RemoteError('remote_unreachable', { url });
  }
}

/** An answer public/early-remote.js had asked for, counted as a request of the page's. */
async function early(answer: Promise<Response | undefined> | undefined): Promise<Response | undefined> {
  const res = answer && (await answer);
  if (res) transfer.requests++;
  return res;
}

function count(n: number): void {
  transfer.bytes += n;
}
