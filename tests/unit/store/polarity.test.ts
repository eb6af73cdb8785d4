import { describe, expect, it } from 'vitest';
import { inferPolarity } from '../../../src/store';

describe('inferPolarity', () => {
  it.each([
    ['PM10平均浓度', 'lower'],
    ['ＰＭ２.５浓度', 'lower'],
    ['pm2.5年均值', 'lower'],
    ['环境违法案件数', 'lower'],
    ['群众投诉件数', 'lower'],
    ['生产安全事故起数', 'lower'],
    ['问责人数', 'lower'],
    ['超标天数', 'lower'],
    ['整改问题数', 'lower'],
    ['秸秆还田面积', 'higher'],
    ['地下水压采量', 'higher'],
    ['', 'higher'],
  ] as const)('%s → %s', (name, expected) => {
    expect(inferPolarity(name)).toBe(expected);
  });

  it('does not mutate its input', () => {
    const name = 'PM10浓度';
    inferPolarity(name);
    expect(name).toBe('PM10浓度');
  });
});
