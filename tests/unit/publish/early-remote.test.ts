/**
 * public/early-remote.js asks for a remote dataset's manifest and first footers while the HTML is
 * parsed; the reader (remote/range-buffer.ts through remote/early-remote.ts) takes those answers
 * once, for exactly what it would ask itself, and asks again when they failed.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'espree';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchText, rangeBuffer, transfer } from '../../../src/remote/range-buffer';

const code = readFileSync('public/early-remote.js', 'utf8');
const PAGE = 'http://app.intranet/dash/index.html';
const MANIFEST = {
  datasets: [
    {
      id: 'county',
      files: [
        { path: 'county/ind-01.parquet', bytes: 100_000, indicators: ['指标01'] },
        { path: 'county/ind-02.parquet', bytes: 90_000, indicators: ['指标02'] },
        { path: 'http://elsewhere.intranet/ind-01.parquet', bytes: 90_000, indicators: ['指标01'] },
        { path: 'county/unsized.parquet', indicators: ['指标01'] },
      ],
    },
    {
      id: 'city',
      files: [
        { path: 'city/all.parquet', bytes: 5_000 },
        { path: 'city/ind-01.parquet', bytes: 10_000, indicators: ['指标01'] },
      ],
    },
  ],
};

type Asked = { url: string; init?: RequestInit };

/** Run the script as a page at `search` (and with a published folder's meta) would; the requests it made. */
async function runScript(search: string, options: { published?: string; fail?: boolean; origin?: string } = {}): Promise<Asked[]> {
  const asked: Asked[] = [];
  const fetchStub = async (url: string, init?: RequestInit): Promise<Response> => {
    asked.push({ url, init });
    if (options.fail) throw new TypeError('Failed to fetch');
    if (url.endsWith('manifest.json')) return new Response(JSON.stringify(MANIFEST), { status: 200 });
    const range = /bytes=(\d+)-(\d+)/.exec(new Headers(init?.headers).get('Range') ?? '');
    const length = range ? Number(range[2]) - Number(range[1]) + 1 : 0;
    return new Response(new Uint8Array(length).fill(7), { status: 206 });
  };
  const win: Record<string, unknown> = { fetch: fetchStub, Promise, URLSearchParams, URL };
  vi.stubGlobal('window', win);
  vi.stubGlobal('fetch', fetchStub);
  vi.stubGlobal('location', { search, href: PAGE + search, origin: options.origin ?? 'http://app.intranet' });
  vi.stubGlobal('document', {
    querySelector: (selector: string) =>
      options.published !== undefined && selector.includes('dashboard-published') ? { getAttribute: () => options.published } : null,
  });
  new Function(code)();
  (globalThis as Record<string, unknown>).__dashboardEarlyRemote = win.__dashboardEarlyRemote;
  // The footers are asked once the manifest has been read.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
  delete (globalThis as Record<string, unknown>).__dashboardEarlyRemote;
});

describe('the script itself', () => {
  it('is ES5: it parses where the app cannot, like browser-check.js', () => {
    expect(() => parse(code, { ecmaVersion: 5 })).not.toThrow();
  });

  it('asks for the manifest and the footers of the named indicator’s sized files on this origin', async () => {
    const asked = await runScript('?remote=data/manifest.json&view=trend&ind=%E6%8C%87%E6%A0%8701');
    expect(asked.map((a) => [a.url, new Headers(a.init?.headers).get('Range') ?? a.init?.cache])).toEqual([
      ['http://app.intranet/dash/data/manifest.json', 'no-cache'],
      ['http://app.intranet/dash/data/county/ind-01.parquet', 'bytes=83616-99999'],
      ['http://app.intranet/dash/data/city/ind-01.parquet', 'bytes=0-9999'],
    ]);
  });

  it.each([
    ['no remote in the address', '?view=trend&ind=a', {}, 0],
    ['the embed page', '?embed&remote=data/manifest.json', {}, 0],
    ['a manifest on another origin', '?remote=http://data.intranet/manifest.json&ind=a', {}, 0],
    ['no indicator named: the manifest alone', '?remote=data/manifest.json', {}, 1],
    ['an indicator no file lists', '?remote=data/manifest.json&ind=%E6%8C%87%E6%A0%8799', {}, 1],
    ['a published folder’s page', '?view=trend&ind=%E6%8C%87%E6%A0%8702', { published: 'manifest.json' }, 2],
  ])('%s: %i requests', async (_name, search, options, count) => {
    expect(await runScript(search, options)).toHaveLength(count);
  });
});

describe('the reader takes the answers', () => {
  it('takes the manifest and a footer once each, counts them, and asks the server for the rest', async () => {
    const asked = await runScript('?remote=data/manifest.json&ind=%E6%8C%87%E6%A0%8701');
    const before = { ...transfer };
    const manifest = 'http://app.intranet/dash/data/manifest.json';
    expect(JSON.parse(await fetchText(manifest))).toEqual(MANIFEST);
    const file = await rangeBuffer('http://app.intranet/dash/data/county/ind-01.parquet', 100_000);
    expect((await file.slice(83_616, 100_000)).byteLength).toBe(16_384);
    expect(asked).toHaveLength(3);
    expect(transfer.requests - before.requests).toBe(2);
    expect(transfer.bytes - before.bytes).toBe(JSON.stringify(MANIFEST).length + 16_384);
    // Taken once: a check for a newer version, and another range, go to the server.
    await fetchText(manifest);
    await file.slice(0, 100);
    expect(asked.slice(3).map((a) => a.url)).toEqual([manifest, 'http://app.intranet/dash/data/county/ind-01.parquet']);
  });

  it('asks again when the early request failed, and says the error of its own request', async () => {
    const asked = await runScript('?remote=data/manifest.json&ind=%E6%8C%87%E6%A0%8701', { fail: true });
    expect(asked).toHaveLength(1);
    await expect(fetchText('http://app.intranet/dash/data/manifest.json')).rejects.toMatchObject({ code: 'remote_unreachable' });
    expect(asked).toHaveLength(2);
  });

  it('leaves an answer for another address or range alone', async () => {
    const asked = await runScript('?remote=data/manifest.json&ind=%E6%8C%87%E6%A0%8701');
    const file = await rangeBuffer('http://app.intranet/dash/data/county/ind-01.parquet', 100_000);
    await file.slice(83_000, 100_000);
    expect(asked).toHaveLength(4);
  });
});
