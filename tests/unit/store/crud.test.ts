import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeStore,
  deleteDeck,
  deleteMap,
  deleteSetting,
  deleteView,
  getDeck,
  getDecks,
  getIndicators,
  getMap,
  getMaps,
  getSetting,
  getSettings,
  getView,
  getViews,
  openStore,
  putDeck,
  putIndicator,
  putMap,
  putSetting,
  putView,
  type SavedView,
} from '../../../src/store';
// The store's inner write of observation objects: the app writes encoded columns (putEncodedDataset).
import { putDataset } from '../../../src/store/dataset-write';
import { freshName, meta, obs } from './fixtures';

beforeEach(async () => {
  await openStore({ name: freshName() });
});
afterEach(() => closeStore());

const view: SavedView = {
  id: 'v1',
  name: '压采量趋势',
  spec: { version: 1, kind: 'trend', indicator: '压采量', regions: ['道里区'], periodFrom: '2021', periodTo: '2024' },
  title: '地下水压采',
  subtitle: '2021—2024年',
  notes: '数据来源：水务局',
  slideKind: 'chart',
};

describe('views, decks, settings and maps', () => {
  it('saves, lists, overwrites and deletes views', async () => {
    await putView(view);
    await putView({ ...view, id: 'v0', name: '排名' });
    expect(await getView('v1')).toStrictEqual(view);
    expect((await getViews()).map((v) => v.id)).toEqual(['v0', 'v1']);
    await putView({ ...view, title: '新标题' });
    expect((await getView('v1'))?.title).toBe('新标题');
    await deleteView('v1');
    expect(await getView('v1')).toBeUndefined();
  });

  it('keeps a deck’s slides in order, by reference and inline', async () => {
    const deck = { id: 'd1', name: '季度汇报', slides: [{ viewId: 'v2' }, { view: { name: '内嵌', spec: view.spec } }, { viewId: 'v1' }] };
    await putDeck(deck);
    expect(await getDeck('d1')).toStrictEqual(deck);
    expect((await getDecks()).length).toBe(1);
    await deleteDeck('d1');
    expect(await getDecks()).toEqual([]);
  });

  it('stores settings of any JSON value, with hostile keys kept out of objects', async () => {
    await putSetting('theme', { name: 'projector', scale: 1.5 });
    await putSetting('__proto__', { polluted: true });
    expect(await getSetting('theme')).toEqual({ name: 'projector', scale: 1.5 });
    const all = await getSettings();
    expect(all).toBeInstanceOf(Map);
    expect(all.get('__proto__')).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await deleteSetting('theme');
    expect(await getSetting('theme')).toBeUndefined();
  });

  it('stores maps with their caption and text', async () => {
    const map = { id: 'm1', name: '黑龙江省', caption: '审图号：黑S(2023)001号', geojson: '{"type":"FeatureCollection","features":[]}' };
    await putMap(map);
    expect(await getMap('m1')).toStrictEqual(map);
    expect(await getMaps()).toStrictEqual([map]);
    await deleteMap('m1');
    expect(await getMaps()).toEqual([]);
  });

  it('saves a user’s indicator edit and keeps it over later imports', async () => {
    await putDataset(meta(), [obs('甲', '空气质量优良天数', '2024', 300, '天')]);
    const [indicator] = await getIndicators();
    await putIndicator({ ...indicator, displayName: '优良天数', description: '全年', targets: [{ period: '2025', value: 320, deadline: '2025-12-31' }] });
    await putDataset(meta('再次'), [{ ...obs('乙', '空气质量优良天数', '2025', 310, '天'), target: 1 }]);
    const [after] = await getIndicators();
    expect(after.displayName).toBe('优良天数');
    expect(after.targets).toEqual([
      { period: '2025', value: 320, deadline: '2025-12-31' },
      { region: '乙', period: '2025', value: 1 },
    ]);
  });
});
