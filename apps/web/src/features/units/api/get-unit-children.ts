/** Children of a unit for the tree navigator and the map's list; `null` asks for the roots (the county). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PageOf, Unit } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

/** The most children one request returns (the server's page limit); the search box finds the rest. */
export const CHILDREN_LIMIT = 500;

export function getUnitChildren(parentId: number | null, signal?: AbortSignal): Promise<PageOf<Unit>> {
  return api.get<PageOf<Unit>>('/api/v1/units', { signal, query: { parentId, limit: CHILDREN_LIMIT } });
}

export const unitChildrenQueryOptions = (parentId: number | null) =>
  queryOptions({
    queryKey: ['units', 'children', parentId],
    queryFn: ({ signal }) => getUnitChildren(parentId, signal),
  });

export function useUnitChildren(parentId: number | null) {
  return useQuery(unitChildrenQueryOptions(parentId));
}
