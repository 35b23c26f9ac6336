/** Finds units anywhere in the tree by partial name or code, for the navigator's search box. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PageOf, Unit } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export const SEARCH_LIMIT = 30;

export function searchUnits(q: string, signal?: AbortSignal): Promise<PageOf<Unit>> {
  return api.get<PageOf<Unit>>('/api/v1/units', { signal, query: { q, limit: SEARCH_LIMIT } });
}

export const unitSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['units', 'search', q],
    queryFn: ({ signal }) => searchUnits(q, signal),
    enabled: q.length > 0,
  });

export function useUnitSearch(q: string) {
  return useQuery(unitSearchQueryOptions(q));
}
