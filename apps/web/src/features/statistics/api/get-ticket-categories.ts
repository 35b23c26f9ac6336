/**
 * The ticket category tree, for the category filter and to turn a statistics row (keyed by the
 * category's code) into the category id the tickets list filters on.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Category } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getTicketCategories(signal?: AbortSignal): Promise<Category[]> {
  return api.get<Category[]>('/api/v1/ticket-categories', { signal });
}

export const ticketCategoriesQueryOptions = () =>
  queryOptions({
    queryKey: ['statistics', 'categories'],
    queryFn: ({ signal }) => getTicketCategories(signal),
    staleTime: 10 * 60_000,
  });

export function useTicketCategories() {
  return useQuery(ticketCategoriesQueryOptions());
}
