/** Staff in roles within a unit's subtree: the 人员 tab. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Assignment, PageOf, StaffRole } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export interface RosterFilter {
  within: number;
  role?: StaffRole | undefined;
  /** true: current assignments only; false: ended ones too. */
  active: boolean;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export function getRoster(filter: RosterFilter, signal?: AbortSignal): Promise<PageOf<Assignment>> {
  return api.get<PageOf<Assignment>>('/api/v1/roster', { signal, query: { ...filter } });
}

export const rosterQueryOptions = (filter: RosterFilter) =>
  queryOptions({
    queryKey: ['roster', filter],
    queryFn: ({ signal }) => getRoster(filter, signal),
    // Paging and filtering keep the old rows on screen instead of flashing an empty table.
    placeholderData: keepPreviousData,
  });

export function useRoster(filter: RosterFilter) {
  return useQuery(rosterQueryOptions(filter));
}
