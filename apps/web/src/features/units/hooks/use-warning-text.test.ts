import { describe, expect, it } from 'vitest';
import { expectedRange } from './use-warning-text.ts';

describe('expectedRange', () => {
  it('keeps only the numbers of the server label, preferring a range', () => {
    expect(expectedRange('about 300 (150–450)')).toBe('150–450');
    expect(expectedRange('10–15')).toBe('10–15');
    expect(expectedRange('at most 30')).toBe('30');
    expect(expectedRange('8–15 households per representative')).toBe('8–15');
    expect(expectedRange('1 - 2')).toBe('1–2');
    expect(expectedRange('1')).toBe('1');
  });

  it('shows a label without numbers as it is', () => {
    expect(expectedRange('适中')).toBe('适中');
  });
});
