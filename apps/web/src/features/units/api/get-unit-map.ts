/** The polygons of a unit's children and the unit's own outline, for the map tab. */
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
  });

export function useUnitMap(id: number) {
  return useQuery(unitMapQueryOptions(id));
}
