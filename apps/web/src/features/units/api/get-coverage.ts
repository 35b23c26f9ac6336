/** Coverage of a unit: each child with units, staff and households rolled up from its subtree. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Coverage } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getCoverage(id: number, signal?: AbortSignal): Promise<Coverage> {
  return api.get<Coverage>(`/api/v1/units/${id}/coverage`, { signal });
}

export const coverageQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['units', id, 'coverage'],
    queryFn: ({ signal }) => getCoverage(id, signal),
  });

export function useCoverage(id: number) {
  return useQuery(coverageQueryOptions(id));
}
