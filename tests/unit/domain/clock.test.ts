import { describe, expect, it } from 'vitest';
import { localDay } from '../../../src/domain/clock';

describe('localDay', () => {
  const cases = [
    { iso: '2026-11-24T02:00:00Z', zone: 'Asia/Shanghai', day: '2026-11-24' },
    { iso: '2026-11-24T15:59:59Z', zone: 'Asia/Shanghai', day: '2026-11-24' },
    { iso: '2026-11-24T16:00:00Z', zone: 'Asia/Shanghai', day: '2026-11-25' },
    { iso: '2026-11-24T20:00:00Z', zone: 'America/Los_Angeles', day: '2026-11-24' },
    { iso: '2026-12-31T20:00:00.000Z', zone: 'Asia/Shanghai', day: '2027-01-01' },
    { iso: '2026-12-31T20:00:00.000Z', zone: 'UTC', day: '2026-12-31' },
    { iso: '2026-11-24T08:00:00+08:00', zone: 'Asia/Shanghai', day: '2026-11-24' },
  ];
  it.each(cases)('$iso is $day in $zone', ({ iso, zone, day }) => {
    expect(localDay(iso, zone)).toBe(day);
  });

  it('uses the process zone (the browser’s) when none is given', () => {
    // Tests run with TZ=Asia/Shanghai: 16:00 UTC is already the next day there.
    expect(localDay('2026-11-24T16:00:00Z')).toBe(localDay('2026-11-24T16:00:00Z', Intl.DateTimeFormat().resolvedOptions().timeZone));
    expect(localDay('2026-11-24T16:00:00Z')).toBe('2026-11-25');
  });

  it('throws on text that is not a date', () => {
    expect(() => localDay('yesterday')).toThrow(RangeError);
  });
});
