import { describe, expect, it } from 'vitest';
import { assignColumns, fieldOf, headerKey, type LedgerField } from '../../../src/ledger';
import { fractionToPercent, readPercent } from '../../../src/ledger/percent';

describe('fieldOf', () => {
  const cases: [string, LedgerField | undefined][] = [
    ['序号', 'id'],
    ['编号', 'id'],
    ['问题(任务)描述', 'title'],
    ['问题（任务）描述', 'title'],
    ['问 题', 'title'],
    ['任务', 'title'],
    ['整改任务', 'title'],
    ['存在问题', 'title'],
    ['类别', 'category'],
    ['来源', 'category'],
    ['整改措施', 'measures'],
    ['责任单位', 'unit'],
    ['牵头单位', 'unit'],
    ['责任单位/牵头单位', 'unit'],
    ['配合单位', 'partner'],
    ['责任单位/配合单位', 'partner'],
    ['责任人', 'person'],
    ['交办日期', 'assignedOn'],
    ['整改时限', 'deadline'],
    ['完成时限', 'deadline'],
    ['整改期限', 'deadline'],
    ['序时进度', 'planned'],
    ['序时进度（%）', 'planned'],
    ['进度/序时进度', 'planned'],
    ['实际进度', 'actual'],
    ['实际进度(%)', 'actual'],
    ['状态', 'status'],
    ['整改状态', 'status'],
    ['进展情况', 'status'],
    ['销号日期', 'closedOn'],
    ['佐证材料', 'evidence'],
    ['备注', 'note'],
    ['地区', 'region'],
    ['区划代码', 'regionCode'],
    ['县（市、区）', 'region'],
    ['所属县市区', 'region'],
    ['地区代码', 'regionCode'],
    ['关联指标名称', 'indicator'],
    ['整改目标', undefined],
    ['是否销号', undefined],
    ['指标', 'indicator'],
    ['目标值', 'target'],
    ['当前值', 'current'],
    ['单位', 'valueUnit'],
    ['２０２４年实际进度', 'actual'],
    ['牵头责任单位（盖章）', 'unit'],
    ['联系电话', undefined],
    ['__proto__', undefined],
    ['constructor', undefined],
  ];
  it.each(cases)('%s → %s', (header, field) => expect(fieldOf(header)).toBe(field));

  it('normalises width, spaces and brackets', () => {
    expect(headerKey(' 问题（任务）描述 ')).toBe('问题任务描述');
  });
});

describe('assignColumns', () => {
  it('gives a field once; a second column with it is extra', () => {
    expect(assignColumns(['序号', '存在问题', '整改任务', '状态', '联系电话'])).toEqual(['id', 'title', 'extra', 'status', 'extra']);
  });

  it('takes the user choice first, and it reserves the field', () => {
    // As a UI would build it from user text: a null-prototype record, `__proto__` an own key.
    const overrides = Object.create(null) as Record<string, LedgerField | 'extra'>;
    overrides['整改任务'] = 'title';
    overrides['存在问题'] = 'note';
    overrides['__proto__'] = 'evidence';
    expect(assignColumns(['存在问题', '整改任务', '__proto__'], overrides)).toEqual(['note', 'title', 'evidence']);
  });

  it('does not mutate the headers', () => {
    const headers = ['序号', '问题'];
    assignColumns(headers);
    expect(headers).toEqual(['序号', '问题']);
  });
});

describe('readPercent', () => {
  it.each([
    ['80%', 80, false],
    ['８０％', 80, false],
    ['80 %', 80, false],
    ['80', 80, true],
    ['0.8', 0.8, true],
    ['8成', 80, false],
    ['八成', 80, false],
    ['已完成80%', 80, false],
    ['110%', 110, false],
  ] as const)('%s → %s', (text, value, plain) => {
    const r = readPercent(text);
    expect(r).toMatchObject({ status: 'ok', value, plain });
  });
  it.each(['', '—', '/', '-'])('%s is empty', (text) => expect(readPercent(text).status).toBe('empty'));
  it.each(['很多', '80%或90%', '=A1*2'])('%s is an error', (text) => expect(readPercent(text).status).toBe('error'));
  it('moves the decimal point without binary noise', () => {
    expect(fractionToPercent('0.07')).toBe(7);
    expect(fractionToPercent('0.5')).toBe(50);
    expect(fractionToPercent('1')).toBe(100);
    expect(fractionToPercent('0.123')).toBe(12.3);
  });
});
