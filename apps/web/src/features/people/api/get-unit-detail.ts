/**
 * One unit with its ancestors: names the chosen scope in the picker, and tells which of the
 * user's grants cover it (whether export or reveal is offered there).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UnitDetail } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getUnitDetail(id: number, signal?: AbortSignal): Promise<UnitDetail> {
  return api.get<UnitDetail>(`/api/v1/units/${id}`, { signal });
}

export const unitDetailQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['people', 'unitDetail', id],
    queryFn: ({ signal }) => getUnitDetail(id, signal),
    staleTime: 5 * 60_000,
  });

/** `id` undefined runs no request. */
export function useUnitDetail(id: number | undefined) {
  return useQuery({ ...unitDetailQueryOptions(id ?? 0), enabled: id !== undefined });
}
