/**
 * One unit with its ancestors (for the breadcrumb, the levels a ticket can go to, which grants cover
 * it), household count and sizing warnings. Every screen asks this one query: the 网格 module's
 * edits invalidate it, and for 30 s a second screen reuses the answer.
 */
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
    staleTime: 30_000,
  });

/** `id` null or undefined (no unit chosen) runs no request. */
export function useUnit(id: number | null | undefined) {
  return useQuery({ ...unitQueryOptions(id ?? 0), enabled: id !== null && id !== undefined });
}
