import { describe, expect, it } from 'vitest';
import { comparisonOption as buildComparisonOption } from '../charts/draw';
import { light } from '../../../src/charts/theme';
import { chartData, gw } from '../charts/sample-data';

const categoriesOf = (o: unknown) => (o as { yAxis: { data: string[] } }).yAxis.data;
const subtitleOf = (o: unknown) => (o as { title: { subtext: string } }).title.subtext;

/** Five regions A…E with values 50…10 in 2024, and a total. */
const five = [
  ...['A', 'B', 'C', 'D', 'E'].map((r, i) => gw(r, '2024', 50 - i * 10)),
  gw('全市', '2024', 150, { isTotal: true }),
];

describe('comparison ranks of chosen regions', () => {
  const cases: [string, string[] | undefined, string[], string][] = [
    ['no choice: every region, no note', undefined, ['1. A', '2. B', '3. C', '4. D', '5. E'], ''],
    ['the last two keep their places', ['D', 'E'], ['4. D', '5. E'], '名次为全部 5 个地区中的名次'],
    ['a choice in any order', ['E', 'B'], ['2. B', '5. E'], '名次为全部 5 个地区中的名次'],
    ['all chosen: no note', ['A', 'B', 'C', 'D', 'E'], ['1. A', '2. B', '3. C', '4. D', '5. E'], ''],
  ];
  it.each(cases)('%s', (_name, regions, labels, note) => {
    const o = buildComparisonOption(chartData(five), { period: '2024', regions }, light);
    expect(categoriesOf(o)).toEqual(labels);
    if (note) expect(subtitleOf(o)).toContain(note);
    else expect(subtitleOf(o)).not.toContain('名次为全部');
  });

  it('ranks ties among all regions', () => {
    const tied = [...five, gw('F', '2024', 40)];
    expect(categoriesOf(buildComparisonOption(chartData(tied), { period: '2024', regions: ['F'] }, light))).toEqual(['2.（并列）F']);
  });

  it('says it in English', () => {
    const o = buildComparisonOption(chartData(five, undefined, 'en'), { period: '2024', regions: ['E'] }, light);
    expect(subtitleOf(o)).toContain('Ranks are among all 5 regions');
  });

  it('does not mutate its input', () => {
    const copy = JSON.parse(JSON.stringify(five));
    buildComparisonOption(chartData(five), { period: '2024', regions: ['D'] }, light);
    expect(five).toEqual(copy);
  });
});
