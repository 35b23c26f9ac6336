/** The circular (通报) of a period: per child unit, its notices, yellow and red cards and tickets. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Circular } from '@wangge/contracts';
import type { Static } from 'typebox';
import { api } from '@/shared/api/client.ts';

export type CircularReport = Static<typeof Circular>;
export type CircularRow = CircularReport['rows'][number];

export interface CircularFilter {
  within?: number | undefined;
  from: string;
  to: string;
}

export function getCircular(filter: CircularFilter, signal?: AbortSignal): Promise<CircularReport> {
  return api.get<CircularReport>('/api/v1/supervision/circular', { signal, query: { ...filter } });
}

export const circularQueryOptions = (filter: CircularFilter) =>
  queryOptions({
    queryKey: ['supervision', 'circular', filter],
    queryFn: ({ signal }) => getCircular(filter, signal),
  });

export function useCircular(filter: CircularFilter) {
  return useQuery(circularQueryOptions(filter));
}
