import { describe, expect, it } from 'vitest';
import { formatCount, formatDays, formatRate, share } from './format.ts';
import { compareFigures, levelShares } from './metrics.ts';

describe('figure formatting', () => {
  it('shows rates as percentages with one decimal', () => {
    expect(formatRate(0.8534)).toBe('85.3%');
    expect(formatRate(0.85349)).toBe('85.3%');
    expect(formatRate(0.99951)).toBe('100.0%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(0.0004)).toBe('0.0%');
  });

  it('shows a rate without a denominator as a dash, never as 0 %', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(undefined)).toBe('—');
    expect(formatDays(null)).toBe('—');
  });

  it('shows working days with one decimal and counts with thousands separators', () => {
    expect(formatDays(3.25)).toBe('3.3');
    expect(formatDays(0)).toBe('0.0');
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(0)).toBe('0');
  });

  it('gives no share of an empty whole', () => {
    expect(share(3, 4)).toBe(0.75);
    expect(share(0, 0)).toBeNull();
  });
});

describe('handling levels', () => {
  it('counts 小事不出村 (grid and village) and 大事不出镇 (up to the township) over closed tickets', () => {
    const s = levelShares({ grid: 5, village: 3, township: 1, county: 0, department: 1 });
    expect(s.total).toBe(10);
    expect(s.inVillage).toBe(0.8);
    expect(s.inTownship).toBe(0.9);
    expect(levelShares({ grid: 0, village: 0, township: 0, county: 0, department: 0 }).inVillage).toBeNull();
  });
});

describe('sorting figures', () => {
  it('keeps rates without a denominator at the bottom in both directions', () => {
    const values = [0.5, null, 0.9, 0.1];
    // antd negates the comparator for a descending sort.
    const asc = [...values].sort((a, b) => compareFigures(a, b, 'ascend'));
    const desc = [...values].sort((a, b) => -compareFigures(a, b, 'descend'));
    expect(asc).toEqual([0.1, 0.5, 0.9, null]);
    expect(desc).toEqual([0.9, 0.5, 0.1, null]);
  });
});
