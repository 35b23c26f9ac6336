/** Changes to a unit (created, renamed, moved, retired, polygon), newest as the server orders them. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UnitHistoryEntry } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getUnitHistory(id: number, signal?: AbortSignal): Promise<UnitHistoryEntry[]> {
  return api.get<UnitHistoryEntry[]>(`/api/v1/units/${id}/history`, { signal });
}

export const unitHistoryQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['units', id, 'history'],
    queryFn: ({ signal }) => getUnitHistory(id, signal),
  });

export function useUnitHistory(id: number) {
  return useQuery(unitHistoryQueryOptions(id));
}
