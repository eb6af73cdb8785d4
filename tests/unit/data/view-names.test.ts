import { describe, expect, it } from 'vitest';
import { freeName, viewNamed } from '../../../src/app/dashboard/view-names';

const views = [
  { id: 'v1', name: '道里区汇报' },
  { id: 'v2', name: '道里区汇报（2）' },
  { id: 'v3', name: 'PM10' },
];

describe('viewNamed', () => {
  it.each([
    ['the same name', '道里区汇报', 'v1'],
    ['spaces around it do not count', ' 道里区汇报 ', 'v1'],
    ['full-width letters read as the same', 'ＰＭ１０', 'v3'],
    ['another name', '南岗区汇报', undefined],
  ])('%s', (_, name, expected) => {
    const before = JSON.parse(JSON.stringify(views));
    expect(viewNamed(name, views)?.id).toBe(expected);
    expect(views).toEqual(before);
  });
});

describe('freeName', () => {
  it.each([
    ['a free name is kept', '南岗区汇报', '南岗区汇报'],
    ['taken, with （2） taken too: （3）', '道里区汇报', '道里区汇报（3）'],
    ['taken once: （2）', 'PM10', 'PM10（2）'],
  ])('%s', (_, name, expected) => {
    const taken = views.map((v) => v.name);
    expect(freeName(name, taken)).toBe(expected);
    expect(taken).toEqual(views.map((v) => v.name));
  });
});
