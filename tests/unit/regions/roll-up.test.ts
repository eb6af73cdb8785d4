import { describe, expect, it } from 'vitest';
import { isAdditiveUnit, rollUp, type CodedValue } from '../../../src/regions';

// 石嘴山市 640200: 大武口区 640202, 惠农区 640205, 平罗县 640221.
const shizuishan: CodedValue[] = [
  { code: '640202', value: 10 },
  { code: '640205', value: 20 },
  { code: '640221', value: 30 },
];

describe('isAdditiveUnit', () => {
  it.each([
    // counts, areas, amounts (with multipliers)
    ['个', true], ['项', true], ['人', true], ['万人', true], ['名', true], ['座', true], ['件', true],
    ['次', true], ['人次', true], ['万人次', true], ['亩', true], ['万亩', true], ['公顷', true],
    ['平方公里', true], ['元', true], ['万元', true], ['亿元', true], ['吨', true], ['万吨', true],
    ['立方米', true], ['亿立方米', true], [' 万元 ', true], ['千瓦时', true],
    // rates, ratios, concentrations, averages, indexes
    ['%', false], ['％', false], ['‰', false], ['百分点', false], ['微克/立方米', false], ['μg/m³', false],
    ['µg/m3', false], ['ug/m3', false], ['mg/L', false], ['毫克/升', false], ['元/人', false],
    ['人/平方公里', false], ['万元/亩', false], ['平均工资', false], ['元(平均)', false], ['增长率', false],
    ['指数', false], ['CPI指数', false], ['倍', false], ['每万人', false],
    // unknown or absent: not summed unless the indicator's setting says so
    ['', false], [undefined, false], ['分', false], ['天', false], ['℃', false], ['岁', false],
  ])('%j → %s', (unit, expected) => {
    expect(isAdditiveUnit(unit)).toBe(expected);
  });
});

describe('rollUp', () => {
  it('sums every county of a prefecture, marked complete', () => {
    const { rows, unplaced, duplicates } = rollUp(shizuishan, 'prefecture', 'sum');
    expect(rows).toEqual([
      { code: '640200', sum: 60, complete: true, missing: [], parts: ['640202', '640205', '640221'], differs: false },
    ]);
    expect(unplaced).toEqual([]);
    expect(duplicates).toEqual([]);
  });

  it('a missing county leaves the sum incomplete, with the county listed', () => {
    const { rows } = rollUp(shizuishan.slice(0, 2), 'prefecture', 'sum');
    expect(rows).toEqual([{ code: '640200', sum: 30, complete: false, missing: ['640221'], parts: ['640202', '640205'], differs: false }]);
  });

  it('never replaces a value reported for the parent; says when the two differ', () => {
    const differ = rollUp([{ code: '640200', value: 61 }, ...shizuishan], 'prefecture', 'sum').rows[0];
    expect(differ).toMatchObject({ code: '640200', reported: 61, sum: 60, complete: true, differs: true });
    const agree = rollUp([...shizuishan, { code: '640200', value: 60 + 1e-12 }], 'prefecture', 'sum').rows[0];
    expect(agree).toMatchObject({ reported: 60 + 1e-12, sum: 60, differs: false });
  });

  it('a parent reported alone keeps its value, complete, with no sum', () => {
    const { rows } = rollUp([{ code: '640200', value: 61 }], 'prefecture', 'sum');
    expect(rows).toEqual([{ code: '640200', reported: 61, complete: true, missing: [], parts: [], differs: false }]);
  });

  it('rolls counties to the province, a city reported standing for its counties', () => {
    const values = [
      ...shizuishan,
      { code: '640100', value: 100 }, // 银川市 as a whole
      { code: '640302', value: 1 }, // one county of 吴忠市
      { code: '640400', value: 5 },
      { code: '640500', value: 7 },
    ];
    const [row] = rollUp(values, 'province', 'sum').rows;
    expect(row.code).toBe('640000');
    expect(row.sum).toBe(100 + 60 + 1 + 5 + 7);
    expect(row.complete).toBe(false);
    expect(row.missing).toEqual(['640303', '640323', '640324', '640381']);
    expect(row.parts).toEqual(['640100', '640202', '640205', '640221', '640302', '640400', '640500']);
  });

  it('a city with no value at all is listed as itself, not as its counties', () => {
    const [row] = rollUp(shizuishan, 'province', 'sum').rows;
    expect(row).toMatchObject({ code: '640000', sum: 60, complete: false, missing: ['640100', '640300', '640400', '640500'] });
  });

  it('with aggregation none, sums nothing and keeps reported values', () => {
    const { rows } = rollUp([{ code: '640200', value: 61 }, ...shizuishan, { code: '640302', value: 1 }], 'prefecture', 'none');
    expect(rows).toEqual([
      { code: '640200', reported: 61, complete: true, missing: [], parts: [], differs: false },
      { code: '640300', complete: false, missing: [], parts: [], differs: false },
    ]);
    expect(rows.some((r) => r.sum !== undefined)).toBe(false);
  });

  it('municipality districts roll to the province level; at prefecture level they have none', () => {
    const values = [{ code: '110101', value: 1 }, { code: '110102', value: 2 }];
    expect(rollUp(values, 'province', 'sum').rows[0]).toMatchObject({ code: '110000', sum: 3, complete: false });
    expect(rollUp(values, 'province', 'sum').rows[0].missing).toHaveLength(14);
    const prefecture = rollUp(values, 'prefecture', 'sum');
    expect(prefecture.rows).toEqual([]);
    expect(prefecture.unplaced).toEqual(['110101', '110102']);
  });

  it('counties directly under a province roll to it, and have no prefecture', () => {
    const r = rollUp([{ code: '429004', value: 4 }], 'prefecture', 'sum');
    expect(r.rows).toEqual([]);
    expect(r.unplaced).toEqual(['429004']);
  });

  it('statistical units are needed only where the values include one of them', () => {
    // 通辽市 150500: eight counties and 150571 通辽经济技术开发区.
    const counties = ['150502', '150521', '150522', '150523', '150524', '150525', '150526', '150581'].map((code) => ({ code, value: 1 }));
    expect(rollUp(counties, 'prefecture', 'sum').rows[0]).toMatchObject({ sum: 8, complete: true, missing: [] });
    const withZone = [...counties.slice(1), { code: '150571', value: 2 }];
    expect(rollUp(withZone, 'prefecture', 'sum').rows[0]).toMatchObject({ sum: 9, complete: false, missing: ['150502'] });
    expect(rollUp([...counties, { code: '150571', value: 2 }], 'prefecture', 'sum').rows[0]).toMatchObject({ sum: 10, complete: true });
  });

  it('lists codes the table lacks and repeated codes, and counts only the first value', () => {
    const r = rollUp([...shizuishan, { code: '640202', value: 1000 }, { code: '999999', value: 5 }], 'prefecture', 'sum');
    expect(r.rows[0]).toMatchObject({ sum: 60, complete: true });
    expect(r.unplaced).toEqual(['999999']);
    expect(r.duplicates).toEqual(['640202']);
  });

  it('coarser values are not rows at a finer level', () => {
    expect(rollUp([{ code: '640000', value: 1 }], 'prefecture', 'sum')).toEqual({ rows: [], unplaced: [], duplicates: [] });
  });

  it('at county level gives each county its own value', () => {
    expect(rollUp(shizuishan.slice(0, 1), 'county', 'sum').rows).toEqual([
      { code: '640202', reported: 10, complete: true, missing: [], parts: [], differs: false },
    ]);
  });

  it('does not mutate its input', () => {
    const values = [{ code: '640200', value: 61 }, ...shizuishan];
    const before = JSON.stringify(values);
    rollUp(values, 'province', 'sum');
    rollUp(values, 'prefecture', 'none');
    expect(JSON.stringify(values)).toBe(before);
  });
});
