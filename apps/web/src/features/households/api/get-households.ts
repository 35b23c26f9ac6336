/** Households within a unit's subtree, searchable by head of household or address. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Household, PageOf } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export interface HouseholdFilter {
  within: number;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export function getHouseholds(filter: HouseholdFilter, signal?: AbortSignal): Promise<PageOf<Household>> {
  return api.get<PageOf<Household>>('/api/v1/households', { signal, query: { ...filter } });
}

export const householdsQueryOptions = (filter: HouseholdFilter, enabled = true) =>
  queryOptions({
    queryKey: ['households', filter],
    queryFn: ({ signal }) => getHouseholds(filter, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

export function useHouseholds(filter: HouseholdFilter, enabled = true) {
  return useQuery(householdsQueryOptions(filter, enabled));
}
