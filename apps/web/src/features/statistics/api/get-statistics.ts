/** Ticket statistics of a unit subtree over a period, optionally grouped and filtered. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Statistics, StatisticsQuery } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getStatistics(query: StatisticsQuery, signal?: AbortSignal): Promise<Statistics> {
  return api.get<Statistics>('/api/v1/tickets/statistics', { signal, query: { ...query } });
}

export const statisticsQueryOptions = (query: StatisticsQuery) =>
  queryOptions({
    queryKey: ['statistics', 'figures', query],
    queryFn: ({ signal }) => getStatistics(query, signal),
    // Another period or grouping keeps the last figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });

export function useStatistics(query: StatisticsQuery) {
  return useQuery(statisticsQueryOptions(query));
}
