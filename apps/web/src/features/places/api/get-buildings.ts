/** Buildings (楼栋) within a unit's subtree, searchable by name or address. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Building, PageOf } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export interface BuildingFilter {
  within: number;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export function getBuildings(filter: BuildingFilter, signal?: AbortSignal): Promise<PageOf<Building>> {
  return api.get<PageOf<Building>>('/api/v1/buildings', { signal, query: { ...filter } });
}

export const buildingsQueryOptions = (filter: BuildingFilter) =>
  queryOptions({
    queryKey: ['places', 'buildings', filter],
    queryFn: ({ signal }) => getBuildings(filter, signal),
    placeholderData: keepPreviousData,
  });

export function useBuildings(filter: BuildingFilter) {
  return useQuery(buildingsQueryOptions(filter));
}
