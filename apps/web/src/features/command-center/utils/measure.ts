/**
 * Colouring child units on the map by a measure. Counts (open, red) and tickets per 1,000 people
 * get five equal steps from zero to the largest value on screen, darker = more; the on-time rate
 * gets fixed steps officials read the same at every level, red (late) to green (on time). A unit
 * without a value (nobody lives there, nothing was due) is grey, never the "best" colour.
 */
import type { DashboardChild } from '@wangge/contracts';

export const Measures = ['open', 'red', 'per1000', 'onTimeRate'] as const;
export type Measure = (typeof Measures)[number];

export const NO_DATA_COLOR = '#bfbfbf';

const PALETTES: Record<Measure, readonly string[]> = {
  open: ['#fff7e6', '#ffd591', '#ffa940', '#fa8c16', '#ad4e00'],
  red: ['#fff1f0', '#ffa39e', '#ff7875', '#f5222d', '#a8071a'],
  per1000: ['#e6f4ff', '#91caff', '#4096ff', '#0958d9', '#002c8c'],
  onTimeRate: ['#cf1322', '#fa541c', '#faad14', '#a0d911', '#389e0d'],
};

/** Rate steps: below 60 %, 60–80 %, 80–90 %, 90–95 %, 95 % and above. */
const RATE_BOUNDS = [0, 0.6, 0.8, 0.9, 0.95, 1.0000001];

export interface MeasureStep {
  color: string;
  /** Lower bound, inclusive. */
  from: number;
  /** Upper bound, exclusive (the last step also holds its upper bound). */
  to: number;
}

export function measureValue(child: DashboardChild, measure: Measure): number | null {
  return child[measure];
}

export function measureSteps(measure: Measure, values: readonly (number | null)[]): MeasureStep[] {
  const palette = PALETTES[measure];
  if (measure === 'onTimeRate') {
    return palette.map((color, i) => ({ color, from: RATE_BOUNDS[i]!, to: RATE_BOUNDS[i + 1]! }));
  }
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const max = Math.max(0, ...present);
  if (measure === 'per1000') {
    // Tenths: a per-mille figure is shown with one decimal.
    const size = Math.max(0.1, Math.ceil((max * 10 + 1) / palette.length) / 10);
    return palette
      .map((color, i) => ({ color, from: round1(i * size), to: round1((i + 1) * size) }))
      .filter((s, i) => i === 0 || s.from <= max);
  }
  const size = Math.max(1, Math.ceil((max + 1) / palette.length));
  return palette.map((color, i) => ({ color, from: i * size, to: (i + 1) * size })).filter((s, i) => i === 0 || s.from <= max);
}

export function measureColor(steps: readonly MeasureStep[], value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA_COLOR;
  const step = steps.find((s) => value >= s.from && value < s.to) ?? (value < (steps[0]?.from ?? 0) ? steps[0] : steps.at(-1));
  return step?.color ?? NO_DATA_COLOR;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const pct = (n: number) => `${Math.round(n * 100)}%`;

/** A step as the legend reads it: 0–3, 2.5–5.0, 60%–80%, ≥ 95%. */
export function stepLabel(measure: Measure, step: MeasureStep, last: boolean): string {
  if (measure === 'onTimeRate') {
    if (step.from === 0) return `< ${pct(step.to)}`;
    return last ? `≥ ${pct(step.from)}` : `${pct(step.from)}–${pct(step.to)}`;
  }
  if (measure === 'per1000') return `${step.from.toFixed(1)}–${step.to.toFixed(1)}`;
  const upper = step.to - 1;
  return upper === step.from ? String(step.from) : `${step.from}–${upper}`;
}
