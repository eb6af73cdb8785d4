import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/domain/types';
import { assignRegionCodes, candidateOf, codeFor, keptAsWritten, matchImportRegions } from '../../../src/regions/import-matches';

const obs = (region: string, regionCode?: string, extra: Partial<Observation> = {}): Observation => ({
  region,
  indicator: '面积',
  period: '2024',
  value: 1,
  unit: '亩',
  ...(regionCode ? { regionCode } : {}),
  ...extra,
});

describe('matchImportRegions', () => {
  it.each([
    // [records, context, name looked at, expected status, expected code]
    [[obs('道里区'), obs('南岗区')], {}, '道里区', 'matched', '230102'],
    [[obs('哈尔滨市道里区')], {}, '哈尔滨市道里区', 'matched', '230102'],
    [[obs('道里区', '230102')], {}, '道里区', 'matched', '230102'],
    // 鼓楼区 alone is in four cities; with 台江区 and 仓山区 beside it, 福州's
    [[obs('鼓楼区')], {}, '鼓楼区', 'ambiguous', undefined],
    [[obs('鼓楼区'), obs('台江区'), obs('仓山区')], {}, '鼓楼区', 'matched', '350102'],
    [[obs('鼓楼区')], { within: '320000' }, '鼓楼区', 'ambiguous', undefined],
    [[obs('鼓楼区')], { within: '320100' }, '鼓楼区', 'matched', '320106'],
    // an old name: unmatched unless the user's alias says what it is
    [[obs('阿城市')], {}, '阿城市', 'unmatched', undefined],
    [[obs('阿城市')], { aliases: { 阿城市: '230112' } }, '阿城市', 'matched', '230112'],
    // the user's choice in the preview wins, also over a match, and '' keeps the name as written
    [[obs('鼓楼区')], { choices: { 鼓楼区: '410204' } }, '鼓楼区', 'matched', '410204'],
    [[obs('道里区')], { choices: { 道里区: '' } }, '道里区', 'unmatched', undefined],
  ] as const)('%#: %j with %j: %s is %s', (records, context, name, status, code) => {
    const { rows, codes } = matchImportRegions(records as unknown as Observation[], context);
    const row = rows.find((r) => r.name === name)!;
    expect(row.status).toBe(status);
    expect(row.division?.code).toBe(code);
    const fileCode = (records as unknown as Observation[]).find((r) => r.region === name)!.regionCode;
    expect(codeFor(codes, name, fileCode)).toBe(code);
  });

  it('lists candidates with their parents, so two 鼓楼区 can be told apart', () => {
    const row = matchImportRegions([obs('鼓楼区')]).rows[0]!;
    expect(row.candidates?.map((c) => `${c.path} ${c.name}`)).toEqual([
      '江苏省 南京市 鼓楼区',
      '江苏省 徐州市 鼓楼区',
      '福建省 福州市 鼓楼区',
      '河南省 开封市 鼓楼区',
    ]);
  });

  it('counts values per region, leaves totals out, and flags what is worth a look', () => {
    const { rows } = matchImportRegions([
      obs('全省', undefined, { isTotal: true }),
      obs('吉林'),
      obs('吉林'),
      obs('哈尔滨', '230100'),
      obs('新名字', '230102'),
    ]);
    expect(rows.map((r) => [r.name, r.values, r.status, r.check])).toEqual([
      ['吉林', 2, 'matched', 'assumed'],
      ['哈尔滨', 1, 'matched', undefined],
      ['新名字', 1, 'matched', 'code-only'],
    ]);
  });

  it('a code that disagrees with its name is asked about, the code first', () => {
    const row = matchImportRegions([obs('南岗区', '230102')]).rows[0]!;
    expect(row.status).toBe('ambiguous');
    expect(row.reason).toBe('code-name-mismatch');
    expect(row.candidates?.map((c) => c.code)).toEqual(['230102', '230103']);
  });

  it('does not change its input', () => {
    const records = [obs('道里区'), obs('鼓楼区', '350102')];
    const before = JSON.stringify(records);
    matchImportRegions(records, { choices: { 道里区: '' } });
    expect(JSON.stringify(records)).toBe(before);
  });
});

describe('a name kept as written in an earlier preview', () => {
  it('stays kept in the next import (its alias has no code), unless chosen again', () => {
    const records = [obs('道里区'), obs('南岗区')];
    const kept = matchImportRegions(records, { aliases: { 道里区: '' } });
    expect(kept.rows.map((r) => [r.name, r.status, r.reason])).toEqual([
      ['道里区', 'unmatched', 'kept'],
      ['南岗区', 'matched', undefined],
    ]);
    expect(kept.codes.has('道里区')).toBe(false);
    const chosen = matchImportRegions(records, { aliases: { 道里区: '' }, choices: { 道里区: '230102' } });
    expect(chosen.codes.get('道里区')?.get('')).toBe('230102');
  });

  it('keptAsWritten reads plain objects without a prototype and maps', () => {
    const bare = Object.assign(Object.create(null) as Record<string, string>, { __proto__x: '', 甲: '' });
    expect([keptAsWritten(bare, '甲'), keptAsWritten(bare, '乙'), keptAsWritten({ 甲: '230102' }, '甲'), keptAsWritten(new Map([['甲', '']]), '甲'), keptAsWritten(undefined, '甲')]).toEqual([true, false, false, true, false]);
    expect(keptAsWritten({}, 'toString')).toBe(false);
  });
});

describe('assignRegionCodes', () => {
  it('gives matched records their code and leaves names, totals and the rest as they were', () => {
    const records = [obs('哈尔滨市道里区'), obs('道里区'), obs('合计', undefined, { isTotal: true }), obs('不存在的地方')];
    const { codes } = matchImportRegions(records);
    expect(assignRegionCodes(records, codes)).toBe(2);
    expect(records.map((r) => [r.region, r.regionCode])).toEqual([
      ['哈尔滨市道里区', '230102'],
      ['道里区', '230102'],
      ['合计', undefined],
      ['不存在的地方', undefined],
    ]);
  });

  it('writes a 12-digit statistical code as the 6-digit division code', () => {
    const records = [obs('道里区', '230102000000')];
    assignRegionCodes(records, matchImportRegions(records).codes);
    expect(records[0]!.regionCode).toBe('230102');
  });
});

describe('candidateOf', () => {
  it.each([
    ['230102', { code: '230102', name: '道里区', path: '黑龙江省 哈尔滨市' }],
    ['230000', { code: '230000', name: '黑龙江省', path: '' }],
    ['999999', undefined],
  ])('%s', (code, expected) => {
    expect(candidateOf(code)).toEqual(expected);
  });
});
