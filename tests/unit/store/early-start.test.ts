/**
 * public/early-open.js opens the database and reads the first series while the HTML is parsed;
 * the early reads take both over (store/early-start.ts). Run here against fake-indexeddb with a
 * page's globals stubbed: its answers must be the whole store's, and it must never create a
 * database or open one where the app would not.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { parse } from 'espree';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as store from '../../../src/store';
import { putDataset } from '../../../src/store/dataset-write';
import { getDb } from '../../../src/store/open';
import { STORED_VERSION } from '../../../src/store/early-read';
import { takeStarted } from '../../../src/store/early-start';
import { freshName, many, meta, obs } from './fixtures';

const code = readFileSync('public/early-open.js', 'utf8');
let name = '';

/** The script's reads, decoded by the early reads (`store:read` marked `started`). */
function startedReads(): number {
  return performance.getEntriesByName('store:read').filter((e) => (e as PerformanceMeasure).detail?.started === true).length;
}

/** Run the script as a page at `search` would, on database `name`; what it left on the page. */
function runScript(search: string, page: { published?: boolean } = {}): { __dashboardEarly?: { done: Promise<unknown> } } {
  const win: Record<string, unknown> = { indexedDB, Promise, URLSearchParams };
  vi.stubGlobal('window', win);
  vi.stubGlobal('location', { search });
  vi.stubGlobal('document', {
    querySelector: (selector: string) => (page.published && selector.includes('dashboard-published') ? {} : null),
  });
  new Function(code.replace("'indicator-dashboard'", JSON.stringify(name)))();
  return win;
}

async function fill(): Promise<void> {
  await store.openStore({ name });
  await putDataset(meta('甲'), [obs('道里区', 'A', '2023', 1), obs('南岗区', 'A', '2024', 2), obs('道里区', 'B', '2024', 3)]);
  await putDataset(meta('乙'), many(60));
  store.closeStore();
}

beforeEach(() => {
  name = freshName();
  performance.clearMeasures('store:read');
});
afterEach(() => {
  store.closeStore();
  vi.unstubAllGlobals();
});

describe('the script itself', () => {
  it('is ES5: it parses where the app cannot, like browser-check.js', () => {
    expect(() => parse(code, { ecmaVersion: 5 })).not.toThrow();
  });

  it.each([
    ['the database name', /var NAME = '([^']+)'/, store.DEFAULT_DB_NAME],
    ['the schema version', /var VERSION = (\d+)/, String(STORED_VERSION)],
    ['the calculated indicators’ setting', /var DERIVED_SETTING_KEY = '([^']+)'/, store.DERIVED_SETTING_KEY],
  ])('names %s as the store does', (_what, pattern, expected) => {
    expect(pattern.exec(code)?.[1]).toBe(expected);
  });
});

describe('the series read before the app arrived', () => {
  const cases = [
    { name: 'the address’s indicator', search: '?view=overview&ind=A', query: { indicator: 'A' } },
    { name: 'the first indicator by name, with none in the address', search: '', query: { indicator: 'A' } },
    { name: 'of chosen regions, from the same records', search: '?view=overview&ind=指标1', query: { indicator: '指标1', regions: ['地区2'] } },
    { name: 'an indicator no longer held', search: '?view=overview&ind=没有', query: { indicator: '没有' } },
  ];

  it.each(cases)('$name: the whole store’s answer, decoded once, the store still closed', async ({ search, query }) => {
    await fill();
    await store.openStore({ name });
    const fromWhole = await store.getSeries(query);
    store.closeStore();
    performance.clearMeasures('store:read');
    runScript(search);
    const asked = JSON.parse(JSON.stringify(query));
    await store.openStore({ name, early: true });
    expect(await store.getSeries(query)).toEqual(fromWhole);
    expect(startedReads()).toBe(1);
    expect(query).toEqual(asked);
    expect(() => getDb()).toThrow(expect.objectContaining({ code: 'closed' }));
  });

  it('reads another indicator than the one it read on its own, as before', async () => {
    await fill();
    runScript('?view=overview&ind=A');
    await store.openStore({ name, early: true });
    expect(await store.getSeries({ indicator: 'B' })).toHaveLength(1);
    expect(startedReads()).toBe(0);
    expect(performance.getEntriesByName('store:read')).toHaveLength(1);
  });

  it('is taken once, and only for its own database', async () => {
    runScript('');
    expect(takeStarted('another')).toBeUndefined();
    expect(takeStarted(name)).toBeInstanceOf(Promise);
    expect(takeStarted(name)).toBeUndefined();
  });
});

describe('where the script does nothing, or the early reads do not take its answers', () => {
  it.each([
    ['the embed page', '?embed=1', {}],
    ['a published folder', '', { published: true }],
  ])('%s: nothing opened', async (_what, search, page) => {
    await fill();
    expect(runScript(search, page).__dashboardEarly).toBeUndefined();
  });

  it('no database yet: nothing is created, and the store creates it', async () => {
    await runScript('').__dashboardEarly?.done;
    expect((await indexedDB.databases()).some((d) => d.name === name)).toBe(false);
    await store.openStore({ name, early: true });
    expect(await store.getDatasets()).toEqual([]);
    expect(getDb().backendDB().version).toBe(STORED_VERSION);
  });

  it('a write left pending by a closed tab: the whole store answers (and removes it)', async () => {
    await fill();
    await store.openStore({ name });
    const db = getDb().backendDB();
    await new Promise<void>((resolve) => {
      const tx = db.transaction('datasets', 'readwrite');
      tx.objectStore('datasets').put({ ...meta('丁'), id: 'half', status: 'pending', rowCount: 0, importedAt: '2024-01-01T00:00:00Z' });
      tx.oncomplete = () => resolve();
    });
    store.closeStore();
    runScript('?view=overview&ind=A');
    await store.openStore({ name, early: true });
    expect(await store.getSeries({ indicator: 'A' })).toHaveLength(2);
    expect(startedReads()).toBe(0);
    expect(getDb().backendDB().version).toBe(STORED_VERSION);
  });
});
