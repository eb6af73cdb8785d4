import { describe, expect, it } from 'vitest';
import { observationsBehind, observationsForSnapshot } from '../../../src/ui/export/data-behind';
import type { Observation, ViewSpec } from '../../../src/domain/types';

const row = (region: string, regionCode: string, period = '2024'): Observation => ({ region, regionCode, indicator: '面积', period, value: 1, unit: '亩' });
// 哈尔滨市 and two of its counties, and a county of 齐齐哈尔市.
const rows = [row('哈尔滨市', '230100'), row('道里区', '230102'), row('南岗区', '230103'), row('道里区', '230102', '2023'), row('龙沙区', '230202')];
const spec = (s: Partial<ViewSpec>): ViewSpec => ({ version: 1, kind: 'trend', indicator: '面积', ...s });
const key = (o: Observation) => `${o.region}/${o.period}`;

describe('the data behind a view chosen by a rule (a drill: the children of 哈尔滨市)', () => {
  it.each<[string, ViewSpec, string[]]>([
    ['a trend of the children of 哈尔滨市', spec({ regions: ['@children:230100'] }), ['道里区/2024', '南岗区/2024', '道里区/2023']],
    ['a ranking of the counties of 哈尔滨市, one period', spec({ kind: 'ranking', period: '2024', regions: ['@counties:230100'] }), ['道里区/2024', '南岗区/2024']],
    ['a rule beside a name', spec({ regions: ['@children:230100', '龙沙区'] }), ['道里区/2024', '南岗区/2024', '道里区/2023', '龙沙区/2024']],
    ['names, as before', spec({ regions: ['龙沙区'] }), ['龙沙区/2024']],
  ])('%s', (_, s, expected) => {
    expect(observationsBehind(s, rows).map(key)).toEqual(expected);
  });

  it('a saved page of small multiples of a drill carries its children\'s rows', () => {
    expect(observationsForSnapshot(spec({ kind: 'multiples', regions: ['@children:230100'] }), rows).map(key)).toEqual(['道里区/2024', '南岗区/2024', '道里区/2023']);
  });

  it('does not change its input', () => {
    const before = JSON.stringify(rows);
    observationsBehind(spec({ regions: ['@children:230100'] }), rows);
    observationsForSnapshot(spec({ kind: 'multiples', regions: ['@children:230100'] }), rows);
    expect(JSON.stringify(rows)).toBe(before);
  });
});
