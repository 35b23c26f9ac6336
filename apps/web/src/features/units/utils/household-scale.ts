/**
 * Colours map polygons by household count: five steps of one hue, from the fewest to the most
 * households among the units on screen, so the fullest grids stand out whatever the level.
 */
export const HOUSEHOLD_COLORS = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;

export interface HouseholdStep {
  color: string;
  /** Inclusive lower and upper bound of the step. */
  from: number;
  to: number;
}

export function householdSteps(counts: readonly number[]): HouseholdStep[] {
  const max = Math.max(0, ...counts);
  const size = Math.max(1, Math.ceil((max + 1) / HOUSEHOLD_COLORS.length));
  return HOUSEHOLD_COLORS.map((color, i) => ({ color, from: i * size, to: (i + 1) * size - 1 })).filter(
    (step, i) => i === 0 || step.from <= max,
  );
}

export function householdColor(steps: readonly HouseholdStep[], households: number): string {
  const step = steps.find((s) => households <= s.to) ?? steps[steps.length - 1];
  return step?.color ?? HOUSEHOLD_COLORS[0];
}
