/** Dashboard answers for component tests: an empty month of a county by default, each test sets what it is about. */
import type { Dashboard, DashboardChild, UnitRef } from '@wangge/contracts';

export const county: UnitRef = { id: 1, code: '360121000000', name: '示范县', kind: 'county' };
export const township: UnitRef = { id: 2, code: '360121100000', name: '东乡镇', kind: 'township' };
export const village: UnitRef = { id: 3, code: '360121100001', name: '东街村', kind: 'village' };

const pair = <T>(value: T, previous: T) => ({ value, previous });

export function child(unit: UnitRef, overrides: Partial<DashboardChild> = {}): DashboardChild {
  return {
    unit,
    hasGeometry: true,
    open: 0,
    red: 0,
    receivedMonth: 0,
    people: 1000,
    per1000: 0,
    onTimeRate: null,
    satisfactionRate: null,
    ...overrides,
  };
}

export function report(id: number, receivedAt: string, title = `事件 ${id}`): Dashboard['latest'][number] {
  return {
    ticket: { id, code: `SJ2026${String(id).padStart(6, '0')}`, title, state: 'reported' },
    unit: '东街村一网格',
    category: '邻里纠纷',
    receivedAt,
    light: 'green',
  };
}

export function dashboard(overrides: Partial<Dashboard> = {}, figures: Partial<Dashboard['figures']> = {}): Dashboard {
  return {
    unit: county,
    asOf: '2026-09-30T01:00:00.000Z',
    month: '2026-09',
    from: '2026-09-01',
    to: '2026-09-30',
    figures: {
      receivedToday: pair(0, 0),
      receivedMonth: pair(0, 0),
      open: 0,
      red: 0,
      yellow: 0,
      completionRate: pair(null, null),
      onTimeRate: pair(null, null),
      satisfactionRate: pair(null, null),
      selfResolvedShare: pair(null, null),
      people: 0,
      households: 0,
      grids: 0,
      staffOnDuty: 0,
      recorded: null,
      ...figures,
    },
    children: [],
    days: Array.from({ length: 30 }, (_, i) => ({
      day: new Date(Date.UTC(2026, 8, 1 + i)).toISOString().slice(0, 10),
      received: 0,
      closed: 0,
    })),
    categories: [],
    months: [],
    levels: { grid: 0, village: 0, township: 0, county: 0, department: 0 },
    redList: [],
    notices: [],
    latest: [],
    points: null,
    ...overrides,
  };
}
