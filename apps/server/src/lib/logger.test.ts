import { describe, expect, it } from 'vitest';
import { maskPersonalData } from './logger.ts';

describe('maskPersonalData', () => {
  it('masks 18-character ID numbers and mobile numbers inside log text', () => {
    const line = maskPersonalData('person 43062419850101123X called from 13812341234');
    expect(line).not.toContain('43062419850101123X');
    expect(line).not.toContain('13812341234');
    expect(line).toContain('430***********123X');
    expect(line).toContain('138****1234');
  });
});
