/**
 * The figures of docs/TICKETS.md in the order officials read them, and which tickets stand behind
 * each count. Cards, table and charts all take their lists from here.
 */
import { HandlingLevels, type HandlingLevel, type StatFigures, type Statistics } from '@wangge/contracts';
import { share } from './format.ts';
import type { TicketListFilter } from './ticket-links.ts';

export type StatRow = Statistics['rows'][number];

export const CountKeys = ['received', 'rejected', 'due', 'closed', 'closedOnTime', 'openNow', 'overdueNow'] as const;
export type CountKey = (typeof CountKeys)[number];

export const RateKeys = [
  'completionRate',
  'onTimeRate',
  'responseRate',
  'resolutionRate',
  'satisfactionRate',
  'selfResolvedShare',
  'redoRate',
  'returnRate',
] as const;
export type RateKey = (typeof RateKeys)[number];

/** The tickets behind a count, as tickets-list filters on top of the page's own. */
export const countFilter: Partial<Record<CountKey, Pick<TicketListFilter, 'state' | 'light'>>> = {
  received: {},
  closed: { state: 'done' },
  closedOnTime: { state: 'done' },
  openNow: { state: 'open' },
  overdueNow: { state: 'open', light: 'red' },
};

/** 处置层级: tickets closed at each level, and the two shares of "小事不出村、大事不出镇". */
export function levelShares(levels: StatFigures['levels']) {
  const total = HandlingLevels.reduce((sum, l) => sum + levels[l], 0);
  return {
    total,
    inVillage: share(levels.grid + levels.village, total),
    inTownship: share(levels.grid + levels.village + levels.township, total),
  };
}

export const levelColor: Record<HandlingLevel, string> = {
  grid: '#52c41a',
  village: '#13c2c2',
  township: '#1677ff',
  county: '#fa8c16',
  department: '#722ed1',
};

/**
 * A column sorter that keeps nulls (no denominator) at the bottom in both directions: antd
 * negates the result for a descending sort, so the null's side flips with the order.
 */
export function compareFigures(a: number | null, b: number | null, order?: 'ascend' | 'descend' | null): number {
  if (a === b) return 0;
  const last = order === 'descend' ? -1 : 1;
  if (a === null) return last;
  if (b === null) return -last;
  return a - b;
}
