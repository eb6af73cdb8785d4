import { describe, expect, it } from 'vitest';
import { applyDraft, draftOf } from '../../../src/app/dashboard/indicator-edit';
import type { Indicator } from '../../../src/domain/types';

const area: Indicator = {
  name: '保护性耕作面积',
  baseUnit: '亩',
  displayUnit: '万亩',
  polarity: 'higher',
  targets: [{ region: '道里区', period: '2025', value: 70000, deadline: '2025-12' }],
};

describe('draftOf', () => {
  it('shows target values in the display unit', () => {
    expect(draftOf(area).targets).toEqual([{ region: '道里区', period: '2025', value: '7', deadline: '2025-12' }]);
  });
  it('does not mutate its input', () => {
    const copy = structuredClone(area);
    draftOf(area);
    expect(area).toEqual(copy);
  });
});

describe('applyDraft', () => {
  it.each([
    ['target typed in 万亩 is stored in 亩', { targets: [{ region: '', period: '2025', value: '6.5', deadline: '' }] }, { targets: [{ period: '2025', value: 65000 }] }],
    ['0.92 亿立方米 without float noise', { displayUnit: '亿亩', targets: [{ region: '', period: '2025', value: '0.92', deadline: '' }] }, { displayUnit: '亿亩', targets: [{ period: '2025', value: 92000000 }] }],
    ['polarity and names', { polarity: 'lower', displayName: ' 耕作面积 ', source: '农业农村局' }, { polarity: 'lower', displayName: '耕作面积', source: '农业农村局' }],
    ['a rate’s change asked in percent', { rateChange: 'relative' }, { rateChange: 'relative' }],
    ['decimals chosen', { decimals: ' 2 ' }, { decimals: 2 }],
    ['no decimals is a choice too', { decimals: '0' }, { decimals: 0 }],
    ['an area said not to add up (counties are not summed to their city)', { aggregation: 'none' }, { aggregation: 'none' }],
  ] as const)('%s', (_name, patch, expected) => {
    const r = applyDraft(area, { ...draftOf(area), ...patch } as never);
    expect(r.problems).toEqual([]);
    expect(r.indicator).toMatchObject(expected);
  });

  it.each([
    ['a value that is not a number', { targets: [{ region: '', period: '2025', value: '六万', deadline: '' }] }, 'views.settings.badTarget'],
    ['a target without a period', { targets: [{ region: '', period: ' ', value: '1', deadline: '' }] }, 'views.settings.badTarget'],
    ['a display unit of another base', { displayUnit: '万吨' }, 'views.settings.badUnit'],
    ['decimals that are not 0–4', { decimals: '5' }, 'views.settings.badDecimals'],
    ['decimals that are not a number', { decimals: '两位' }, 'views.settings.badDecimals'],
  ])('refuses %s', (_name, patch, key) => {
    const r = applyDraft(area, { ...draftOf(area), ...patch } as never);
    expect(r.indicator).toBeUndefined();
    expect(r.problems.map((p) => p.key)).toEqual([key]);
  });

  it.each([
    ['keeps the base unit chosen as display unit', '亩', '亩'],
    ['accepts another spelling of the base unit (issue 18)', ' 亩 ', '亩'],
    ['leaves out an empty display unit', ' ', undefined],
  ])('%s', (_name, displayUnit, expected) => {
    expect(applyDraft(area, { ...draftOf(area), displayUnit }).indicator?.displayUnit).toBe(expected);
  });

  it('takes μg/m³ as a spelling of μg/m3, not another unit', () => {
    const pm = { name: 'PM10', baseUnit: 'μg/m3', polarity: 'lower' as const, targets: [] };
    const r = applyDraft(pm, { ...draftOf(pm), displayUnit: 'μg/m³' });
    expect(r.problems).toEqual([]);
    expect(r.indicator?.displayUnit).toBe('μg/m³');
  });

  it('stores neither the default points nor empty decimals', () => {
    const next = applyDraft(area, draftOf(area)).indicator!;
    expect(next).not.toHaveProperty('rateChange');
    expect(next).not.toHaveProperty('decimals');
    expect(draftOf({ ...area, rateChange: 'relative', decimals: 1 })).toMatchObject({ rateChange: 'relative', decimals: '1' });
  });

  it('does not mutate its inputs', () => {
    const draft = draftOf(area);
    const copies = [structuredClone(area), structuredClone(draft)];
    applyDraft(area, { ...draft, displayUnit: '亩' });
    expect([area, draft]).toEqual(copies);
  });
});
