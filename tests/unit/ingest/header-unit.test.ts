import { describe, expect, it } from 'vitest';
import { indicatorFromTitle, splitHeaderUnit, splitPath, unitLine } from '../../../src/ingest/header-unit';

describe('splitHeaderUnit', () => {
  it.each([
    ['面积（万亩）', '面积', '万亩'],
    ['秸秆还田量(吨)', '秸秆还田量', '吨'],
    ['秸秆还田/面积（万亩）', '秸秆还田/面积', '万亩'],
    ['用水总量（单位：亿立方米）', '用水总量', '亿立方米'],
    ['秸秆还田率（%）', '秸秆还田率', '%'],
    ['PM10平均浓度（μg/m3）', 'PM10平均浓度', 'μg/m3'],
    ['PM10平均浓度（μg/m³）', 'PM10平均浓度', 'μg/m³'],
    ['面积（ｋｍ²）', '面积', 'km²'],
    ['投资（含技改）', '投资（含技改）', ''],
    ['主要指标（2021—2024年）', '主要指标（2021—2024年）', ''],
    ['地区', '地区', ''],
    // A unit after a slash, or alone as the last level of a merged header (issue 18).
    ['粮食产量/万吨', '粮食产量', '万吨'],
    ['产值／亿元', '产值', '亿元'],
    ['增速/%', '增速', '%'],
    ['万吨', '', '万吨'],
    ['秸秆还田/面积', '秸秆还田/面积', ''],
    ['面积', '面积', ''],
  ])('%s', (header, name, unit) => {
    expect(splitHeaderUnit(header)).toEqual({ name, unit });
  });
});

describe('splitPath', () => {
  it.each([
    ['秸秆还田/面积（万亩）', ['秸秆还田', '面积（万亩）']],
    ['PM10浓度（μg/m3）', ['PM10浓度（μg/m3）']],
    ['2024年/单产(吨/亩)', ['2024年', '单产(吨/亩)']],
    ['地区', ['地区']],
  ])('%s', (header, parts) => {
    expect(splitPath(header)).toEqual(parts);
  });
});

describe('unitLine', () => {
  it.each([
    ['单位：万元', '万元'],
    ['（单位：亿立方米）', '亿立方米'],
    ['计量单位: 吨', '吨'],
    ['单位名称', undefined],
  ])('%s', (text, unit) => {
    expect(unitLine(text)).toBe(unit);
  });
});

describe('indicatorFromTitle', () => {
  it.each([
    ['2021—2024年各区县地区生产总值（亿元）', '地区生产总值（亿元）'],
    ['哈尔滨市道里区黑土地保护主要指标（2021—2024年）', '哈尔滨市道里区黑土地保护主要指标'],
    ['2024年1-6月各县区主要经济指标情况表', '主要经济指标'],
    ['各市2023年度一般公共预算收入统计表', '一般公共预算收入'],
    ['2024年', '2024年'],
  ])('%s → %s', (title, name) => {
    expect(indicatorFromTitle(title)).toBe(name);
  });

  it('input is not mutated', () => {
    const title = '2024年各区县投资';
    indicatorFromTitle(title);
    splitHeaderUnit(title);
    expect(title).toBe('2024年各区县投资');
  });
});
