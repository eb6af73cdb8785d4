import { describe, expect, it } from 'vitest';
import { findPartsConflicts, partsConflictSteps } from '../../../src/analysis/conflicts';
import { disagreeingRollUps } from '../../../src/regions';
import type { Observation } from '../../../src/domain/types';

const o = (region: string, regionCode: string | undefined, value: number, extra: Partial<Observation> = {}): Observation => ({
  region,
  ...(regionCode ? { regionCode } : {}),
  indicator: '造林面积',
  period: '2024',
  value,
  unit: '亩',
  ...extra,
});
// 七台河市 (230900) has exactly four county-level divisions: 新兴区, 桃山区, 茄子河区, 勃利县.
const counties = [o('新兴区', '230902', 10), o('桃山区', '230903', 20), o('茄子河区', '230904', 30), o('勃利县', '230921', 40)];
const find = (rows: Observation[]) => findPartsConflicts(rows, disagreeingRollUps);

describe('a region\'s reported value against the sum of its parts', () => {
  it.each<[string, Observation[], { region: string; sum: number; complete: boolean; missing: string[] }[]]>([
    ['equal: nothing to say', [o('七台河市', '230900', 100), ...counties], []],
    ['equal within rounding (6.04万 and 60400)', [o('七台河市', '230900', 100 + 1e-12), ...counties], []],
    ['differ: the city and its counties\' sum', [o('七台河市', '230900', 90), ...counties], [{ region: '七台河市', sum: 100, complete: true, missing: [] }]],
    ['a missing county, sum below the report: a gap, not a disagreement', [o('七台河市', '230900', 100), ...counties.slice(0, 3)], []],
    [
      'a missing county, sum already above the report: listed, marked incomplete',
      [o('七台河市', '230900', 50), ...counties.slice(0, 3)],
      [{ region: '七台河市', sum: 60, complete: false, missing: ['230921'] }],
    ],
    ['no reported value for the city: nothing to compare', counties, []],
    ['a city with no parts in the data', [o('七台河市', '230900', 100)], []],
    ['totals are left out', [o('七台河市', '230900', 90, { isTotal: true }), ...counties], []],
    ['changes (同比) do not add up', [o('七台河市', '230900', 90, { kind: 'change' }), ...counties.map((c) => ({ ...c, kind: 'change' as const }))], []],
    ['values without a code are not placed', [o('七台河市', undefined, 90), ...counties], []],
  ])('%s', (_, rows, expected) => {
    expect(find(rows).map((c) => ({ region: c.region, sum: c.sum, complete: c.complete, missing: c.missing }))).toEqual(expected);
  });

  it('keeps the reported observation and the number of parts, period by period', () => {
    const rows = [o('七台河市', '230900', 90), ...counties, o('七台河市', '230900', 100, { period: '2023' }), ...counties.map((c) => ({ ...c, period: '2023' }))];
    const found = find(rows);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ period: '2024', parts: 4, reported: { value: 90 } });
  });

  it('a province against its cities, a city standing for its counties', () => {
    const rows = [o('黑龙江省', '230000', 1), o('七台河市', '230900', 100), ...counties];
    expect(find(rows)[0]).toMatchObject({ region: '黑龙江省', complete: false });
  });

  it('does not change its input', () => {
    const rows = [o('七台河市', '230900', 90), ...counties];
    const before = JSON.stringify(rows);
    find(rows);
    expect(JSON.stringify(rows)).toBe(before);
  });
});

describe('the same conflicts found in steps', () => {
  const rows = [o('七台河市', '230900', 90), ...counties, o('七台河市', '230900', 100, { period: '2023' }), ...counties.map((c) => ({ ...c, period: '2023' })), o('七台河市', '230900', 50, { period: '2022' }), ...counties.slice(0, 3).map((c) => ({ ...c, period: '2022' }))];
  it('yields once per period after grouping, and returns what findPartsConflicts returns', () => {
    const steps = partsConflictSteps(rows, disagreeingRollUps);
    let n = 0;
    let step = steps.next();
    while (!step.done) {
      n++;
      step = steps.next();
    }
    expect(n).toBe(3);
    expect(step.value).toEqual(find(rows));
    expect(step.value.map((c) => c.period)).toEqual(['2024', '2022']);
  });
  it('input is not mutated', () => {
    const copy = structuredClone(rows);
    const steps = partsConflictSteps(rows, disagreeingRollUps);
    while (!steps.next().done);
    expect(rows).toEqual(copy);
  });
});
