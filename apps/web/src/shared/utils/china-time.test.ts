import { describe, expect, it } from 'vitest';
import { chinaDateTime, chinaDay, chinaDueTime } from './china-time.ts';

describe('China time', () => {
  it('shows an instant in UTC+8 whatever the browser zone', () => {
    expect(chinaDateTime('2026-09-30T01:00:00.000Z')).toBe('2026-09-30 09:00');
    expect(chinaDateTime('2026-09-30T16:05:00.000Z')).toBe('2026-10-01 00:05');
    expect(chinaDay('2026-09-30T16:05:00.000Z')).toBe('2026-10-01');
  });

  it('shows a deadline ending at midnight as 24:00 of its own day', () => {
    expect(chinaDueTime('2026-10-08T16:00:00.000Z')).toBe('2026-10-08 24:00');
    expect(chinaDueTime('2026-10-08T09:30:00.000Z')).toBe('2026-10-08 17:30');
  });

  it('reads a broken value as a dash', () => {
    expect(chinaDateTime('not a date')).toBe('—');
    expect(chinaDueTime('')).toBe('—');
    expect(chinaDay('x')).toBe('—');
  });
});
