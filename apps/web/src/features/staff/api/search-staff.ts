/** Finds people who work the grid by name, for the assign form's person picker. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PageOf, Staff } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function searchStaff(q: string, signal?: AbortSignal): Promise<PageOf<Staff>> {
  return api.get<PageOf<Staff>>('/api/v1/staff', { signal, query: { q, limit: 20 } });
}

export const staffSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['staff', 'search', q],
    queryFn: ({ signal }) => searchStaff(q, signal),
    enabled: q.length > 0,
  });

export function useStaffSearch(q: string) {
  return useQuery(staffSearchQueryOptions(q));
}
