import { describe, expect, it } from 'vitest';
import {
  boundaryUnder,
  childrenIn,
  descendantsIn,
  drillBack,
  drilledParent,
  drillInto,
  expandRegionRules,
  hasRegionRule,
  readRegionRule,
  regionRule,
  ruleParent,
  type CodedRegion,
} from '../../../src/analysis/region-drill';
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
    ['哈尔滨市', { code: '230100', regions: ['@children:230100'], parts: ['道里区', '南岗区'] }],
    ['黑龙江省', { code: '230000', regions: ['@children:230000'], parts: ['哈尔滨市', '齐齐哈尔市'] }],
    ['道里区', undefined],
    ['全省', undefined],
    ['无此地', undefined],
  ])('%s → %j', (name, expected) => {
    expect(drillInto(name, regions, parentOf)).toEqual(expected);
  });
});

describe('drilledParent and drillBack', () => {
  it.each([
    [['道里区', '南岗区'], '230100', ['@children:230000']],
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

describe('region rules: "children of X" kept as a rule, read against the data', () => {
  const data: CodedRegion[] = [
    ...regions,
    { name: '香坊区', code: '230110' },
    { name: '哈尔滨经开区', code: '230171' },
    { name: '北京市', code: '110000' },
    { name: '东城区', code: '110101' },
    { name: '西城区', code: '110102' },
    { name: '湖北省', code: '420000' },
    { name: '武汉市', code: '420100' },
    { name: '仙桃市', code: '429004' },
  ];
  it.each<[string, string[], string[]]>([
    ['the children of a city: its counties, statistical units included', ['@children:230100'], ['道里区', '南岗区', '香坊区', '哈尔滨经开区']],
    ['the children of a province: its cities, not their counties', ['@children:230000'], ['哈尔滨市', '齐齐哈尔市']],
    ['a municipality\'s districts (no city level between)', ['@children:110000'], ['东城区', '西城区']],
    ['a county directly under its province is its child', ['@children:420000'], ['武汉市', '仙桃市']],
    ['all counties of a province', ['@counties:230000'], ['道里区', '南岗区', '龙沙区', '香坊区', '哈尔滨经开区']],
    ['names kept, each once, beside a rule', ['龙沙区', '@children:230200', '全省'], ['龙沙区', '全省']],
    ['a rule with nothing under it in the data', ['@children:650000'], []],
    ['no rule: the names as they are', ['道里区', '道里区', '无此地'], ['道里区', '无此地']],
  ])('%s', (_, chosen, expected) => {
    expect(expandRegionRules(chosen, data)).toEqual(expected);
  });

  it('a county imported later is chosen by the same rule', () => {
    const later = [...data, { name: '呼兰区', code: '230111' }];
    expect(expandRegionRules(['@children:230100'], later)).toContain('呼兰区');
  });

  it.each([
    ['@children:230100', { kind: 'children', code: '230100' }],
    ['@counties:230000', { kind: 'counties', code: '230000' }],
    ['@children:2301', undefined],
    ['道里区', undefined],
    ['@other:230100', undefined],
  ])('reads %s', (entry, rule) => {
    expect(readRegionRule(entry)).toEqual(rule);
  });

  it('writes, detects and reads back the parent of a drill', () => {
    expect(regionRule('children', '230100')).toBe('@children:230100');
    expect(hasRegionRule(['道里区', '@children:230100'])).toBe(true);
    expect(hasRegionRule(['道里区'])).toBe(false);
    expect(hasRegionRule(undefined)).toBe(false);
    expect(ruleParent(['@children:230100'])).toBe('230100');
    expect(ruleParent(['@counties:230100'])).toBeUndefined();
    expect(ruleParent(['@children:230100', '道里区'])).toBeUndefined();
  });

  it('does not change its input', () => {
    const chosen = ['@children:230100', '龙沙区'];
    const before = JSON.stringify([chosen, data]);
    expandRegionRules(chosen, data);
    expect(JSON.stringify([chosen, data])).toBe(before);
  });
});
