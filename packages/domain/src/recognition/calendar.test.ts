import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  chinaDate,
  isIsoDate,
  isWorkingDay,
  nextWorkingDay,
  noticePeriod,
  noticeStatus,
  overridesFrom,
} from './calendar.ts';

// 2026-10-01 is a Thursday. The 2026 National Day break (1–7 Oct, with Sat 10 Oct worked) is used as an
// example of holidays and a make-up workday; the real calendar is the bureau's editable data.
const NATIONAL_DAY = overridesFrom([
  ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((date) => ({ date, kind: 'holiday' })),
  { date: '2026-10-10', kind: 'workday' },
]);

describe('working-day calendar', () => {
  it('counts weekdays and skips weekends', () => {
    expect(isWorkingDay('2026-06-05')).toBe(true); // Friday
    expect(isWorkingDay('2026-06-06')).toBe(false); // Saturday
    expect(addWorkingDays('2026-06-01', 5)).toBe('2026-06-05'); // Monday → Friday
    expect(addWorkingDays('2026-06-03', 5)).toBe('2026-06-09'); // Wednesday → next Tuesday
    expect(addWorkingDays('2026-06-01', 1)).toBe('2026-06-01');
  });

  it('starts a notice on the first working day when asked to start on a rest day', () => {
    expect(noticePeriod('2026-06-06', 5)).toEqual({ startsOn: '2026-06-08', endsOn: '2026-06-12' });
    expect(nextWorkingDay('2026-10-01', NATIONAL_DAY)).toBe('2026-10-08');
  });

  it('skips holidays and counts make-up workdays', () => {
    expect(isWorkingDay('2026-10-01', NATIONAL_DAY)).toBe(false);
    expect(isWorkingDay('2026-10-10', NATIONAL_DAY)).toBe(true);
    // from Wed 30 Sep: 30 Sep, 8 Oct, 9 Oct, Sat 10 Oct (make-up), 12 Oct
    expect(noticePeriod('2026-09-30', 5, NATIONAL_DAY)).toEqual({ startsOn: '2026-09-30', endsOn: '2026-10-12' });
    // without the calendar the same notice ends in the holiday
    expect(addWorkingDays('2026-09-30', 5)).toBe('2026-10-06');
  });

  it('stops rather than loops when no working day can be found', () => {
    const allOff = overridesFrom(Array.from({ length: 400 }, (_, i) => ({ date: addDays('2026-01-01', i), kind: 'holiday' })));
    expect(() => noticePeriod('2026-01-01', 5, allOff)).toThrow(RangeError);
    expect(() => noticePeriod('9999-12-30', 5)).toThrow(RangeError);
    expect(() => noticePeriod('2026-02-30', 5)).toThrow(RangeError);
  });

  it('refuses a notice of no working days', () => {
    expect(() => noticePeriod('2026-06-01', 0)).toThrow(RangeError);
    expect(() => noticePeriod('2026-06-01', 2.5)).toThrow(RangeError);
  });

  it('tells a notice upcoming, open (both ends inclusive) or ended', () => {
    expect(noticeStatus('2026-06-07', '2026-06-08', '2026-06-12')).toBe('upcoming');
    expect(noticeStatus('2026-06-08', '2026-06-08', '2026-06-12')).toBe('open');
    expect(noticeStatus('2026-06-12', '2026-06-08', '2026-06-12')).toBe('open');
    expect(noticeStatus('2026-06-13', '2026-06-08', '2026-06-12')).toBe('ended');
  });

  it('uses the China date, eight hours ahead of UTC', () => {
    expect(chinaDate(Date.parse('2026-06-01T15:59:59Z'))).toBe('2026-06-01');
    expect(chinaDate(Date.parse('2026-06-01T16:00:00Z'))).toBe('2026-06-02');
  });

  it('accepts only real dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
  });
});
