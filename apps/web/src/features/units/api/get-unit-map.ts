/**
 * The polygons of a unit's children and the unit's own outline: the map tab, the command center's
 * map, and the map under a ticket's point. Outlines change rarely (and the 网格 module's edits
 * invalidate them): ten minutes fresh.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UnitMap } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getUnitMap(id: number, signal?: AbortSignal): Promise<UnitMap> {
  return api.get<UnitMap>(`/api/v1/units/${id}/map`, { signal });
}

export const unitMapQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['units', id, 'map'],
    queryFn: ({ signal }) => getUnitMap(id, signal),
    staleTime: 10 * 60_000,
  });

/** `id` undefined runs no request. */
export function useUnitMap(id: number | undefined) {
  return useQuery({ ...unitMapQueryOptions(id ?? 0), enabled: id !== undefined });
}
