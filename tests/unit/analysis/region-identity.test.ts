import { describe, expect, it } from 'vitest';
import { buildRegionIdentity, chosenUnderLabels, joinedRegions, labelledRegions, labelRegions, labelTargets, regionsOf } from '../../../src/analysis/region-identity';
import type { Indicator, Region } from '../../../src/domain/types';
import { obs, snapshotOf } from './make-observation';

// A workspace's region list as the store keeps it: by name, with the first code seen for it.
const known: Region[] = [
  { name: '道里区', code: '230102' },
  { name: '哈尔滨市道里区', code: '230102' },
  { name: '南岗区', code: '230103' },
  { name: '黑龙江', code: '230000' },
  { name: '黑龙江省', code: '230000' },
  { name: '齐齐哈尔市', code: '230200' },
  { name: '龙沙区', code: '230202' },
  { name: '齐齐哈尔市龙沙区' },
  { name: '黑龙江省齐齐哈尔市龙沙区' },
  { name: '大连市南岗区' },
  { name: '鼓楼区', code: '350102' },
  { name: '福州市鼓楼区' },
  { name: '合计', isTotal: true },
  { name: '示范区' },
];

describe('buildRegionIdentity().label', () => {
  const identity = buildRegionIdentity(known);
  it.each([
    ['one code written two ways: the shorter name', '哈尔滨市道里区', '230102', '道里区'],
    ['the shorter name itself', '道里区', '230102', '道里区'],
    ['a value without a code, by its known name', '哈尔滨市道里区', undefined, '道里区'],
    ['a name that says its kind of division beats a bare one', '黑龙江', '230000', '黑龙江省'],
    ['an uncoded name with its parent in front', '齐齐哈尔市龙沙区', undefined, '龙沙区'],
    ['an uncoded name with province and prefecture in front', '黑龙江省齐齐哈尔市龙沙区', undefined, '龙沙区'],
    ['a prefix that is not the parent is another region', '大连市南岗区', undefined, '大连市南岗区'],
    ['a parent not known by name: kept apart', '福州市鼓楼区', undefined, '福州市鼓楼区'],
    ['the same name with another code is another region', '鼓楼区', '320106', '鼓楼区（320106）'],
    ['another name of a known code goes under that code', '道里', '230102', '道里区'],
    ['a total', '合计', undefined, '合计'],
    ['an uncoded name nobody else writes', '示范区', undefined, '示范区'],
    ['a name the list does not have yet, with a code', '新区', '999999', '新区'],
    ['a name the list does not have yet, without one', '新区', undefined, '新区'],
  ])('%s', (_, name, code, label) => {
    expect(identity.label(name, code)).toBe(label);
  });

  it('leaves every region as written when the list is empty', () => {
    expect(buildRegionIdentity([]).label('哈尔滨市道里区', '230102')).toBe('哈尔滨市道里区');
  });
});

describe('buildRegionIdentity().namesOf', () => {
  const identity = buildRegionIdentity(known);
  it.each([
    ['道里区', ['道里区', '哈尔滨市道里区']],
    ['龙沙区', ['龙沙区', '齐齐哈尔市龙沙区', '黑龙江省齐齐哈尔市龙沙区']],
    ['合计', ['合计']],
    ['鼓楼区（320106）', ['鼓楼区']],
    ['未知', ['未知']],
    ['未知（1）', ['未知（1）']],
  ])('%s', (label, names) => {
    expect(identity.namesOf(label).sort()).toEqual([...names].sort());
  });
});

describe('labelRegions', () => {
  const identity = buildRegionIdentity(known);

  it('labels values and keeps the name as written', () => {
    const rows = [obs('道里区', '2024', 1, { regionCode: '230102' }), obs('哈尔滨市道里区', '2024', 2, { regionCode: '230102' })];
    const before = snapshotOf(rows);
    const out = labelRegions(rows, identity);
    expect(out.map((o) => [o.region, o.regionAsWritten])).toEqual([
      ['道里区', undefined],
      ['道里区', '哈尔滨市道里区'],
    ]);
    expect(out[0]).toBe(rows[0]);
    expect(rows).toEqual(before);
  });

  it('gives back the same array when nothing changes', () => {
    const rows = [obs('道里区', '2024', 1, { regionCode: '230102' }), obs('南岗区', '2024', 2, { regionCode: '230103' }), obs('示范区', '2024', 3)];
    expect(labelRegions(rows, identity)).toBe(rows);
  });

  it('gives a value without a code the code its name is known by, and keeps the name', () => {
    const rows = [obs('道里区', '2024', 1), obs('齐齐哈尔市龙沙区', '2024', 2)];
    const before = snapshotOf(rows);
    const out = labelRegions(rows, identity);
    expect(out.map((o) => [o.region, o.regionCode, o.regionAsWritten])).toEqual([
      ['道里区', '230102', undefined],
      ['龙沙区', '230202', '齐齐哈尔市龙沙区'],
    ]);
    expect(rows).toEqual(before);
  });

  it('keeps two regions of one name apart by their codes', () => {
    const rows = [obs('鼓楼区', '2024', 1, { regionCode: '350102' }), obs('鼓楼区', '2024', 2, { regionCode: '320106' })];
    expect(new Set(labelRegions(rows, identity).map((o) => o.region)).size).toBe(2);
  });
});

describe('labelTargets', () => {
  const identity = buildRegionIdentity(known);
  const indicator: Indicator = {
    name: '保护性耕作面积',
    baseUnit: '亩',
    polarity: 'higher',
    targets: [
      { region: '哈尔滨市道里区', period: '2025', value: 70000 },
      { period: '2025', value: 1 },
    ],
  };

  it('puts regional targets under the labels of the values', () => {
    const before = snapshotOf(indicator);
    expect(labelTargets(indicator, identity).targets.map((t) => t.region)).toEqual(['道里区', undefined]);
    expect(indicator).toEqual(before);
  });

  it('gives back the same indicator when no target changes', () => {
    const plain = { ...indicator, targets: [{ region: '南岗区', period: '2025', value: 1 }] };
    expect(labelTargets(plain, identity)).toBe(plain);
  });
});

describe('labelledRegions', () => {
  it('lists each label once, with a code from any of its names', () => {
    const regions: Region[] = [{ name: '齐齐哈尔市龙沙区' }, { name: '龙沙区', code: '230202' }, { name: '齐齐哈尔市', code: '230200' }, { name: '合计', isTotal: true }];
    const before = snapshotOf(regions);
    expect(labelledRegions(regions, buildRegionIdentity(regions))).toEqual([
      { name: '龙沙区', code: '230202' },
      { name: '齐齐哈尔市', code: '230200' },
      { name: '合计', isTotal: true },
    ]);
    expect(regions).toEqual(before);
  });
});

describe('chosenUnderLabels', () => {
  const identity = buildRegionIdentity(known);
  const rows = labelRegions(
    [
      obs('哈尔滨市道里区', '2024', 1, { regionCode: '230102' }),
      obs('鼓楼区', '2024', 2, { regionCode: '350102' }),
      obs('鼓楼区', '2024', 3, { regionCode: '320106' }),
    ],
    identity,
  );
  it.each([
    ['a name written before the label', ['哈尔滨市道里区'], ['道里区']],
    ['a label', ['道里区'], ['道里区']],
    ['a name that is itself a region shown stays that region', ['鼓楼区'], ['鼓楼区']],
    ['two names of one region: once', ['哈尔滨市道里区', '道里区'], ['道里区']],
    ['a region without values stays as chosen', ['南岗区'], ['南岗区']],
  ])('%s', (_, names, expected) => {
    expect(chosenUnderLabels(names, rows)).toEqual(expected);
  });
});

describe('joinedRegions', () => {
  const before: Region[] = [{ name: '南岗区', code: '230103' }, { name: '哈尔滨市', code: '230100' }];
  it.each([
    ['a new name with a known code', [{ name: '哈尔滨市南岗区', code: '230103' }], [{ name: '哈尔滨市南岗区', label: '南岗区' }]],
    ['a new name with the known parent in front', [{ name: '哈尔滨市南岗区' }], [{ name: '哈尔滨市南岗区', label: '南岗区' }]],
    ['a new region of its own', [{ name: '道外区', code: '230104' }], []],
    ['a bare new name of a known code', [{ name: '南岗', code: '230103' }], [{ name: '南岗', label: '南岗区' }]],
    ['a known name again', [], []],
  ])('%s', (_, added, expected) => {
    const after = [...before, ...(added as Region[])];
    const snapshot = snapshotOf(after);
    expect(joinedRegions(before, after)).toEqual(expected);
    expect(after).toEqual(snapshot);
  });

  it('names a known region that a new, better name relabels', () => {
    // 黑龙江 was shown as itself; with 黑龙江省 (same code) both show as 黑龙江省.
    const old: Region[] = [{ name: '黑龙江', code: '230000' }];
    expect(joinedRegions(old, [...old, { name: '黑龙江省', code: '230000' }])).toEqual([{ name: '黑龙江', label: '黑龙江省' }]);
  });
});

describe('regionsOf', () => {
  it.each([
    ['a code from any of the values', [obs('道里区', '2023', 1), obs('道里区', '2024', 2, { regionCode: '230102' })], [{ name: '道里区', code: '230102' }]],
    ['the first code kept', [obs('A', '2023', 1, { regionCode: '1' }), obs('A', '2024', 2, { regionCode: '2' })], [{ name: 'A', code: '1' }]],
    ['no code', [obs('合计', '2024', 1)], [{ name: '合计' }]],
    ['first-seen order', [obs('B', '2024', 1), obs('A', '2024', 1), obs('B', '2023', 1)], [{ name: 'B' }, { name: 'A' }]],
  ])('%s', (_, rows, expected) => {
    const before = snapshotOf(rows);
    expect(regionsOf(rows)).toEqual(expected);
    expect(rows).toEqual(before);
  });
});

describe('buildRegionIdentity with the table\'s matches of uncoded names (regions stored before the table)', () => {
  const old: Region[] = [{ name: '哈尔滨市' }, { name: '道里区' }, { name: '哈尔滨市南岗区' }, { name: '南岗区', code: '230103' }, { name: '鼓楼区' }];
  // What matchStoredRegions gives: 鼓楼区 is ambiguous, so it has no entry.
  const matched = new Map([
    ['哈尔滨市', '230100'],
    ['道里区', '230102'],
    ['哈尔滨市南岗区', '230103'],
  ]);
  const identity = buildRegionIdentity(old, matched);
  it.each([
    ['an uncoded name the table matched takes its code', '道里区', '230102'],
    ['a parent the table matched', '哈尔滨市', '230100'],
    ['an uncoded name joins a coded region of the same division', '哈尔滨市南岗区', '230103'],
    ['an ambiguous name stays without a code', '鼓楼区', undefined],
  ])('%s', (_, name, code) => {
    expect(identity.codeOf(name)).toBe(code);
  });
  it('labels the two names of one division as one region', () => {
    expect(identity.label('哈尔滨市南岗区', undefined)).toBe('南岗区');
  });
  it('without the table, an uncoded name keeps no code (as before)', () => {
    expect(buildRegionIdentity(old).codeOf('道里区')).toBeUndefined();
  });
  it('a code stored with the name wins over the table\'s match', () => {
    expect(buildRegionIdentity([{ name: '南岗区', code: '230103' }], new Map([['南岗区', '999999']])).codeOf('南岗区')).toBe('230103');
  });
  it('labelledRegions gives the matched code to the picker', () => {
    expect(labelledRegions(old, identity).find((r) => r.name === '道里区')?.code).toBe('230102');
  });
});
