import { describe, expect, it } from 'vitest';
import { inferRoles } from '../../../src/ingest/infer-roles';

describe('inferRoles', () => {
  it.each([
    ['wide, years as columns', ['序号', '地区', '指标', '2023年', '2024年'], [['1', '道里区', '面积', '5.9', '6.04']], ['ignore', 'region', 'indicator', 'period-column', 'period-column']],
    ['long', ['区划代码', '地区', '指标', '年份', '数值', '单位', '目标值', '来源'], [['230102', '道里区', '面积', '2024', '6.04', '万亩', '6', '报告']], ['regionCode', 'region', 'indicator', 'period', 'value', 'unit', 'target', 'source']],
    ['indicators as columns', ['地区', '年份', '河湖长（名）', '水库（座）'], [['黑龙江省', '2022', '2.1万', '825']], ['region', 'period', 'indicator-column', 'indicator-column']],
    ['unnamed region column', ['', '2024年'], [['道里区', '6.04'], ['南岗区', '3.3']], ['region', 'period-column']],
    ['unnamed column of indicators with units', ['', '2024年'], [['保护性耕作面积（万亩）', '6.04'], ['秸秆还田量（吨）', '67183.02']], ['indicator', 'period-column']],
    ['名称 beside a code column is the region', ['代码', '名称', '2023年', '2024年'], [['230102', '道里区', '1', '2']], ['regionCode', 'region', 'period-column', 'period-column']],
    ['名称 beside a code column with indicator names stays the indicator', ['代码', '名称', '2024年'], [['A01', '保护性耕作面积', '1']], ['regionCode', 'indicator', 'period-column']],
    ['English headers', ['region', 'indicator', 'year', 'value', 'unit'], [['a', 'b', '2024', '1', 't']], ['region', 'indicator', 'period', 'value', 'unit']],
    ['codes by content', ['编码x', '名称', '2024'], [['010101', '示例区', '1']], ['regionCode', 'region', 'period-column']],
    // Year detection weighs the header, never the values alone (issue 21).
    ['a count whose values look like years is a value column', ['地区', '年份', '巡河次数'], [['道里区', '2022', '1520'], ['南岗区', '2022', '1046'], ['香坊区', '2022', '2016']], ['region', 'period', 'indicator-column']],
    ['headers with a unit hold values', ['地区', '统计年度', '面积（亩）', '人数（人）'], [['道里区', '2022', '1998', '2016'], ['南岗区', '2022', '2010', '2024']], ['region', 'period', 'indicator-column', 'indicator-column']],
    ['a count beside no period column is still a value column', ['地区', '巡河人数'], [['道里区', '2016'], ['南岗区', '1520']], ['region', 'indicator-column']],
    ['year-like values under a period word are periods', ['地区', '统计年份', '数值'], [['道里区', '2022', '6.04'], ['南岗区', '2023', '3.3']], ['region', 'period', 'value']],
    ['…and under 填报时间 or 所属期间', ['地区', '填报时间', '所属期间', '数值'], [['道里区', '2022', '2024.03', '6.04']], ['region', 'period', 'period', 'value']],
    ['…and under 统计月 (2024.03 is a month there)', ['地区', '统计月', '数值'], [['道里区', '2024.03', '6.04'], ['南岗区', '2024.04', '3.3']], ['region', 'period', 'value']],
    ['…but 上年 names a value', ['地区', '年份', '上年'], [['道里区', '2024', '2016'], ['南岗区', '2024', '1520']], ['region', 'period', 'indicator-column']],
    ['…and under no header at all', ['地区', '', '数值'], [['道里区', '2022', '6.04'], ['南岗区', '2023', '3.3']], ['region', 'period', 'value']],
    ['a period word with a unit names a measure', ['地区', '年份', '平均时间（分钟）'], [['道里区', '2022', '2016']], ['region', 'period', 'indicator-column']],
    ['periods written as periods are periods under any header', ['地区', '批次', '数值'], [['道里区', '2024年3月', '6.04'], ['南岗区', '2024年4月', '3.3']], ['region', 'period', 'value']],
    ['wide: year-like header cells stay periods whatever the values', ['地区', '指标', '2021年', '2022', '2023年度'], [['道里区', '巡河次数', '1520', '1046', '2016']], ['region', 'indicator', 'period-column', 'period-column', 'period-column']],
  ] as const)('%s', (_name, headers, body, expected) => {
    expect(inferRoles([...headers], body.map((r) => [...r]))).toEqual(expected);
  });

  it('input is not mutated', () => {
    const headers = ['地区', '2024年'];
    const body = [['道里区', '6.04']];
    inferRoles(headers, body);
    expect(headers).toEqual(['地区', '2024年']);
    expect(body).toEqual([['道里区', '6.04']]);
  });
});
