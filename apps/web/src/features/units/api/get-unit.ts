/** One unit with its ancestors (for the breadcrumb), household count and sizing warnings. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UnitDetail } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getUnit(id: number, signal?: AbortSignal): Promise<UnitDetail> {
  return api.get<UnitDetail>(`/api/v1/units/${id}`, { signal });
}

export const unitQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['units', id, 'detail'],
    queryFn: ({ signal }) => getUnit(id, signal),
  });

/** `id` null (no unit chosen) runs no request. */
export function useUnit(id: number | null) {
  return useQuery({ ...unitQueryOptions(id ?? 0), enabled: id !== null });
}
