/** Statistics answers for component tests: all zero and no rates by default, each test sets what it is about. */
import type { StatFigures, Statistics, UnitRef } from '@wangge/contracts';

export function figures(overrides: Partial<StatFigures> = {}): StatFigures {
  return {
    received: 0,
    rejected: 0,
    due: 0,
    closed: 0,
    closedOnTime: 0,
    overdueNow: 0,
    openNow: 0,
    completionRate: null,
    onTimeRate: null,
    responseRate: null,
    resolutionRate: null,
    satisfactionRate: null,
    selfResolvedShare: null,
    redoRate: null,
    returnRate: null,
    avgWorkdaysToClose: null,
    levels: { grid: 0, village: 0, township: 0, county: 0, department: 0 },
    ...overrides,
  };
}

export const county: UnitRef = { id: 1, code: '360121000000', name: '示范县', kind: 'county' };

export function statistics(
  rows: { key: string; name: string; figures: StatFigures }[],
  totals: StatFigures,
  period = { from: '2026-03-01', to: '2026-03-02' },
): Statistics {
  return { unit: county, ...period, totals, rows: rows.map((r, i) => ({ id: i + 1, key: r.key, name: r.name, ...r.figures })) };
}
