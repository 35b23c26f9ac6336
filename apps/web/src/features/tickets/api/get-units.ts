/**
 * Units for the ticket forms' unit picker: the user's top units or the children of one, a search
 * by name or code, and one unit with its ancestors (the levels a ticket can be escalated to).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PageOf, Unit, UnitDetail, UnitMap } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

const LIMIT = 500;
const SEARCH_LIMIT = 30;

export function getUnitOptions(parentId: number | null, signal?: AbortSignal): Promise<PageOf<Unit>> {
  return api.get<PageOf<Unit>>('/api/v1/units', { signal, query: { parentId, limit: LIMIT } });
}

export const unitOptionsQueryOptions = (parentId: number | null) =>
  queryOptions({
    queryKey: ['tickets', 'units', parentId],
    queryFn: ({ signal }) => getUnitOptions(parentId, signal),
    staleTime: 5 * 60_000,
  });

export function useUnitOptions(parentId: number | null) {
  return useQuery(unitOptionsQueryOptions(parentId));
}

export const unitSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['tickets', 'units', 'search', q],
    queryFn: ({ signal }) => api.get<PageOf<Unit>>('/api/v1/units', { signal, query: { q, limit: SEARCH_LIMIT } }),
    enabled: q.length > 0,
  });

export function useUnitSearch(q: string) {
  return useQuery(unitSearchQueryOptions(q));
}

export const unitDetailQueryOptions = (id: number | undefined) =>
  queryOptions({
    queryKey: ['tickets', 'unit', id],
    queryFn: ({ signal }) => api.get<UnitDetail>(`/api/v1/units/${id}`, { signal }),
    enabled: id !== undefined,
    staleTime: 5 * 60_000,
  });

export function useUnitDetail(id: number | undefined) {
  return useQuery(unitDetailQueryOptions(id));
}

/** A unit's outline and its children's polygons, to draw under a ticket's point. */
export const unitMapQueryOptions = (id: number | undefined) =>
  queryOptions({
    queryKey: ['tickets', 'unitMap', id],
    queryFn: ({ signal }) => api.get<UnitMap>(`/api/v1/units/${id}/map`, { signal }),
    enabled: id !== undefined,
    staleTime: 10 * 60_000,
  });

export function useUnitMap(id: number | undefined) {
  return useQuery(unitMapQueryOptions(id));
}
