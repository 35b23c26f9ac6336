/**
 * Units for the unit picker: the administrator's top units, the children of one, or a search by
 * name or code. Kept apart from the 网格 module's queries: the picker's cache is its own.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PageOf, Unit } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

const LIMIT = 500;
const SEARCH_LIMIT = 30;

export function getUnitOptions(parentId: number | null, signal?: AbortSignal): Promise<PageOf<Unit>> {
  // No parentId: the server answers with the caller's top units (their grants' units).
  return api.get<PageOf<Unit>>('/api/v1/units', { signal, query: { parentId, limit: LIMIT } });
}

export const unitOptionsQueryOptions = (parentId: number | null) =>
  queryOptions({
    queryKey: ['admin', 'unitOptions', parentId],
    queryFn: ({ signal }) => getUnitOptions(parentId, signal),
    staleTime: 5 * 60_000,
  });

export function searchUnitOptions(q: string, signal?: AbortSignal): Promise<PageOf<Unit>> {
  return api.get<PageOf<Unit>>('/api/v1/units', { signal, query: { q, limit: SEARCH_LIMIT } });
}

export const unitSearchOptionsQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['admin', 'unitOptions', 'search', q],
    queryFn: ({ signal }) => searchUnitOptions(q, signal),
    enabled: q.length > 0,
  });

export function useUnitRootOptions() {
  return useQuery(unitOptionsQueryOptions(null));
}

export function useUnitSearchOptions(q: string) {
  return useQuery(unitSearchOptionsQueryOptions(q));
}
