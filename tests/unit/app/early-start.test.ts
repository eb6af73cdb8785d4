import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { indicatorToShow, startEarly, takeEarlyOpen, takeEarlySeries, viewInAddress } from '../../../src/app/early-start';
import { closeStore, getIndicators, openStore, putDataset } from '../../../src/store';
import { meta, obs } from '../store/fixtures';

afterEach(() => closeStore());

/** A stored workspace with two indicators, in the app's default database. */
async function seed(): Promise<void> {
  await openStore();
  if ((await getIndicators()).length === 0) {
    await putDataset(meta('甲'), [obs('道里区', '乙指标', '2024', 2), obs('道里区', '甲指标', '2024', 1), obs('南岗区', '甲指标', '2024', 3)]);
  }
  closeStore();
}

describe('early start', () => {
  it.each([
    { search: '?view=trend&ind=%E4%B9%99%E6%8C%87%E6%A0%87', asked: '乙指标', rows: 1 },
    { search: '', asked: '乙指标', rows: 1 }, // no view in the address: the first indicator by name
    { search: '?view=trend&ind=%E6%97%A0', asked: '乙指标', rows: 1 }, // an indicator that is gone
    { search: '?view=trend&ind=%E4%B9%99%E6%8C%87%E6%A0%87', asked: '甲指标', rows: undefined }, // another was chosen meanwhile
  ])('reads the first view before the app asks: $search → $asked', async ({ search, asked, rows }) => {
    await seed();
    startEarly(search);
    expect(await takeEarlyOpen()).toEqual({ persistent: true });
    expect(takeEarlyOpen()).toBeUndefined();
    const got = await takeEarlySeries(asked);
    expect(got?.length).toBe(rows);
    if (got) expect(got.every((o) => o.indicator === asked)).toBe(true);
    // Taken once: later loads read the store themselves.
    expect(await takeEarlySeries(asked)).toBeUndefined();
  });

  it('gives nothing when nothing was started', async () => {
    expect(takeEarlyOpen()).toBeUndefined();
    expect(await takeEarlySeries('甲指标')).toBeUndefined();
  });
});

describe('viewInAddress and indicatorToShow', () => {
  it.each([
    { search: 'view=trend&ind=PM10&page=briefing', indicator: 'PM10' },
    { search: 'ind=PM10', indicator: undefined }, // no view: the address names none
    { search: 'view=nonsense&ind=PM10', indicator: undefined },
  ])('$search → $indicator', ({ search, indicator }) => {
    expect(viewInAddress(new URLSearchParams(search))?.indicator).toBe(indicator);
  });

  it.each([
    { names: ['PM10', '压采量'], wanted: '压采量', shown: '压采量' },
    { names: ['PM10', '压采量'], wanted: '已删除', shown: 'PM10' },
    { names: [], wanted: 'PM10', shown: '' },
  ])('$wanted among $names → $shown', ({ names, wanted, shown }) => {
    expect(indicatorToShow(names, wanted)).toBe(shown);
  });
});
