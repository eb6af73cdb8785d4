import { describe, expect, it } from 'vitest';
import { inTableOrder } from '../../../src/analysis/table-order';
import { comparePeriods } from '../../../src/domain/period';

const row = (region: string, period: string) => ({ region, period });

describe('inTableOrder', () => {
  it.each([
    {
      name: 'regions in pinyin order, then periods in time order',
      input: [row('南岗区', '2024'), row('道里区', '2024-Q1'), row('道里区', '2023'), row('阿城区', '2024')],
      expected: [row('阿城区', '2024'), row('道里区', '2023'), row('道里区', '2024-Q1'), row('南岗区', '2024')],
    },
    {
      name: 'months after their year, 2024-10 after 2024-09',
      input: [row('道里区', '2024-10'), row('道里区', '2024-09'), row('道里区', '2024')],
      expected: [row('道里区', '2024'), row('道里区', '2024-09'), row('道里区', '2024-10')],
    },
    { name: 'hostile names are plain keys', input: [row('__proto__', '2024'), row('<b>', '2024'), row('__proto__', '2023')], expected: [row('__proto__', '2023'), row('__proto__', '2024'), row('<b>', '2024')] },
    { name: 'nothing', input: [], expected: [] },
  ])('$name', ({ input, expected }) => {
    expect(inTableOrder(input)).toEqual(expected);
  });

  it('orders thousands of rows as a plain comparison sort would, keeping equal rows in input order', () => {
    const regions = ['南岗区', '道里区', '阿城区', '香坊区'];
    const periods = ['2024', '2023-Q4', '2023', '2024-01', '2022/2023'];
    const input = Array.from({ length: 3000 }, (_, i) => ({ region: regions[(i * 7) % 4], period: periods[(i * 13) % 5], n: i }));
    const collator = new Intl.Collator('zh-CN');
    const expected = [...input].sort((a, b) => collator.compare(a.region, b.region) || comparePeriods(a.period, b.period) || a.n - b.n);
    expect(inTableOrder(input)).toEqual(expected);
  });

  it('does not mutate its input', () => {
    const input = [row('南岗区', '2024'), row('道里区', '2024')];
    const copy = structuredClone(input);
    inTableOrder(input);
    expect(input).toEqual(copy);
  });
});
