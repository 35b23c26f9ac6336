/**
 * Units for the scope picker: the user's top units (their grants' units), the children of one,
 * or a search by name or code. The first top unit is the page's default scope.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PageOf, Unit } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

const LIMIT = 500;
const SEARCH_LIMIT = 30;

export function getScopeUnits(parentId: number | null, signal?: AbortSignal): Promise<PageOf<Unit>> {
  // No parentId: the server answers with the caller's top units.
  return api.get<PageOf<Unit>>('/api/v1/units', { signal, query: { parentId, limit: LIMIT } });
}

export const scopeUnitsQueryOptions = (parentId: number | null) =>
  queryOptions({
    queryKey: ['people', 'scopeUnits', parentId],
    queryFn: ({ signal }) => getScopeUnits(parentId, signal),
    staleTime: 5 * 60_000,
  });

export function useTopUnits() {
  return useQuery(scopeUnitsQueryOptions(null));
}

export function searchScopeUnits(q: string, signal?: AbortSignal): Promise<PageOf<Unit>> {
  return api.get<PageOf<Unit>>('/api/v1/units', { signal, query: { q, limit: SEARCH_LIMIT } });
}

export const scopeUnitSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['people', 'scopeUnits', 'search', q],
    queryFn: ({ signal }) => searchScopeUnits(q, signal),
    enabled: q.length > 0,
  });

export function useScopeUnitSearch(q: string) {
  return useQuery(scopeUnitSearchQueryOptions(q));
}
