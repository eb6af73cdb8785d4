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
