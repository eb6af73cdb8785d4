import { describe, expect, it } from 'vitest';
import { exactDate, isImmediate, parseDeadline } from '../../../src/ledger';

describe('parseDeadline', () => {
  // [text, date or undefined, ongoing]
  const cases: [string, string | undefined, boolean?][] = [
    ['2024年底', '2024-12-31'],
    ['2024年年底', '2024-12-31'],
    ['2024年末', '2024-12-31'],
    ['2024年底前', '2024-12-31'],
    ['2024年6月底', '2024-06-30'],
    ['2024年6月', '2024-06-30'],
    ['2024年6月底前', '2024-06-30'],
    ['2024年6月30日前', '2024-06-30'],
    ['2024年6月30日', '2024-06-30'],
    ['2024年12月31日之前', '2024-12-31'],
    ['2025年3月前', '2025-03-31'],
    ['2024-06-30', '2024-06-30'],
    ['2024/6/30', '2024-06-30'],
    ['2024.6.30', '2024-06-30'],
    ['2024-06-30 00:00:00', '2024-06-30'],
    ['20240630', '2024-06-30'],
    ['2024-06', '2024-06-30'],
    ['2024年上半年', '2024-06-30'],
    ['2024年下半年', '2024-12-31'],
    ['2024年第一季度', '2024-03-31'],
    ['2024年一季度', '2024-03-31'],
    ['2024年第二季度', '2024-06-30'],
    ['2024年三季度', '2024-09-30'],
    ['2024年第四季度末', '2024-12-31'],
    ['2024Q1', '2024-03-31'],
    ['2024年Q3', '2024-09-30'],
    ['2024年', '2024-12-31'],
    ['2024年度', '2024-12-31'],
    ['2024年6月中旬', '2024-06-20'],
    ['2024年6月上旬', '2024-06-10'],
    ['2024年2月', '2024-02-29'],
    ['2023年2月', '2023-02-28'],
    ['2024年2月29日', '2024-02-29'],
    ['2100年2月', '2100-02-28'],
    ['２０２４年６月底', '2024-06-30'],
    ['2024年六月底', '2024-06-30'],
    ['2024年十二月', '2024-12-31'],
    ['二〇二四年十一月三十日', '2024-11-30'],
    ['45473', '2024-06-30'],
    ['45352', '2024-03-01'],
    ['力争于2024年底前完成', '2024-12-31'],
    ['2024年3月至6月', '2024-06-30'],
    ['2024年3月—2025年1月', '2025-01-31'],
    ['2024年6月底前完成，长期坚持', '2024-06-30'],
    ['2024年9月30日（第三季度）', '2024-09-30'],
    ['（2024年底）', '2024-12-31'],
    ['长期坚持（每年）', undefined, true],
    ['长期坚持', undefined, true],
    ['长期', undefined, true],
    ['持续推进', undefined, true],
    ['常态化推进', undefined, true],
    ['立行立改', undefined],
    ['2024年2月30日', undefined],
    ['2024年13月', undefined],
    ['6月底', undefined],
    ['junk', undefined],
    ['=1+1', undefined],
    ['', undefined],
    ['2024', '2024-12-31'],
    ['1850', undefined],
  ];
  it.each(cases)('%s → %s', (text, date, ongoing) => {
    const expected: { date?: string; ongoing?: boolean; label: string } = { label: text };
    if (date !== undefined) expected.date = date;
    if (ongoing) expected.ongoing = true;
    // toStrictEqual: no key beyond date, ongoing and label, and none set to undefined.
    expect(parseDeadline(text)).toStrictEqual(expected);
  });

  it('keeps the label exactly as written, spaces included', () => {
    expect(parseDeadline(' 2024年 6月底 ')).toStrictEqual({ date: '2024-06-30', label: ' 2024年 6月底 ' });
  });

  it('reads a serial in UTC whatever the time zone (tests run at Asia/Shanghai)', () => {
    expect(parseDeadline('45291').date).toBe('2023-12-31');
  });
});

describe('isImmediate', () => {
  it.each([
    ['立行立改', true],
    ['即知即改', true],
    ['立即整改', true],
    ['2024年底', false],
    ['长期坚持', false],
  ] as const)('%s → %s', (text, yes) => expect(isImmediate(text)).toBe(yes));
});

describe('exactDate', () => {
  it.each([
    ['2024-03-06', '2024-03-06'],
    ['2024年3月6日', '2024-03-06'],
    ['2024/3/6', '2024-03-06'],
    ['2024.3.6', '2024-03-06'],
    ['45357', '2024-03-06'],
    ['2024年3月', undefined],
    ['2023-02-29', undefined],
    ['昨天', undefined],
  ] as const)('%s → %s', (text, date) => expect(exactDate(text)).toBe(date));
});
