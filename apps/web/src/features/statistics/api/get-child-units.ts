/**
 * The children of the unit in view, to turn a statistics row grouped by unit (keyed by the unit's
 * code) into the unit id the tickets list and the next drill-down take.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PageOf, Unit } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getChildUnits(parentId: number, signal?: AbortSignal): Promise<PageOf<Unit>> {
  return api.get<PageOf<Unit>>('/api/v1/units', { signal, query: { parentId, limit: 500 } });
}

export const childUnitsQueryOptions = (parentId: number, enabled = true) =>
  queryOptions({
    queryKey: ['statistics', 'childUnits', parentId],
    queryFn: ({ signal }) => getChildUnits(parentId, signal),
    staleTime: 5 * 60_000,
    enabled,
  });

export function useChildUnits(parentId: number, enabled = true) {
  return useQuery(childUnitsQueryOptions(parentId, enabled));
}
