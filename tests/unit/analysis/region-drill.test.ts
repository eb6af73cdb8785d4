import { describe, expect, it } from 'vitest';
import { boundaryUnder, childrenIn, descendantsIn, drillBack, drilledParent, drillInto, type CodedRegion } from '../../../src/analysis/region-drill';
import { parentCodeOf } from '../../../src/domain/region-code';

const parentOf = (code: string) => parentCodeOf(code);
const regions: CodedRegion[] = [
  { name: '黑龙江省', code: '230000' },
  { name: '哈尔滨市', code: '230100' },
  { name: '道里区', code: '230102' },
  { name: '南岗区', code: '230103' },
  { name: '齐齐哈尔市', code: '230200' },
  { name: '龙沙区', code: '230202' },
  { name: '全省' },
];

describe('drillInto', () => {
  it.each([
    ['哈尔滨市', { code: '230100', regions: ['道里区', '南岗区'] }],
    ['黑龙江省', { code: '230000', regions: ['哈尔滨市', '齐齐哈尔市'] }],
    ['道里区', undefined],
    ['全省', undefined],
    ['无此地', undefined],
  ])('%s → %j', (name, expected) => {
    expect(drillInto(name, regions, parentOf)).toEqual(expected);
  });
});

describe('drilledParent and drillBack', () => {
  it.each([
    [['道里区', '南岗区'], '230100', ['哈尔滨市', '齐齐哈尔市']],
    [['哈尔滨市', '齐齐哈尔市'], '230000', ['黑龙江省']],
    [['道里区', '龙沙区'], undefined, undefined],
    [['道里区'], undefined, undefined],
    [['道里区', '全省'], undefined, undefined],
  ])('%j is inside %s; back: %j', (chosen, parent, back) => {
    const p = drilledParent(chosen, regions, parentOf);
    expect(p).toBe(parent);
    if (p) expect(drillBack(p, regions, parentOf)).toEqual(back);
  });

  it('lists every region under a division, and the direct children only', () => {
    expect(descendantsIn('230000', regions, parentOf).map((r) => r.name)).toEqual(['哈尔滨市', '道里区', '南岗区', '齐齐哈尔市', '龙沙区']);
    expect(childrenIn('230200', regions, parentOf)).toEqual(['龙沙区']);
  });

  it('does not change its input', () => {
    const before = JSON.stringify(regions);
    drillInto('哈尔滨市', regions, parentOf);
    drillBack('230100', regions, parentOf);
    expect(JSON.stringify(regions)).toBe(before);
  });
});

describe('boundaryUnder', () => {
  const maps = [
    { id: 'cities', codes: ['230100', '230200'] },
    { id: 'harbin', codes: ['230102', '230103'] },
    { id: 'all-counties', codes: ['230102', '230202', '230203'] },
  ];
  it.each([
    ['230100', 'harbin'],
    ['230200', 'all-counties'],
    ['230000', 'cities'],
    ['350100', undefined],
  ])('the parts of %s are mapped in %s', (code, expected) => {
    expect(boundaryUnder(code, maps, parentOf)).toBe(expected);
  });
});
