import { describe, expect, it } from 'vitest';
import { LINK_NAME_MAX, linkName, nameKey, nameOfLink } from '../../../src/export/name-key';
import { viewSpecFromSearchParams, viewSpecToSearchParams } from '../../../src/export/view-spec';
import { indicatorToShow } from '../../../src/app/dashboard/view-in-address';

const long = `超长指标${'N'.repeat(100_000)}`;
const longRegion = `超长地区${'R'.repeat(100_000)}`;

describe('name keys in addresses', () => {
  it.each([
    ['a short name stays itself', 'PM10', 'PM10'],
    ['exactly the limit stays itself', 'a'.repeat(LINK_NAME_MAX), 'a'.repeat(LINK_NAME_MAX)],
    ['a long name is a key', long, nameKey(long)],
  ])('%s', (_name, text, expected) => {
    expect(linkName(text)).toBe(expected);
  });

  it('keys are short, stable and differ for names that differ at the end', () => {
    expect(nameKey(long)).toMatch(/^~k[0-9a-f]{16}$/);
    expect(nameKey(long)).toBe(nameKey(`${long}`));
    expect(nameKey(`${long}A`)).not.toBe(nameKey(`${long}B`));
  });

  it.each([
    ['a held name', 'PM10', ['PM10', long], 'PM10'],
    ['a key of a held long name', nameKey(long), ['PM10', long], long],
    ['a key of nothing held', nameKey('别的'.repeat(40)), ['PM10', long], undefined],
    ['an unknown short name', '已删除', ['PM10'], undefined],
  ] as const)('nameOfLink: %s', (_name, link, names, expected) => {
    expect(nameOfLink(link, names)).toBe(expected);
  });

  it('a spec with long names makes an address under 2,000 characters that reads back to the keys', () => {
    const params = viewSpecToSearchParams({ version: 1, kind: 'trend', indicator: long, regions: [longRegion, '道里区'] });
    expect(`/?${params}`.length).toBeLessThan(2_000);
    const back = viewSpecFromSearchParams(params);
    expect(back.ok && back.spec.indicator).toBe(nameKey(long));
    expect(back.ok && back.spec.regions).toEqual([nameKey(longRegion), '道里区']);
  });

  it('old links naming things in full still read', () => {
    const back = viewSpecFromSearchParams(new URLSearchParams('view=trend&ind=PM10&r=道里区'));
    expect(back.ok && back.spec.indicator).toBe('PM10');
  });

  it('the indicator to show resolves a key', () => {
    expect(indicatorToShow(['PM10', long], nameKey(long))).toBe(long);
    expect(indicatorToShow(['PM10', long], 'gone')).toBe('PM10');
  });

  it('does not mutate its input', () => {
    const names = ['PM10', long];
    nameOfLink(nameKey(long), names);
    expect(names).toEqual(['PM10', long]);
  });
});
