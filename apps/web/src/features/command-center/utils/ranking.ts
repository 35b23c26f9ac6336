/**
 * Child units ranked by a rate, best first; a unit without the rate (nothing due, nothing
 * evaluated) goes last rather than first or as zero. Ties fall back to the other rate, then the name.
 */
import type { DashboardChild } from '@wangge/contracts';

export const RankKeys = ['onTimeRate', 'satisfactionRate'] as const;
export type RankKey = (typeof RankKeys)[number];

const desc = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a);

export function rankChildren(children: readonly DashboardChild[], by: RankKey): DashboardChild[] {
  const other: RankKey = by === 'onTimeRate' ? 'satisfactionRate' : 'onTimeRate';
  return [...children].sort(
    (a, b) => desc(a[by], b[by]) || desc(a[other], b[other]) || a.unit.name.localeCompare(b.unit.name, 'zh-CN'),
  );
}
