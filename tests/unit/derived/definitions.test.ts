import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeStore,
  deleteDerivedDefinition,
  exportWorkspace,
  getDatasetIndicators,
  getDerivedDefinitions,
  getIndicators,
  getPeriods,
  getSeries,
  getSetting,
  getSnapshot,
  importWorkspace,
  openStore,
  putDerivedDefinition,
  putSetting,
  setDerivedEngine,
  DERIVED_SETTING_KEY,
} from '../../../src/store';
import { putDataset } from '../../../src/store/dataset-write';
import { readDerivedDefinition, type DerivedDefinition } from '../../../src/domain/derived-definition';
import { derivedEngine } from '../../../src/app/derived/engine';
import { freshName, meta } from '../store/fixtures';

const perCapita: DerivedDefinition = { name: '人均地区生产总值', operation: 'per-capita', input: '地区生产总值', other: '常住人口' };

beforeEach(async () => {
  await openStore({ name: freshName() });
  setDerivedEngine(() => Promise.resolve(derivedEngine));
  // GDP in one file, population in another, as offices keep them.
  await putDataset(meta('经济'), [
    { region: '道里区', indicator: '地区生产总值', period: '2023', value: 2e7, unit: '元', displayUnit: '万元' },
    { region: '道里区', indicator: '地区生产总值', period: '2024', value: 3e7, unit: '元', displayUnit: '万元' },
    { region: '南岗区', indicator: '地区生产总值', period: '2024', value: 4e7, unit: '元', displayUnit: '万元' },
  ]);
  await putDataset(meta('人口'), [
    { region: '道里区', indicator: '常住人口', period: '2023', value: 1e6, unit: '人', displayUnit: '万人' },
    { region: '道里区', indicator: '常住人口', period: '2024', value: 1.5e6, unit: '人', displayUnit: '万人' },
    { region: '南岗区', indicator: '常住人口', period: '2024', value: 2e6, unit: '人', displayUnit: '万人' },
  ]);
});

afterEach(() => {
  setDerivedEngine(undefined);
  closeStore();
});

describe('stored definitions of calculated indicators', () => {
  it('are saved in the settings table, read back, edited and deleted', async () => {
    expect(await putDerivedDefinition(perCapita)).toEqual({ ok: true });
    expect(await getDerivedDefinitions()).toEqual([perCapita]);
    expect(await getSetting(DERIVED_SETTING_KEY)).toEqual([perCapita]);
    const renamed = { ...perCapita, name: '人均GDP' };
    await putDerivedDefinition({ name: '环比', operation: 'change', input: '地区生产总值' });
    await putDerivedDefinition(renamed, perCapita.name);
    // Edited in place: the order made is kept.
    expect((await getDerivedDefinitions()).map((d) => d.name)).toEqual(['人均GDP', '环比']);
    await deleteDerivedDefinition('人均GDP');
    expect((await getDerivedDefinitions()).map((d) => d.name)).toEqual(['环比']);
  });

  it('refuse the name of an imported indicator, and anything malformed', async () => {
    expect(await putDerivedDefinition({ ...perCapita, name: '常住人口' })).toEqual({ ok: false, reason: 'taken' });
    expect(await putDerivedDefinition({ ...perCapita, operation: 'eval' as never })).toEqual({ ok: false, reason: 'invalid' });
    expect(await getDerivedDefinitions()).toEqual([]);
  });

  it('read only well-formed entries from the setting (a backup may hold anything)', async () => {
    await putSetting(DERIVED_SETTING_KEY, [perCapita, { name: 1 }, null, { ...perCapita }, { name: 'x', operation: 'share', input: 'y', regions: 'all' }]);
    expect(await getDerivedDefinitions()).toEqual([perCapita]);
    expect(readDerivedDefinition({ ...perCapita, extra: '<script>' })).toEqual(perCapita);
  });

  it('go through a workspace backup and back', async () => {
    await putDerivedDefinition(perCapita);
    const backup = JSON.parse(JSON.stringify(await exportWorkspace()));
    closeStore();
    await openStore({ name: freshName() });
    expect(await getDerivedDefinitions()).toEqual([]);
    await importWorkspace(backup, { mode: 'replace' });
    expect(await getDerivedDefinitions()).toEqual([perCapita]);
    expect((await getSeries({ indicator: perCapita.name })).map((o) => o.value)).toEqual([20, 20, 20]);
  });
});

describe('reading a calculated indicator', () => {
  beforeEach(async () => {
    await putDerivedDefinition(perCapita);
  });

  it('is listed with its unit and its definition in words', async () => {
    const listed = (await getIndicators()).find((i) => i.name === perCapita.name);
    expect(listed).toMatchObject({ baseUnit: '元/人', displayUnit: '万元/人', definition: '计算指标：地区生产总值 ÷ 常住人口（万元/人）' });
    // Held by the datasets that hold its first input, so the indicator list offers it.
    const held = [...(await getDatasetIndicators()).values()];
    expect(held.filter((names) => names.includes(perCapita.name))).toHaveLength(1);
  });

  it('computes its values from its inputs, from every dataset, and follows new data', async () => {
    const rows = await getSeries({ indicator: perCapita.name });
    expect(rows.map((o) => [o.region, o.period, o.value, o.unit, o.displayUnit])).toEqual([
      ['道里区', '2023', 20, '元/人', '万元/人'],
      ['道里区', '2024', 20, '元/人', '万元/人'],
      ['南岗区', '2024', 20, '元/人', '万元/人'],
    ]);
    await putDataset(meta('人口2025'), [{ region: '道里区', indicator: '常住人口', period: '2025', value: 1e6, unit: '人' }]);
    await putDataset(meta('经济2025'), [{ region: '道里区', indicator: '地区生产总值', period: '2025', value: 5e7, unit: '元' }]);
    expect(await getPeriods(perCapita.name)).toEqual(['2023', '2024', '2025']);
    expect((await getSnapshot({ indicator: perCapita.name, period: '2025' })).map((o) => o.value)).toEqual([50]);
  });

  it('narrows to the regions and datasets asked', async () => {
    expect((await getSeries({ indicator: perCapita.name, regions: ['南岗区'] })).map((o) => o.region)).toEqual(['南岗区']);
    expect(await getSeries({ indicator: perCapita.name, datasets: ['no-such-dataset'] })).toEqual([]);
  });

  it('reads nothing, and lists nothing, without an engine; other indicators read as before', async () => {
    setDerivedEngine(undefined);
    await putSetting('another', 1);
    expect(await getSeries({ indicator: perCapita.name })).toEqual([]);
    expect((await getIndicators()).map((i) => i.name)).toEqual(['地区生产总值', '常住人口'].sort());
    expect(await getSeries({ indicator: '常住人口' })).toHaveLength(3);
  });

  it('a definition that reads itself ends instead of looping', async () => {
    await putDerivedDefinition({ name: '自己', operation: 'change', input: '自己' });
    expect(await getSeries({ indicator: '自己' })).toEqual([]);
  });
});
