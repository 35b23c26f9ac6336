import { describe, expect, it } from 'vitest';
import { splitMonths } from './periods.ts';

describe('splitMonths', () => {
  it('keeps whole months whole and the edges as days', () => {
    expect(splitMonths('2025-11-23', '2026-11-22')).toEqual({
      months: ['2025-12-01', '2026-10-01'],
      days: [
        ['2025-11-23', '2025-11-30'],
        ['2026-11-01', '2026-11-22'],
      ],
    });
  });
  it('needs no days when the period is made of whole months, across a leap February', () => {
    expect(splitMonths('2024-01-01', '2024-02-29')).toEqual({ months: ['2024-01-01', '2024-02-01'], days: [] });
    expect(splitMonths('2025-12-01', '2025-12-31')).toEqual({ months: ['2025-12-01', '2025-12-01'], days: [] });
  });
  it('counts the month of today as whole: nothing is received after today', () => {
    expect(splitMonths('2026-11-01', '2026-11-22', '2026-11-22')).toEqual({ months: ['2026-11-01', '2026-11-01'], days: [] });
    expect(splitMonths('2025-11-23', '2026-11-22', '2026-11-22')).toEqual({
      months: ['2025-12-01', '2026-11-01'],
      days: [['2025-11-23', '2025-11-30']],
    });
    expect(splitMonths('2026-10-01', '2026-10-23', '2026-11-22').months).toBeNull();
  });
  it('gives days only when no month is whole', () => {
    expect(splitMonths('2026-11-01', '2026-11-22')).toEqual({ months: null, days: [['2026-11-01', '2026-11-22']] });
    expect(splitMonths('2026-10-15', '2026-11-14')).toEqual({ months: null, days: [['2026-10-15', '2026-11-14']] });
    expect(splitMonths('2026-11-22', '2026-11-22')).toEqual({ months: null, days: [['2026-11-22', '2026-11-22']] });
  });
});
