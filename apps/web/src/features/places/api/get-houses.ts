/** The houses (房屋) of one building and who lives in each. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { House } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getHouses(buildingId: number, signal?: AbortSignal): Promise<House[]> {
  return api.get<House[]>(`/api/v1/buildings/${buildingId}/houses`, { signal });
}

export const housesQueryOptions = (buildingId: number) =>
  queryOptions({
    queryKey: ['places', 'houses', buildingId],
    queryFn: ({ signal }) => getHouses(buildingId, signal),
  });

/** `buildingId` undefined (none open) runs no request. */
export function useHouses(buildingId: number | undefined) {
  return useQuery({ ...housesQueryOptions(buildingId ?? 0), enabled: buildingId !== undefined });
}
