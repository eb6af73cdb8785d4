import { describe, expect, it } from 'vitest';
import { findFigures } from '../../../src/reports/find-figures';

const first = (text: string) => findFigures(text).figures[0];
const values = (text: string) => findFigures(text).figures.map((f) => [f.value, f.unit, f.kind]);

describe('findFigures: values in the base unit, as the import reads them', () => {
  it.each([
    ['2024年全区保护性耕作面积6.04万亩。', 60400, '亩', '万亩'],
    ['2021年全市完成压采量1.14亿立方米。', 114000000, '立方米', '亿立方米'],
    ['全省共设置河湖长2.1万名。', 21000, '名', '万名'],
    ['全省注册登记的825座水库全部落实库长。', 825, '座', undefined],
    ['全区秸秆实现还田率65.73%。', 65.73, '%', undefined],
    ['秸秆还田量67183.02吨。', 67183.02, '吨', undefined],
    ['开展执法检查1.5万次。', 15000, '次', '万次'],
    ['服务6.75万人次。', 67500, '人次', '万人次'],
    ['发生重污染395天次。', 395, '天次', undefined],
    ['装备机械设备4417台(套)。', 4417, '台(套)', undefined],
    ['总投资1,723亿元。', 172300000000, '元', '亿元'],
    ['完成率达到１１０％。', 110, '%', undefined],
    ['涉及金额237054.47 万元。', 2370544700, '元', '万元'],
    ['粮食产量达到1557.6亿斤。', 155760000000, '斤', '亿斤'],
    ['日处理污水5万立方米/日。', 50000, '立方米/日', '万立方米/日'],
    ['降雨量120毫米。', 120, '毫米', undefined],
    ['新增装机容量120万千瓦。', 1200000, '千瓦', '万千瓦'],
  ])('%s → %d %s', (text, value, unit, displayUnit) => {
    const f = first(text);
    expect([f.value, f.unit, f.displayUnit, f.kind]).toEqual([value, unit, displayUnit, 'level']);
  });
});

describe('findFigures: changes keep their sign', () => {
  it.each([
    ['PM10平均浓度同比下降30.1%。', -30.1, '%', 'relative', 'PM10平均浓度'],
    ['优良天数同比增加59天。', 59, '天', 'absolute', '优良天数'],
    ['达标率提高3.2个百分点。', 3.2, '个百分点', 'points', '达标率'],
    ['违法案件较上年减少12件。', -12, '件', 'absolute', '违法案件'],
    ['用水量下降2.3个百分点。', -2.3, '个百分点', 'points', '用水量'],
    ['集装箱同比增长19.2%。', 19.2, '%', 'relative', '集装箱'],
    // 增长1.5倍: the new level is 2.5 times the old (domain.md), as the import reads it.
    ['吞吐量增长1.5倍。', 2.5, '倍', 'multiple', '吞吐量'],
  ])('%s → %d %s', (text, value, unit, changeType, indicator) => {
    const f = first(text);
    expect([f.value, f.unit, f.kind, f.changeType, f.indicator]).toEqual([value, unit, 'change', changeType, indicator]);
  });

  it('a level reached is not a change: 提高到, 增至', () => {
    expect(values('还田率提高到65%，面积增至6万亩。')).toEqual([
      [65, '%', 'level'],
      [60000, '亩', 'level'],
    ]);
  });

  it('新增 is a count of new things, not a change', () => {
    expect(first('全年新增高新技术企业214家。')).toMatchObject({ value: 214, unit: '家', kind: 'level', indicator: '新增高新技术企业' });
  });
});

describe('findFigures: qualifiers mark a figure approximate', () => {
  it.each([
    ['发放宣传资料500余份。', 500, '份'],
    ['派出暗访组约20人。', 20, '人'],
    ['整治问题近1100个。', 1100, '个'],
    ['撬动配套资金6000万元以上。', 60000000, '元'],
    ['受益群众10万人左右。', 100000, '人'],
    ['清理垃圾超过187.6万立方米。', 1876000, '立方米'],
    ['累计获得奖励资金8000万元。', 80000000, '元'],
    ['举办活动1700多次。', 1700, '次'],
    ['完成造林超3000亩。', 3000, '亩'],
  ])('%s', (text, value, unit) => {
    expect(first(text)).toMatchObject({ value, unit, approximate: true });
  });

  it('an exact figure has no approximate mark', () => {
    expect(first('印发倡议书500份。').approximate).toBeUndefined();
  });
});

describe('findFigures: indicator, region, period, target', () => {
  it.each([
    ['2024年全区保护性耕作面积6.04万亩、超出市下达任务。', '保护性耕作面积'],
    ['全区秸秆实现还田率65.73%。', '秸秆还田率'],
    ['PM10平均浓度同比下降30.1%。', 'PM10平均浓度'],
    ['细化分解12项整改任务。', '整改任务'],
    ['查处违法案件363件、违法人员410人。', '查处违法案件'],
    ['全省组建河湖保洁队伍2113个。', '组建河湖保洁队伍'],
    ['完成整改688个，未完成5个。', '完成整改'],
    ['共召开专题民主生活会(组织生活会)38次。', '召开专题民主生活会'],
    ['2024年，先后2次召开区级联席会议。', '召开区级联席会议'],
    ['派出2350人次开展违法占地巡查。', '开展违法占地巡查'],
    ['连续3年获得国务院督查激励。', '获得国务院督查激励'],
    // A place opening the name is the figure's region, not what it measures.
    ['2023年，乌海市空气优良天数达到300天。', '空气优良天数'],
    ['哈尔滨市道里区完成保护性耕作面积6.04万亩。', '保护性耕作面积'],
    ['沧州市PM2.5平均浓度为45微克/立方米。', 'PM2.5平均浓度'],
    // A figure inside an open bracket is named by the words inside it, if any.
    ['巡察反馈问题5个(细化问题9个)。', '巡察反馈问题'],
    ['现将集中整改期(3个月)情况公布。', '现将集中整改期'],
    // A long name cut to its last words starts after 等, not mid-word (黑龙江省 → 龙江省).
    ['修订完善《黑龙江省河长湖长巡查制度》等基础制度8项。', '基础制度'],
    ['召开其他相关会议4次。', '召开其他相关会议'],
  ])('%s → %s', (text, indicator) => {
    expect(first(text).indicator).toBe(indicator);
  });

  it('a figure joined to the one before by a verb measures the same thing', () => {
    expect(findFigures('补水河道由19公里延伸至151公里。').figures.map((f) => f.indicator)).toEqual(['补水河道', '补水河道']);
  });

  it('a region named in the sentence, else the heading, else the report', () => {
    const text = '中共哈尔滨市道里区委员会\n一、总体情况\n全区保护性耕作面积6.04万亩。\n（二）松北区\n松北区完成还田率70%。\n2024年11月5日';
    const [a, b] = findFigures(text).figures;
    expect(a.region).toEqual({ name: '哈尔滨市道里区', code: '230102', from: 'document' });
    expect(b.region).toMatchObject({ name: '松北区', from: 'sentence' });
  });

  it('a county with a two-character name is the report’s region when its committee signs it', () => {
    const text = '中共献县县委关于巡察整改进展情况的通报\n全县完成老城区改造3处，中心城区绿化2万平方米。\n中共献县县委\n2022年8月16日';
    const figures = findFigures(text).figures;
    expect(figures.map((f) => f.region)).toEqual([
      { name: '献县', code: '130929', from: 'document' },
      { name: '献县', code: '130929', from: 'document' },
    ]);
  });

  it('an organization of a place (通辽市委巡察组) is not where the figure is', () => {
    const text = '通辽经济技术开发区\n党工委将通辽市委巡察组反馈的5个问题细化为9项。';
    expect(findFigures(text).figures[0].region?.name).toBe('通辽经济技术开发区');
  });

  it.each([
    ['2023—2024年度全区秸秆还田率65.73%。', '2023/2024', 'season'],
    ['截至2024年6月底，已完成整改8个。', '2024-06', 'month'],
    ['2021年上半年签约项目48个。', '2021-H1', 'half'],
    ['2021年四季度集中开工项目150个。', '2021-Q4', 'quarter'],
    ['2019年至2021年，累计获得奖励资金8000万元。', '2019/2021', 'range'],
    ['排查2022—2023年涉及项目11个。', '2022/2023', 'range'],
  ])('%s → %s', (text, key, grain) => {
    expect(first(text).period).toMatchObject({ key, grain, from: 'sentence' });
  });

  it('a period opening a statement holds after its semicolons', () => {
    const figures = findFigures('截至2024年10月底，已整改金额128.6亿元；制定规章制度215项；追责问责312人次。全年新增企业5家。\n2025年1月3日').figures;
    expect(figures.map((f) => f.period?.key)).toEqual(['2024-10', '2024-10', '2024-10', '2024']);
  });

  it('how much of a target was done is a figure, not the target', () => {
    const figures = findFigures('森林覆盖率42.5%，完成年度目标任务的115%。').figures;
    expect(figures.map((f) => [f.value, f.indicator, f.target])).toEqual([
      [42.5, '森林覆盖率', undefined],
      [115, '完成年度目标任务', undefined],
    ]);
  });

  it('a period without its year takes the last year named (下半年 after 2021年)', () => {
    const figures = findFigures('2021年全市签约项目300个。下半年签约亿元以上项目486个。').figures;
    expect(figures[1].period).toMatchObject({ key: '2021-H2', label: '下半年' });
  });

  it('no period in the sentence: the report date', () => {
    const figures = findFigures('道里区整改进展\n制定整改措施37条。\n2024年11月5日').figures;
    expect(figures[0].period).toEqual({ key: '2024', grain: 'year', label: '2024年', from: 'document' });
  });

  it('a target in the same unit belongs to the figure, not a figure of its own', () => {
    const figures = findFigures('2021年全市完成压采量1.14亿立方米，超额完成省定0.92亿立方米的年度目标任务。').figures;
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ value: 114000000, target: { value: 92000000, unit: '立方米', displayUnit: '亿立方米' } });
  });

  it('a target stated before its figure (目标…，完成…)', () => {
    const figures = findFigures('年度目标任务3万亩，实际完成3.2万亩。').figures;
    expect(figures.map((f) => [f.value, f.target?.value])).toEqual([[32000, 30000]]);
  });

  it('the year compared with is not the figure’s period', () => {
    expect(first('2023年违法案件较2022年下降15%。').period?.key).toBe('2023');
  });

  it('目标为 … before the number is a target too', () => {
    const figures = findFigures('完成造林面积3.2万亩，目标为3万亩。').figures;
    expect(figures.map((f) => f.target?.value)).toEqual([30000]);
  });
});

describe('findFigures: what is not a figure', () => {
  it.each([
    ['a date', '2023年12月5日，巡察组反馈了意见。'],
    ['a document number', '印发《通知》（道办发〔2023〕12号）。'],
    ['a clause number', '依据第3条规定办理。'],
    ['a hotline', '群众可拨打12345热线反映。'],
    ['a phone number', '联系方式:(0451)84550888;电话0473—8991069。'],
    ['list numbering 1. 2、', '1.制定道里区专项规划。2、完善考核内容。'],
    ['a dotted section number 1.2.3', '详见1.2.3节。'],
    ['a bracketed ordinal', '(1)加强领导。（2）压实责任。'],
    ['a year without unit', '2023是关键之年。'],
    ['a postcode and an e-mail', '邮政编码:150018;电子邮箱:dlqwzgb11@163.com。'],
    ['a time', '发布时间:2022-08-16 16:45:22'],
    ['PM10 itself', 'PM10和PM2.5浓度持续改善。'],
    ['a number inside a title', '印发《2024年第3批项目清单》。'],
    ['a threshold that describes what is counted', '储备5000万元以上项目。'],
    ['“10万+” popularity', '点击量“10万+”融媒体产品层出不穷。'],
    ['an ordinal list of 4+5+3', '新增“4+5+3”现代产业体系。'],
    ['a rank', '增速居全省第2位，进入前10名。'],
    ['a month range', '1至9月持续推进。'],
  ])('%s', (_what, text) => {
    expect(findFigures(text).figures).toEqual([]);
  });

  it('a bare number borrows the unit of its parallel figure', () => {
    expect(values('开发区级林长巡林20,镇街级林长巡林150余次。')).toEqual([
      [20, '次', 'level'],
      [150, '次', 'level'],
    ]);
  });

  it('numbers listed before their unit share it', () => {
    expect(values('浓度最低的3个城市分别为47、55和55微克/立方米。')).toEqual([
      [3, '个', 'level'],
      [47, '微克/立方米', 'level'],
      [55, '微克/立方米', 'level'],
      [55, '微克/立方米', 'level'],
    ]);
  });

  it('a bare number with no parallel is left out', () => {
    expect(findFigures('全区共有20,其他情况另行说明。').figures).toEqual([]);
  });
});

describe('findFigures: sentences and offsets', () => {
  const text = '按照部署，现将情况公布。\n一、总体情况\n  制定整改措施37条，同步建立了清单；明确13家成员单位。\n2024年11月5日';

  it('every figure points at its whole sentence in the text', () => {
    const figures = findFigures(text).figures;
    expect(figures.map((f) => f.sentence)).toEqual(['制定整改措施37条，同步建立了清单；', '明确13家成员单位。']);
    for (const f of figures) {
      expect(text.slice(f.start, f.start + f.sentence.length)).toBe(f.sentence);
      expect(text.slice(f.rawStart, f.rawStart + f.raw.length)).toBe(f.raw);
    }
    expect(figures.map((f) => f.paragraph)).toEqual([2, 2]);
  });

  it('full-width digits keep their offsets', () => {
    const t = '还田率６５．７３％，面积６．０４万亩。';
    const figures = findFigures(t).figures;
    expect(figures.map((f) => [f.value, f.raw])).toEqual([
      [65.73, '６５．７３％'],
      [60400, '６．０４万亩'],
    ]);
  });

  it('two multipliers are read literally and flagged (1.1亿万元)', () => {
    expect(first('落实经费1.1亿万元。')).toMatchObject({ value: 1.1e12, unit: '元', warning: 'double_multiplier' });
  });

  it('the text is not changed', () => {
    const copy = `${text}`;
    findFigures(text);
    expect(text).toBe(copy);
  });
});
