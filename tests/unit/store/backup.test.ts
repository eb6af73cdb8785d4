import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/domain/types';
import {
  closeStore,
  deleteDataset,
  exportWorkspace,
  getDatasets,
  getDecks,
  getObservations,
  getSetting,
  getViews,
  importWorkspace,
  openStore,
  putDeck,
  putMap,
  putSetting,
  putView,
  undoDelete,
  type WorkspaceBackup,
} from '../../../src/store';
// The store's inner write of observation objects: the app writes encoded columns (putEncodedDataset).
import { putDataset, replaceDataset } from '../../../src/store/dataset-write';
import { getDb } from '../../../src/store/open';
import { freshName, many, meta, obs } from './fixtures';

afterEach(() => closeStore());

const detailed: Observation[] = [
  {
    ...obs('道里区', '压采量', '2024', 1.14e8, '立方米'),
    regionCode: '230102',
    periodLabel: '2024年',
    grain: 'year',
    displayUnit: '亿立方米',
    kind: 'level',
    approximate: true,
    isTotal: false,
    target: 0.92e8,
    source: { row: 4, column: '压采量（亿立方米）' },
    sourceText: '《水资源公报》',
  },
  { ...obs('全市', '压采量', '2023/2024', -2.3, '个百分点'), kind: 'change', changeType: 'points', isTotal: true, source: { row: 5 } },
];

/** A workspace with a bit of everything, including hidden datasets. */
async function fillWorkspace(): Promise<void> {
  await putDataset(meta('详细', { source: undefined, layout: 'long' }), detailed);
  const v1 = await putDataset(meta('月报'), many(50));
  await replaceDataset(v1.id, meta('月报'), many(60));
  const gone = await putDataset(meta('已删'), many(5, '删'));
  await deleteDataset(gone.id);
  await putView({ id: 'v1', name: '压采量趋势', spec: { version: 1, kind: 'trend', indicator: '压采量' }, slideKind: 'chart' });
  await putDeck({ id: 'd1', name: '汇报', slides: [{ viewId: 'v1' }, { view: { name: '内嵌', spec: { version: 1, kind: 'overview', indicator: '压采量', period: '2024' } } }] });
  await putSetting('theme', { name: 'projector', scale: 1.5 });
  await putSetting('__proto__', 'safe');
  await putMap({ id: 'm1', name: '黑龙江省', caption: '审图号：测试', geojson: '{"type":"FeatureCollection","features":[]}' });
}

function withoutTime(b: WorkspaceBackup) {
  return { ...b, exportedAt: '' };
}

describe('workspace backup', () => {
  beforeEach(async () => {
    await openStore({ name: freshName() });
  });

  it('round-trips through JSON into an empty workspace (replace) with identical data', async () => {
    await fillWorkspace();
    const first = await exportWorkspace();
    const text = JSON.stringify(first);
    await openStore({ name: freshName() });
    const summary = await importWorkspace(JSON.parse(text), { mode: 'replace' });
    expect(summary).toEqual({ datasets: 4, observations: 2 + 50 + 60 + 5, skipped: 0 });
    expect(withoutTime(await exportWorkspace())).toStrictEqual(withoutTime(first));
    const detailedId = first.datasets.find((d) => d.name === '详细')!.id;
    expect((await getObservations(detailedId, { offset: 0, limit: 10 })).map(({ datasetId: _d, ...o }) => o)).toStrictEqual(detailed);
  });

  it('keeps undo possible after a restore: a deleted dataset comes back deleted', async () => {
    await fillWorkspace();
    const backup = await exportWorkspace();
    await openStore({ name: freshName() });
    await importWorkspace(backup, { mode: 'replace' });
    const deleted = (await getDatasets({ includeHidden: true })).find((d) => d.status === 'deleted')!;
    await undoDelete(deleted.id);
    expect((await getDatasets()).map((d) => d.name)).toContain('已删');
  });

  it('replace removes what was there before', async () => {
    await fillWorkspace();
    const backup = await exportWorkspace();
    const extra = await putDataset(meta('后来'), many(3));
    await putView({ id: 'v2', name: '后来', spec: { version: 1, kind: 'ranking', indicator: 'I' } });
    await importWorkspace(backup, { mode: 'replace' });
    expect((await getDatasets({ includeHidden: true })).map((d) => d.id)).not.toContain(extra.id);
    expect((await getViews()).map((v) => v.id)).toEqual(['v1']);
    expect(withoutTime(await exportWorkspace())).toStrictEqual(withoutTime(backup));
  });

  it('merge keeps local records and adds only new ones', async () => {
    await fillWorkspace();
    const backup = await exportWorkspace();
    await openStore({ name: freshName() });
    const local = await putDataset(meta('本地'), [obs('甲', 'I', '2024', 7)]);
    await putSetting('theme', 'local');
    await putView({ id: 'v1', name: '本地视图', spec: { version: 1, kind: 'trend', indicator: 'I' } });
    const summary = await importWorkspace(backup, { mode: 'merge' });
    expect(summary.datasets).toBe(4);
    expect(summary.skipped).toBe(2);
    expect(await getSetting('theme')).toBe('local');
    expect((await getViews()).map((v) => v.name)).toEqual(['本地视图']);
    expect((await getDecks()).map((d) => d.id)).toEqual(['d1']);
    expect((await getDatasets()).map((d) => d.id)).toContain(local.id);
    // Merging the same backup again adds nothing.
    const again = await importWorkspace(backup, { mode: 'merge' });
    expect(again.datasets).toBe(0);
    expect(await getSetting('__proto__')).toBe('safe');
  });

  it('reads a version 1 backup (observations as objects) through the readers table', async () => {
    const v1 = {
      format: 'indicator-dashboard-backup',
      version: 1,
      exportedAt: '2025-01-01T00:00:00.000Z',
      datasets: [
        { id: 'ds-old', name: '旧备份', fileName: 'old.csv', format: 'csv', encoding: 'gb18030', importedAt: '2024-12-31T16:00:00.000Z', rowCount: 2, issueCount: 0, notes: [], status: 'complete', version: 1 },
      ],
      observations: [{ datasetId: 'ds-old', rows: detailed }],
      indicators: [{ name: '压采量', baseUnit: '立方米', polarity: 'higher', targets: [] }],
      regions: [{ name: '道里区', code: '230102' }],
      views: [],
      decks: [],
      settings: [{ key: 'locale', value: 'zh' }],
      maps: [],
    };
    const summary = await importWorkspace(JSON.parse(JSON.stringify(v1)), { mode: 'replace' });
    expect(summary).toEqual({ datasets: 1, observations: 2, skipped: 0 });
    expect((await getObservations('ds-old', { offset: 0, limit: 5 })).map(({ datasetId: _d, ...o }) => o)).toStrictEqual(detailed);
    expect(await getSetting('locale')).toBe('zh');
    expect((await exportWorkspace()).version).toBe(3);
  });

  it.each([
    { name: 'not a backup', raw: { hello: 1 }, code: 'backup-format' },
    { name: 'a future version', raw: { format: 'indicator-dashboard-backup', version: 99 }, code: 'backup-version' },
    { name: 'a missing list', raw: { format: 'indicator-dashboard-backup', version: 2, datasets: [] }, code: 'backup-format' },
    { name: 'null', raw: null, code: 'backup-format' },
  ])('rejects $name and changes nothing', async ({ raw, code }) => {
    await fillWorkspace();
    const before = await exportWorkspace();
    await expect(importWorkspace(raw, { mode: 'replace' })).rejects.toMatchObject({ code });
    expect(withoutTime(await exportWorkspace())).toStrictEqual(withoutTime(before));
  });

  it('rejects a damaged column before writing anything', async () => {
    await fillWorkspace();
    const before = await exportWorkspace();
    const damaged = structuredClone(before);
    damaged.observations[1].grain[3] = 'fortnight';
    await expect(importWorkspace(damaged, { mode: 'replace' })).rejects.toMatchObject({ code: 'backup-format', params: { field: 'observations.grain' } });
    expect(withoutTime(await exportWorkspace())).toStrictEqual(withoutTime(before));
  });

  it('is atomic: a restore that fails while writing leaves the database as it was', async () => {
    await fillWorkspace();
    const before = await exportWorkspace();
    let seen = 0;
    getDb().blocks.hook('creating', () => {
      if (++seen === 3) throw new Error('injected');
    });
    await expect(importWorkspace(before, { mode: 'replace' })).rejects.toThrow('injected');
    expect(withoutTime(await exportWorkspace())).toStrictEqual(withoutTime(before));
  });

  it('does not mutate the backup it restores', async () => {
    await fillWorkspace();
    const backup = await exportWorkspace();
    const copy = structuredClone(backup);
    await openStore({ name: freshName() });
    await importWorkspace(backup, { mode: 'merge' });
    expect(backup).toStrictEqual(copy);
  });
});
