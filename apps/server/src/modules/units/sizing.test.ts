import { describe, expect, it } from 'vitest';
import { sizingWarnings } from './sizing.ts';

const base = { unitId: 1, unitName: 'x', households: 0, residentReps: 0, householdLeads: 0, gridLeaders: 1 };

describe('sizing rules', () => {
  it('accepts a grid of about 300 households with a leader and enough representatives', () => {
    expect(sizingWarnings({ ...base, kind: 'grid', households: 300, residentReps: 25 })).toEqual([]);
  });

  it('warns on an oversized grid without a leader and with too few representatives', () => {
    const rules = sizingWarnings({ ...base, kind: 'grid', households: 600, residentReps: 10, gridLeaders: 0 }).map((w) => w.rule);
    expect(rules).toEqual(['gridHouseholds', 'gridLeader', 'residentReps']);
  });

  it('distinguishes a micro-grid above the recommended 10–15 from one over the maximum 30', () => {
    expect(sizingWarnings({ ...base, kind: 'microGrid', households: 20, householdLeads: 1 }).map((w) => w.rule)).toEqual([
      'microGridHouseholds',
    ]);
    expect(sizingWarnings({ ...base, kind: 'microGrid', households: 31, householdLeads: 2 }).map((w) => w.rule)).toEqual([
      'microGridMax',
    ]);
  });

  it('wants one or two household leads per micro-grid', () => {
    expect(sizingWarnings({ ...base, kind: 'microGrid', households: 12, householdLeads: 0 }).map((w) => w.rule)).toEqual([
      'householdLeads',
    ]);
    expect(sizingWarnings({ ...base, kind: 'microGrid', households: 12, householdLeads: 3 }).map((w) => w.rule)).toEqual([
      'householdLeads',
    ]);
    expect(sizingWarnings({ ...base, kind: 'microGrid', households: 12, householdLeads: 2 })).toEqual([]);
  });
});
