/**
 * The statistics view in the URL: period (see use-period), grouping (`by`) and the category and
 * channel filters, so a table an official discussed in a meeting can be sent as a link.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { TicketChannels, type TicketChannel } from '@wangge/contracts';
import { usePeriod } from './use-period.ts';

export const Groupings = ['unit', 'category', 'channel'] as const;
export type Grouping = (typeof Groupings)[number];

export interface StatisticsFilters {
  by: Grouping;
  categoryId: number | undefined;
  channel: TicketChannel | undefined;
}

const STATISTICS_PRESETS = ['thisMonth', 'lastMonth', 'thisYear', 'custom'] as const;

function parseId(value: string | null): number | undefined {
  return value !== null && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined;
}

export function useStatisticsView() {
  const [params, setParams] = useSearchParams();
  const period = usePeriod(STATISTICS_PRESETS, 'thisMonth');
  const by = params.get('by');
  const channel = params.get('channel');
  const filters: StatisticsFilters = {
    by: Groupings.includes(by as Grouping) ? (by as Grouping) : 'unit',
    categoryId: parseId(params.get('categoryId')),
    channel: TicketChannels.includes(channel as TicketChannel) ? (channel as TicketChannel) : undefined,
  };

  const setFilter = useCallback(
    <K extends keyof StatisticsFilters>(key: K, value: StatisticsFilters[K]) =>
      setParams(
        (current) => {
          const p = new URLSearchParams(current);
          if (value === undefined || (key === 'by' && value === 'unit')) p.delete(key);
          else p.set(key, String(value));
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );

  return { ...period, presets: STATISTICS_PRESETS, filters, setFilter };
}
