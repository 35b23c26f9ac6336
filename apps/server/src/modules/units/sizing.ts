/**
 * Sizing rules from the seeds (domain.md §2), shown as warnings and coverage indicators; they never
 * block an edit. The ranges are the defaults an administrator would tune.
 */
export const sizingRules = {
  /** Basic grid: about 300 households / 1,000 people. */
  gridHouseholds: { min: 150, max: 450, label: 'about 300 (150–450)' },
  /** Micro-grid: 10–15 households recommended… */
  microGridHouseholds: { min: 10, max: 15, label: '10–15' },
  /** …and never more than 30. */
  microGridMax: { max: 30, label: 'at most 30' },
  /** One resident representative per 8–15 households. */
  residentReps: { min: 8, max: 15, label: '8–15 households per representative' },
  /** 1–2 household leads per micro-grid. */
  householdLeads: { min: 1, max: 2, label: '1–2' },
} as const;

export interface SizingFacts {
  unitId: number;
  unitName: string;
  kind: string;
  households: number;
  residentReps: number;
  householdLeads: number;
  gridLeaders: number;
}

export interface Warning {
  unitId: number;
  unitName: string;
  rule: 'gridHouseholds' | 'microGridHouseholds' | 'microGridMax' | 'residentReps' | 'householdLeads' | 'gridLeader';
  actual: number;
  expected: string;
  message: string;
}

export function sizingWarnings(f: SizingFacts): Warning[] {
  const out: Warning[] = [];
  const w = (rule: Warning['rule'], actual: number, expected: string, message: string) =>
    out.push({ unitId: f.unitId, unitName: f.unitName, rule, actual, expected, message });
  if (f.kind === 'grid') {
    const r = sizingRules.gridHouseholds;
    if (f.households < r.min || f.households > r.max)
      w('gridHouseholds', f.households, r.label, `grid has ${f.households} households`);
    if (f.gridLeaders === 0) w('gridLeader', 0, '1', 'grid has no grid leader');
    if (f.households > 0) {
      const rr = sizingRules.residentReps;
      const perRep = f.residentReps === 0 ? Infinity : f.households / f.residentReps;
      if (perRep > rr.max || perRep < rr.min) {
        w('residentReps', f.residentReps, rr.label, `${f.residentReps} resident representatives for ${f.households} households`);
      }
    }
  }
  if (f.kind === 'microGrid') {
    if (f.households > sizingRules.microGridMax.max) {
      w(
        'microGridMax',
        f.households,
        sizingRules.microGridMax.label,
        `micro-grid has ${f.households} households, over the maximum`,
      );
    } else if (
      f.households > 0 &&
      (f.households < sizingRules.microGridHouseholds.min || f.households > sizingRules.microGridHouseholds.max)
    ) {
      w('microGridHouseholds', f.households, sizingRules.microGridHouseholds.label, `micro-grid has ${f.households} households`);
    }
    const hl = sizingRules.householdLeads;
    if (f.householdLeads < hl.min || f.householdLeads > hl.max) {
      w('householdLeads', f.householdLeads, hl.label, `micro-grid has ${f.householdLeads} household leads`);
    }
  }
  return out;
}
