import { describe, expect, it } from 'vitest';
import { officialYears } from './official-calendar.ts';
import { WorkCalendar, type YearCalendar } from './work-calendar.ts';

const official: YearCalendar[] = officialYears().map((y) => ({ ...y, source: 'official' }));
const cal = new WorkCalendar(official);

/** An instant given in China local time. */
const local = (s: string) => new Date(`${s}+08:00`);
/** 24:00 China time of a day, i.e. 00:00 of the next. */
const end = (day: string) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000);

describe('WorkCalendar.deadline (民法典 §201–203)', () => {
  const reported = local('2026-09-30T09:00:00');

  it('counts the seed example from Wednesday 2026-09-30 09:00 across National Day and its adjusted Saturday', () => {
    expect(cal.deadline(reported, { workdays: 1 })).toMatchObject({ dueDate: '2026-10-08', dueAt: end('2026-10-08') });
    // Saturday 2026-10-10 is an adjusted workday (调休), so it is the third.
    expect(cal.deadline(reported, { workdays: 3 })).toMatchObject({ dueDate: '2026-10-10', dueAt: end('2026-10-10') });
    expect(cal.deadline(reported, { workdays: 7 })).toMatchObject({ dueDate: '2026-10-15', dueAt: end('2026-10-15') });
    expect(cal.deadline(reported, { months: 1 })).toMatchObject({ dueDate: '2026-10-30', dueAt: end('2026-10-30') });
    expect(cal.deadline(reported, { workdays: 7 }).missingYears).toEqual([]);
  });

  it('ends at 24:00 local, to the hour: dueAt is the next local midnight (16:00 UTC)', () => {
    expect(cal.deadline(reported, { workdays: 1 }).dueAt.toISOString()).toBe('2026-10-08T16:00:00.000Z');
  });

  it('takes the start day from local time: 23:59 is still that day, 00:00 is the next', () => {
    expect(cal.deadline(local('2026-09-30T23:59:59'), { workdays: 1 }).dueDate).toBe('2026-10-08');
    expect(cal.deadline(local('2026-09-29T23:59:00'), { workdays: 1 }).dueDate).toBe('2026-09-30');
    expect(cal.deadline(local('2026-09-30T00:00:00'), { workdays: 1 }).dueDate).toBe('2026-10-08');
    // 2026-09-30T16:00Z is 00:00 on 1 October in China: a month later is Sunday 1 November, moved to Monday.
    const midnightUtc = new Date('2026-09-30T16:00:00Z');
    expect(cal.localDay(midnightUtc)).toBe('2026-10-01');
    expect(cal.deadline(midnightUtc, { months: 1 }).dueDate).toBe('2026-11-02');
    expect(cal.deadline(new Date('2026-09-30T15:59:59Z'), { months: 1 }).dueDate).toBe('2026-10-30');
  });

  it('does not count a start day that is itself a rest day', () => {
    // Reported on the holiday Saturday 2026-10-03: the first working day after it is Thursday 2026-10-08.
    expect(cal.deadline(local('2026-10-03T10:00:00'), { workdays: 1 }).dueDate).toBe('2026-10-08');
  });

  it('moves a month end that falls on a holiday to the next working day', () => {
    // 2026-09-01 + 1 month = Thursday 2026-10-01, National Day: the break runs to 10-07.
    expect(cal.deadline(local('2026-09-01T10:00:00'), { months: 1 }).dueDate).toBe('2026-10-08');
  });

  it('ends a month from the 31st on the last day of a shorter month', () => {
    // Saturday 2026-02-28 is an adjusted workday, so it stays.
    expect(cal.deadline(local('2026-01-31T10:00:00'), { months: 1 }).dueDate).toBe('2026-02-28');
    expect(cal.deadline(local('2024-01-31T10:00:00'), { months: 1 }).dueDate).toBe('2024-02-29');
    // 2025-02-28 is a Friday; 2023-02-28 a Tuesday; 2026-03-31 + 1 month = 2026-04-30 (Thursday).
    expect(cal.deadline(local('2025-01-31T10:00:00'), { months: 1 }).dueDate).toBe('2025-02-28');
    expect(cal.deadline(local('2026-03-31T10:00:00'), { months: 1 }).dueDate).toBe('2026-04-30');
    expect(cal.deadline(local('2025-12-31T10:00:00'), { months: 2 }).dueDate).toBe('2026-02-28');
  });

  it('counts a year without a calendar Monday–Friday and says so in missingYears', () => {
    // Thursday 2026-12-31 is the first; Friday 2027-01-01 counts as a working day for want of a calendar.
    const d = cal.deadline(local('2026-12-30T10:00:00'), { workdays: 2 });
    expect(d).toMatchObject({ dueDate: '2027-01-01', missingYears: [2027] });
    expect(cal.deadline(local('2026-12-30T10:00:00'), { workdays: 1 }).missingYears).toEqual([]);
    expect(cal.deadline(local('2026-11-30T10:00:00'), { months: 1 })).toMatchObject({ dueDate: '2026-12-30', missingYears: [] });
    expect(cal.deadline(local('2026-12-31T10:00:00'), { months: 1 }).missingYears).toEqual([2027]);
    expect(cal.hasYear(2027)).toBe(false);

    const with2027 = new WorkCalendar([
      ...official,
      { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [], source: 'admin' },
    ]);
    expect(with2027.deadline(local('2026-12-30T10:00:00'), { workdays: 2 })).toMatchObject({
      dueDate: '2027-01-04',
      missingYears: [],
    });
  });

  it('turns yellow at 00:00 of the due day by default, or N working days before it', () => {
    expect(cal.deadline(reported, { workdays: 7 }).yellowAt).toEqual(local('2026-10-15T00:00:00'));
    expect(cal.deadline(reported, { workdays: 7, yellowWorkdaysBefore: 1 }).yellowAt).toEqual(local('2026-10-14T00:00:00'));
    // The working day before Monday 2026-10-12 is the adjusted Saturday 2026-10-10.
    expect(cal.deadline(reported, { workdays: 4, yellowWorkdaysBefore: 1 }).yellowAt).toEqual(local('2026-10-10T00:00:00'));
    // The working day before 2026-10-08 is the reporting day itself: yellow from the report, never before it.
    expect(cal.deadline(reported, { workdays: 1, yellowWorkdaysBefore: 1 }).yellowAt).toEqual(reported);
  });

  it('refuses a rule with both, neither or a negative count', () => {
    expect(() => cal.deadline(reported, {})).toThrow(RangeError);
    expect(() => cal.deadline(reported, { workdays: 1, months: 1 })).toThrow(RangeError);
    expect(() => cal.deadline(reported, { workdays: -1 })).toThrow(RangeError);
    expect(() => cal.deadline(reported, { months: 0 })).toThrow(RangeError);
    expect(() => cal.deadline(reported, { workdays: 1.5 })).toThrow(RangeError);
  });

  it('ends 0 working days at 24:00 of the start day', () => {
    expect(cal.deadline(reported, { workdays: 0 })).toMatchObject({ dueDate: '2026-09-30', dueAt: end('2026-09-30') });
  });
});

describe('WorkCalendar days', () => {
  it('follows holidays and adjusted workdays, and Monday–Friday without a calendar', () => {
    expect(cal.isWorkday('2026-10-01')).toBe(false);
    expect(cal.isWorkday('2026-10-10')).toBe(true);
    expect(cal.isWorkday('2026-10-11')).toBe(false);
    expect(cal.isWorkday('2027-01-01')).toBe(true);
    expect(cal.isWorkday('2027-01-02')).toBe(false);
    expect(() => cal.isWorkday('2026-02-30')).toThrow(RangeError);
  });

  it('adds working days forwards and backwards, reporting years without a calendar', () => {
    expect(cal.addWorkdays('2026-09-30', 3)).toEqual({ day: '2026-10-10', missingYears: [] });
    expect(cal.addWorkdays('2026-10-10', -3)).toEqual({ day: '2026-09-30', missingYears: [] });
    expect(cal.addWorkdays('2026-10-05', 0)).toEqual({ day: '2026-10-05', missingYears: [] });
    expect(cal.addWorkdays('2026-12-31', 1)).toEqual({ day: '2027-01-01', missingYears: [2027] });
  });

  it('counts whole working days whose 24:00 lies between two instants', () => {
    const reported = local('2026-09-30T09:00:00');
    expect(cal.workdaysBetween(reported, local('2026-09-30T17:00:00'))).toBe(0);
    expect(cal.workdaysBetween(reported, local('2026-10-01T00:00:00'))).toBe(1);
    // Sep 30, Oct 8, Oct 9 ended; Saturday Oct 10 (adjusted) is under way.
    expect(cal.workdaysBetween(reported, local('2026-10-10T12:00:00'))).toBe(3);
    expect(cal.workdaysBetween(local('2026-10-10T12:00:00'), reported)).toBe(-3);
  });

  it('gives working days left, counting today while it lasts, negative once whole days have passed late', () => {
    const due = end('2026-10-08');
    expect(cal.workdaysLeft(local('2026-09-30T09:00:00'), due)).toBe(2);
    expect(cal.workdaysLeft(local('2026-10-03T09:00:00'), due)).toBe(1);
    expect(cal.workdaysLeft(local('2026-10-08T23:00:00'), due)).toBe(1);
    expect(cal.workdaysLeft(local('2026-10-09T10:00:00'), due)).toBe(0);
    expect(cal.workdaysLeft(local('2026-10-10T00:00:00'), due)).toBe(-1);
    expect(cal.workdaysLeft(local('2026-10-12T09:00:00'), due)).toBe(-2);
  });
});
