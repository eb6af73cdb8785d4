import { describe, expect, it } from 'vitest';
import { validateViewSpec, viewSpecFromSearchParams, viewSpecToSearchParams } from '../../../src/export/view-spec';
import type { ViewSpec } from '../../../src/domain/types';

const base = { version: 1, kind: 'trend', indicator: '压采量' } as const;

describe('the view spec keeps a chart and its number format', () => {
  const cases: [string, unknown, Partial<ViewSpec> | 'error'][] = [
    ['an old spec without them opens as before', {}, {}],
    ['bar + 同比', { chart: 'bar-yoy' }, { chart: 'bar-yoy' }],
    ['bar + target', { chart: 'bar-target' }, { chart: 'bar-target' }],
    ['an empty chart is a line chart', { chart: '' }, {}],
    ['an unknown chart is refused', { chart: 'pie' }, 'error'],
    ['a whole format', { format: { decimals: 1, scale: '万', thousands: false, change: 'points' } }, { format: { decimals: 1, scale: '万', thousands: false, change: 'points' } }],
    ['defaults are dropped', { format: { scale: 'auto', thousands: true } }, {}],
    ['unknown keys are dropped', { format: { decimals: 0, colour: 'red' } }, { format: { decimals: 0 } }],
    ['decimals beyond four are refused', { format: { decimals: 5 } }, 'error'],
    ['decimals not whole are refused', { format: { decimals: 1.5 } }, 'error'],
    ['an unknown scale is refused', { format: { scale: '千' } }, 'error'],
    ['separators must be yes or no', { format: { thousands: 'no' } }, 'error'],
    ['an unknown change style is refused', { format: { change: 'ratio' } }, 'error'],
    ['a format that is not an object is refused', { format: '1' }, 'error'],
  ];
  it.each(cases)('%s', (_, extra, expected) => {
    const result = validateViewSpec({ ...base, ...(extra as object) });
    if (expected === 'error') expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, spec: { ...base, ...expected } });
  });

  it('says what is wrong in words', () => {
    const result = validateViewSpec({ ...base, format: { scale: '千' } });
    expect(result.ok ? [] : result.errors).toEqual(['“format.scale”不是可用的数字格式：千']);
  });

  it('goes into a link and comes back the same', () => {
    const spec: ViewSpec = { ...base, chart: 'bar-yoy', format: { decimals: 1, scale: '万', thousands: false, change: 'percent' } };
    const params = viewSpecToSearchParams(spec);
    expect(params.get('chart')).toBe('bar-yoy');
    expect(params.get('dec')).toBe('1');
    expect(params.get('scale')).toBe('万');
    expect(viewSpecFromSearchParams(params)).toEqual({ ok: true, spec });
  });

  it('reads a link without them as before', () => {
    expect(viewSpecFromSearchParams(new URLSearchParams('view=trend&ind=压采量'))).toEqual({ ok: true, spec: base });
  });

  it('does not change the raw spec it reads', () => {
    const raw = { ...base, format: { decimals: 1, scale: '万', extra: 1 } };
    const copy = JSON.parse(JSON.stringify(raw));
    validateViewSpec(raw);
    expect(raw).toEqual(copy);
  });
});
