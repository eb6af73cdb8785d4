import { describe, expect, it } from 'vitest';
import { matchFileRegions, matchRegion, type Match, type MatchContext } from '../../../src/regions';

/** The code a match settles on, `?` plus the candidates' codes for an ambiguous one, or `-reason`. */
function outcome(m: Match): string {
  if (m.status === 'matched') return m.division.code;
  if (m.status === 'ambiguous') return `?${m.candidates.map((c) => c.code).join(',')}`;
  return `-${m.reason}`;
}

describe('matchRegion: the forms a cell comes in', () => {
  it.each([
    // exact names
    ['道里区', '230102'],
    ['哈尔滨市', '230100'],
    ['黑龙江省', '230000'],
    ['大兴安岭地区', '232700'],
    ['锡林郭勒盟', '152500'],
    ['延边朝鲜族自治州', '222400'],
    ['神农架林区', '429021'],
    ['六枝特区', '520203'],
    // parents in front, full or short, with or without the city
    ['黑龙江省哈尔滨市道里区', '230102'],
    ['哈尔滨市道里区', '230102'],
    ['黑龙江省道里区', '230102'],
    ['黑龙江哈尔滨道里区', '230102'],
    ['江苏省南京市鼓楼区', '320106'],
    ['福州鼓楼', '350102'],
    // short names
    ['哈尔滨道里', '230102'],
    ['哈尔滨道里区', '230102'],
    ['哈尔滨', '230100'],
    ['黑龙江', '230000'],
    ['内蒙古', '150000'],
    ['内蒙', '150000'],
    ['内蒙通辽', '150500'],
    // an autonomous region as short name + 自治区; abbreviations in common use
    ['广西自治区', '450000'],
    ['新疆自治区', '650000'],
    ['宁夏自治区', '640000'],
    ['新疆维吾尔族自治区', '650000'],
    ['克州', '653000'],
    ['博州', '652700'],
    ['巴州', '?511902,652800'],
    // quotes round a pasted name, a full stop after it
    ['"道里区"', '230102'],
    ['“道里区”', '230102'],
    ['「道里区」', '230102'],
    ['道里区。', '230102'],
    ['广西', '450000'],
    ['新疆', '650000'],
    ['宁夏', '640000'],
    ['西藏', '540000'],
    ['北京', '110000'],
    ['南京', '320100'],
    ['延边', '222400'],
    ['延边州', '222400'],
    ['大厂县', '131028'],
    ['鄂伦春旗', '150723'],
    ['管城区', '410104'],
    ['神农架', '429021'],
    // municipalities: districts hang from the province-level city
    ['北京市东城区', '110101'],
    ['北京东城', '110101'],
    ['北京市市辖区东城区', '110101'],
    ['重庆市城口县', '500229'],
    ['上海浦东新区', '310115'],
    // counties directly under a province
    ['湖北省仙桃市', '429004'],
    ['仙桃', '429004'],
    ['湖北省省直辖县级行政区划仙桃市', '429004'],
    ['海南省五指山市', '469001'],
    // code and name in one cell
    ['230102 道里区', '230102'],
    ['230102道里区', '230102'],
    ['道里区（230102）', '230102'],
    ['道里区(230102)', '230102'],
    ['道里区 230102', '230102'],
    ['[230102]道里区', '230102'],
    ['230102000000 道里区', '230102'],
    // bare codes
    ['230102', '230102'],
    ['230102000000', '230102'],
    ['230102000', '230102'],
    [String(230102), '230102'],
    ['110000', '110000'],
    // full-width and spaced input (NFKC, spaces removed)
    ['２３０１０２', '230102'],
    ['道里区（２３０１０２）', '230102'],
    ['  哈尔滨市 道里区 ', '230102'],
    ['道　里　区', '230102'],
    ['哈尔滨市\t道里区', '230102'],
    // separators between the parts
    ['黑龙江省/哈尔滨市/道里区', '230102'],
    ['黑龙江省-哈尔滨市-道里区', '230102'],
    ['哈尔滨市·道里区', '230102'],
    ['黑龙江省，哈尔滨市', '230100'],
    ['230102-道里区', '230102'],
    ['230102 | 道里区', '230102'],
    ['230102/哈尔滨市/道里区', '230102'],
    ['道里区,230102', '230102'],
    ['道里区【230102】', '230102'],
    ['道里区[230102]', '230102'],
    // a parent in brackets after the name
    ['鼓楼区（福州）', '350102'],
    ['鼓楼区(福州市)', '350102'],
    ['朝阳区（北京市）', '110105'],
    ['鼓楼区（福建省福州市）', '350102'],
    // marks tables put on rows
    ['其中：道里区', '230102'],
    ['#道里区', '230102'],
    ['道里区*', '230102'],
    ['道里区①', '230102'],
    ['道里区※', '230102'],
    // statistical units (开发区/功能区)
    ['150571', '150571'],
    ['通辽经济技术开发区', '150571'],
    ['通辽市通辽经济技术开发区', '150571'],
    ['苏州工业园区', '320576'],
    ['232761 加格达奇区', '232761'],
    // provinces GB/T 2260 codes that the package lists by name only
    ['香港', '810000'],
    ['澳门特别行政区', '820000'],
  ])('%s → %s', (name, code) => {
    expect(outcome(matchRegion(name))).toBe(code);
  });
});

describe('matchRegion: names that are prefixes of others', () => {
  it.each([
    // a province's short name is the province; the city is written with 市
    ['吉林', '220000'],
    ['吉林省', '220000'],
    ['吉林市', '220200'],
    ['吉林省吉林市', '220200'],
    ['海南', '460000'],
    ['海南省', '460000'],
    ['海南藏族自治州', '632500'],
    ['海南州', '632500'],
    ['青海海南', '632500'],
    ['河南', '410000'],
    ['河南蒙古族自治县', '632324'],
    ['河北', '410000'.replace('41', '13')],
    ['天津河北区', '120105'],
    // a short name whose other reading lies under it: the coarser one
    ['长沙', '430100'],
    ['长沙县', '430121'],
    ['长沙市', '430100'],
    ['乌鲁木齐', '650100'],
    ['乌鲁木齐县', '650121'],
    // 新区 and 矿区 are not stripped: 井陉 is the county, 井陉矿区 the district
    ['井陉', '130121'],
    ['井陉矿区', '130107'],
    ['矿区', '140303'],
    ['滨海新区', '120116'],
    ['浦东新区', '310115'],
    // a legal 新区 answers to its stem; a statistical one does not (兰州 is 兰州市)
    ['浦东', '310115'],
    ['沈北', '210113'],
    ['滨海', '?120116,320922'],
    ['兰州', '620100'],
    ['兰州新区', '620171'],
    ['清新', '441803'],
    // a one-character stem is not a name: 赵 is not 赵县
    ['赵', '-unknown-name'],
    ['赵县', '130133'],
    ['城', '-unknown-name'],
  ])('%s → %s', (name, code) => {
    expect(outcome(matchRegion(name))).toBe(code);
  });
});

describe('matchRegion: names in several places', () => {
  const fourGulou = '?320106,320302,350102,410204';
  it.each<[string, MatchContext | undefined, string]>([
    ['鼓楼区', undefined, fourGulou],
    ['鼓楼', undefined, fourGulou],
    ['朝阳区', undefined, '?110105,220104'],
    ['朝阳', undefined, '?110105,211300,211321,220104'],
    // within: a province or city chosen by the user
    ['鼓楼区', { within: '350000' }, '350102'],
    ['鼓楼区', { within: '320000' }, '?320106,320302'],
    ['鼓楼区', { within: '320300' }, '320302'],
    ['鼓楼区', { within: '230000' }, '-outside-within'],
    ['道里区', { within: '230000' }, '230102'],
    ['道里区', { within: '230102' }, '230102'],
    ['吉林', { within: '220000' }, '220200'],
    ['吉林省', { within: '220000' }, '220000'],
    ['朝阳', { within: '210000' }, '211300'],
    // within picks among the readings of a short name, a province's included
    ['河北', { within: '120000' }, '120105'],
    ['海南', { within: '150300' }, '150303'],
    ['朝阳区', { within: '210000' }, '-outside-within'],
    // near: the file's other regions
    ['鼓楼区', { near: ['350103', '350104'] }, '350102'],
    ['鼓楼区', { near: ['350100'] }, '350102'],
    ['鼓楼区', { near: ['350203'] }, '350102'],
    ['鼓楼区', { near: ['320102', '320104'] }, '320106'],
    ['鼓楼区', { near: ['320303', '320311'] }, '320302'],
    ['鼓楼区', { near: ['320102', '320303'] }, '?320106,320302'],
    ['鼓楼区', { near: ['230102'] }, fourGulou],
    ['鼓楼区', { near: ['999999', 'x'] }, fourGulou],
    ['鼓楼区', { near: [] }, fourGulou],
    // a file of a province's cities: 吉林 is the city; a file of provinces: the province
    ['吉林', { near: ['220100', '220300'] }, '220200'],
    ['吉林', { near: ['230000', '210000'] }, '220000'],
    ['吉林', { near: ['220000', '220100'] }, '220200'],
    ['海南', { near: ['630100', '632200'] }, '632500'],
    ['长沙', { near: ['430181', '430182'] }, '430121'],
    ['朝阳', { near: ['110101', '110102'] }, '110105'],
    ['朝阳', { within: '210000', near: ['211302', '211303'] }, '211321'],
  ])('%s with %j → %s', (name, context, code) => {
    expect(outcome(matchRegion(name, context))).toBe(code);
  });
});

describe('matchRegion: codes with and without a match', () => {
  it.each([
    ['999999', '-unknown-code'],
    ['000000', '-unknown-code'],
    // the 市辖区 of 北京, 天津, 上海 cover the whole city: city-level tables code them so
    ['110100', '110000'],
    ['120100 天津市', '120000'],
    ['310100', '310000'],
    ['310100 北京市', '?310000,110000'],
    // 重庆's covers its districts, not its counties: it names nothing
    ['500100', '-unknown-code'],
    ['500200', '-unknown-code'],
    ['230102001000', '-finer-than-county'], // a street
    ['230102001001 某社区', '-finer-than-county'],
    ['12345', '-unknown-name'],
    ['2301021', '-unknown-name'],
    // a known code beside a name the table does not know: the code decides
    ['230102 某某', '230102'],
    // an unknown code beside a known name: the name decides
    ['999999 道里区', '230102'],
    // code and name disagree: ask, the code's division first
    ['230103 道里区', '?230103,230102'],
    ['350102 道里区', '?350102,230102'],
    ['220000 吉林市', '?220000,220200'],
    ['220200 吉林', '220200'],
    // a code settles a name found in several places
    ['鼓楼区（350102）', '350102'],
    ['320302鼓楼区', '320302'],
  ])('%s → %s', (name, code) => {
    expect(outcome(matchRegion(name))).toBe(code);
  });

  it('says how it matched', () => {
    expect(matchRegion('道里区')).toMatchObject({ status: 'matched', via: 'name' });
    expect(matchRegion('230102')).toMatchObject({ status: 'matched', via: 'code' });
    expect(matchRegion('230102 道里区')).toMatchObject({ status: 'matched', via: 'code-and-name' });
    expect(matchRegion('999999 道里区')).toMatchObject({ status: 'matched', via: 'name', unknownCode: '999999' });
    expect(matchRegion('230103 道里区')).toMatchObject({ status: 'ambiguous', reason: 'code-name-mismatch' });
    expect(matchRegion('鼓楼区')).toMatchObject({ status: 'ambiguous', reason: 'name' });
    expect(matchRegion('吉林')).toMatchObject({ status: 'matched', assumed: true });
    expect(matchRegion('长沙')).toMatchObject({ status: 'matched', assumed: true });
    expect(matchRegion('吉林', { near: ['230000'] })).not.toHaveProperty('assumed');
    expect(matchRegion('吉林市')).not.toHaveProperty('assumed');
  });

  it('marks statistical units', () => {
    expect(matchRegion('150571')).toMatchObject({ status: 'matched', division: { name: '通辽经济技术开发区', statistical: true, parent: '150500' } });
    const m = matchRegion('道里区');
    expect(m.status === 'matched' && m.division.statistical).toBeFalsy();
  });

  it('a code outside `within` is not matched', () => {
    expect(outcome(matchRegion('230102', { within: '350000' }))).toBe('-outside-within');
    expect(outcome(matchRegion('230102', { within: '230100' }))).toBe('230102');
  });
});

describe('matchRegion: junk', () => {
  it.each([
    [''],
    ['   '],
    ['　'],
    ['合计'],
    ['全省'],
    ['abc'],
    ['__proto__'],
    ['constructor'],
    ['<script>alert(1)</script>'],
    ['=SUM(A1:A3)'],
    ['哈尔滨市南京市'],
    ['大连市南岗区'],
    ['道里区道里区'],
    ['区'],
    ['市'],
    ['省'],
    ['自治区'],
    ['-'],
    ['2023年'],
    ['道里区（含开发区）'],
    ['鼓楼区（大连）'],
    ['哈尔滨市本级'],
    ['哈尔滨市区'],
    ['其中'],
    ['道里区'.repeat(21)],
  ])('%j → unmatched', (name) => {
    expect(matchRegion(name).status).toBe('unmatched');
  });

  it('does not read a 100,000-character cell', () => {
    expect(matchRegion(`${'黑'.repeat(100000)}道里区`)).toEqual({ status: 'unmatched', reason: 'unknown-name' });
  });

  it('reads the longest real names with every parent in front', () => {
    expect(outcome(matchRegion('新疆维吾尔自治区克孜勒苏柯尔克孜自治州阿合奇县'))).toBe('653023');
    expect(outcome(matchRegion('海南省三沙市中沙群岛的岛礁及其海域'))).toBe('460323');
  });
});

describe('matchRegion: the user\u2019s aliases', () => {
  // 撤县设区: 阿城市 became 阿城区 (230112); an office still writes the old name.
  const aliases = { 阿城市: '230112', '鼓楼区': '350102', 坏的: '999999' };

  it.each<[string, MatchContext, string]>([
    ['阿城市', { aliases }, '230112'],
    ['阿城市', {}, '-unknown-name'],
    ['哈尔滨市阿城市', { aliases }, '230112'],
    ['阿 城 市', { aliases }, '230112'],
    ['鼓楼区', { aliases }, '350102'],
    ['鼓楼区', { aliases: new Map([['鼓楼区', '320106']]) }, '320106'],
    ['阿城市', { aliases, within: '350000' }, '-outside-within'],
    ['230112 阿城市', { aliases }, '230112'],
    ['坏的', { aliases }, '-unknown-name'],
  ])('%s with %j → %s', (name, context, code) => {
    expect(outcome(matchRegion(name, context))).toBe(code);
  });

  it('says the alias matched', () => {
    expect(matchRegion('阿城市', { aliases })).toMatchObject({ status: 'matched', via: 'alias' });
  });
});

describe('matchRegion: inputs are not mutated', () => {
  it('leaves context, near and aliases as they were', () => {
    const near = ['350103', '350104'];
    const aliases = { 阿城市: '230112' };
    const context = { within: '350000', near, aliases };
    const before = JSON.stringify(context);
    matchRegion('鼓楼区', context);
    matchRegion('阿城市', context);
    expect(JSON.stringify(context)).toBe(before);
  });

  it('returns divisions that cannot be changed through a match', () => {
    const m = matchRegion('道里区');
    if (m.status !== 'matched') throw new Error('expected a match');
    expect(Object.isFrozen(m.division)).toBe(true);
  });
});

describe('matchFileRegions: a file\u2019s names settle one another', () => {
  it.each<[string[], Omit<MatchContext, 'near'> | undefined, string[]]>([
    // 巴州 among 新疆's prefectures is 巴音郭楞, not 巴中's 巴州区
    [['巴州', '克州', '伊犁州', '阿克苏地区'], undefined, ['652800', '653000', '654000', '652900']],
    [['鼓楼区', '台江区', '仓山区'], undefined, ['350102', '350103', '350104']],
    [['鼓楼区', '玄武区', '秦淮区'], undefined, ['320106', '320102', '320104']],
    [['吉林', '长春市', '四平市'], undefined, ['220200', '220100', '220300']],
    [['吉林', '黑龙江', '辽宁'], undefined, ['220000', '230000', '210000']],
    [['鼓楼区', '鼓楼区', '道里区'], undefined, ['?320106,320302,350102,410204', '?320106,320302,350102,410204', '230102']],
    [['鼓楼区', '朝阳区'], { within: '350000' }, ['350102', '-outside-within']],
    [['阿城市', '道里区'], { aliases: { 阿城市: '230112' } }, ['230112', '230102']],
    [[], undefined, []],
  ])('%j with %j → %j', (names, context, expected) => {
    expect(matchFileRegions(names, context).map(outcome)).toEqual(expected);
  });

  it('does not mutate its input', () => {
    const names = ['鼓楼区', '台江区'];
    matchFileRegions(names);
    expect(names).toEqual(['鼓楼区', '台江区']);
  });
});
