import { describe, expect, it } from 'vitest';
import { chinaToday, isDate, presetPeriod } from './period.ts';
import { ticketListPath } from './ticket-links.ts';

describe('periods in China dates', () => {
  it('takes today from China time, not the browser zone', () => {
    // 2026-09-30 17:00 UTC is already 1 October in China.
    expect(chinaToday(new Date('2026-09-30T17:00:00Z'))).toBe('2026-10-01');
    expect(chinaToday(new Date('2026-09-30T15:59:00Z'))).toBe('2026-09-30');
  });

  it('ends current periods today and past ones on their last day', () => {
    expect(presetPeriod('thisMonth', '2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-15' });
    expect(presetPeriod('lastMonth', '2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('lastMonth', '2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('thisYear', '2026-03-15')).toEqual({ from: '2026-01-01', to: '2026-03-15' });
  });

  it('starts weeks on Monday', () => {
    // 2026-03-15 is a Sunday; 2026-03-09 the Monday before it.
    expect(presetPeriod('thisWeek', '2026-03-15')).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(presetPeriod('lastWeek', '2026-03-15')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(presetPeriod('thisWeek', '2026-03-16')).toEqual({ from: '2026-03-16', to: '2026-03-16' });
  });

  it('accepts only real dates from a URL', () => {
    expect(isDate('2026-02-28')).toBe(true);
    expect(isDate('2026-13-01')).toBe(false);
    expect(isDate('2026-3-1')).toBe(false);
    expect(isDate(null)).toBe(false);
  });
});

describe('links to the tickets list', () => {
  it('carries the filters the list reads, leaving out those not set', () => {
    expect(
      ticketListPath({ within: 7, from: '2026-03-01', to: '2026-03-31', categoryId: undefined, state: 'open', light: 'red' }),
    ).toBe('/tickets/list?within=7&from=2026-03-01&to=2026-03-31&state=open&light=red');
    expect(ticketListPath({})).toBe('/tickets/list');
  });
});
