import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_COLORS, householdColor, householdSteps } from './household-scale.ts';

describe('household colour scale', () => {
  it('splits 0…max into five steps and colours the fullest unit darkest', () => {
    const steps = householdSteps([0, 120, 480, 300]);
    expect(steps.map((s) => [s.from, s.to])).toEqual([
      [0, 96],
      [97, 193],
      [194, 290],
      [291, 387],
      [388, 484],
    ]);
    expect(householdColor(steps, 0)).toBe(HOUSEHOLD_COLORS[0]);
    expect(householdColor(steps, 300)).toBe(HOUSEHOLD_COLORS[3]);
    expect(householdColor(steps, 480)).toBe(HOUSEHOLD_COLORS[4]);
  });

  it('uses fewer steps when there are only a few households', () => {
    const steps = householdSteps([0, 2]);
    expect(steps.map((s) => [s.from, s.to])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(householdColor(steps, 2)).toBe(HOUSEHOLD_COLORS[2]);
  });

  it('has one step when nothing is counted yet', () => {
    expect(householdSteps([])).toHaveLength(1);
    expect(householdColor(householdSteps([]), 0)).toBe(HOUSEHOLD_COLORS[0]);
  });
});
