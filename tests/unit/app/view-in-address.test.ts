import { describe, expect, it } from 'vitest';
import { indicatorToShow, viewInAddress } from '../../../src/app/dashboard/view-in-address';

describe('viewInAddress', () => {
  it.each([
    { search: 'view=trend&ind=PM10&page=briefing', indicator: 'PM10' },
    { search: 'ind=PM10', indicator: undefined }, // no view: the address names none
    { search: 'view=nonsense&ind=PM10', indicator: undefined },
  ])('$search → $indicator', ({ search, indicator }) => {
    expect(viewInAddress(new URLSearchParams(search))?.indicator).toBe(indicator);
  });
});

describe('indicatorToShow', () => {
  it.each([
    { names: ['PM10', '压采量'], wanted: '压采量', shown: '压采量' },
    { names: ['PM10', '压采量'], wanted: '已删除', shown: 'PM10' },
    { names: [], wanted: 'PM10', shown: '' },
  ])('$wanted among $names → $shown', ({ names, wanted, shown }) => {
    expect(indicatorToShow(names, wanted)).toBe(shown);
  });

  it('does not change the list it is given', () => {
    const names = ['PM10', '压采量'];
    indicatorToShow(names, '已删除');
    expect(names).toEqual(['PM10', '压采量']);
  });
});
