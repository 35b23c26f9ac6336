import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fromChineseDays, officialYears, type ChineseDaysData } from './official-calendar.ts';
import { weekdayOf } from './work-calendar.ts';

const require = createRequire(import.meta.url);

describe('bundled official calendar', () => {
  it('matches the installed chinese-days data (regenerate with official-calendar.generate.ts when it does not)', () => {
    const upstream = fromChineseDays(require('chinese-days/dist/chinese-days.json') as ChineseDaysData);
    expect(officialYears()).toEqual(upstream);
  });

  it('covers every year from 2004 to 2026, each consistent: adjusted workdays on weekends, never also holidays', () => {
    const years = officialYears();
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    for (const y of years) {
      expect(y.holidays.length).toBeGreaterThan(15);
      for (const day of [...y.holidays, ...y.workdays]) expect(day.startsWith(`${y.year}-`)).toBe(true);
      for (const day of y.workdays) expect([0, 6]).toContain(weekdayOf(day));
      expect(y.workdays.filter((d) => y.holidays.includes(d))).toEqual([]);
    }
  });

  it('keeps only dates: names and the lieu-day list are dropped', () => {
    const years = fromChineseDays({
      holidays: { '2027-01-01': "New Year's Day,元旦,1", '2027-01-02': "New Year's Day,元旦,1" },
      workdays: { '2027-01-09': "New Year's Day,元旦,1" },
      inLieuDays: { '2027-01-01': "New Year's Day,元旦,1" },
    });
    expect(years).toEqual([{ year: 2027, holidays: ['2027-01-01', '2027-01-02'], workdays: ['2027-01-09'] }]);
  });
});
