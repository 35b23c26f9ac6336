/**
 * The key figures of a dashboard: their values as shown, the change from the previous period
 * (yesterday for today's reports, the same days of last month for the month) and where each one
 * leads. Rates change in percentage points; a rate going up is better, a count has no side. Stock
 * figures (open, red, people…) compare with the day figures recorded on the same day last month.
 */
import type { Dashboard } from '@wangge/contracts';
import { formatCount, formatRate } from '@/features/statistics/utils/format.ts';
import { ticketListPath, type TicketFilter } from './links.ts';

export const FigureKeys = [
  'receivedToday',
  'receivedMonth',
  'open',
  'red',
  'yellow',
  'completionRate',
  'onTimeRate',
  'satisfactionRate',
  'selfResolvedShare',
  'people',
  'households',
  'grids',
  'staffOnDuty',
] as const;
export type FigureKey = (typeof FigureKeys)[number];

export type Tone = 'better' | 'worse' | 'neutral';

export interface Change {
  direction: 'up' | 'down' | 'flat';
  /** Absolute size of the change: percentage points for a rate, items for a count. */
  amount: string;
  unit: 'points' | 'count';
  tone: Tone;
  /** What it is compared with. */
  against: 'yesterday' | 'lastMonth';
}

export interface Figure {
  key: FigureKey;
  value: string;
  change?: Change | undefined;
  /** An in-app link (tickets list, units, people). */
  to: string;
  /** The tickets behind the figure, for the .xlsx export. */
  tickets?: TicketFilter | undefined;
  alert?: boolean;
}

type Pair<T> = { value: T; previous: T };

export function rateChange(pair: Pair<number | null>, against: Change['against']): Change | undefined {
  if (pair.value === null || pair.previous === null) return undefined;
  const points = Math.round((pair.value - pair.previous) * 1000) / 10;
  const direction = points > 0 ? 'up' : points < 0 ? 'down' : 'flat';
  const tone = direction === 'up' ? 'better' : direction === 'down' ? 'worse' : 'neutral';
  return { direction, amount: Math.abs(points).toFixed(1), unit: 'points', tone, against };
}

export function countChange(pair: Pair<number>, against: Change['against']): Change {
  const diff = pair.value - pair.previous;
  const direction = diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat';
  return { direction, amount: formatCount(Math.abs(diff)), unit: 'count', tone: 'neutral', against };
}

/** Today in China as the dashboard counts it (its last day of the 30-day trend). */
export function dashboardToday(d: Dashboard): string {
  return d.days.at(-1)?.day ?? d.to;
}

type StockKey = keyof NonNullable<Dashboard['figures']['recorded']> & FigureKey;

/** A stock figure (open, people…) against the same day last month, when that day was recorded. */
function stockChange(f: Dashboard['figures'], key: StockKey): Change | undefined {
  return f.recorded ? countChange({ value: f[key], previous: f.recorded[key] }, 'lastMonth') : undefined;
}

export function figureList(d: Dashboard): Figure[] {
  const f = d.figures;
  const within = d.unit.id;
  const { from, to } = d;
  const today = dashboardToday(d);
  const tickets = (filter: TicketFilter) => ({ to: ticketListPath(filter), tickets: filter });
  return [
    {
      key: 'receivedToday',
      value: formatCount(f.receivedToday.value),
      change: countChange(f.receivedToday, 'yesterday'),
      ...tickets({ within, from: today, to: today }),
    },
    {
      key: 'receivedMonth',
      value: formatCount(f.receivedMonth.value),
      change: countChange(f.receivedMonth, 'lastMonth'),
      ...tickets({ within, from, to }),
    },
    { key: 'open', value: formatCount(f.open), change: stockChange(f, 'open'), ...tickets({ within, state: 'open' }) },
    {
      key: 'red',
      value: formatCount(f.red),
      change: stockChange(f, 'red'),
      alert: f.red > 0,
      ...tickets({ within, state: 'open', light: 'red' }),
    },
    {
      key: 'yellow',
      value: formatCount(f.yellow),
      change: stockChange(f, 'yellow'),
      ...tickets({ within, state: 'open', light: 'yellow' }),
    },
    {
      key: 'completionRate',
      value: formatRate(f.completionRate.value),
      change: rateChange(f.completionRate, 'lastMonth'),
      ...tickets({ within, from, to, state: 'done' }),
    },
    {
      key: 'onTimeRate',
      value: formatRate(f.onTimeRate.value),
      change: rateChange(f.onTimeRate, 'lastMonth'),
      ...tickets({ within, from, to, state: 'done', result: 'onTime' }),
    },
    {
      key: 'satisfactionRate',
      value: formatRate(f.satisfactionRate.value),
      change: rateChange(f.satisfactionRate, 'lastMonth'),
      // 满意率 = satisfied ÷ evaluated: the list of the satisfied ones.
      ...tickets({ within, from, to, evaluation: 'satisfied' }),
    },
    {
      key: 'selfResolvedShare',
      value: formatRate(f.selfResolvedShare.value),
      change: rateChange(f.selfResolvedShare, 'lastMonth'),
      ...tickets({ within, from, to, selfResolved: true }),
    },
    { key: 'people', value: formatCount(f.people), change: stockChange(f, 'people'), to: `/people?within=${within}` },
    {
      key: 'households',
      value: formatCount(f.households),
      change: stockChange(f, 'households'),
      to: `/units/${within}?tab=households`,
    },
    // The grids by child unit (the 覆盖 table counts units by kind, with a total line).
    { key: 'grids', value: formatCount(f.grids), change: stockChange(f, 'grids'), to: `/units/${within}?tab=coverage` },
    {
      key: 'staffOnDuty',
      value: formatCount(f.staffOnDuty),
      change: stockChange(f, 'staffOnDuty'),
      to: `/units/${within}?tab=staff`,
    },
  ];
}
