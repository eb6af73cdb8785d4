/**
 * The explorer's state (what is shown, and when values are read) with the store faked at its
 * public API: a switch of indicator, a change of period, a dataset filter, another tab's write.
 * Unit tests compile `.svelte.ts` for the server, where effects never run: the test runs what
 * `Explorer.follow`'s two effects run (`keepIndicator`, `keepValues`) whenever it lets the page
 * settle, as the effects would after each change.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dataset, Indicator, Region } from '../../../src/domain/types';
import type { StoredObservation, StoreChange, StoreVersion } from '../../../src/store';

/** The fake store: two datasets of two indicators, a data version, and a count of reads. */
const fake = vi.hoisted(() => {
  const state = {
    datasets: [] as Dataset[],
    rows: [] as StoredObservation[],
    version: { changes: 0, values: 0, maps: 0 } as StoreVersion,
    /** Every real read of values, as `indicator@version`. */
    reads: [] as string[],
    listeners: [] as ((change: StoreChange) => void)[],
    /** Answers shared per (query, data version), as the store's contract says. */
    answers: new Map<string, Promise<StoredObservation[]>>(),
  };
  const indicatorsOf = (datasetId: string) => [...new Set(state.rows.filter((o) => o.datasetId === datasetId).map((o) => o.indicator))];
  const api = {
    openStore: () => Promise.resolve({ persistent: true }),
    onVersionChange: () => () => undefined,
    onStoreChange: (listener: (change: StoreChange) => void) => {
      state.listeners.push(listener);
      return () => undefined;
    },
    storeVersion: () => state.version,
    getDatasets: () => Promise.resolve(state.datasets),
    getIndicators: () =>
      Promise.resolve(
        [...new Set(state.rows.map((o) => o.indicator))].sort().map((name): Indicator => ({ name, unit: '亩', polarity: 'higher-better', decimals: 2, targets: [] }) as unknown as Indicator),
      ),
    getRegions: () => Promise.resolve([...new Set(state.rows.map((o) => o.region))].map((name): Region => ({ name }) as Region)),
    getDatasetIndicators: () => Promise.resolve(new Map(state.datasets.map((d) => [d.id, indicatorsOf(d.id)]))),
    getSetting: () => Promise.resolve(undefined),
    purgeDeleted: () => Promise.resolve([]),
    warmBlockCache: () => Promise.resolve(),
    getSeries: (query: { indicator: string }) => {
      const key = `${query.indicator}@${state.version.values}`;
      let answer = state.answers.get(key);
      if (!answer) {
        state.reads.push(key);
        answer = Promise.resolve(state.rows.filter((o) => o.indicator === query.indicator));
        state.answers.set(key, answer);
      }
      return answer;
    },
    // The values here are not decoded from blocks: the views find their facts by passing over them.
    seriesFacts: () => undefined,
    StoreError: class StoreError extends Error {
      code = '';
    },
  };
  return { state, api };
});

vi.mock('../../../src/store', () => fake.api);

/** Each time the explorer lets the next chart draw in the values' task, with the window it gave. */
const atOnce = vi.hoisted(() => ({ asked: [] as (number | undefined)[] }));
vi.mock('../../../src/app/dashboard/draw-at-once', async (actual) => ({
  ...(await actual<typeof import('../../../src/app/dashboard/draw-at-once')>()),
  drawNextAtOnce: (within?: number) => void atOnce.asked.push(within),
}));

const { Workspace } = await import('../../../src/app/workspace.svelte');
const { Explorer } = await import('../../../src/app/dashboard/explorer.svelte');

function dataset(id: string, importedAt: string): Dataset {
  return { id, name: id, fileName: `${id}.csv`, format: 'csv', encoding: 'utf-8', importedAt, rowCount: 0, issueCount: 0, notes: [], status: 'complete', version: 1 };
}

function row(datasetId: string, indicator: string, region: string, period: string, value: number): StoredObservation {
  return { datasetId, indicator, region, period, value, unit: '亩' };
}

/** An address bar and history for the explorer (Node has neither). */
function fakeAddress(search: string): { pushes: () => number } {
  const location = { pathname: '/', search };
  let pushes = 0;
  const go = (url: string) => (location.search = url.slice(url.indexOf('?')) === '?' ? '' : url.slice(url.indexOf('?')));
  vi.stubGlobal('location', location);
  vi.stubGlobal('history', {
    pushState: (_: unknown, __: string, url: string) => {
      pushes += 1;
      go(url);
    },
    replaceState: (_: unknown, __: string, url: string) => go(url),
  });
  return { pushes: () => pushes };
}

type Explorer = InstanceType<typeof Explorer>;
let following: Explorer | undefined;

/** What the explorer's effects do after a change (see the comment at the top). */
function effects(): void {
  following?.keepIndicator();
  following?.keepValues();
}

/** Run `check` after the effects and the reads they started have settled (polled, no sleep). */
async function settled(check: () => void): Promise<void> {
  await vi.waitFor(() => {
    effects();
    check();
  });
}

/** A workspace and an explorer following it, as App.svelte sets them up, opened at `search`. */
async function open(search = '') {
  const address = fakeAddress(search);
  const ws = new Workspace();
  const explorer = new Explorer(ws);
  explorer.readUrl();
  following = explorer;
  effects();
  await ws.init();
  await settled(() => expect(explorer.loadedIndicator).not.toBe(''));
  return { ws, explorer, address };
}

/** Another tab commits a write of `scope`: the store counts it and tells its listeners. */
function otherTabWrites(scope: string, change: () => void): void {
  change();
  const valuesChange = scope === 'datasets' || scope === 'workspace';
  const v = fake.state.version;
  fake.state.version = { changes: v.changes + 1, values: v.values + (valuesChange ? 1 : 0), maps: v.maps };
  for (const listener of fake.state.listeners) listener({ scope });
}

beforeEach(() => {
  fake.state.datasets = [dataset('甲表', '2024-01-01T00:00:00Z'), dataset('乙表', '2024-02-01T00:00:00Z')];
  fake.state.rows = [
    row('甲表', '耕地面积', '道里区', '2023', 1),
    row('甲表', '耕地面积', '道里区', '2024', 2),
    row('甲表', '耕地面积', '南岗区', '2024', 3),
    row('甲表', '造林面积', '道里区', '2024', 4),
    row('乙表', '造林面积', '南岗区', '2024', 5),
    row('乙表', '造林面积', '南岗区', '2023', 6),
  ];
  fake.state.version = { changes: 0, values: 0, maps: 0 };
  fake.state.reads = [];
  fake.state.listeners = [];
  fake.state.answers.clear();
  atOnce.asked = [];
});

afterEach(() => {
  following = undefined;
  vi.unstubAllGlobals();
});

describe('explorer', () => {
  it('opens on the first indicator when the address names none, reading its values once', async () => {
    const { explorer } = await open();
    expect(explorer.spec.indicator).toBe('耕地面积');
    expect(explorer.view.indicator).toBe('耕地面积');
    expect(explorer.observations.map((o) => o.value)).toEqual([1, 2, 3]);
    expect(explorer.period).toBe('2024');
    expect(fake.state.reads).toEqual(['耕地面积@0']);
  });

  it.each([
    { search: '?view=trend&ind=%E9%80%A0%E6%9E%97%E9%9D%A2%E7%A7%AF', indicator: '造林面积', reads: ['造林面积@0'] },
    // Gone: the first one is shown. The named one is asked for before the lists are read (and has nothing).
    { search: '?view=trend&ind=%E5%B7%B2%E5%88%A0%E9%99%A4', indicator: '耕地面积', reads: ['已删除@0', '耕地面积@0'] },
  ])('opens on the view the address names: $search', async ({ search, indicator, reads }) => {
    const { explorer } = await open(search);
    expect(explorer.view).toMatchObject({ indicator, kind: 'trend' });
    expect(explorer.observations.every((o) => o.indicator === indicator)).toBe(true);
    expect(fake.state.reads).toEqual(reads);
  });

  it('switches indicator: the view follows the values, which are read once, and the address a task later', async () => {
    const { explorer, address } = await open();
    explorer.update({ indicator: '造林面积', regions: undefined, period: undefined });
    // The controls show the choice at once; the views keep the shown values' spec until the new ones come.
    expect(explorer.spec.indicator).toBe('造林面积');
    await settled(() => expect(explorer.loadedIndicator).toBe('造林面积'));
    expect(explorer.view.indicator).toBe('造林面积');
    expect(explorer.observations.map((o) => o.value)).toEqual([4, 5, 6]);
    expect(fake.state.reads).toEqual(['耕地面积@0', '造林面积@0']);
    await settled(() => expect(new URLSearchParams(location.search).get('ind')).toBe('造林面积'));
    expect(address.pushes()).toBe(1);
  });

  it('reads a pressed indicator at the press, and its click reads nothing more', async () => {
    const { explorer } = await open();
    explorer.prefetch('造林面积');
    await settled(() => expect(fake.state.reads).toEqual(['耕地面积@0', '造林面积@0']));
    explorer.update({ indicator: '造林面积' });
    await settled(() => expect(explorer.loadedIndicator).toBe('造林面积'));
    expect(fake.state.reads).toEqual(['耕地面积@0', '造林面积@0']);
  });

  it('keeps the later choice when two switches overlap', async () => {
    const { explorer } = await open();
    explorer.update({ indicator: '造林面积' });
    explorer.update({ indicator: '耕地面积' });
    await settled(() => expect(explorer.loading).toBe(false));
    expect(explorer.loadedIndicator).toBe('耕地面积');
    expect(explorer.observations.map((o) => o.value)).toEqual([1, 2, 3]);
  });

  it('changes period without reading values', async () => {
    const { explorer } = await open();
    explorer.update({ period: '2023' });
    effects();
    expect(explorer.period).toBe('2023');
    expect(explorer.view.period).toBe('2023');
    expect(new URLSearchParams(location.search).get('p')).toBe('2023');
    // A period the indicator does not have falls back to its latest.
    explorer.update({ period: '1999' });
    effects();
    expect(explorer.period).toBe('2024');
    expect(fake.state.reads).toEqual(['耕地面积@0']);
  });

  it('opens a link to 柱+同比 with its builder loaded: the values are shown only once the kind can be drawn', async () => {
    // The first page's registry has no 柱+同比 builder; the first load brings it beside the values.
    const { chartKindReady } = await import('../../../src/views/chart-kind-registry');
    const { explorer } = await open('?view=trend&chart=bar-yoy&ind=%E9%80%A0%E6%9E%97%E9%9D%A2%E7%A7%AF');
    expect(explorer.view).toMatchObject({ indicator: '造林面积', kind: 'trend', chart: 'bar-yoy' });
    expect(chartKindReady('bar-yoy')).toBe(true);
  });

  it('opens an old link to the overview (view=kpi) on the overview, and writes it as view=overview', async () => {
    const { explorer } = await open('?view=kpi&ind=%E9%80%A0%E6%9E%97%E9%9D%A2%E7%A7%AF');
    expect(explorer.spec.kind).toBe('overview');
    explorer.update({ period: '2024' });
    expect(new URLSearchParams(location.search).get('view')).toBe('overview');
  });

  it('opens a link to a 按地区 view (view=region, a saved view of the tab) on the tab of its region', async () => {
    const { explorer } = await open('?view=region&ind=%E9%80%A0%E6%9E%97%E9%9D%A2%E7%A7%AF&r=%E5%8D%97%E5%B2%97%E5%8C%BA');
    expect(explorer.focusRegion).toBe('南岗区');
    expect(explorer.spec.kind).toBe('overview');
    expect(explorer.spec.regions).toBeUndefined();
  });

  it('filters by dataset without reading values: the list, the values and the regions follow', async () => {
    const { explorer } = await open('?view=overview&ind=%E9%80%A0%E6%9E%97%E9%9D%A2%E7%A7%AF');
    expect(explorer.indicators.map((i) => i.name)).toEqual(['耕地面积', '造林面积']);
    // The newest import's value wins: 乙表 first.
    expect(explorer.datasets).toEqual(['乙表', '甲表']);
    explorer.update({ datasets: ['乙表'] });
    effects();
    expect(explorer.datasets).toEqual(['乙表']);
    expect(explorer.indicators.map((i) => i.name)).toEqual(['造林面积']);
    expect(explorer.visible.map((o) => o.value)).toEqual([5, 6]);
    expect(explorer.allRegions).toEqual(['南岗区']);
    expect(fake.state.reads).toEqual(['造林面积@0']);
  });

  it.each([
    ['levels only', [] as number[], 'level', [1, 2, 3]],
    ['levels only, changes asked: the levels', [] as number[], 'change', [1, 2, 3]],
    ['levels and changes: the levels', [7], 'level', [1, 2, 3]],
    ['levels and changes, changes asked: the changes', [7], 'change', [7]],
  ] as const)('values of one kind: %s', async (_name, changes, measure, values) => {
    fake.state.rows.push(...changes.map((v) => ({ ...row('甲表', '耕地面积', '道里区', '2024', v), kind: 'change' as const })));
    const { explorer } = await open('?view=overview&ind=%E8%80%95%E5%9C%B0%E9%9D%A2%E7%A7%AF');
    explorer.measure = measure;
    expect(explorer.visible.map((o) => o.value)).toEqual(values);
  });

  it('gives way to an indicator the filtered datasets hold', async () => {
    const { explorer } = await open();
    explorer.update({ datasets: ['乙表'] });
    await settled(() => expect(explorer.loadedIndicator).toBe('造林面积'));
    expect(explorer.spec.indicator).toBe('造林面积');
  });

  it('reads again after another tab writes values, once, and shows the new values', async () => {
    const { explorer, ws } = await open();
    otherTabWrites('datasets', () => fake.state.rows.push(row('乙表', '耕地面积', '松北区', '2024', 7)));
    await settled(() => expect(explorer.observations.map((o) => o.value)).toEqual([1, 2, 3, 7]));
    expect(ws.dataVersion).toBe(1);
    // The newest import's rows come first (its value wins a region × period).
    expect(explorer.allRegions).toEqual(['松北区', '道里区', '南岗区']);
    expect(fake.state.reads).toEqual(['耕地面积@0', '耕地面积@1']);
  });

  it.each(['settings', 'views', 'decks', 'maps'])('reads nothing again after another tab writes %s', async (scope) => {
    const { explorer, ws } = await open();
    const shown = explorer.observations;
    otherTabWrites(scope, () => undefined);
    await settled(() => expect(ws.revision).toBe(1));
    expect(explorer.observations).toBe(shown);
    expect(fake.state.reads).toEqual(['耕地面积@0']);
  });

  it('lets the page’s first values and a switch’s draw their chart at once, not another tab’s write', async () => {
    const { explorer } = await open();
    // The first values: a longer window (the dashboard's first render comes before the chart).
    expect(atOnce.asked).toEqual([150]);
    explorer.update({ indicator: '造林面积' });
    await settled(() => expect(explorer.loadedIndicator).toBe('造林面积'));
    expect(atOnce.asked).toEqual([150, undefined]);
    otherTabWrites('datasets', () => fake.state.rows.push(row('乙表', '造林面积', '松北区', '2024', 7)));
    await settled(() => expect(explorer.observations.map((o) => o.value)).toContain(7));
    expect(atOnce.asked).toEqual([150, undefined]);
  });

  it('does not change the stored rows it shows', async () => {
    const before = JSON.stringify(fake.state.rows);
    const { explorer } = await open();
    explorer.update({ regions: ['南岗区'], period: '2024' });
    effects();
    expect(explorer.regions).toEqual(['南岗区']);
    expect(JSON.stringify(fake.state.rows)).toBe(before);
  });
});
