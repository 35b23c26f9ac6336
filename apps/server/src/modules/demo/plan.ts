/**
 * The shape of the demo county at a given scale, computed in memory before anything is written:
 * how many grids each village gets, households per grid, micro-grids and household groups.
 * Scale 1 gives seed 004's figures: 1,094 basic grids and about 184,000 households (608,096 people).
 */
import type { Random } from './random.ts';

export const FULL_GRIDS = 1094;
export const FULL_HOUSEHOLDS = 184_270;

export interface GridPlan {
  households: number[][]; // per micro-grid, per household group: household counts
}

/** Splits `total` into `parts` near-equal integers (±jitter), summing exactly to total. */
export function split(r: Random, total: number, parts: number, jitter = 0.2): number[] {
  if (parts <= 0) return [];
  const weights = Array.from({ length: parts }, () => 1 - jitter + r.next() * 2 * jitter);
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((w / sum) * total));
  let rest = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts, rest--) out[i]!++;
  return out;
}

export function gridsPerVillage(r: Random, villages: number, scale: number): number[] {
  const total = Math.max(villages, Math.round(FULL_GRIDS * scale));
  return split(r, total, villages, 0.35).map((n) => Math.max(1, n));
}

export function planGrid(r: Random, households: number): GridPlan {
  const microGrids = Math.max(1, Math.round(households / 12.5));
  return {
    households: split(r, households, microGrids, 0.15).map((h) => (h >= 12 ? split(r, h, 2, 0.2) : [h])),
  };
}

/** Household sizes as rural Hunan has them: mean about 3.3 people (608,096 people in ~184,000 households). */
export function householdSize(r: Random): number {
  const x = r.next();
  return x < 0.1 ? 1 : x < 0.31 ? 2 : x < 0.56 ? 3 : x < 0.79 ? 4 : x < 0.92 ? 5 : 6;
}

/**
 * Moves household sizes by one person at a time, spread over the county in a fixed order, until
 * they add up to `people` (seed 004's 608,096 at scale 1): the demo has the county's very count.
 */
export function fitHouseholdSizes(households: { member_count: number }[], people: number): void {
  let diff = people - households.reduce((sum, h) => sum + h.member_count, 0);
  const n = households.length;
  for (let i = 0; diff !== 0 && n > 0 && i < n * 8; i++) {
    const h = households[(i * 7919) % n]!;
    if (diff > 0 && h.member_count < 8) {
      h.member_count++;
      diff--;
    } else if (diff < 0 && h.member_count > 1) {
      h.member_count--;
      diff++;
    }
  }
}
