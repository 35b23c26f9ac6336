/** The fill colour and accessible name of each child unit on the map, for one measure. */
import type { DashboardChild } from '@wangge/contracts';
import { formatCount, formatRate, NO_VALUE } from '@/features/statistics/utils/format.ts';
import { measureColor, measureSteps, measureValue, type Measure, type MeasureStep } from './measure.ts';

export function formatMeasure(measure: Measure, value: number | null): string {
  if (value === null) return NO_VALUE;
  if (measure === 'onTimeRate') return formatRate(value);
  if (measure === 'per1000') return value.toFixed(1);
  return formatCount(value);
}

export function childStyles(
  children: readonly DashboardChild[],
  measure: Measure,
  describe: (name: string, value: string) => string,
): { steps: MeasureStep[]; styles: Map<number, { color: string; label: string }> } {
  const steps = measureSteps(
    measure,
    children.map((c) => measureValue(c, measure)),
  );
  const styles = new Map(
    children.map((c) => {
      const value = measureValue(c, measure);
      return [c.unit.id, { color: measureColor(steps, value), label: describe(c.unit.name, formatMeasure(measure, value)) }];
    }),
  );
  return { steps, styles };
}
